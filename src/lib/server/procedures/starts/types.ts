/** How a procedure's live run is started: what the start form asks, and how the machine input is read from the sandbox. */
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../auth/session';

export interface StartRequest {
	/** The subject typed or chosen on the start form (account number, drawer name…); '' when the procedure has none. */
	subject: string;
	user: SessionUser;
	at: number;
	/** Answers to the procedure's start questions, by question name (missing when not given). */
	answers?: Record<string, string>;
}

/** A question the start form asks besides the subject (e.g. whether a contact is by phone or at the counter). */
export interface StartQuestion {
	name: string;
	label: string;
	/** One of these (radio buttons); without options, a text box. */
	options?: { value: string; label: string }[];
	optional?: boolean;
}

export type StartPlan =
	/** `input`: the machine input less `policy` (the runner adds it). `subject`: what the run is about, as people read it (an account number, not a row id). */
	| { ok: true; input: Record<string, unknown>; subject: string }
	| { ok: false; message: string; /** The start question the message is about; the subject when absent. */ field?: string };

export interface ProcedureStart {
	/** Label of the subject field on the start form, or null when the procedure needs none (e.g. lock-off day is about today). */
	subjectLabel: string | null;
	/** When the subject is one of a short list (drawers), the choices to offer instead of a text box. */
	subjectOptions?: (db: Database.Database) => { value: string; label: string }[];
	/** Further questions the start form asks; plan() reads the answers from `req.answers`. */
	questions?: StartQuestion[];
	/** Reads the sandbox (never writes) and builds the machine input, or says clearly why the run cannot start. */
	plan(db: Database.Database, req: StartRequest): StartPlan;
}

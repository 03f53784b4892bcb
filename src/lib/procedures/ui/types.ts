/**
 * What the checklist UI needs per procedure beyond the machine itself. Everything here runs on the
 * server; what it returns is sent to the browser, so it must never include values a blind step hides
 * (expected totals) or secrets held for checking (verification answers).
 */
import type { StepForms } from '../step-forms';

export interface CapturedItem {
	label: string;
	value: string;
}

/** One block of a printable summary (drawer close report, deposit letter, contact note…). */
export interface PrintSection {
	heading: string;
	rows?: CapturedItem[];
	/** A table: first row is the header. */
	table?: string[][];
	text?: string;
}

/** Display names of the people in a run, by user id as the machine records it (`by.userId`). */
export type PeopleNames = Record<string, string>;

export interface ProcedureUi {
	forms: StepForms;
	/** Where the procedure is started from (ladder.md / issue 4). */
	startHint: string;
	/** What has been captured so far, for the side panel. */
	captured: (context: Record<string, unknown>, people?: PeopleNames) => CapturedItem[];
	/** Upcoming steps of branches that cannot apply to this run (e.g. restoration for an active account): left out of the checklist until they happen. */
	hiddenSteps?: (context: Record<string, unknown>) => string[];
	/** The printable summary; called for any state, so it must cope with a run that is not finished. */
	printable: (context: Record<string, unknown>, people?: PeopleNames) => PrintSection[];
}

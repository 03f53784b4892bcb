/**
 * A procedure driver: how the reliability tests start a live run of one procedure and which form to
 * send at each step, as people at the counter would. Add one per procedure with step forms and
 * register it in ./index.ts; the crash, race and backup tests then drive it too.
 */
import type { Client, Fields } from '../http';

/** Who sends a step: the run's owner, or the colleague signed in on their own screen (second person). */
export type Sender = 'owner' | 'second';

export interface StepChoice {
	/** The form's action key (what the page offers). */
	action: string;
	as: Sender;
	fields: Fields;
	/** Whether this step is expected to be refused by the machine (a deliberate wrong path). */
	expectRefusal?: boolean;
}

export interface DriverPeople {
	owner: Client;
	second: Client;
}

/** A run being driven: the driver keeps its own notes here (e.g. how many recount loops are left). */
export interface RunPlan {
	procedure: string;
	runId: number;
	notes: Record<string, unknown>;
}

export interface ProcedureDriver {
	procedure: string;
	/** Starts a run as `people.owner`; returns the run id, or null when nothing can be started now. */
	start(people: DriverPeople, rng: () => number): Promise<RunPlan | null>;
	/** The form to send given the actions the page offers now; null = nothing to do (finished or blocked). */
	choose(plan: RunPlan, offered: string[], rng: () => number): StepChoice | null;
}

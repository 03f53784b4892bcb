/**
 * An attempt's event log: every machine event (applied or refused, with who sent it in the scenario)
 * and every training event, in order. The scorer and the replay read only this, the resolved scenario,
 * the machine version and the policy snapshot — so a stored attempt re-scores and replays identically.
 */
import type { Refusal } from '$machines/shared/types';

interface Base {
	seq: number;
	/** Server clock (epoch ms): the time item is scored on these. */
	realAt: number;
	/** Scenario clock (epoch ms): what the machine saw. */
	at: number;
}

/** 'trainee', 'customer' or 'colleague:<id>'. */
export type LogActor = string;

export interface MachineEntry extends Base {
	kind: 'machine';
	actor: LogActor;
	/** The event as the runner stamped it (with `at` and `by`). */
	event: Record<string, unknown> & { type: string };
	applied: boolean;
	refusal: Refusal | null;
	/** The step the machine was at when the event was sent. */
	stepId: string | null;
}

export type TrainingEntry = Base &
	(
		| { kind: 'start'; data: { scenarioId: string; version: number; seed: number; level: string } }
		| { kind: 'hint'; data: { index: number } }
		| { kind: 'inspect'; data: { item: string } }
		| { kind: 'choice'; data: { prompt: string; option: string } }
		/** `band`: the customer's mood band when the reply was chosen (which line they had just said). */
		| { kind: 'say'; data: { reply: string; turn: string; band?: 'calm' | 'upset' | 'hostile' } }
		| { kind: 'ask'; data: { colleague: string; event: string | null } }
		| { kind: 'jump'; data: { moment: string; deltaMs: number } }
		| { kind: 'finish'; data: { reason: 'finished' | 'timed_out' | 'completed' } }
	);

export type LogEntry = MachineEntry | TrainingEntry;

export const isMachine = (e: LogEntry): e is MachineEntry => e.kind === 'machine';

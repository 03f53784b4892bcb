/**
 * Rebuilds an attempt from its log: the applied machine events go through the machine version the
 * attempt ran under, from the same input (scenario world + policy snapshot), exactly as the runner
 * took them. Used by the scorer (final state, which event broke which soft rule or policy) and by the
 * replay page (the state after any event).
 */
import { createActor, type AnyMachineSnapshot } from 'xstate';
import type { Policy } from '$lib/policy/settings';
import type { ProcedureContextBase } from '$machines/shared/types';
import type { ProcedureKey } from '$machines/registry';
import type { ResolvedScenario } from '$scenarios/schema';
import type { LogEntry } from './log';
import { machineAt } from './machines';

export interface ReplayInput {
	scenario: ResolvedScenario;
	log: readonly LogEntry[];
	machineVersion: number;
	policy: Policy;
}

/** What one log entry changed: soft-order slips and recorded breaches it added, the mood after it. */
export interface FrameDiff {
	seq: number;
	newSlips: string[];
	newBreaches: string[];
	mood: number | null;
}

export interface Replayed {
	snapshot: AnyMachineSnapshot;
	diffs: FrameDiff[];
}

/** The machine input an attempt starts from. */
export function attemptInput(scenario: ResolvedScenario, policy: Policy): Record<string, unknown> {
	return { ...scenario.world.machineInput, policy };
}

/** Replays the log (up to and including `uptoSeq` when given). */
export function replay(input: ReplayInput, uptoSeq?: number): Replayed {
	const { machine } = machineAt(input.scenario.procedure as ProcedureKey, input.machineVersion);
	const actor = createActor(machine, { input: attemptInput(input.scenario, input.policy) });
	actor.start();
	const diffs: FrameDiff[] = [];
	let snap = actor.getSnapshot() as AnyMachineSnapshot;
	for (const entry of input.log) {
		if (uptoSeq !== undefined && entry.seq > uptoSeq) break;
		const before = snap.context as ProcedureContextBase & { breaches?: { rule: string }[] };
		if (entry.kind === 'machine' && entry.applied && snap.status === 'active') {
			actor.send(entry.event);
			snap = actor.getSnapshot() as AnyMachineSnapshot;
		}
		const after = snap.context as ProcedureContextBase & { breaches?: { rule: string }[]; mood?: number };
		diffs.push({
			seq: entry.seq,
			newSlips: after.softOrderSlips.filter((s) => !before.softOrderSlips.includes(s)),
			newBreaches: (after.breaches ?? []).slice((before.breaches ?? []).length).map((b) => b.rule),
			mood: typeof after.mood === 'number' ? after.mood : null
		});
	}
	actor.stop();
	return { snapshot: snap, diffs };
}

/** The outcome of a finished machine (its final state's meta), or null while it is still active. */
export function outcomeOf(snap: AnyMachineSnapshot): string | null {
	if (snap.status !== 'done') return null;
	for (const node of snap._nodes) {
		const outcome = (node.meta as { outcome?: string } | undefined)?.outcome;
		if (outcome) return outcome;
	}
	return 'done';
}

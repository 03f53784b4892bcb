/** What is open to the trainee at a moment of an attempt: decisions, moments, items, hints, and the facts checks read. */
import type { AnyMachineSnapshot } from 'xstate';
import type { ProcedureContextBase, StepMeta } from '$machines/shared/types';
import type { ResolvedScenario } from '$scenarios/schema';
import { holds, type Facts } from './checks';
import type { LogEntry } from './log';
import { outcomeOf } from './replay';
import { worldAfter } from './world-state';

/** Prompts waiting for the trainee's answer at this step. */
export function openPrompts(s: ResolvedScenario, log: readonly LogEntry[], step: StepMeta | undefined) {
	const answered = new Set(log.flatMap((e) => (e.kind === 'choice' ? [e.data.prompt] : [])));
	return s.prompts.filter((p) => !answered.has(p.id) && (!p.step || p.step === step?.id));
}

/** Moments the trainee may move on to now (each once). */
export function openMoments(s: ResolvedScenario, log: readonly LogEntry[], step: StepMeta | undefined) {
	const taken = new Set(log.flatMap((e) => (e.kind === 'jump' ? [e.data.moment] : [])));
	return s.moments.filter((m) => !taken.has(m.id) && (!m.step || m.step === step?.id));
}

/** What the checks see while an attempt is in progress (the world as it is now). */
export function liveFacts(s: ResolvedScenario, log: readonly LogEntry[], snap: AnyMachineSnapshot): Facts {
	const context = snap.context as ProcedureContextBase & Record<string, unknown>;
	return { scenario: s, log, context, effects: context.effects, outcome: outcomeOf(snap), world: worldAfter(s, context.effects, 0) };
}

/** Items in front of the trainee: those from the start, those of moments already reached, and those whose condition now holds. */
export function visibleItems(s: ResolvedScenario, log: readonly LogEntry[], facts: Facts) {
	const taken = new Set(log.flatMap((e) => (e.kind === 'jump' ? [e.data.moment] : [])));
	return s.world.items.filter((i) => (!i.appearsAt || taken.has(i.appearsAt)) && (!i.when || holds(i.when, facts)));
}

/** The index of the next hint for this step (hints with no step apply anywhere), or null. */
export function availableHint(s: ResolvedScenario, log: readonly LogEntry[], step: StepMeta | undefined): number | null {
	const used = new Set(log.flatMap((e) => (e.kind === 'hint' ? [e.data.index] : [])));
	const i = s.hints.findIndex((h, k) => !used.has(k) && (!h.step || h.step === step?.id));
	return i < 0 ? null : i;
}

/**
 * Guards as rules: each rule returns a Refusal (why the move is not allowed) or null. The machine's
 * guard is "the rule returns null", so the reason a move is refused and the guard that refuses it
 * can never drift apart — the checklist's "why not?" and training's refused-attempt log read the same rule.
 */
import type { AnyStateMachine, AnyMachineSnapshot, EventObject } from 'xstate';
import type { Refusal } from './types';

export type Rule<TContext, TEvent extends EventObject> = (context: TContext, event: TEvent) => Refusal | null;

/** Builds XState guard implementations from a table of rules (one guard per rule, same name). */
export function guardsFromRules<R extends Record<string, (context: never, event: never) => Refusal | null>>(
	rules: R
): { [K in keyof R]: (args: { context: Parameters<R[K]>[0]; event: Parameters<R[K]>[1] }) => boolean } {
	const out = {} as Record<string, (args: { context: never; event: never }) => boolean>;
	for (const key of Object.keys(rules)) {
		out[key] = ({ context, event }) => rules[key](context, event) === null;
	}
	return out as { [K in keyof R]: (args: { context: Parameters<R[K]>[0]; event: Parameters<R[K]>[1] }) => boolean };
}

interface TransitionLike {
	guard?: unknown;
}

function guardName(guard: unknown): string | undefined {
	if (typeof guard === 'string') return guard;
	if (guard && typeof guard === 'object' && 'type' in guard && typeof (guard as { type: unknown }).type === 'string')
		return (guard as { type: string }).type;
	return undefined;
}

/**
 * Why `event` cannot be taken from `snapshot` now, or null when it can. A step that does not accept
 * the event at all is a hard-order refusal naming the current step.
 */
export function whyNot<TContext, TEvent extends EventObject>(
	snapshot: AnyMachineSnapshot,
	event: TEvent,
	// Rules are contravariant in their arguments; `never` lets any machine's rule table through.
	rules: Record<string, (context: never, event: never) => Refusal | null>
): Refusal | null {
	if (snapshot.status !== 'active') {
		return { rule: 'run-finished', reason: 'This procedure is already finished.', policyRef: '—' };
	}
	if (snapshot.can(event)) return null;
	const candidates: TransitionLike[] = [];
	for (const node of snapshot._nodes) {
		const list = (node.on as Record<string, TransitionLike[] | undefined>)[event.type];
		if (list) candidates.push(...list);
	}
	for (const t of candidates) {
		const name = guardName(t.guard);
		const rule = name ? (rules[name] as unknown as Rule<TContext, TEvent> | undefined) : undefined;
		const refusal = rule?.(snapshot.context as TContext, event);
		if (refusal) return refusal;
	}
	const current = currentStepTitle(snapshot);
	return {
		rule: 'out-of-order',
		reason: candidates.length
			? 'That move is not allowed here.'
			: `That is not part of the current step${current ? ` ("${current}")` : ''}. Finish the current step first.`,
		policyRef: '—'
	};
}

/** The title of the deepest active step, if any. */
export function currentStepTitle(snapshot: AnyMachineSnapshot): string | undefined {
	const nodes = [...snapshot._nodes].reverse();
	for (const node of nodes) {
		const step = (node.meta as { step?: { title?: string } } | undefined)?.step;
		if (step?.title) return step.title;
	}
	return undefined;
}

export type { AnyStateMachine };

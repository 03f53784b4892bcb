/**
 * Evaluates a scenario's checks (faults found, expected outcome, documentation, critical outcomes,
 * soft-order rules) against what happened: the log, the final machine context, the effects and the
 * final attempt world. Pure: the same facts always give the same answer.
 */
import type { Effect } from '$machines/shared/types';
import type { Check, Match, ResolvedScenario } from '$scenarios/schema';
import type { LogEntry, MachineEntry } from './log';
import { getPath, isRef, lookup } from './resolve';
import type { WorldState } from './world-state';

export interface Facts {
	scenario: ResolvedScenario;
	log: readonly LogEntry[];
	context: Record<string, unknown>;
	effects: readonly Effect[];
	outcome: string | null;
	world: WorldState;
}

const OPERATORS = new Set(['eq', 'contains', 'in', 'gte', 'lte', 'exists', 'len', 'some', 'not']);

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
	const ka = Object.keys(a as object);
	const kb = Object.keys(b as object);
	return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const num = (v: unknown, s: Facts): number | null => {
	const x = isRef(v) ? lookup(v, s.scenario) : v;
	return typeof x === 'number' ? x : null;
};

/** Whether `value` matches `m` (literal, reference, operators, or a partial object match). */
export function matches(value: unknown, m: Match | unknown, f: Facts): boolean {
	if (m === null || typeof m !== 'object') return deepEqual(value, m);
	if (isRef(m)) return deepEqual(value, lookup(m, f.scenario));
	if (Array.isArray(m)) return deepEqual(value, lookup(m, f.scenario));
	const entries = Object.entries(m as Record<string, unknown>).filter(([, v]) => v !== undefined);
	if (entries.length > 0 && entries.every(([k]) => OPERATORS.has(k))) {
		return entries.every(([op, arg]) => {
			switch (op) {
				case 'eq':
					return deepEqual(value, lookup(arg, f.scenario));
				case 'contains':
					if (typeof value === 'string') return value.toLowerCase().includes(String(lookup(arg, f.scenario)).toLowerCase());
					return Array.isArray(value) && value.some((x) => deepEqual(x, lookup(arg, f.scenario)));
				case 'in':
					return Array.isArray(arg) && arg.some((x) => deepEqual(value, lookup(x, f.scenario)));
				case 'gte': {
					const n = num(arg, f);
					return typeof value === 'number' && n !== null && value >= n;
				}
				case 'lte': {
					const n = num(arg, f);
					return typeof value === 'number' && n !== null && value <= n;
				}
				case 'exists':
					return (value !== undefined && value !== null) === arg;
				case 'len':
					return (Array.isArray(value) || typeof value === 'string') && value.length === arg;
				case 'some':
					return Array.isArray(value) && value.some((x) => matches(x, arg, f));
				case 'not':
					return !matches(value, arg, f);
			}
			return false;
		});
	}
	// A partial match: every named path of the value matches.
	return entries.every(([path, sub]) => matches(getPath(value, path), sub, f));
}

const actorKind = (e: MachineEntry) => (e.actor.startsWith('colleague:') ? 'colleague' : e.actor);

/** Whether a check holds for these facts. */
export function holds(c: Check, f: Facts): boolean {
	if ('all' in c) return c.all.every((x) => holds(x, f));
	if ('any' in c) return c.any.some((x) => holds(x, f));
	if ('not' in c) return !holds(c.not, f);
	if ('event' in c)
		return f.log.some(
			(e) =>
				e.kind === 'machine' &&
				e.event.type === c.event &&
				e.applied === !c.refused &&
				(!c.actor || actorKind(e) === c.actor) &&
				(!c.where || matches(e.event, c.where, f))
		);
	if ('refusedRule' in c) return f.log.some((e) => e.kind === 'machine' && !e.applied && e.refusal?.rule === c.refusedRule);
	if ('ctx' in c) return matches(getPath(f.context, c.ctx), c.is, f);
	if ('effect' in c) return f.effects.some((e) => e.type === c.effect && (!c.where || matches(e, c.where, f)));
	if ('outcome' in c) return f.outcome !== null && c.outcome.includes(f.outcome);
	if ('choice' in c) return f.log.some((e) => e.kind === 'choice' && `${e.data.prompt}.${e.data.option}` === c.choice);
	if ('said' in c) return f.log.some((e) => e.kind === 'say' && e.data.reply === c.said);
	if ('inspected' in c) return f.log.some((e) => e.kind === 'inspect' && e.data.item === c.inspected);
	return false;
}

/**
 * Drives an attempt along a scenario path (golden or mistake) through the same engine the browser
 * uses: each path step becomes the action a trainee would take. Real time moves one second per step
 * (plus any `wait`), so the time item is scored as for a quick, competent trainee.
 */
import type { PathStep } from '$scenarios/schema';
import type { Store } from '../store';
import type { SessionUser } from '../auth/session';
import { act, finishAttempt, startAttempt, type ActOutcome, type AttemptAction } from './attempts';
import { loadAttempt, resolvedOf, type AttemptRow } from './repo';
import { deref } from './resolve';

export interface PathRun {
	attempt: AttemptRow;
	outcomes: ActOutcome[];
}

/** The action a path step stands for (references resolved in the attempt's world). */
export function actionOf(step: PathStep, row: AttemptRow): AttemptAction | { kind: 'wait'; minutes: number } {
	if ('do' in step) return { kind: 'step', payload: deref(step.do, resolvedOf(row)) as AttemptAction & { type: string } };
	if ('ask' in step) return { kind: 'ask', colleague: step.ask };
	if ('say' in step) return { kind: 'say', reply: step.say };
	if ('choose' in step) {
		const [prompt, option] = step.choose.split('.');
		return { kind: 'choose', prompt, option };
	}
	if ('inspect' in step) return { kind: 'inspect', item: step.inspect };
	if ('advance' in step) return { kind: 'advance', moment: step.advance };
	if ('hint' in step) return { kind: 'hint' };
	if ('wait' in step) return { kind: 'wait', minutes: step.wait };
	return { kind: 'finish' };
}

/** Runs a whole path from a fresh attempt; an attempt still open at the end is finished (so it is scored). */
export function runPath(store: Store, user: SessionUser, scenarioId: string, steps: readonly PathStep[], opts: { seed: number; now: number }): PathRun {
	let now = opts.now;
	const start = startAttempt(store, user, scenarioId, { seed: opts.seed, now });
	const outcomes: ActOutcome[] = [];
	for (const step of steps) {
		now += 1000;
		const row = loadAttempt(store, start.id)!;
		if (row.status !== 'in_progress') throw new Error(`Path step after the attempt ended: ${JSON.stringify(step)}`);
		const action = actionOf(step, row);
		if (action.kind === 'wait') {
			now += action.minutes * 60_000;
			continue;
		}
		outcomes.push(act(store, user, start.id, action, now));
	}
	let row = loadAttempt(store, start.id)!;
	if (row.status === 'in_progress') row = finishAttempt(store, row, 'finished', now + 1000);
	return { attempt: row, outcomes };
}

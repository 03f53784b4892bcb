import { afterEach, describe, expect, it } from 'vitest';
import { trainingStore } from '$tests/fixtures/training';
import { SCENARIOS } from '$scenarios/index';
import { setStore } from '$lib/server/store';
import { act, currentStepOf, startAttempt } from '$lib/server/training/attempts';
import { actionOf } from '$lib/server/training/paths';
import { loadAttempt, resolvedOf } from '$lib/server/training/repo';
import { loadRun, restoreSnapshot } from '$lib/server/procedures/runner';
import { load as attemptLoad } from '../../../src/routes/practice/attempts/[id]/+page.server';
import { load as briefLoad } from '../../../src/routes/practice/[scenarioId]/+page.server';
import { load as liveRunLoad } from '../../../src/routes/runs/[id]/+page.server';
import type { ResolvedScenario } from '$scenarios/schema';
import type { SessionUser } from '$lib/server/auth/session';

type Load = (e: unknown) => unknown;
const request = (user: SessionUser, path: string, params: Record<string, string>) => ({ params, locals: { user }, url: new URL(`http://localhost${path}`) });

/** Text that gives the answer away before the end. */
function markers(s: ResolvedScenario, step: string | undefined, hintsTaken: number): string[] {
	return [
		...s.faults.flatMap((f) => [f.id, f.title, f.correctMove]),
		...s.expected.map((i) => i.label),
		...s.documentation.map((i) => i.label),
		...s.mistakes.map((m) => m.description),
		...s.critical.map((c) => c.reason),
		...s.prompts.flatMap((p) => p.options.flatMap((o) => (o.violation ? [o.violation.reason] : []))),
		...s.hints.slice(hintsTaken).map((h) => h.text),
		...s.world.secrets.filter((x) => !x.whileSteps || (step !== undefined && x.whileSteps.includes(step))).map((x) => x.text),
		'"refs"',
		'"style"',
		'"violation"',
		'"acts"'
	];
}

afterEach(() => setStore(null));

describe('no answers reach the browser before the end', () => {
	it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: the brief and every page load along the golden path carry no fault marker, expected outcome or secret', (_id, scenario) => {
		const { store, trainee } = trainingStore();
		setStore(store);
		for (const seed of [5, 77, 901]) {
			const brief = JSON.stringify(briefLoad(request(trainee, `/practice/${scenario.id}`, { scenarioId: scenario.id }) as never));
			expect(brief).not.toMatch(/F-\d\d/);
			// The route reads the server clock (real time here), so the attempt runs on it too.
			const start = startAttempt(store, trainee, scenario.id, { seed, now: Date.now() });
			const steps = scenario.golden.slice(0, -1);
			for (const step of steps) {
				const row = loadAttempt(store, start.id)!;
				const s = resolvedOf(row);
				const current = currentStepOf(restoreSnapshot(loadRun(store, row.runId!)!))?.id;
				const data = JSON.stringify((attemptLoad as Load)(request(trainee, `/practice/attempts/${row.id}`, { id: String(row.id) })));
				for (const m of markers(s, current, 0)) expect(data.includes(m), `seed ${seed}, step ${current}: "${m}" reached the page`).toBe(false);
				const action = actionOf(step, row);
				if (action.kind !== 'wait') act(store, trainee, row.id, action, Date.now());
			}
		}
	});

	it('an attempt’s run cannot be opened (or driven) as a live run', () => {
		const { store, trainee } = trainingStore();
		setStore(store);
		const a = startAttempt(store, trainee, 'cp-counterfeit-partial', { seed: 1, now: Date.now() });
		expect(() => (liveRunLoad as Load)(request(trainee, `/runs/${a.runId}`, { id: String(a.runId) }))).toThrow(expect.objectContaining({ status: 404 }));
	});
});

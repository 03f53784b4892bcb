import { describe, expect, it } from 'vitest';
import { trainingStore, T0 } from '$tests/fixtures/attempt-store';
import { SCENARIOS } from '$scenarios/index';
import { runPath } from '$lib/server/training/paths';
import { resultOf } from '$lib/server/training/repo';
import { RUBRIC_ITEMS } from '$scenarios/schema';

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
	it('golden path: full marks and every fault found, for 20 seeds', () => {
		const { store, trainee } = trainingStore();
		for (const seed of SEEDS) {
			const { attempt, outcomes } = runPath(store, trainee, scenario.id, scenario.golden, { seed, now: T0 });
			const r = resultOf(attempt)!;
			const context = `seed ${seed}: ${r.feedback.join(' | ')} ${outcomes.map((o) => o.message).filter(Boolean).join(' | ')}`;
			expect(r.total, context).toBe(10000);
			expect(r.passed, context).toBe(true);
			expect(r.critical, context).toEqual([]);
			expect(r.faultsFound.sort(), context).toEqual(scenario.faults.map((f) => f.id).sort());
			expect(r.faultsMissed, context).toEqual([]);
			expect(outcomes.every((o) => !o.refused), context).toBe(true);
		}
	});

	it.each(scenario.mistakes.map((m) => [m.fault, m] as const))('mistake path for %s gives its expected result, for 20 seeds', (_f, mistake) => {
		const { store, trainee } = trainingStore();
		for (const seed of SEEDS) {
			const { attempt } = runPath(store, trainee, scenario.id, mistake.steps, { seed, now: T0 });
			const r = resultOf(attempt)!;
			const context = `seed ${seed}: ${r.feedback.join(' | ')}`;
			for (const f of mistake.expect.missed) expect(r.faultsMissed, context).toContain(f);
			expect(r.passed, context).toBe(mistake.expect.passed);
			if (mistake.expect.critical) expect(r.critical.map((c) => c.code), context).toContain(mistake.expect.critical);
			else expect(r.critical, context).toEqual([]);
			if (mistake.expect.lost)
				for (const item of RUBRIC_ITEMS) expect((r.items[item].max - r.items[item].earned) / 100, `${context} (${item})`).toBeCloseTo(mistake.expect.lost[item] ?? 0, 2);
		}
	});
});

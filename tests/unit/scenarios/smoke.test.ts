import { it, expect } from 'vitest';
import { trainingStore, T0 } from '$tests/fixtures/training';
import { SCENARIOS } from '$scenarios/index';
import { runPath } from '$lib/server/training/paths';
import { resultOf } from '$lib/server/training/repo';
it('smoke', () => {
	const { store, trainee } = trainingStore();
	for (const s of SCENARIOS) {
		for (const seed of [1, 2, 3]) {
			const r = runPath(store, trainee, s.id, s.golden, { seed, now: T0 });
			const res = resultOf(r.attempt)!;
			console.log(s.id, seed, res.total, res.passed, res.faultsFound, res.feedback, r.outcomes.map(o=>o.message));
			for (const m of s.mistakes) {
				const r2 = runPath(store, trainee, s.id, m.steps, { seed, now: T0 });
				const res2 = resultOf(r2.attempt)!;
				console.log('  mistake', m.fault, res2.total, res2.passed, res2.faultsMissed, res2.critical.map(c=>c.code), JSON.stringify(Object.fromEntries(Object.entries(res2.items).map(([k,v])=>[k,(v.max-v.earned)/100]))), r2.outcomes.map(o=>o.message));
			}
		}
	}
	expect(1).toBe(1);
});

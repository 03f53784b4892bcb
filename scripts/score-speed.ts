// `npx tsx scripts/score-speed.ts [seconds]`: how many stored attempts the scorer re-scores per second on one core.
// Builds every scenario's golden and mistake attempts (a few seeds each) in an in-memory database through the
// real engine, then re-scores the stored attempts (resolved scenario + compacted log + machine version + policy
// snapshot, exactly what a stored attempt holds) in a loop on this one thread.
import { openDatabase } from '../src/lib/server/db/client';
import { createStore } from '../src/lib/server/store';
import { insertUser } from '../src/lib/server/repos/users';
import { SCENARIOS } from '../src/scenarios/index';
import { runPath } from '../src/lib/server/training/paths';
import { policyOf, resolvedOf } from '../src/lib/server/training/repo';
import { scoreAttempt, type ScoreInput } from '../src/lib/server/training/score';

const seconds = Number(process.argv[2] ?? 5);
const store = createStore(openDatabase(':memory:', 'drizzle'), Buffer.alloc(32, 7), null);
const T0 = Date.UTC(2026, 10, 2, 18, 0);
const id = insertUser(store, { username: 'bench', displayName: 'Bench', level: 'csr1', isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
const user = { id, username: 'bench', displayName: 'Bench', level: 'csr1' as const, isAdmin: false, teamId: null };

const inputs: ScoreInput[] = [];
for (const s of SCENARIOS)
	for (const seed of [1, 2, 3])
		for (const steps of [s.golden, ...s.mistakes.map((m) => m.steps)]) {
			const { attempt } = runPath(store, user, s.id, steps, { seed, now: T0 });
			inputs.push({ scenario: resolvedOf(attempt), log: JSON.parse(attempt.events!), machineVersion: attempt.machineVersion, policy: policyOf(attempt) });
		}
const events = inputs.reduce((n, i) => n + i.log.length, 0);

// Warm up the JIT, then measure.
for (const i of inputs) scoreAttempt(i);
let scored = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
	for (const i of inputs) scoreAttempt(i);
	scored += inputs.length;
}
const elapsed = (performance.now() - start) / 1000;
console.log(
	`${inputs.length} stored attempts (${SCENARIOS.length} scenarios, golden and mistake paths, 3 seeds; ${(events / inputs.length).toFixed(1)} log entries on average)\n` +
		`re-scored ${scored} in ${elapsed.toFixed(2)} s on one core: ${Math.round(scored / elapsed)} attempts/s (${((elapsed * 1000) / scored).toFixed(2)} ms each)`
);

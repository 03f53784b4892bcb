import { describe, expect, it } from 'vitest';
import { trainingStore, T0 } from '$tests/fixtures/attempt-store';
import { SCENARIOS, scenarioById } from '$scenarios/index';
import { actionOf, runPath } from '$lib/server/training/paths';
import { act, scenarioNow, startAttempt } from '$lib/server/training/attempts';
import { loadAttempt, logOf, policyOf, resolvedOf, resultOf } from '$lib/server/training/repo';
import { scoreAttempt } from '$lib/server/training/score';
import { loadRun, restoreSnapshot } from '$lib/server/procedures/runner';
import { runPeople } from '$lib/server/procedures/view';
import { closeCaptured } from '$lib/procedures/ui/cash-reconciliation-report';
import { worldAfter } from '$lib/server/training/world-state';
import { generateSandbox, SANDBOX_TABLES } from '$lib/server/sandbox/generate';
import { listRuns } from '$lib/server/repos/runs';
import type { ProcedureContextBase } from '$machines/shared/types';
import type { Store } from '$lib/server/store';

function dump(store: Store): string {
	return SANDBOX_TABLES.map((t) => JSON.stringify(store.db.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

describe('the scorer', () => {
	it('is deterministic, and every stored attempt re-scores identically from what it stores', () => {
		const { store, trainee } = trainingStore();
		for (const s of SCENARIOS) {
			for (const steps of [s.golden, ...s.mistakes.map((m) => m.steps)]) {
				const { attempt } = runPath(store, trainee, s.id, steps, { seed: 4242, now: T0 });
				const row = loadAttempt(store, attempt.id)!;
				// Only what the row stores: the resolved scenario, the compacted log, the machine version, the policy snapshot.
				const input = { scenario: resolvedOf(row), log: JSON.parse(row.events!), machineVersion: row.machineVersion, policy: policyOf(row) };
				const a = scoreAttempt(input);
				expect(scoreAttempt(structuredClone(input))).toEqual(a);
				expect(a).toEqual(resultOf(row));
				expect(row.score).toBe(a.total);
				expect(!!row.passed).toBe(a.passed);
			}
		}
	});

	it('scores time on server timestamps: full within the target, linear to 0 at the limit, and hints cost 3 points', () => {
		const { store, trainee } = trainingStore();
		const s = scenarioById('do-short-float')!;
		const half = (s.targetMinutes + s.timeLimitMinutes) / 2;
		const slow = runPath(store, trainee, s.id, [{ wait: half }, ...s.golden], { seed: 1, now: T0 });
		expect(resultOf(slow.attempt)!.items.time.earned).toBeGreaterThan(240);
		expect(resultOf(slow.attempt)!.items.time.earned).toBeLessThan(260);
		const hinted = runPath(store, trainee, s.id, [{ hint: true }, ...s.golden], { seed: 1, now: T0 });
		expect(resultOf(hinted.attempt)!.total).toBe(9700);
		expect(resultOf(hinted.attempt)!.hintsUsed).toBe(1);
	});
});

describe('attempt worlds', () => {
	it('two concurrent attempts of the same scenario do not see each other’s changes, and the shared sandbox is untouched', () => {
		const { store, trainee, other } = trainingStore();
		generateSandbox(store.db.$client, { accounts: 25, seed: 7, today: '2026-11-02' });
		const before = dump(store);
		const s = scenarioById('cp-counterfeit-partial')!;
		const a = startAttempt(store, trainee, s.id, { seed: 11, now: T0 });
		const b = startAttempt(store, other, s.id, { seed: 11, now: T0 });
		// Interleave: B confirms the account, then A runs its whole golden path.
		const steps = s.golden.filter((x) => 'do' in x);
		const step = (user: typeof trainee, id: number, i: number, now: number) => {
			const action = actionOf(steps[i], loadAttempt(store, id)!);
			if (action.kind === 'wait') throw new Error('no waits here');
			act(store, user, id, action, now);
		};
		step(other, b.id, 0, T0 + 1000);
		for (let i = 0; i < steps.length; i++) step(trainee, a.id, i, T0 + 2000);
		const worldOf = (id: number) => {
			const row = loadAttempt(store, id)!;
			const snap = restoreSnapshot(loadRun(store, row.runId!)!);
			return worldAfter(resolvedOf(row), (snap.context as ProcedureContextBase).effects, 0);
		};
		const acct = resolvedOf(loadAttempt(store, a.id)!).world.refs.account as string;
		expect(loadAttempt(store, a.id)!.status).toBe('finished');
		expect(resultOf(loadAttempt(store, a.id)!)!.total).toBe(10000);
		expect(worldOf(b.id).accounts[acct].ledger).toEqual([]);
		expect(loadAttempt(store, b.id)!.status).toBe('in_progress');
		expect(dump(store)).toBe(before);
		// Attempts stay out of live lists.
		expect(listRuns(store, {})).toEqual([]);
	});

	it('scenario time starts at the scenario’s date and time and moves with real time plus logged jumps', () => {
		const { store, trainee } = trainingStore();
		const s = scenarioById('lo-morning-list')!;
		const steps = s.golden.slice(0, s.golden.findIndex((x) => 'advance' in x) + 1);
		const { attempt } = runPath(store, trainee, s.id, [...steps, { finish: true }], { seed: 8, now: T0 });
		const row = loadAttempt(store, attempt.id)!;
		const log = logOf(store, row);
		const jump = log.find((e) => e.kind === 'jump')!;
		expect(jump.kind === 'jump' && jump.data.moment).toBe('crews');
		const after = log[log.length - 1];
		// 11:30 local on the lock-off day plus the seconds since the jump.
		const r = resolvedOf(row);
		const t = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(after.at));
		expect(t).toBe('11:30');
		expect(scenarioNow(row, r, log, row.startedAt)).toBeGreaterThan(0);
	});
});

describe('drawer close with a transposed entry (machine level: the reconciliation step forms are another helper’s)', () => {
	it('the difference divides by 9, the locate-differences checklist finds the transposition, and the attempt passes', () => {
		const { store, trainee } = trainingStore();
		const s = scenarioById('cr-transposed-entry')!;
		for (const seed of [12, 345, 6789]) {
			const { attempt } = runPath(store, trainee, s.id, s.golden, { seed, now: T0 });
			const row = loadAttempt(store, attempt.id)!;
			const log = logOf(store, row);
			const located = log.find((e) => e.kind === 'machine' && e.event.type === 'difference.located');
			expect(located && located.kind === 'machine' && located.event.cause).toBe('transposition');
			const variance = resolvedOf(row).world.refs.varianceCents as number;
			expect(variance).not.toBe(0);
			expect(Math.abs(variance) % 9).toBe(0);
			const r = resultOf(row)!;
			expect(r.faultsFound).toContain('F-12');
			expect(r.passed).toBe(true);
			expect(r.outcome).toBe('closed');
		}
	});

	it('while the attempt runs, its record names the simulated colleague who verified and is at the vault (no user row: the name stamped on their events)', () => {
		const { store, trainee } = trainingStore();
		const golden = scenarioById('cr-transposed-entry')!.golden;
		const start = startAttempt(store, trainee, 'cr-transposed-entry', { seed: 12, now: T0 });
		// Everything but the colleague's last act, which ends the attempt (and compacts its run events into the attempt).
		for (const [i, step] of golden.slice(0, -1).entries()) {
			const action = actionOf(step, loadAttempt(store, start.id)!);
			if (action.kind !== 'wait') act(store, trainee, start.id, action, T0 + (i + 1) * 1000);
		}
		const run = loadRun(store, loadAttempt(store, start.id)!.runId!)!;
		const captured = closeCaptured(restoreSnapshot(run).context as Record<string, unknown>, runPeople(store, run));
		const value = (label: string) => captured.find((c) => c.label === label)?.value;
		expect(value('Bag number')).toMatch(/\(verified by Jordan Pike \(simulated CSR II\)\)$/);
		expect(value('Vault')).toBe(trainee.displayName);
		expect(value('Found')).toMatch(/^A transposed entry \(two digits swapped when keyed\): /);
	});
});


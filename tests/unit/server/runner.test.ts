import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { insertUser } from '$lib/server/repos/users';
import { loadRun, restoreSnapshot, sendEvent, startRun, abandonRun, RunError } from '$lib/server/procedures/runner';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { policy } from '$lib/policy/settings';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';

const T0 = Date.UTC(2026, 10, 3, 16, 0);

function setup() {
	const store = testStore();
	const mk = (username: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName: username, level, isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
		return { id, username, displayName: username, level, isAdmin: false, teamId: null };
	};
	store.db.$client.prepare("INSERT INTO drawers (id, name, location) VALUES (1, 'Counter 1', 'Front counter')").run();
	return { store, world: sandboxWorld(store.db.$client), cashier: mk('cashier', 'csr1'), verifier: mk('verifier', 'csr2'), peer: mk('peer', 'csr1') };
}

const count = { type: 'float.counted', counts: policy.drawer.floatCounts };

describe('procedure runner (live, shared sandbox world)', () => {
	it('runs drawer opening end to end: snapshot, events, effects and audit in step', () => {
		const { store, world, cashier, verifier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { subject: 'Counter 1', at: T0 });
		expect(run).toMatchObject({ status: 'in_progress', stepId: 'count', version: 1 });

		const r1 = sendEvent(store, world, cashier, run.id, 1, count, T0 + 1000);
		expect(r1.ok && r1.run.status).toBe('awaiting_verification');
		const r2 = sendEvent(store, world, verifier, run.id, 2, { type: 'float.verified', counts: policy.drawer.floatCounts }, T0 + 2000);
		expect(r2.ok && r2.run.stepId).toBe('sign');
		const r3 = sendEvent(store, world, cashier, run.id, 3, { type: 'signed' }, T0 + 3000);
		expect(r3.ok).toBe(true);
		if (!r3.ok) return;
		expect(r3.run).toMatchObject({ status: 'completed', outcome: 'opened', effectsApplied: 1 });
		expect(r3.effects).toEqual([{ type: 'batch.open', drawerRef: 'Counter 1', floatCents: 20000 }]);

		const batch = store.db.$client.prepare('SELECT status, float_cents AS f, opened_by AS who FROM batches').all();
		expect(batch).toEqual([{ status: 'open', f: 20000, who: 'cashier' }]);
		const events = store.db.$client.prepare('SELECT seq, type, applied, actor_id AS actor FROM run_events ORDER BY seq').all();
		expect(events).toEqual([
			{ seq: 1, type: 'float.counted', applied: 1, actor: cashier.id },
			{ seq: 2, type: 'float.verified', applied: 1, actor: verifier.id },
			{ seq: 3, type: 'signed', applied: 1, actor: cashier.id }
		]);
		const actions = (store.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
		expect(actions).toEqual(['run.start', 'run.step', 'run.step', 'run.step']);
	});

	it('refuses a stale row version: nothing is applied twice', () => {
		const { store, world, cashier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: T0 });
		expect(sendEvent(store, world, cashier, run.id, 1, count, T0).ok).toBe(true);
		const again = sendEvent(store, world, cashier, run.id, 1, count, T0);
		expect(again).toMatchObject({ ok: false, kind: 'stale' });
		expect(loadRun(store, run.id)!.version).toBe(2);
		expect((store.db.$client.prepare('SELECT count(*) AS n FROM run_events').get() as { n: number }).n).toBe(1);
	});

	it('the cashier cannot verify their own float, nor can a CSR I: refused by can() and logged', () => {
		const { store, world, cashier, peer } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: T0 });
		sendEvent(store, world, cashier, run.id, 1, count, T0);
		const self = sendEvent(store, world, cashier, run.id, 2, { type: 'float.verified', counts: policy.drawer.floatCounts }, T0);
		expect(self).toMatchObject({ ok: false, kind: 'forbidden' });
		if (!self.ok && self.kind === 'forbidden') expect(self.reason).toContain('second person');
		const junior = sendEvent(store, world, peer, run.id, 2, { type: 'float.verified', counts: policy.drawer.floatCounts }, T0);
		expect(junior).toMatchObject({ ok: false, kind: 'forbidden' });
		if (!junior.ok && junior.kind === 'forbidden') expect(junior.reason).toContain('CSR II');
		expect(loadRun(store, run.id)).toMatchObject({ version: 2, stepId: 'verify' });
		const logged = store.db.$client.prepare('SELECT applied FROM run_events WHERE applied = 0').all();
		expect(logged).toHaveLength(2);
	});

	it('a move the machine refuses is explained, logged and changes nothing', () => {
		const { store, world, cashier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: T0 });
		const r = sendEvent(store, world, cashier, run.id, 1, { type: 'signed' }, T0);
		expect(r).toMatchObject({ ok: false, kind: 'refused', refusal: { rule: 'out-of-order' } });
		expect(loadRun(store, run.id)!.version).toBe(1);
		expect(store.db.$client.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
	});

	it('a world that cannot take an effect rolls the whole step back', () => {
		const { store, world, cashier, verifier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'No Such Drawer' }, { at: T0 });
		sendEvent(store, world, cashier, run.id, 1, count, T0);
		sendEvent(store, world, verifier, run.id, 2, { type: 'float.verified', counts: policy.drawer.floatCounts }, T0);
		expect(() => sendEvent(store, world, cashier, run.id, 3, { type: 'signed' }, T0)).toThrow(/not in the sandbox/);
		expect(loadRun(store, run.id)).toMatchObject({ version: 3, stepId: 'sign', status: 'in_progress' });
		expect((store.db.$client.prepare("SELECT count(*) AS n FROM run_events WHERE type = 'signed'").get() as { n: number }).n).toBe(0);
	});

	it('a run survives a restart: the persisted snapshot restores to the same step and counts', () => {
		const { store, world, cashier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: T0 });
		sendEvent(store, world, cashier, run.id, 1, count, T0);
		const snap = restoreSnapshot(loadRun(store, run.id)!);
		expect(snap.value).toBe('verify');
		expect((snap.context as { countedCents: number }).countedCents).toBe(policy.drawer.floatCents);
	});

	it('abandoning records the reason and ends the run', () => {
		const { store, world, cashier } = setup();
		const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: T0 });
		abandonRun(store, cashier, run.id, 'Customer left', T0);
		expect(loadRun(store, run.id)).toMatchObject({ status: 'abandoned', abandonReason: 'Customer left' });
		expect(() => sendEvent(store, world, cashier, run.id, 2, count, T0)).toThrow(RunError);
	});
});

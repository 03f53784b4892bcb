import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { T0, TEST_CATALOG, makeUser } from '$tests/fixtures/training';
import { promote, listPromotions } from '$lib/server/competency/promote';
import { findUserById } from '$lib/server/repos/users';
import { requiredFor } from '$lib/competency/readiness';

function signAll(store: ReturnType<typeof testStore>, userId: number, ids: string[], signer: number) {
	const ins = store.db.$client.prepare(
		"INSERT INTO competency_signoffs (user_id, competency_id, signed_by, signed_at, note, framework_version, revisions, evidence, requirements_met) VALUES (?, ?, ?, ?, 'ok', 1, '{}', '{}', 1)"
	);
	for (const id of ids) ins.run(userId, id, signer, T0);
}

describe('promotion', () => {
	it('readiness for CSR II needs every CSR I and CSR II competency (14)', () => {
		expect(requiredFor('csr2')).toHaveLength(14);
	});

	it('a ready CSR I is promoted to CSR II by a supervisor; audited; level changes', () => {
		const store = testStore();
		const sup = makeUser(store, 'supervisor');
		const t = makeUser(store, 'csr1');
		signAll(store, t.id, requiredFor('csr2').map((c) => c.id), sup.id);
		const r = promote(store, sup, t.id, { toLevel: 'csr2', note: 'Ready.', overrideReason: '' }, T0, { catalog: TEST_CATALOG });
		expect(r.ok).toBe(true);
		expect(findUserById(store, t.id)!.level).toBe('csr2');
		expect(listPromotions(store, t.id)).toMatchObject([{ fromLevel: 'csr1', toLevel: 'csr2', ready: true, overrideReason: null }]);
		expect(store.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.promote'").get()).toEqual({ n: 1 });
	});

	it('not ready: refused without a written override reason, recorded with one', () => {
		const store = testStore();
		const sup = makeUser(store, 'supervisor');
		const t = makeUser(store, 'csr1');
		signAll(store, t.id, ['C-OPEN'], sup.id);
		expect(promote(store, sup, t.id, { toLevel: 'csr2', note: 'Needed at the counter.', overrideReason: '' }, T0)).toMatchObject({ ok: false, field: 'overrideReason' });
		expect(findUserById(store, t.id)!.level).toBe('csr1');
		expect(promote(store, sup, t.id, { toLevel: 'csr2', note: 'Needed.', overrideReason: 'Transferred in as a CSR II from the water district.' }, T0).ok).toBe(true);
		expect(listPromotions(store, t.id)[0]).toMatchObject({ ready: false, overrideReason: 'Transferred in as a CSR II from the water district.' });
	});

	it('only one step at a time, and only by a supervisor', () => {
		const store = testStore();
		const sup = makeUser(store, 'supervisor');
		const senior = makeUser(store, 'senior');
		const t = makeUser(store, 'csr1');
		expect(promote(store, sup, t.id, { toLevel: 'csr3', note: 'x', overrideReason: 'y' }, T0)).toMatchObject({ ok: false, status: 409 });
		expect(promote(store, senior, t.id, { toLevel: 'csr2', note: 'x', overrideReason: 'y' }, T0)).toMatchObject({ ok: false, status: 403 });
	});
});

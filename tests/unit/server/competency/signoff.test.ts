import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, TEST_CATALOG, addAttempt, addRun, makeUser } from '$tests/fixtures/training';
import { observe, requestSignoff, revoke, signOff } from '$lib/server/competency/signoff';
import { progressFor } from '$lib/server/competency/progress';
import { signoffHistory, listOpenRequests } from '$lib/server/repos/signoffs';
import { PROCEDURES } from '$machines/registry';

const opts = { catalog: TEST_CATALOG };

function completePay(store: ReturnType<typeof testStore>, userId: number) {
	addAttempt(store, userId, { scenarioId: 'pay-a' });
	addAttempt(store, userId, { scenarioId: 'pay-b' });
	for (let i = 0; i < 3; i++) addRun(store, userId, { procedure: 'counter-payment', outcome: 'paid' });
}

const status = (store: ReturnType<typeof testStore>, userId: number, id: string, now = T0, extra = {}) => progressFor(store, userId, { now, ...opts, ...extra }).find((p) => p.competency.id === id)!.result.status;
const actions = (store: ReturnType<typeof testStore>) => (store.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('sign-off (server)', () => {
	it('a senior signs off complete evidence with a note: recorded with its framework version and revisions, request closed, audited, xAPI queued', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		const senior = makeUser(store, 'senior');
		completePay(store, trainee.id);
		expect(status(store, trainee.id, 'C-PAY')).toBe('evidence-complete');
		expect(requestSignoff(store, trainee, 'C-PAY', T0, opts)).toMatchObject({ ok: true });
		expect(listOpenRequests(store)).toHaveLength(1);
		const r = signOff(store, senior, trainee.id, 'C-PAY', { note: 'Reviewed both scenarios and three clean payments.' }, T0 + 1, opts);
		expect(r.ok).toBe(true);
		expect(status(store, trainee.id, 'C-PAY', T0 + 2)).toBe('signed-off');
		const row = store.db.$client.prepare('SELECT framework_version AS v, revisions, requirements_met AS met FROM competency_signoffs').get();
		expect(row).toEqual({ v: 1, revisions: '{"counter-payment":1}', met: 1 });
		expect(listOpenRequests(store)).toHaveLength(0);
		expect(actions(store)).toEqual(['competency.request', 'competency.signoff']);
		expect((store.db.$client.prepare('SELECT count(*) AS n FROM xapi_outbox').get() as { n: number }).n).toBe(1);
	});

	it('a note is required; nothing is written without one', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		completePay(store, trainee.id);
		const r = signOff(store, makeUser(store, 'senior'), trainee.id, 'C-PAY', { note: '  ' }, T0, opts);
		expect(r).toMatchObject({ ok: false, status: 400, field: 'note' });
		expect(store.db.$client.prepare('SELECT count(*) AS n FROM competency_signoffs').get()).toEqual({ n: 0 });
	});

	it('unmet requirements: a senior is refused; a supervisor overrides only with a written reason', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		addAttempt(store, trainee.id, { scenarioId: 'pay-a' });
		expect(signOff(store, makeUser(store, 'senior'), trainee.id, 'C-PAY', { note: 'ok' }, T0, opts)).toMatchObject({ ok: false, status: 403 });
		const sup = makeUser(store, 'supervisor');
		expect(signOff(store, sup, trainee.id, 'C-PAY', { note: 'ok' }, T0, opts)).toMatchObject({ ok: false, field: 'overrideReason' });
		expect(signOff(store, sup, trainee.id, 'C-PAY', { note: 'ok', overrideReason: 'Ten years as a bank teller.' }, T0, opts)).toMatchObject({ ok: true });
		expect(store.db.$client.prepare('SELECT requirements_met AS met, override_reason AS why FROM competency_signoffs').get()).toEqual({ met: 0, why: 'Ten years as a bank teller.' });
	});

	it.each([
		['self', 'senior', 'senior', true],
		['equal level', 'senior', 'senior', false],
		['lower level', 'csr3', 'csr1', false]
	] as const)('refused: %s', (kind, signerLevel, traineeLevel, self) => {
		const store = testStore();
		const signer = makeUser(store, signerLevel);
		const trainee = self ? signer : makeUser(store, traineeLevel);
		completePay(store, trainee.id);
		const r = signOff(store, signer, trainee.id, 'C-PAY', { note: 'ok' }, T0, opts);
		expect(r).toMatchObject({ ok: false, status: 403 });
		expect(store.db.$client.prepare('SELECT count(*) AS n FROM competency_signoffs').get()).toEqual({ n: 0 });
		expect(kind.length).toBeGreaterThan(0);
	});

	it('a second sign-off of the same competency is refused by the app, and by the database if the app check is bypassed', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		completePay(store, trainee.id);
		expect(signOff(store, makeUser(store, 'senior'), trainee.id, 'C-PAY', { note: 'one' }, T0, opts).ok).toBe(true);
		expect(signOff(store, makeUser(store, 'supervisor'), trainee.id, 'C-PAY', { note: 'two' }, T0, opts)).toMatchObject({ ok: false, status: 409 });
		const direct = () =>
			store.db.$client
				.prepare("INSERT INTO competency_signoffs (user_id, competency_id, signed_by, signed_at, note, framework_version, revisions, evidence, requirements_met) VALUES (?, 'C-PAY', ?, 1, 'x', 1, '{}', '{}', 1)")
				.run(trainee.id, trainee.id);
		expect(direct).toThrow(/UNIQUE/);
	});

	it('history is append-only: revocation with a reason, then a re-sign-off; rows cannot be edited or deleted', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		const senior = makeUser(store, 'senior');
		completePay(store, trainee.id);
		signOff(store, senior, trainee.id, 'C-PAY', { note: 'first' }, T0, opts);
		expect(revoke(store, senior, trainee.id, 'C-PAY', '', T0 + 1)).toMatchObject({ ok: false, field: 'reason' });
		expect(revoke(store, senior, trainee.id, 'C-PAY', 'Posted a check to the wrong account.', T0 + 1)).toMatchObject({ ok: true });
		expect(status(store, trainee.id, 'C-PAY', T0 + 2)).toBe('evidence-complete');
		signOff(store, senior, trainee.id, 'C-PAY', { note: 'again' }, T0 + 2, opts);
		expect(signoffHistory(store, trainee.id).map((h) => [h.kind, h.text])).toEqual([
			['re-sign-off', 'again'],
			['revocation', 'Posted a check to the wrong account.'],
			['sign-off', 'first']
		]);
		expect(() => store.db.$client.prepare("UPDATE competency_signoffs SET note = 'edited'").run()).toThrow(/ended once/);
		expect(() => store.db.$client.prepare('DELETE FROM competency_signoffs').run()).toThrow(/append-only/);
	});

	it('an observation note is the evidence of an observation-only competency', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr3');
		const sup = makeUser(store, 'supervisor');
		expect(observe(store, trainee, trainee.id, 'C-LEAD', 'Self-assessed', T0)).toMatchObject({ ok: false, status: 403 });
		expect(observe(store, sup, trainee.id, 'C-LEAD', 'Coached two CSR Is through their first closes.', T0)).toMatchObject({ ok: true });
		expect(status(store, trainee.id, 'C-LEAD')).toBe('evidence-complete');
		expect(signOff(store, sup, trainee.id, 'C-LEAD', { note: 'Ready to lead.' }, T0, opts).ok).toBe(true);
		expect(status(store, trainee.id, 'C-LEAD', T0 + 3000 * DAY)).toBe('signed-off');
	});

	it('a trainee cannot request sign-off before their evidence is complete', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		expect(requestSignoff(store, trainee, 'C-PAY', T0, opts)).toMatchObject({ ok: false, status: 409 });
	});

	it('a re-certify sign-off is renewed by a re-sign-off that supersedes it', () => {
		const store = testStore();
		const trainee = makeUser(store, 'csr1');
		const senior = makeUser(store, 'senior');
		completePay(store, trainee.id);
		const first = signOff(store, senior, trainee.id, 'C-PAY', { note: 'first' }, T0, opts);
		const raised = { ...PROCEDURES, 'counter-payment': { ...PROCEDURES['counter-payment'], revision: { number: 2, note: 'Receipts now show the tender.' } } };
		const o = { ...opts, procedures: raised };
		expect(status(store, trainee.id, 'C-PAY', T0 + 1, o)).toBe('re-certify');
		expect(signOff(store, senior, trainee.id, 'C-PAY', { note: 'no supersede id' }, T0 + 2, o)).toMatchObject({ ok: false, status: 409 });
		expect(signOff(store, senior, trainee.id, 'C-PAY', { note: 'renewed', supersedes: first.ok ? first.id : 0 }, T0 + 2, o).ok).toBe(true);
		expect(status(store, trainee.id, 'C-PAY', T0 + 3, o)).toBe('signed-off');
		expect(store.db.$client.prepare("SELECT count(*) AS n FROM competency_signoffs WHERE end_kind = 'superseded'").get()).toEqual({ n: 1 });
	});
});

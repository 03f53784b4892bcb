import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, TEST_CATALOG, addAttempt, makeTeam, makeUser } from '$tests/fixtures/training';
import { createAssignment, listAssignments } from '$lib/server/competency/assignments';
import { applyProcedureRevisions } from '$lib/server/competency/revisions';
import { signOff } from '$lib/server/competency/signoff';
import { progressFor } from '$lib/server/competency/progress';
import { PROCEDURES } from '$machines/registry';

const form = (over: Partial<Parameters<typeof createAssignment>[2]> = {}) => ({ target: '', pathId: '', scenarioIds: [], dueDate: '2026-11-20', note: 'Before your first close.', ...over });

describe('assignments', () => {
	it('a learning path to a group (all CSR I) reaches each active CSR I below the assigner, with a due date and note; audited', () => {
		const store = testStore();
		const senior = makeUser(store, 'senior');
		const a = makeUser(store, 'csr1');
		const b = makeUser(store, 'csr1');
		makeUser(store, 'csr2');
		const r = createAssignment(store, senior, form({ target: 'level:csr1', pathId: 'close-path' }), T0, TEST_CATALOG);
		expect(r).toMatchObject({ ok: true, assignees: 2 });
		const views = listAssignments(store, { userIds: [a.id, b.id] }, T0);
		expect(views.map((v) => [v.userId, v.targetLabel, v.scenarioIds.length, v.progress.state])).toEqual([
			[a.id, 'All CSR I', 3, 'not-started'],
			[b.id, 'All CSR I', 3, 'not-started']
		]);
		expect(store.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'training.assign'").get()).toEqual({ n: 1 });
	});

	it('a team assignment reaches its members below the assigner', () => {
		const store = testStore();
		const team = makeTeam(store, 'Counter Team A');
		const senior = makeUser(store, 'senior', { teamId: team });
		const member = makeUser(store, 'csr2', { teamId: team });
		makeUser(store, 'csr1');
		const r = createAssignment(store, senior, form({ target: `team:${team}`, scenarioIds: ['pay-a', 'pay-b'] }), T0, TEST_CATALOG);
		expect(r).toMatchObject({ ok: true, assignees: 1 });
		expect(listAssignments(store, { assignedBy: senior.id }, T0).map((v) => v.userId)).toEqual([member.id]);
	});

	it('bad input names the field; nothing is written', () => {
		const store = testStore();
		const senior = makeUser(store, 'senior');
		const peer = makeUser(store, 'senior');
		const r = createAssignment(store, senior, form({ target: `user:${peer.id}`, scenarioIds: ['nope'], dueDate: '2026-10-01', note: '' }), T0, TEST_CATALOG);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['content', 'dueDate', 'note', 'target']);
		expect(store.db.$client.prepare('SELECT count(*) AS n FROM assignments').get()).toEqual({ n: 0 });
	});

	it('a CSR cannot assign training', () => {
		const store = testStore();
		const csr3 = makeUser(store, 'csr3');
		const csr1 = makeUser(store, 'csr1');
		expect(createAssignment(store, csr3, form({ target: `user:${csr1.id}`, scenarioIds: ['pay-a'] }), T0, TEST_CATALOG)).toMatchObject({ ok: false, status: 403 });
	});

	it('progress: passed after assigning counts, before does not; overdue after the due date until completed', () => {
		const store = testStore();
		const senior = makeUser(store, 'senior');
		const t = makeUser(store, 'csr1');
		addAttempt(store, t.id, { scenarioId: 'pay-a', at: T0 - DAY });
		createAssignment(store, senior, form({ target: `user:${t.id}`, scenarioIds: ['pay-a', 'pay-b'], dueDate: '2026-11-05' }), T0, TEST_CATALOG);
		const at = (now: number) => listAssignments(store, { userIds: [t.id] }, now)[0].progress;
		expect(at(T0)).toMatchObject({ state: 'not-started', overdue: false, done: [] });
		addAttempt(store, t.id, { scenarioId: 'pay-a', at: T0 + DAY });
		expect(at(T0 + DAY)).toMatchObject({ state: 'in-progress', done: ['pay-a'] });
		expect(at(T0 + 4 * DAY).overdue).toBe(true);
		addAttempt(store, t.id, { scenarioId: 'pay-b', at: T0 + 5 * DAY });
		expect(at(T0 + 5 * DAY)).toMatchObject({ state: 'completed', overdue: false });
	});
});

describe('procedure revision at start-up → re-certify and a refresher assignment', () => {
	it('marks the sign-off re-certify (not revoked), assigns a refresher with the change note once, and audits it', () => {
		const store = testStore();
		const sup = makeUser(store, 'supervisor');
		const t = makeUser(store, 'csr1');
		addAttempt(store, t.id, { scenarioId: 'pay-a' });
		addAttempt(store, t.id, { scenarioId: 'pay-b' });
		expect(signOff(store, sup, t.id, 'C-PAY', { note: 'ok', overrideReason: 'Live runs pending; scenarios strong.' }, T0, { catalog: TEST_CATALOG }).ok).toBe(true);
		expect(applyProcedureRevisions(store, T0 + DAY, PROCEDURES, TEST_CATALOG)).toBe(0);
		const raised = { ...PROCEDURES, 'counter-payment': { ...PROCEDURES['counter-payment'], revision: { number: 2, note: 'Card payments need the last four digits read back.' } } };
		expect(applyProcedureRevisions(store, T0 + DAY, raised, TEST_CATALOG)).toBe(1);
		expect(applyProcedureRevisions(store, T0 + 2 * DAY, raised, TEST_CATALOG)).toBe(0);
		const p = progressFor(store, t.id, { now: T0 + DAY, catalog: TEST_CATALOG, procedures: raised }).find((x) => x.competency.id === 'C-PAY')!;
		expect(p.result.status).toBe('re-certify');
		expect(p.signoff).not.toBeNull();
		const [refresher] = listAssignments(store, { userIds: [t.id] }, T0 + DAY);
		expect(refresher).toMatchObject({ kind: 'refresher', competencyId: 'C-PAY', assignedById: null, scenarioIds: ['pay-a', 'pay-b'], dueDate: '2026-11-17' });
		expect(refresher.note).toContain('Card payments need the last four digits read back.');
		expect(store.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'competency.recertify'").get()).toEqual({ n: 1 });
	});
});

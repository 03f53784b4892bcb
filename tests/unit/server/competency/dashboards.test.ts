import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, TEST_CATALOG, addAttempt, makeTeam, makeUser } from '$tests/fixtures/training';
import { requestSignoff, signOff } from '$lib/server/competency/signoff';
import { createAssignment } from '$lib/server/competency/assignments';
import { teamView } from '$lib/server/competency/team-view';
import { readinessView } from '$lib/server/competency/readiness-view';
import { currentFramework, frameworkVersion, publishRequirement } from '$lib/server/competency/framework-store';
import { progressFor } from '$lib/server/competency/progress';
import { promote } from '$lib/server/competency/promote';

function office() {
	const store = testStore();
	const a = makeTeam(store, 'Team A');
	const b = makeTeam(store, 'Team B');
	return {
		store,
		a,
		b,
		seniorA: makeUser(store, 'senior', { teamId: a }),
		traineeA: makeUser(store, 'csr1', { teamId: a, hireDate: '2026-01-05' }),
		traineeB: makeUser(store, 'csr1', { teamId: b }),
		sup: makeUser(store, 'supervisor')
	};
}

describe('senior dashboard', () => {
	it('a sign-off request reaches the seniors of the trainee’s team only', () => {
		const { store, seniorA, traineeA, traineeB, sup, b } = office();
		for (const t of [traineeA, traineeB]) {
			addAttempt(store, t.id, { scenarioId: 'pay-b' });
			expect(requestSignoff(store, t, 'C-ID', T0, { catalog: TEST_CATALOG }).ok).toBe(true);
		}
		expect(teamView(store, seniorA, null, T0, TEST_CATALOG).requests.map((r) => r.userId)).toEqual([traineeA.id]);
		expect(teamView(store, sup, b, T0, TEST_CATALOG).requests.map((r) => r.userId)).toEqual([traineeB.id]);
		expect(teamView(store, sup, null, T0, TEST_CATALOG).requests).toHaveLength(2);
	});

	it('overdue assignments show for the team and for whoever assigned them (even in another team); the matrix and most-missed faults fill in', () => {
		const { store, seniorA, traineeA, traineeB } = office();
		createAssignment(store, seniorA, { target: `user:${traineeB.id}`, pathId: '', scenarioIds: ['pay-a'], dueDate: '2026-11-03', note: 'Cover for Team B.' }, T0, TEST_CATALOG);
		addAttempt(store, traineeA.id, { scenarioId: 'pay-a', passed: false, faultsMissed: ['F-01', 'F-02'] });
		addAttempt(store, traineeA.id, { scenarioId: 'pay-b', passed: false, faultsMissed: ['F-01'] });
		const v = teamView(store, seniorA, null, T0 + 3 * DAY, TEST_CATALOG);
		expect(v.overdue.map((o) => [o.userId, o.mine])).toEqual([[traineeB.id, true]]);
		expect(v.matrix.map((r) => r.id)).toEqual([traineeA.id]);
		expect(v.matrix[0].cells.find((c) => c.id === 'C-PAY')!.status).toBe('in-progress');
		expect(v.missed).toEqual([
			{ faultId: 'F-01', missed: 2 },
			{ faultId: 'F-02', missed: 1 }
		]);
	});
});

describe('supervisor dashboard', () => {
	it('single points of failure are competencies held by at most one active person; time to proficiency comes from promotions', () => {
		const { store, traineeA, traineeB, sup } = office();
		addAttempt(store, traineeA.id, { scenarioId: 'pay-b' });
		signOff(store, sup, traineeA.id, 'C-ID', { note: 'ok' }, T0, { catalog: TEST_CATALOG });
		signOff(store, sup, traineeB.id, 'C-ID', { note: 'ok', overrideReason: 'Observed at the counter for a week.' }, T0, { catalog: TEST_CATALOG });
		promote(store, sup, traineeA.id, { toLevel: 'csr2', note: 'Good.', overrideReason: 'Needed on Team A.' }, Date.UTC(2026, 10, 2, 17), { catalog: TEST_CATALOG });
		const r = readinessView(store, T0, TEST_CATALOG);
		expect(r.singlePoints.map((s) => s.id)).not.toContain('C-ID');
		expect(r.singlePoints.map((s) => s.id)).toContain('C-PAY');
		expect(r.timeToLevel.find((t) => t.level === 'csr2')).toMatchObject({ count: 1, averageDays: 301 });
		expect(r.byLevel.find((l) => l.level === 'csr1')).toMatchObject({ people: 1, ready: 0 });
	});
});

describe('framework versions', () => {
	it('a supervisor publishes a new requirement as version 2; evidence is judged by it; old sign-offs keep version 1', () => {
		const { store, traineeA, traineeB, sup } = office();
		addAttempt(store, traineeA.id, { scenarioId: 'pay-b' });
		signOff(store, sup, traineeA.id, 'C-ID', { note: 'ok' }, T0, { catalog: TEST_CATALOG });
		expect(publishRequirement(store, sup, 'C-ID', { passedScenarios: 1, withFaultFound: 2, cleanLiveRuns: 0, observations: 0 }, 'typo', T0)).toMatchObject({ ok: false });
		expect(publishRequirement(store, sup, 'C-ID', { passedScenarios: 1, withFaultFound: 0, cleanLiveRuns: 0, observations: 1 }, 'Add a floor observation.', T0 + 1)).toEqual({ ok: true, version: 2 });
		expect(currentFramework(store).version).toBe(2);
		expect(frameworkVersion(store, 1)!.requirements['C-ID'].observations).toBe(0);
		addAttempt(store, traineeB.id, { scenarioId: 'pay-b' });
		const b = progressFor(store, traineeB.id, { now: T0 + 2, catalog: TEST_CATALOG }).find((p) => p.competency.id === 'C-ID')!;
		expect(b.result.tally.observations).toEqual({ have: 0, need: 1 });
		expect(b.result.status).toBe('in-progress');
		const a = progressFor(store, traineeA.id, { now: T0 + 2, catalog: TEST_CATALOG }).find((p) => p.competency.id === 'C-ID')!;
		expect(a.signoff!.frameworkVersion).toBe(1);
		expect(store.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'framework.publish'").get()).toEqual({ n: 1 });
	});
});

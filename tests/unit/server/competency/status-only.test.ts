import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, TEST_CATALOG, addAttempt, addRun, makeTeam, makeUser } from '$tests/fixtures/training';
import { progressOf } from '$lib/server/competency/progress';
import { signOff } from '$lib/server/competency/signoff';
import { countMissedFaults, listCompletedRuns, listFinishedAttempts, listRecentScores, recordRunEvidence } from '$lib/server/repos/training-evidence';
import { missedFaults, recommendFrom, recommendNext } from '$lib/competency/recommend';
import { latestPerProcedure } from '$tests/fixtures/trend';
import { publishRequirement } from '$lib/server/competency/framework-store';
import type { Store } from '$lib/server/store';
import { readFileSync } from 'node:fs';

/** A team with a spread of evidence: passes and failures of the same scenarios, faults found and missed, old and recent work. */
function busyTeam() {
	const store = testStore();
	const team = makeTeam(store, 'Team A');
	const sup = makeUser(store, 'supervisor');
	const people = [makeUser(store, 'csr1', { teamId: team }), makeUser(store, 'csr2', { teamId: team }), makeUser(store, 'csr3', { teamId: team }), makeUser(store, 'csr1', { teamId: team })];
	const scenarios = TEST_CATALOG.scenarios.map((s) => s.id);
	people.forEach((p, i) => {
		for (let k = 0; k < 30; k++) {
			const scenarioId = scenarios[(k * (i + 2)) % scenarios.length];
			const passed = (k + i) % 3 !== 0;
			const fault = TEST_CATALOG.scenarios.find((s) => s.id === scenarioId)!.faultIds[0];
			addAttempt(store, p.id, {
				scenarioId,
				passed,
				at: T0 - ((k * 37 + i * 11) % 400) * DAY,
				faultsFound: passed && fault && k % 2 ? [fault] : [],
				faultsMissed: fault && !(passed && k % 2) ? [fault] : []
			});
		}
		for (let k = 0; k < 6; k++) addRun(store, p.id, { procedure: k % 2 ? 'cash-reconciliation' : 'counter-payment', at: T0 - k * 50 * DAY, refusedByOwner: k === 3 });
	});
	// Some sign-offs, one of them long enough ago to have lapsed without recent practice.
	signOff(store, sup, people[1].id, 'C-PAY', { note: 'ok', overrideReason: 'Observed.' }, T0 - 300 * DAY, { catalog: TEST_CATALOG });
	signOff(store, sup, people[2].id, 'C-RECON', { note: 'ok', overrideReason: 'Observed.' }, T0 - 10 * DAY, { catalog: TEST_CATALOG });
	return { store, ids: people.map((p) => p.id) };
}

describe('status-only progress (team matrix, readiness, who may run alone)', () => {
	it('gives every status and tally the full evidence gives, from condensed attempts', () => {
		const { store, ids } = busyTeam();
		for (const now of [T0, T0 + 200 * DAY]) {
			const full = progressOf(store, ids, { now, catalog: TEST_CATALOG });
			const condensed = progressOf(store, ids, { now, catalog: TEST_CATALOG, statusOnly: true });
			expect(condensed.attempts.length).toBeLessThan(full.attempts.length);
			for (const id of ids)
				expect(condensed.items.get(id)!.map((p) => [p.competency.id, p.result, p.needed])).toEqual(full.items.get(id)!.map((p) => [p.competency.id, p.result, p.needed]));
		}
	});

	it('counts missed faults as the tracker always has', () => {
		const { store, ids } = busyTeam();
		expect(countMissedFaults(store, ids)).toEqual(missedFaults(listFinishedAttempts(store, ids)));
		expect(countMissedFaults(store, [])).toEqual([]);
	});

	it('a run’s stored evidence (written when it completes) reads as the evidence worked out from the run', () => {
		const { store, ids } = busyTeam();
		const workedOut = listCompletedRuns(store, ids);
		for (const r of workedOut) recordRunEvidence(store, r.id);
		const stored = store.db.$client.prepare("SELECT count(*) AS n FROM procedure_runs WHERE evidence_version IS NOT NULL AND kind = 'live'").get() as { n: number };
		expect(stored.n).toBe(workedOut.length);
		expect(listCompletedRuns(store, ids)).toEqual(workedOut);
		const now = T0 + 30 * DAY;
		const full = progressOf(store, ids, { now, catalog: TEST_CATALOG });
		const condensed = progressOf(store, ids, { now, catalog: TEST_CATALOG, statusOnly: true });
		expect(condensed.runs.length).toBe(full.runs.length);
		for (const id of ids) expect(condensed.items.get(id)!.map((p) => p.result)).toEqual(full.items.get(id)!.map((p) => p.result));
		// An answer stored under other rules is worked out again.
		store.db.$client.prepare("UPDATE procedure_runs SET evidence_version = 0, not_clean = '[]'").run();
		expect(listCompletedRuns(store, ids)).toEqual(workedOut);
	});

	it('takes a person’s live runs, not the runs of their training attempts, with each run’s events', () => {
		const { store, ids } = busyTeam();
		const runs = listCompletedRuns(store, [ids[0]]);
		expect(runs).toHaveLength(6);
		expect(runs.filter((r) => !r.clean).map((r) => r.notClean)).toEqual([['1 refused move']]);
		// An attempt's run is never live evidence.
		store.db.$client.prepare("UPDATE procedure_runs SET kind = 'attempt' WHERE id = ?").run(runs[0].id);
		expect(listCompletedRuns(store, [ids[0]]).map((r) => r.id)).not.toContain(runs[0].id);
	});

	/** Status-only and full progress agree for everyone, and the missed-faults panel matches the full list. */
	function expectSummariesExact(store: Store, ids: number[], now = T0) {
		const full = progressOf(store, ids, { now, catalog: TEST_CATALOG });
		const condensed = progressOf(store, ids, { now, catalog: TEST_CATALOG, statusOnly: true });
		for (const id of ids) expect(condensed.items.get(id)!.map((p) => [p.competency.id, p.result, p.needed])).toEqual(full.items.get(id)!.map((p) => [p.competency.id, p.result, p.needed]));
		expect(countMissedFaults(store, ids)).toEqual(missedFaults(listFinishedAttempts(store, ids)));
	}
	const summaryRows = (store: Store) => ({
		summaries: store.db.$client.prepare('SELECT * FROM attempt_summaries ORDER BY user_id, scenario_id, procedure, competencies').all(),
		missed: store.db.$client.prepare('SELECT * FROM missed_fault_counts ORDER BY user_id, scenario_id, fault_id').all()
	});
	const recon = (store: Store, id: number) => progressOf(store, [id], { now: T0, catalog: TEST_CATALOG, statusOnly: true }).items.get(id)!.find((p) => p.competency.id === 'C-RECON')!.result;

	it('keeps the summaries exact when attempts are re-scored, finished late, moved or deleted', () => {
		const { store, ids } = busyTeam();
		const db = store.db.$client;
		const attempts = listFinishedAttempts(store, ids);
		// A re-score flips a pass to a fail and a fail to a pass, and changes the faults found and missed.
		const pass = attempts.find((a) => a.passed && a.faultsFound.length)!;
		const fail = attempts.find((a) => !a.passed && a.faultsMissed.length)!;
		db.prepare("UPDATE scenario_attempts SET passed = 0, faults_found = '[]', faults_missed = ? WHERE id = ?").run(JSON.stringify(pass.faultsFound), pass.id);
		db.prepare("UPDATE scenario_attempts SET passed = 1, faults_found = ?, faults_missed = '[]' WHERE id = ?").run(JSON.stringify(fail.faultsMissed), fail.id);
		expectSummariesExact(store, ids);
		// An attempt that finishes as the engine ends it (an in-progress row updated), and one abandoned.
		const late = addAttempt(store, ids[0], { scenarioId: 'recon-d', passed: true, faultsMissed: ['F-10'] });
		db.prepare("UPDATE scenario_attempts SET status = 'in_progress', finished_at = NULL WHERE id = ?").run(late);
		expectSummariesExact(store, ids);
		db.prepare("UPDATE scenario_attempts SET status = 'timed_out', finished_at = ? WHERE id = ?").run(T0 + DAY, late);
		expectSummariesExact(store, ids, T0 + 2 * DAY);
		db.prepare("UPDATE scenario_attempts SET status = 'abandoned' WHERE id = ?").run(attempts[3].id);
		// Malformed faults (never written by the engine) count as none rather than failing the writer.
		db.prepare("UPDATE scenario_attempts SET faults_missed = 'not json' WHERE id = ?").run(attempts[4].id);
		db.prepare('UPDATE scenario_attempts SET user_id = ? WHERE id = ?').run(ids[1], attempts[5].id);
		db.prepare('DELETE FROM scenario_attempts WHERE id = ?').run(attempts[6].id);
		expectSummariesExact(store, ids, T0 + 2 * DAY);
	});

	it('gives the same summaries by trigger as migration 0009’s backfill gives from the attempts', () => {
		const { store, ids } = busyTeam();
		const db = store.db.$client;
		db.prepare("UPDATE scenario_attempts SET passed = 1 - passed, faults_found = faults_missed WHERE id % 3 = 0 AND user_id = ?").run(ids[2]);
		const kept = summaryRows(store);
		expect(kept.summaries.length).toBeGreaterThan(0);
		expect(kept.missed.length).toBeGreaterThan(0);
		db.exec('DELETE FROM attempt_summaries; DELETE FROM missed_fault_counts;');
		const backfill = readFileSync('drizzle/0009_attempt_summary_triggers.sql', 'utf8')
			.split('--> statement-breakpoint')
			.filter((s) => /^\s*(--.*\n)*\s*INSERT INTO/.test(s));
		expect(backfill).toHaveLength(2);
		for (const statement of backfill) db.exec(statement);
		expect(summaryRows(store)).toEqual(kept);
	});

	it('counts the third distinct passed scenario, and loses it again when that attempt is re-scored as failed', () => {
		const store = testStore();
		const p = makeUser(store, 'csr2');
		addAttempt(store, p.id, { scenarioId: 'recon-a', passed: true, faultsFound: ['F-10'] });
		addAttempt(store, p.id, { scenarioId: 'recon-b', passed: true });
		addAttempt(store, p.id, { scenarioId: 'recon-b', passed: true, at: T0 - DAY });
		addAttempt(store, p.id, { scenarioId: 'recon-c', passed: false });
		expect(recon(store, p.id).tally.scenarios).toEqual({ have: 2, need: 3 });
		expectSummariesExact(store, [p.id]);
		const third = addAttempt(store, p.id, { scenarioId: 'recon-c', passed: true });
		expect(recon(store, p.id).tally.scenarios).toEqual({ have: 3, need: 3 });
		expectSummariesExact(store, [p.id]);
		store.db.$client.prepare('UPDATE scenario_attempts SET passed = 0 WHERE id = ?').run(third);
		expect(recon(store, p.id).tally.scenarios).toEqual({ have: 2, need: 3 });
		expectSummariesExact(store, [p.id]);
	});

	it('applies the evidence requirements a supervisor publishes to the same summaries', () => {
		const store = testStore();
		const sup = makeUser(store, 'supervisor');
		const p = makeUser(store, 'csr2');
		addAttempt(store, p.id, { scenarioId: 'recon-a', passed: true, faultsFound: ['F-10'] });
		addAttempt(store, p.id, { scenarioId: 'recon-b', passed: true });
		for (let k = 0; k < 5; k++) addRun(store, p.id, { procedure: 'cash-reconciliation', at: T0 - k * DAY });
		expect(recon(store, p.id).tally.complete).toBe(false);
		expect(publishRequirement(store, sup, 'C-RECON', { passedScenarios: 2, withFaultFound: 1, cleanLiveRuns: 5, observations: 0 }, 'Two closes are enough.', T0)).toEqual({ ok: true, version: 2 });
		expect(recon(store, p.id)).toMatchObject({ status: 'evidence-complete', tally: { scenarios: { have: 2, need: 2 }, complete: true } });
		expectSummariesExact(store, [p.id]);
		expect(publishRequirement(store, sup, 'C-RECON', { passedScenarios: 2, withFaultFound: 2, cleanLiveRuns: 5, observations: 0 }, 'Two faults found.', T0)).toEqual({ ok: true, version: 3 });
		expect(recon(store, p.id).tally.withFaultFound).toEqual({ have: 1, need: 2 });
		expectSummariesExact(store, [p.id]);
	});

	it('gives My training the recommendations and score trend the full attempt list gives', () => {
		const { store, ids } = busyTeam();
		for (const id of ids) {
			const all = listFinishedAttempts(store, [id]);
			const condensed = progressOf(store, [id], { now: T0, catalog: TEST_CATALOG, statusOnly: true }).attempts;
			const passed = new Set(condensed.filter((a) => a.passed).map((a) => a.scenarioId));
			for (const level of ['csr1', 'csr2'])
				for (const limit of [1, 3, 6]) expect(recommendFrom(countMissedFaults(store, [id]), passed, TEST_CATALOG.scenarios, level, limit)).toEqual(recommendNext(all, TEST_CATALOG.scenarios, level, limit));
			const point = ({ procedure, scenarioId, finishedAt, score, maxScore }: (typeof all)[number]) => ({ procedure, scenarioId, finishedAt, score, maxScore });
			for (const n of [0, 3, 20]) expect(listRecentScores(store, id, n)).toEqual(latestPerProcedure(all, n).map(point));
		}
	});
});


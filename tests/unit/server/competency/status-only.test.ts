import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, TEST_CATALOG, addAttempt, addRun, makeTeam, makeUser } from '$tests/fixtures/training';
import { progressOf } from '$lib/server/competency/progress';
import { signOff } from '$lib/server/competency/signoff';
import { countMissedFaults, listCompletedRuns, listFinishedAttempts, recordRunEvidence } from '$lib/server/repos/training-evidence';
import { missedFaults } from '$lib/competency/recommend';

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
});

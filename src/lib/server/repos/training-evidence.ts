/**
 * Reading the evidence of training: finished scenario attempts (the scenario engine's contract table),
 * completed live runs judged clean from their event log and incident reports, and observation notes.
 */
import type { Store } from '../store';
import type { AttemptRecord, ObservationRecord, RunRecord } from '$lib/competency/evidence';
import { runEvidences, whyNotClean } from '$lib/competency/live-evidence';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function strings(json: unknown): string[] {
	if (typeof json !== 'string') return [];
	try {
		const v = JSON.parse(json) as unknown;
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

export type UserAttempt = AttemptRecord & { userId: number };

/**
 * Finished attempts (ended with a score; timed out counts as not passed) of the given people, oldest
 * first. Every column comes from the covering index attempts_evidence_idx (naming any other column
 * here would send the query to the large rows again): writers of finished attempts fill
 * faults_found / faults_missed along with `result`.
 */
export function listFinishedAttempts(store: Store, userIds: readonly number[]): UserAttempt[] {
	if (userIds.length === 0) return [];
	const rows = store.db.$client
		.prepare(
			`SELECT id, user_id AS userId, scenario_id AS scenarioId, procedure, passed, competencies, finished_at AS finishedAt, score,
				max_score AS maxScore,
				faults_found AS faultsFound, faults_missed AS faultsMissed
			 FROM scenario_attempts WHERE user_id IN (${placeholders(userIds.length)}) AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
			 ORDER BY finished_at, id`
		)
		.all(...userIds) as (Omit<UserAttempt, 'passed' | 'competencies' | 'faultsFound' | 'faultsMissed'> & {
		passed: number | null;
		competencies: string;
		faultsFound: string | null;
		faultsMissed: string | null;
	})[];
	return rows.map((r) => ({ ...r, passed: r.passed === 1, competencies: strings(r.competencies), faultsFound: strings(r.faultsFound), faultsMissed: strings(r.faultsMissed) }));
}

/** Stands in for "some fault found" in a condensed attempt (summariseFinishedAttempts). */
export const SOME_FAULT_FOUND = '(a fault found)';

/**
 * The people's finished attempts condensed for status rules only (team matrix, readiness, who may run
 * alone): per person, scenario and competency list, one passed attempt standing for all the passed ones
 * (the latest; "found a fault" when any of them did) and one for all the others. Distinct scenarios,
 * scenarios with a fault found, the last practice and whether there is any evidence come out as from
 * the full list; SQLite aggregates from the covering index instead of handing every attempt to JS.
 * Not for showing attempts (scores and faults are not kept).
 */
export function summariseFinishedAttempts(store: Store, userIds: readonly number[]): UserAttempt[] {
	if (userIds.length === 0) return [];
	const groups = store.db.$client
		.prepare(
			`SELECT user_id AS userId, scenario_id AS scenarioId, procedure, competencies,
				max(CASE WHEN passed = 1 THEN id END) AS passedId, max(CASE WHEN passed = 1 THEN finished_at END) AS passedAt,
				max(passed = 1 AND json_valid(faults_found) AND json_array_length(faults_found) > 0) AS faultFound,
				max(CASE WHEN passed IS NOT 1 THEN id END) AS failedId, max(CASE WHEN passed IS NOT 1 THEN finished_at END) AS failedAt
			 FROM scenario_attempts WHERE user_id IN (${placeholders(userIds.length)}) AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
			 GROUP BY user_id, scenario_id, procedure, competencies`
		)
		.all(...userIds) as {
		userId: number;
		scenarioId: string;
		procedure: string;
		competencies: string;
		passedId: number | null;
		passedAt: number | null;
		faultFound: number;
		failedId: number | null;
		failedAt: number | null;
	}[];
	const out: UserAttempt[] = [];
	for (const g of groups) {
		const base = { userId: g.userId, scenarioId: g.scenarioId, procedure: g.procedure, competencies: strings(g.competencies), score: null, maxScore: null, faultsMissed: [] };
		if (g.passedId !== null) out.push({ ...base, id: g.passedId, passed: true, finishedAt: g.passedAt!, faultsFound: g.faultFound ? [SOME_FAULT_FOUND] : [] });
		if (g.failedId !== null) out.push({ ...base, id: g.failedId, passed: false, finishedAt: g.failedAt!, faultsFound: [] });
	}
	return out;
}

/** How often each fault was missed in the people's finished attempts, most missed first (as recommend.ts's missedFaults). */
export function countMissedFaults(store: Store, userIds: readonly number[]): { faultId: string; missed: number }[] {
	if (userIds.length === 0) return [];
	const rows = store.db.$client
		.prepare(
			`SELECT f.value AS faultId, count(*) AS missed FROM scenario_attempts a, json_each(a.faults_missed) f
			 WHERE a.user_id IN (${placeholders(userIds.length)}) AND a.finished_at IS NOT NULL AND a.status IN ('finished', 'timed_out')
			   AND json_valid(a.faults_missed) AND f.type = 'text'
			 GROUP BY f.value`
		)
		.all(...userIds) as { faultId: string; missed: number }[];
	return rows.sort((a, b) => b.missed - a.missed || a.faultId.localeCompare(b.faultId));
}

export type UserRun = RunRecord & { ownerId: number };

/** Completed live runs of the given people, each with what it evidences and whether it is clean. */
export function listCompletedRuns(store: Store, userIds: readonly number[]): UserRun[] {
	if (userIds.length === 0) return [];
	const db = store.db.$client;
	const ids = placeholders(userIds.length);
	// Training attempts' runs are kind 'attempt' (migration 0007 marked the older ones).
	const live = `r.owner_id IN (${ids}) AND r.kind = 'live' AND r.status = 'completed'`;
	// Only the parts of the final context the evidence rules read (live-evidence.ts: an irate contact's
	// offers and escalations), extracted by SQLite rather than parsing each whole snapshot here.
	const runs = db
		.prepare(
			`SELECT r.id, r.procedure, r.owner_id AS ownerId, r.status, r.outcome, r.completed_at AS completedAt,
				CASE WHEN r.procedure = 'irate-contact' AND json_valid(r.snapshot) THEN json_object('offers', json_extract(r.snapshot, '$.context.offers'), 'escalations', json_extract(r.snapshot, '$.context.escalations')) END AS context,
				(SELECT count(*) FROM incident_reports i WHERE i.run_id = r.id) AS incidents
			 FROM procedure_runs r WHERE ${live}
			 ORDER BY r.completed_at, r.id`
		)
		.all(...userIds) as { id: number; procedure: string; ownerId: number; status: string; outcome: string | null; context: string | null; completedAt: number; incidents: number }[];
	// All their events in one query (not one per run).
	const eventsByRun = new Map<number, { actorId: number; type: string; applied: boolean; refusal: string | null }[]>();
	const events = db
		.prepare(
			`SELECT e.run_id AS runId, e.actor_id AS actorId, e.type, e.applied, e.refusal FROM run_events e
			 WHERE e.run_id IN (SELECT r.id FROM procedure_runs r WHERE ${live}) ORDER BY e.run_id, e.seq`
		)
		.all(...userIds) as { runId: number; actorId: number; type: string; applied: number; refusal: string | null }[];
	for (const { runId, applied, ...e } of events) {
		let list = eventsByRun.get(runId);
		if (!list) eventsByRun.set(runId, (list = []));
		list.push({ ...e, applied: applied === 1 });
	}
	return runs.map((r) => {
		let context: Record<string, unknown>;
		try {
			context = r.context ? (JSON.parse(r.context) as Record<string, unknown>) : {};
		} catch {
			context = {};
		}
		const facts = { procedure: r.procedure, ownerId: r.ownerId, status: r.status, outcome: r.outcome, context, events: eventsByRun.get(r.id) ?? [], incidentReports: r.incidents };
		const notClean = whyNotClean(facts);
		return { id: r.id, ownerId: r.ownerId, procedure: r.procedure, completedAt: r.completedAt, clean: notClean.length === 0, notClean, evidences: runEvidences(facts) };
	});
}

export type UserObservation = ObservationRecord & { userId: number };

export function listObservations(store: Store, userIds: readonly number[]): UserObservation[] {
	if (userIds.length === 0) return [];
	return store.db.$client
		.prepare(
			`SELECT o.id, o.user_id AS userId, o.competency_id AS competencyId, o.observer_id AS observerId, u.display_name AS observerName, o.at, o.note
			 FROM competency_observations o JOIN users u ON u.id = o.observer_id WHERE o.user_id IN (${placeholders(userIds.length)}) ORDER BY o.at, o.id`
		)
		.all(...userIds) as UserObservation[];
}

export function insertObservation(store: Store, o: { userId: number; competencyId: string; observerId: number; at: number; note: string }): number {
	return Number(
		store.db.$client
			.prepare('INSERT INTO competency_observations (user_id, competency_id, observer_id, at, note) VALUES (?, ?, ?, ?, ?)')
			.run(o.userId, o.competencyId, o.observerId, o.at, o.note).lastInsertRowid
	);
}

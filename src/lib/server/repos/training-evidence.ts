/**
 * Reading the evidence of training: finished scenario attempts (the scenario engine's contract table),
 * completed live runs judged clean from their event log and incident reports, and observation notes.
 */
import type { Store } from '../store';
import type { AttemptRecord, ObservationRecord, RunRecord } from '$lib/competency/evidence';
import { LIVE_EVIDENCE_VERSION, runEvidences, whyNotClean } from '$lib/competency/live-evidence';

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
 * faults_found / faults_missed along with `result`. INDEXED BY, because for one person SQLite would
 * rather save the sort by walking attempts_user_idx — and read every attempt's large row.
 */
export function listFinishedAttempts(store: Store, userIds: readonly number[]): UserAttempt[] {
	if (userIds.length === 0) return [];
	const rows = store.db.$client
		.prepare(
			`SELECT id, user_id AS userId, scenario_id AS scenarioId, procedure, passed, competencies, finished_at AS finishedAt, score,
				max_score AS maxScore,
				faults_found AS faultsFound, faults_missed AS faultsMissed
			 FROM scenario_attempts INDEXED BY attempts_evidence_idx
			 WHERE user_id IN (${placeholders(userIds.length)}) AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
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
 * the full list. Read from attempt_summaries, which triggers on scenario_attempts keep (migration
 * 0009), so a team's dashboard reads a row per person and scenario rather than every attempt.
 * Not for showing attempts (scores and faults are not kept).
 */
export function summariseFinishedAttempts(store: Store, userIds: readonly number[]): UserAttempt[] {
	if (userIds.length === 0) return [];
	const groups = store.db.$client
		.prepare(
			`SELECT user_id AS userId, scenario_id AS scenarioId, procedure, competencies, passed_id AS passedId, passed_at AS passedAt,
				fault_found AS faultFound, failed_id AS failedId, failed_at AS failedAt
			 FROM attempt_summaries WHERE user_id IN (${placeholders(userIds.length)})
			 ORDER BY user_id, scenario_id, procedure, competencies`
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
	// A handful of distinct competency lists across a team's rows: parse each once.
	const parsed = new Map<string, string[]>();
	for (const g of groups) {
		let competencies = parsed.get(g.competencies);
		if (!competencies) parsed.set(g.competencies, (competencies = strings(g.competencies)));
		const at = (id: number, passed: boolean, finishedAt: number, faultsFound: string[]): UserAttempt => ({
			id,
			userId: g.userId,
			scenarioId: g.scenarioId,
			procedure: g.procedure,
			passed,
			competencies: [...competencies],
			finishedAt,
			score: null,
			maxScore: null,
			faultsFound,
			faultsMissed: []
		});
		if (g.passedId !== null) out.push(at(g.passedId, true, g.passedAt!, g.faultFound ? [SOME_FAULT_FOUND] : []));
		if (g.failedId !== null) out.push(at(g.failedId, false, g.failedAt!, []));
	}
	return out;
}

/**
 * How often each fault was missed in the people's finished attempts, most missed first (as recommend.ts's
 * missedFaults), from missed_fault_counts (kept by the same triggers as attempt_summaries).
 */
export function countMissedFaults(store: Store, userIds: readonly number[]): { faultId: string; missed: number }[] {
	if (userIds.length === 0) return [];
	const rows = store.db.$client
		.prepare(`SELECT fault_id AS faultId, sum(missed) AS missed FROM missed_fault_counts WHERE user_id IN (${placeholders(userIds.length)}) GROUP BY fault_id`)
		.all(...userIds) as { faultId: string; missed: number }[];
	return rows.sort((a, b) => b.missed - a.missed || a.faultId.localeCompare(b.faultId));
}

export type ScorePoint = Pick<UserAttempt, 'procedure' | 'scenarioId' | 'finishedAt' | 'score' | 'maxScore'>;

/**
 * A person's latest `perProcedure` finished attempts of each procedure, oldest first (as
 * tests/fixtures/trend.ts over listFinishedAttempts), for the score trend — from the covering index.
 */
export function listRecentScores(store: Store, userId: number, perProcedure: number): ScorePoint[] {
	return store.db.$client
		.prepare(
			`SELECT procedure, scenarioId, finishedAt, score, maxScore FROM (
				SELECT procedure, scenario_id AS scenarioId, finished_at AS finishedAt, score, max_score AS maxScore, id,
					row_number() OVER (PARTITION BY procedure ORDER BY finished_at DESC, id DESC) AS k
				FROM scenario_attempts INDEXED BY attempts_evidence_idx
				WHERE user_id = ? AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out'))
			 WHERE k <= ? ORDER BY finishedAt, id`
		)
		.all(userId, perProcedure) as ScorePoint[];
}

export type UserRun = RunRecord & { ownerId: number };

interface RunEvidence {
	evidences: string[];
	notClean: string[];
}

/**
 * Works a completed run's evidence out from the run itself (live-evidence.ts's rules on its final
 * context, event log and incident reports), for runs with no stored answer at the current version.
 */
function workOutRunEvidence(store: Store, ids: readonly number[]): Map<number, RunEvidence> {
	const out = new Map<number, RunEvidence>();
	if (ids.length === 0) return out;
	const db = store.db.$client;
	const list = placeholders(ids.length);
	// Only the parts of the final context the rules read (an irate contact's offers and escalations),
	// extracted by SQLite rather than parsing each whole snapshot here.
	const runs = db
		.prepare(
			`SELECT r.id, r.procedure, r.owner_id AS ownerId, r.status, r.outcome,
				CASE WHEN r.procedure = 'irate-contact' AND json_valid(r.snapshot) THEN json_object('offers', json_extract(r.snapshot, '$.context.offers'), 'escalations', json_extract(r.snapshot, '$.context.escalations')) END AS context,
				(SELECT count(*) FROM incident_reports i WHERE i.run_id = r.id) AS incidents
			 FROM procedure_runs r WHERE r.id IN (${list})`
		)
		.all(...ids) as { id: number; procedure: string; ownerId: number; status: string; outcome: string | null; context: string | null; incidents: number }[];
	// All their events in one query (not one per run).
	const eventsByRun = new Map<number, { actorId: number; type: string; applied: boolean; refusal: string | null }[]>();
	const events = db
		.prepare(`SELECT run_id AS runId, actor_id AS actorId, type, applied, refusal FROM run_events WHERE run_id IN (${list}) ORDER BY run_id, seq`)
		.all(...ids) as { runId: number; actorId: number; type: string; applied: number; refusal: string | null }[];
	for (const { runId, applied, ...e } of events) {
		let perRun = eventsByRun.get(runId);
		if (!perRun) eventsByRun.set(runId, (perRun = []));
		perRun.push({ ...e, applied: applied === 1 });
	}
	for (const r of runs) {
		let context: Record<string, unknown>;
		try {
			context = r.context ? (JSON.parse(r.context) as Record<string, unknown>) : {};
		} catch {
			context = {};
		}
		const facts = { procedure: r.procedure, ownerId: r.ownerId, status: r.status, outcome: r.outcome, context, events: eventsByRun.get(r.id) ?? [], incidentReports: r.incidents };
		out.set(r.id, { evidences: runEvidences(facts), notClean: whyNotClean(facts) });
	}
	return out;
}

/**
 * Stores a live run's evidence when it completes (the runner calls this in the completing step's
 * transaction, after its last event is logged): nothing about a completed run changes afterwards.
 */
export function recordRunEvidence(store: Store, runId: number): void {
	const e = workOutRunEvidence(store, [runId]).get(runId);
	if (!e) return;
	store.db.$client
		.prepare('UPDATE procedure_runs SET evidence_version = ?, evidences = ?, not_clean = ? WHERE id = ?')
		.run(LIVE_EVIDENCE_VERSION, JSON.stringify(e.evidences), JSON.stringify(e.notClean), runId);
}

/**
 * Completed live runs of the given people, each with what it evidences and whether it is clean.
 * Stored answers come from the covering index runs_evidence_idx; runs without one (completed before
 * it was stored, or under an older version of the rules) are worked out from the run.
 * `condensed` (status-only progress): one run stands for each person's runs of the same procedure,
 * evidence and cleanliness, repeated as many times as there are such runs, so counts, the latest
 * practice and whether there is any evidence are as from the full list — not for showing runs.
 */
export function listCompletedRuns(store: Store, userIds: readonly number[], opts: { condensed?: boolean } = {}): UserRun[] {
	if (userIds.length === 0) return [];
	// Training attempts' runs are kind 'attempt' (migration 0007 marked the older ones).
	const live = `owner_id IN (${placeholders(userIds.length)}) AND kind = 'live' AND status = 'completed'`;
	const rows = store.db.$client
		.prepare(
			opts.condensed
				? `SELECT max(id) AS id, procedure, owner_id AS ownerId, max(completed_at) AS completedAt, evidences, not_clean AS notClean, count(*) AS n
				   FROM procedure_runs INDEXED BY runs_evidence_idx WHERE ${live} AND evidence_version = ? GROUP BY owner_id, procedure, evidences, not_clean
				   UNION ALL
				   SELECT id, procedure, owner_id, completed_at, NULL, NULL, 1 FROM procedure_runs INDEXED BY runs_evidence_idx WHERE ${live} AND evidence_version IS NOT ?`
				: `SELECT id, procedure, owner_id AS ownerId, completed_at AS completedAt, CASE WHEN evidence_version = ? THEN evidences END AS evidences,
				   not_clean AS notClean, 1 AS n FROM procedure_runs INDEXED BY runs_evidence_idx WHERE ${live} ORDER BY completed_at, id`
		)
		.all(...(opts.condensed ? [...userIds, LIVE_EVIDENCE_VERSION, ...userIds, LIVE_EVIDENCE_VERSION] : [LIVE_EVIDENCE_VERSION, ...userIds])) as {
		id: number;
		procedure: string;
		ownerId: number;
		completedAt: number;
		evidences: string | null;
		notClean: string | null;
		n: number;
	}[];
	const missing = workOutRunEvidence(
		store,
		rows.filter((r) => r.evidences === null).map((r) => r.id)
	);
	const out: UserRun[] = [];
	for (const r of rows) {
		const e = r.evidences === null ? missing.get(r.id)! : { evidences: strings(r.evidences), notClean: strings(r.notClean) };
		const run = { id: r.id, ownerId: r.ownerId, procedure: r.procedure, completedAt: r.completedAt, clean: e.notClean.length === 0, notClean: e.notClean, evidences: e.evidences };
		for (let i = 0; i < r.n; i++) out.push(run);
	}
	return out;
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

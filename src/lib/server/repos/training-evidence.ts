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

function resultFaults(json: unknown): { faultsFound: string[]; faultsMissed: string[] } {
	if (typeof json !== 'string') return { faultsFound: [], faultsMissed: [] };
	try {
		const r = JSON.parse(json) as { faultsFound?: unknown; faultsMissed?: unknown };
		const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
		return { faultsFound: list(r?.faultsFound), faultsMissed: list(r?.faultsMissed) };
	} catch {
		return { faultsFound: [], faultsMissed: [] };
	}
}

export type UserAttempt = AttemptRecord & { userId: number };

/** Finished attempts (ended with a score; timed out counts as not passed) of the given people, oldest first. */
export function listFinishedAttempts(store: Store, userIds: readonly number[]): UserAttempt[] {
	if (userIds.length === 0) return [];
	const rows = store.db.$client
		.prepare(
			`SELECT id, user_id AS userId, scenario_id AS scenarioId, procedure, passed, competencies, finished_at AS finishedAt, score,
				max_score AS maxScore, result
			 FROM scenario_attempts WHERE user_id IN (${placeholders(userIds.length)}) AND finished_at IS NOT NULL AND status IN ('finished', 'timed_out')
			 ORDER BY finished_at, id`
		)
		.all(...userIds) as (Omit<UserAttempt, 'passed' | 'competencies' | 'faultsFound' | 'faultsMissed'> & { passed: number | null; competencies: string; result: string | null })[];
	return rows.map(({ result, ...r }) => ({ ...r, passed: r.passed === 1, competencies: strings(r.competencies), ...resultFaults(result) }));
}

export type UserRun = RunRecord & { ownerId: number };

/** Completed live runs of the given people, each with what it evidences and whether it is clean. */
export function listCompletedRuns(store: Store, userIds: readonly number[]): UserRun[] {
	if (userIds.length === 0) return [];
	const db = store.db.$client;
	const runs = db
		.prepare(
			`SELECT r.id, r.procedure, r.owner_id AS ownerId, r.status, r.outcome, r.snapshot, r.completed_at AS completedAt,
				(SELECT count(*) FROM incident_reports i WHERE i.run_id = r.id) AS incidents
			 FROM procedure_runs r WHERE r.owner_id IN (${placeholders(userIds.length)}) AND r.status = 'completed'
			   AND r.id NOT IN (SELECT run_id FROM scenario_attempts WHERE run_id IS NOT NULL)
			 ORDER BY r.completed_at, r.id`
		)
		.all(...userIds) as { id: number; procedure: string; ownerId: number; status: string; outcome: string | null; snapshot: string; completedAt: number; incidents: number }[];
	const eventsOf = db.prepare('SELECT actor_id AS actorId, type, applied, refusal FROM run_events WHERE run_id = ? ORDER BY seq');
	return runs.map((r) => {
		let context: Record<string, unknown>;
		try {
			context = (JSON.parse(r.snapshot) as { context?: Record<string, unknown> }).context ?? {};
		} catch {
			context = {};
		}
		const events = (eventsOf.all(r.id) as { actorId: number; type: string; applied: number; refusal: string | null }[]).map((e) => ({ ...e, applied: e.applied === 1 }));
		const facts = { procedure: r.procedure, ownerId: r.ownerId, status: r.status, outcome: r.outcome, context, events, incidentReports: r.incidents };
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

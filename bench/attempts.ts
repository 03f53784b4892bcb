/**
 * Scenario attempts for the benchmark organisation. A sample of real attempts is produced first —
 * every scenario's golden and mistake paths under several seeds, driven through the real engine in
 * an in-memory database, so each sample is a finished attempt exactly as the app stores it (resolved
 * scenario, policy snapshot, compacted event log, score and result, and its kind='attempt' run row).
 * The sample is then written many times over to reach the wanted count, each copy owned by one of the
 * benchmark's staff at its own time. Logs are reused verbatim (their `by` stamps name the sample's
 * trainee), which the scorer does not read; the re-score still parses and scores every stored row.
 */
import type Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db/client';
import { createStore } from '../src/lib/server/store';
import { insertUser } from '../src/lib/server/repos/users';
import { SCENARIOS } from '../src/scenarios/index';
import { runPath } from '../src/lib/server/training/paths';
import { storeInputs } from '../src/lib/server/training/repo';

/**
 * One finished attempt as stored: its scenario_attempts columns, its resolved scenario and policy
 * snapshot (JSON; the sample database's definition and policy ids mean nothing elsewhere), and its
 * run's procedure_runs columns.
 */
export interface SampleAttempt {
	attempt: Record<string, unknown>;
	scenario: string;
	policy: string;
	run: Record<string, unknown>;
	/** Machine events the replay sends (applied ones), and log entries. */
	appliedEvents: number;
	entries: number;
}

const T0 = Date.UTC(2026, 10, 2, 18, 0);

/** Runs every scenario's golden and mistake paths for `seeds` seeds through the real engine. */
export function sampleAttempts(seeds: number): SampleAttempt[] {
	const store = createStore(openDatabase(':memory:', 'drizzle'), Buffer.alloc(32, 7), null);
	const id = insertUser(store, { username: 'sample', displayName: 'Sample Trainee', level: 'csr1', isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
	const user = { id, username: 'sample', displayName: 'Sample Trainee', level: 'csr1' as const, isAdmin: false, teamId: null };
	const db = store.db.$client;
	const out: SampleAttempt[] = [];
	for (let seed = 1; seed <= seeds; seed++)
		for (const s of SCENARIOS)
			for (const steps of [s.golden, ...s.mistakes.map((m) => m.steps)]) {
				const { attempt } = runPath(store, user, s.id, steps, { seed: seed * 7919 + 11, now: T0 });
				const a = db.prepare('SELECT * FROM scenario_attempts WHERE id = ?').get(attempt.id) as Record<string, unknown>;
				const r = db.prepare('SELECT * FROM procedure_runs WHERE id = ?').get(attempt.runId) as Record<string, unknown>;
				const log = JSON.parse(attempt.events!) as { kind: string; applied?: boolean }[];
				out.push({ attempt: a, scenario: attempt.scenario, policy: attempt.policy, run: r, appliedEvents: log.filter((e) => e.kind === 'machine' && e.applied).length, entries: log.length });
			}
	db.close();
	return out;
}

const DAY = 86_400_000;

/**
 * Writes `count` attempts (and their runs) cycling through the samples; staff take turns, times spread
 * over the last 540 days. Returns how many were written.
 */
export function insertAttempts(db: Database.Database, staffIds: readonly number[], count: number, samples: readonly SampleAttempt[], now: number, onProgress?: (done: number) => void): number {
	const run = db.prepare(
		`INSERT INTO procedure_runs (procedure, machine_version, revision, owner_id, supervisor_id, status, kind, abandon_reason, subject, input, snapshot, step_id, version, effects_applied, outcome, started_at, updated_at, completed_at)
		 VALUES (?, ?, ?, ?, NULL, ?, 'attempt', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const attempt = db.prepare(
		`INSERT INTO scenario_attempts (user_id, scenario_id, scenario_version, procedure, level, seed, machine_version, definition_id, world, policy_id, run_id, status, events, score, max_score, passed, competencies, result, faults_found, faults_missed, assignment_id, started_at, finished_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`
	);
	// Each sample's definition, world and policy, stored the way the app stores an attempt's.
	const inputs = db.transaction(() => samples.map((x) => storeInputs(db, JSON.parse(x.scenario), JSON.parse(x.policy))))();
	const batch = 20_000;
	for (let start = 0; start < count; start += batch) {
		db.transaction(() => {
			for (let i = start; i < Math.min(count, start + batch); i++) {
				// Written person by person (their index entries then go in order, much faster than at
				// random); consecutive attempts take different samples, so each person gets a mix.
				const k = (i * 31) % samples.length;
				const s = samples[k];
				const a = s.attempt;
				const { definitionId, world, policyId } = inputs[k];
				const r = s.run;
				const user = staffIds[Math.min(staffIds.length - 1, Math.floor((i * staffIds.length) / count))];
				const startedAt = now - (i % 540) * DAY - (i % 9973) * 1000;
				const took = (a.finished_at as number) - (a.started_at as number);
				const finishedAt = startedAt + took;
				const runId = Number(
					run.run(r.procedure, r.machine_version, r.revision, user, r.status, r.abandon_reason, r.subject, r.input, r.snapshot, r.step_id, r.version, r.effects_applied, r.outcome, startedAt, finishedAt, r.completed_at === null ? null : finishedAt)
						.lastInsertRowid
				);
				attempt.run(user, a.scenario_id, a.scenario_version, a.procedure, a.level, a.seed, a.machine_version, definitionId, world, policyId, runId, a.status, a.events, a.score, a.max_score, a.passed, a.competencies, a.result, a.faults_found, a.faults_missed, startedAt, finishedAt);
			}
		})();
		onProgress?.(Math.min(count, start + batch));
	}
	return count;
}

/** Staff, sessions, throttling and the audit log: everything a sandbox reset keeps. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const offices = sqliteTable('offices', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull()
});

export const teams = sqliteTable('teams', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	officeId: integer('office_id').notNull().references(() => offices.id),
	name: text('name').notNull()
});

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		level: text('level', { enum: ['csr1', 'csr2', 'csr3', 'senior', 'supervisor'] }).notNull(),
		isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
		hireDate: text('hire_date').notNull(),
		teamId: integer('team_id').references(() => teams.id),
		passwordHash: text('password_hash').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('users_username_uq').on(t.username), index('users_team_idx').on(t.teamId)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at').notNull()
});

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at').notNull(),
		actorId: integer('actor_id'),
		actorUsername: text('actor_username'),
		action: text('action').notNull(),
		target: text('target'),
		summary: text('summary').notNull(),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_action_idx').on(t.action), index('audit_target_idx').on(t.target)]
);

export const appSettings = sqliteTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/**
 * One run of a procedure machine (live now; training attempts reuse the runner). Records account
 * numbers and drawer names, not sandbox row ids, so a run's record survives a sandbox reset.
 */
export const procedureRuns = sqliteTable(
	'procedure_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		procedure: text('procedure').notNull(),
		machineVersion: integer('machine_version').notNull(),
		revision: integer('revision').notNull(),
		ownerId: integer('owner_id')
			.notNull()
			.references(() => users.id),
		supervisorId: integer('supervisor_id').references(() => users.id),
		status: text('status', { enum: ['in_progress', 'awaiting_verification', 'completed', 'abandoned'] }).notNull(),
		/** 'live' (the shared sandbox) or 'attempt' (a training attempt's own world): attempts stay out of runs lists, queues and resets. */
		kind: text('kind', { enum: ['live', 'attempt'] }).notNull().default('live'),
		abandonReason: text('abandon_reason'),
		subject: text('subject'),
		input: text('input').notNull(),
		snapshot: text('snapshot').notNull(),
		stepId: text('step_id'),
		version: integer('version').notNull(),
		effectsApplied: integer('effects_applied').notNull(),
		outcome: text('outcome'),
		startedAt: integer('started_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		completedAt: integer('completed_at'),
		/**
		 * A completed live run's standing as training evidence, worked out by the runner when the run
		 * completes (nothing about the run changes after that): the competencies it evidences and why it
		 * is not clean (JSON string[]s), under the rules of live-evidence.ts at LIVE_EVIDENCE_VERSION.
		 * Null, or an older version, and the tracker works it out from the run itself.
		 */
		evidenceVersion: integer('evidence_version'),
		evidences: text('evidences'),
		notClean: text('not_clean')
	},
	(t) => [
		index('runs_owner_idx').on(t.ownerId, t.status),
		index('runs_status_idx').on(t.status, t.updatedAt),
		// A person's completed live runs as evidence, read from the index alone (never their many attempt runs' rows).
		index('runs_evidence_idx').on(t.ownerId, t.kind, t.status, t.evidenceVersion, t.completedAt, t.id, t.procedure, t.evidences, t.notClean)
	]
);

/** Every event sent to a run, applied or refused, in order (refused attempts are scored in training). */
export const runEvents = sqliteTable(
	'run_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		runId: integer('run_id')
			.notNull()
			.references(() => procedureRuns.id),
		seq: integer('seq').notNull(),
		at: integer('at').notNull(),
		actorId: integer('actor_id').notNull(),
		type: text('type').notNull(),
		event: text('event').notNull(),
		applied: integer('applied', { mode: 'boolean' }).notNull(),
		refusal: text('refusal'),
		stepId: text('step_id')
	},
	(t) => [uniqueIndex('run_events_seq_uq').on(t.runId, t.seq)]
);

/** Incident reports (counterfeit, variance ≥ the supervisor tier, threats, short floats): office records kept across resets. */
export const incidentReports = sqliteTable(
	'incident_reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at').notNull(),
		reportedBy: integer('reported_by')
			.notNull()
			.references(() => users.id),
		runId: integer('run_id').references(() => procedureRuns.id),
		accountNumber: text('account_number'),
		summary: text('summary').notNull()
	},
	// Whether a live run is clean asks for its incident reports.
	(t) => [index('incidents_run_idx').on(t.runId)]
);

/**
 * A scenario's data as attempts ran it, less the world its seed draws: the same for every attempt of
 * a scenario version, so it is stored once and attempts refer to it (it is most of a resolved scenario).
 */
export const scenarioDefinitions = sqliteTable(
	'scenario_definitions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scenarioId: text('scenario_id').notNull(),
		version: integer('version').notNull(),
		/** JSON: the resolved scenario without `seed` and `world`, keys in resolved order. */
		data: text('data').notNull()
	},
	(t) => [uniqueIndex('scenario_definitions_data_uq').on(t.data)]
);

/** A policy settings snapshot as attempts ran under it, stored once per distinct snapshot. */
export const policySnapshots = sqliteTable(
	'policy_snapshots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		policy: text('policy').notNull()
	},
	(t) => [uniqueIndex('policy_snapshots_policy_uq').on(t.policy)]
);

/**
 * One training attempt of a scenario. Fully determined by what it stores (scenario definition and
 * the world its seed drew, machine version, policy snapshot, event log), so it re-scores and replays
 * without its world. While in progress its steps live in a procedure_runs row (`run_id`); when it
 * ends the event log is compacted into `events` here. Evidence for the competency tracker: passed
 * attempts of distinct scenarios.
 */
export const scenarioAttempts = sqliteTable(
	'scenario_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		scenarioId: text('scenario_id').notNull(),
		scenarioVersion: integer('scenario_version').notNull(),
		procedure: text('procedure').notNull(),
		/** The level the trainee acts with in the attempt (the scenario's level). */
		level: text('level').notNull(),
		seed: integer('seed').notNull(),
		machineVersion: integer('machine_version').notNull(),
		/** The resolved scenario is its definition plus `seed` and `world` (JSON); see training/repo.ts. */
		definitionId: integer('definition_id').references(() => scenarioDefinitions.id),
		world: text('world'),
		policyId: integer('policy_id').references(() => policySnapshots.id),
		runId: integer('run_id').references(() => procedureRuns.id),
		status: text('status', { enum: ['in_progress', 'finished', 'timed_out', 'abandoned'] }).notNull(),
		/** Compacted event log once the attempt has ended (JSON array). */
		events: text('events'),
		score: integer('score'),
		maxScore: integer('max_score'),
		passed: integer('passed', { mode: 'boolean' }),
		/** JSON: string[] of competency ids this attempt evidences (from the scenario). */
		competencies: text('competencies').notNull(),
		/** JSON: the scorer's result (rubric items, critical errors, faults found/missed, feedback). */
		result: text('result'),
		/**
		 * JSON string[]s: `result`'s faultsFound / faultsMissed, written with it when the attempt ends, so
		 * the tracker reads a person's evidence from the covering index below, never the large row.
		 */
		faultsFound: text('faults_found'),
		faultsMissed: text('faults_missed'),
		assignmentId: integer('assignment_id'),
		startedAt: integer('started_at').notNull(),
		finishedAt: integer('finished_at')
	},
	(t) => [
		index('attempts_user_idx').on(t.userId, t.finishedAt),
		index('attempts_scenario_idx').on(t.scenarioId),
		/**
		 * Covering index of the tracker's evidence queries (repos/training-evidence.ts): a row holds the
		 * resolved scenario, the policy and the log (tens of KB in overflow pages), so reading its small
		 * columns from the table would walk those pages for every attempt of every person shown. In
		 * person-and-scenario order, so the condensed (status-only) read groups without sorting.
		 */
		index('attempts_evidence_idx').on(t.userId, t.scenarioId, t.procedure, t.competencies, t.passed, t.finishedAt, t.status, t.id, t.score, t.maxScore, t.faultsFound, t.faultsMissed)
	]
);

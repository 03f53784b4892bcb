/**
 * The competency tracker: framework versions, sign-offs (append-only history with a database-enforced
 * single active sign-off), observation notes, sign-off requests, assignments, promotions, and the
 * outbox of xAPI statements waiting for the learning record store. Staff records: kept across resets.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './schema-staff';

/** Evidence requirements per competency, one row per published version (v1 = the ladder's defaults). */
export const frameworkVersions = sqliteTable('framework_versions', {
	version: integer('version').primaryKey(),
	createdAt: integer('created_at').notNull(),
	createdBy: integer('created_by').references(() => users.id),
	note: text('note').notNull(),
	/** JSON: Record<competencyId, EvidenceRequirement>. */
	requirements: text('requirements').notNull()
});

/**
 * A sign-off is inserted once and ended at most once (revoked, or superseded by a re-sign-off); a
 * trigger refuses every other change. At most one active (unended) sign-off per person and competency.
 */
export const competencySignoffs = sqliteTable(
	'competency_signoffs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		competencyId: text('competency_id').notNull(),
		signedBy: integer('signed_by')
			.notNull()
			.references(() => users.id),
		signedAt: integer('signed_at').notNull(),
		note: text('note').notNull(),
		frameworkVersion: integer('framework_version').notNull(),
		/** JSON: Record<procedureKey, revision> of the procedures tied to the competency when signed. */
		revisions: text('revisions').notNull(),
		/** JSON: the evidence summary the signer reviewed (counts and ids). */
		evidence: text('evidence').notNull(),
		requirementsMet: integer('requirements_met', { mode: 'boolean' }).notNull(),
		overrideReason: text('override_reason'),
		endedAt: integer('ended_at'),
		endedBy: integer('ended_by').references(() => users.id),
		endKind: text('end_kind', { enum: ['revoked', 'superseded'] }),
		endReason: text('end_reason')
	},
	(t) => [
		uniqueIndex('signoffs_active_uq').on(t.userId, t.competencyId).where(sql`ended_at IS NULL`),
		index('signoffs_user_idx').on(t.userId, t.competencyId, t.signedAt)
	]
);

/** A senior's or supervisor's observation note, evidence for any competency (append-only). */
export const competencyObservations = sqliteTable(
	'competency_observations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		competencyId: text('competency_id').notNull(),
		observerId: integer('observer_id')
			.notNull()
			.references(() => users.id),
		at: integer('at').notNull(),
		note: text('note').notNull()
	},
	(t) => [index('observations_user_idx').on(t.userId, t.competencyId)]
);

/** A trainee's request for sign-off; closed when signed off or withdrawn. One open request per competency. */
export const signoffRequests = sqliteTable(
	'signoff_requests',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		competencyId: text('competency_id').notNull(),
		requestedAt: integer('requested_at').notNull(),
		closedAt: integer('closed_at'),
		closedReason: text('closed_reason')
	},
	(t) => [uniqueIndex('signoff_requests_open_uq').on(t.userId, t.competencyId).where(sql`closed_at IS NULL`)]
);

/** Scenarios (one, several or a learning path) assigned with a due date; `assigned_by` null = the system (refresher). */
export const assignments = sqliteTable('assignments', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	assignedBy: integer('assigned_by').references(() => users.id),
	assignedAt: integer('assigned_at').notNull(),
	/** Office-local date (YYYY-MM-DD) it is due by, inclusive. */
	dueDate: text('due_date').notNull(),
	note: text('note').notNull(),
	kind: text('kind', { enum: ['scenarios', 'path', 'refresher'] }).notNull(),
	pathId: text('path_id'),
	/** For a refresher: the competency to re-certify (done when its scenarios are passed, or it is signed off again). */
	competencyId: text('competency_id'),
	/** JSON: string[] of scenario ids, in order. */
	scenarioIds: text('scenario_ids').notNull(),
	/** Who it was assigned to, as the assigner chose it ("All CSR I", "Counter Team A", a name). */
	targetLabel: text('target_label').notNull()
});

/** The people an assignment reached (a group is expanded when it is assigned). */
export const assignmentAssignees = sqliteTable(
	'assignment_assignees',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignments.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignees_user_idx').on(t.userId)]
);

/** Level changes after hiring: each a supervisor's decision, with readiness or a written override. */
export const promotions = sqliteTable(
	'promotions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		fromLevel: text('from_level').notNull(),
		toLevel: text('to_level').notNull(),
		at: integer('at').notNull(),
		by: integer('by')
			.notNull()
			.references(() => users.id),
		ready: integer('ready', { mode: 'boolean' }).notNull(),
		overrideReason: text('override_reason'),
		note: text('note').notNull()
	},
	(t) => [index('promotions_user_idx').on(t.userId, t.at)]
);

/** xAPI statements written with the change they describe, sent to the LRS after the commit and retried until accepted. */
export const xapiOutbox = sqliteTable(
	'xapi_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		statementId: text('statement_id').notNull(),
		source: text('source').notNull(),
		body: text('body').notNull(),
		createdAt: integer('created_at').notNull(),
		tries: integer('tries').notNull().default(0),
		nextTryAt: integer('next_try_at').notNull(),
		lastError: text('last_error'),
		sentAt: integer('sent_at')
	},
	(t) => [uniqueIndex('xapi_outbox_statement_uq').on(t.statementId), index('xapi_outbox_pending_idx').on(t.sentAt, t.nextTryAt)]
);

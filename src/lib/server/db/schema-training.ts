/** Training attempts' own log and the comments seniors leave on them (kept across sandbox resets). */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { scenarioAttempts, users } from './schema-staff';

/**
 * Everything that happens in an attempt, in order: machine events (a copy of the runner's log row,
 * with who sent it in the scenario — trainee, customer or a simulated colleague) and training events
 * (hints, inspections, dialogue replies, choices, time jumps, finish). Compacted into
 * scenario_attempts.events when the attempt ends, then deleted.
 */
export const attemptEvents = sqliteTable(
	'attempt_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => scenarioAttempts.id),
		seq: integer('seq').notNull(),
		/** JSON of one log entry (see src/lib/server/training/log.ts). */
		entry: text('entry').notNull()
	},
	(t) => [uniqueIndex('attempt_events_seq_uq').on(t.attemptId, t.seq)]
);

/** A senior's or supervisor's comment on an attempt, optionally on one event of its replay. */
export const attemptComments = sqliteTable(
	'attempt_comments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => scenarioAttempts.id),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		at: integer('at').notNull(),
		/** The replay position commented on (log seq), or null for the attempt as a whole. */
		eventSeq: integer('event_seq'),
		body: text('body').notNull()
	},
	(t) => [index('attempt_comments_attempt_idx').on(t.attemptId, t.at)]
);

/**
 * Facts about a person's finished attempts (status 'finished' or 'timed_out') of one scenario, per
 * procedure and competency list as recorded on the attempts: the latest passed and latest other
 * attempt, how many of each, and whether any passed one found a fault. Never a status: the tracker's
 * rules (and the framework version in force) are applied on read. Kept by triggers on
 * scenario_attempts (migration 0009), so every writer — finishing, re-scoring, fixtures — keeps it
 * exact; the team matrix and readiness read it instead of every attempt.
 */
export const attemptSummaries = sqliteTable(
	'attempt_summaries',
	{
		userId: integer('user_id').notNull(),
		scenarioId: text('scenario_id').notNull(),
		procedure: text('procedure').notNull(),
		competencies: text('competencies').notNull(),
		passedCount: integer('passed_count').notNull(),
		passedId: integer('passed_id'),
		passedAt: integer('passed_at'),
		faultFound: integer('fault_found').notNull(),
		failedCount: integer('failed_count').notNull(),
		failedId: integer('failed_id'),
		failedAt: integer('failed_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.scenarioId, t.procedure, t.competencies] })]
);

/** How often a person missed each fault in their finished attempts of a scenario (kept like attempt_summaries). */
export const missedFaultCounts = sqliteTable(
	'missed_fault_counts',
	{
		userId: integer('user_id').notNull(),
		scenarioId: text('scenario_id').notNull(),
		faultId: text('fault_id').notNull(),
		missed: integer('missed').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.scenarioId, t.faultId] })]
);

/** Training attempts' own log and the comments seniors leave on them (kept across sandbox resets). */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

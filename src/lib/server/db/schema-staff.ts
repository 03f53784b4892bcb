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

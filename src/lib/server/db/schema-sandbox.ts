/**
 * The sandbox utility (Riverton Municipal Utilities): a CIS-like world that a seed regenerates.
 * Money columns are integer cents (*_cents). Ledger rows are never updated (a trigger refuses it):
 * corrections are new rows whose corrects_id points at the row they correct.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const customers = sqliteTable('customers', {
	id: integer('id').primaryKey(),
	firstName: text('first_name').notNull(),
	lastName: text('last_name').notNull(),
	phone: text('phone').notNull(),
	email: text('email'),
	ssnLast4: text('ssn_last4').notNull(),
	pin: text('pin').notNull(),
	preferredLanguage: text('preferred_language').notNull().default('en')
});

export const premises = sqliteTable(
	'premises',
	{
		id: integer('id').primaryKey(),
		address: text('address').notNull(),
		unit: text('unit'),
		city: text('city').notNull(),
		zip: text('zip').notNull(),
		ownerName: text('owner_name').notNull(),
		services: text('services').notNull()
	},
	(t) => [index('premises_address_idx').on(t.address)]
);

export const accounts = sqliteTable(
	'accounts',
	{
		id: integer('id').primaryKey(),
		number: text('number').notNull(),
		customerId: integer('customer_id')
			.notNull()
			.references(() => customers.id),
		premiseId: integer('premise_id')
			.notNull()
			.references(() => premises.id),
		holderType: text('holder_type', { enum: ['tenant', 'owner'] }).notNull(),
		status: text('status', { enum: ['active', 'locked', 'closed', 'final'] }).notNull(),
		cashOnlyUntil: text('cash_only_until'),
		autopay: integer('autopay', { mode: 'boolean' }).notNull().default(false),
		depositHeldCents: integer('deposit_held_cents').notNull().default(0),
		openedOn: text('opened_on').notNull(),
		closedOn: text('closed_on'),
		profile: text('profile').notNull()
	},
	(t) => [uniqueIndex('accounts_number_uq').on(t.number), index('accounts_customer_idx').on(t.customerId), index('accounts_premise_idx').on(t.premiseId)]
);

export const authorisedContacts = sqliteTable(
	'authorised_contacts',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		name: text('name').notNull(),
		relationship: text('relationship').notNull(),
		scope: text('scope', { enum: ['inquire', 'pay-and-inquire', 'full'] }).notNull(),
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to')
	},
	// The account page and the irate-contact start read an account's contacts.
	(t) => [index('contacts_account_idx').on(t.accountId)]
);

export const meters = sqliteTable('meters', {
	id: integer('id').primaryKey(),
	premiseId: integer('premise_id')
		.notNull()
		.references(() => premises.id),
	serial: text('serial').notNull(),
	service: text('service', { enum: ['water', 'electric'] }).notNull()
});

export const meterReads = sqliteTable(
	'meter_reads',
	{
		id: integer('id').primaryKey(),
		meterId: integer('meter_id')
			.notNull()
			.references(() => meters.id),
		readOn: text('read_on').notNull(),
		reading: integer('reading').notNull(),
		estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('meter_reads_meter_idx').on(t.meterId)]
);

export const bills = sqliteTable(
	'bills',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		billDate: text('bill_date').notNull(),
		dueDate: text('due_date').notNull(),
		amountCents: integer('amount_cents').notNull(),
		waterUsage: integer('water_usage').notNull(),
		electricKwh: integer('electric_kwh').notNull()
	},
	(t) => [index('bills_account_idx').on(t.accountId, t.billDate)]
);

export const ledgerEntries = sqliteTable(
	'ledger_entries',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		postedAt: integer('posted_at').notNull(),
		postedOn: text('posted_on').notNull(),
		kind: text('kind', {
			enum: ['bill', 'payment', 'fee', 'adjustment', 'deposit', 'transfer', 'reversal', 'write-off', 'refund']
		}).notNull(),
		tender: text('tender'),
		// Charges positive, payments and credits negative: balance = sum.
		amountCents: integer('amount_cents').notNull(),
		memo: text('memo').notNull(),
		correctsId: integer('corrects_id'),
		batchId: integer('batch_id'),
		ref: text('ref')
	},
	(t) => [index('ledger_account_idx').on(t.accountId, t.postedAt), index('ledger_corrects_idx').on(t.correctsId), index('ledger_ref_idx').on(t.ref)]
);

export const paymentInbox = sqliteTable(
	'payment_inbox',
	{
		id: integer('id').primaryKey(),
		accountNumber: text('account_number').notNull(),
		amountCents: integer('amount_cents').notNull(),
		channel: text('channel', { enum: ['drop-box', 'online', 'phone', 'mail'] }).notNull(),
		receivedAt: integer('received_at').notNull(),
		postedEntryId: integer('posted_entry_id')
	},
	(t) => [index('inbox_account_idx').on(t.accountNumber)]
);

export const notices = sqliteTable(
	'notices',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', { enum: ['lockoff-notice', 'door-tag'] }).notNull(),
		issuedOn: text('issued_on').notNull(),
		lockoffDate: text('lockoff_date').notNull(),
		amountCents: integer('amount_cents').notNull(),
		addressOk: integer('address_ok', { mode: 'boolean' }).notNull().default(true)
	},
	(t) => [index('notices_account_idx').on(t.accountId)]
);

export const drawers = sqliteTable('drawers', {
	id: integer('id').primaryKey(),
	name: text('name').notNull(),
	location: text('location').notNull()
});

export const batches = sqliteTable(
	'batches',
	{
		id: integer('id').primaryKey(),
		drawerId: integer('drawer_id')
			.notNull()
			.references(() => drawers.id),
		businessDate: text('business_date').notNull(),
		status: text('status', { enum: ['open', 'closed'] }).notNull(),
		floatCents: integer('float_cents').notNull(),
		openedBy: text('opened_by').notNull(),
		closedAt: integer('closed_at'),
		depositCents: integer('deposit_cents'),
		bagNumber: text('bag_number')
	},
	(t) => [index('batches_drawer_idx').on(t.drawerId, t.businessDate)]
);

export const cashOverShort = sqliteTable('cash_over_short', {
	id: integer('id').primaryKey(),
	batchId: integer('batch_id')
		.notNull()
		.references(() => batches.id),
	amountCents: integer('amount_cents').notNull(),
	explanation: text('explanation').notNull(),
	recordedAt: integer('recorded_at').notNull(),
	recordedBy: text('recorded_by').notNull()
});

export const workOrders = sqliteTable(
	'work_orders',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', { enum: ['lockoff', 'reconnect', 'reread', 'investigate'] }).notNull(),
		status: text('status', { enum: ['open', 'completed', 'pulled', 'unable', 'tamper'] }).notNull(),
		createdAt: integer('created_at').notNull(),
		scheduledFor: text('scheduled_for').notNull(),
		priority: text('priority').notNull().default('normal'),
		resolvedAt: integer('resolved_at'),
		memo: text('memo'),
		ref: text('ref')
	},
	(t) => [index('work_orders_account_idx').on(t.accountId), index('work_orders_ref_idx').on(t.ref)]
);

export const accountNotes = sqliteTable(
	'account_notes',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		createdAt: integer('created_at').notNull(),
		author: text('author').notNull(),
		category: text('category').notNull().default('contact'),
		body: text('body').notNull()
	},
	(t) => [index('notes_account_idx').on(t.accountId, t.createdAt)]
);

export const protections = sqliteTable(
	'protections',
	{
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', { enum: ['medical', 'dispute', 'plan', 'bankruptcy', 'assist'] }).notNull(),
		status: text('status', { enum: ['active', 'ended', 'broken'] }).notNull(),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		details: text('details').notNull()
	},
	(t) => [index('protections_account_idx').on(t.accountId)]
);

export const sandboxMeta = sqliteTable('sandbox_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** Each access to the vault (dual control: two different people per drop). */
export const vaultLog = sqliteTable('vault_log', {
	id: integer('id').primaryKey(),
	drawerName: text('drawer_name').notNull(),
	userId: text('user_id').notNull(),
	at: integer('at').notNull(),
	runId: integer('run_id')
});

/** Accounts pulled from a day's lock-off list, with the exclusion code (policy §5). */
export const lockoffPulls = sqliteTable(
	'lockoff_pulls',
	{
		id: integer('id').primaryKey(),
		lockoffDate: text('lockoff_date').notNull(),
		accountNumber: text('account_number').notNull(),
		code: text('code').notNull(),
		memo: text('memo'),
		at: integer('at').notNull(),
		runId: integer('run_id')
	},
	(t) => [index('lockoff_pulls_date_idx').on(t.lockoffDate)]
);

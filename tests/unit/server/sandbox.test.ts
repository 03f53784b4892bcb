import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox, SANDBOX_TABLES } from '$lib/server/sandbox/generate';
import { PROFILES } from '$lib/server/sandbox/profiles';
import { createRng } from '$lib/server/sandbox/random';
import { policy } from '$lib/policy/settings';
import { addDays, addMonths, fromLocal } from '$lib/domain/calendar';

const TODAY = '2026-11-02';

function build(seed: number, accounts = 300, today = TODAY): Database.Database {
	const db = openDatabase(':memory:', 'drizzle').$client;
	generateSandbox(db, { accounts, seed, today });
	return db;
}

/** A digest of an ordered dump of every sandbox table (the determinism contract). */
function dump(db: Database.Database): string {
	const hash = createHash('sha256');
	for (const t of SANDBOX_TABLES) {
		const order = t === 'sandbox_meta' ? 'key' : t === 'account_search' ? 'rowid' : 'id';
		hash.update(`${t}\n`);
		for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
	}
	return hash.digest('hex');
}

const count = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('seeded PRNG', () => {
	it('repeats for a seed and differs between seeds', () => {
		const draw = (seed: number) => {
			const r = createRng(seed);
			return Array.from({ length: 20 }, () => r.int(0, 1_000_000));
		};
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
		const r = createRng(1);
		for (let i = 0; i < 1000; i++) {
			const v = r.int(3, 7);
			expect(v >= 3 && v <= 7 && Number.isInteger(v)).toBe(true);
		}
	});
});

describe('deterministic sandbox generator', () => {
	it('same seed and today → byte-identical sandbox (2,000 accounts); another seed or day → a different one', () => {
		const a = build(42, 2000);
		const first = dump(a);
		expect(dump(build(42, 2000))).toBe(first);
		expect(dump(build(43, 2000))).not.toBe(first);
		expect(dump(build(42, 2000, '2026-11-03'))).not.toBe(first);
		expect(count(a, 'SELECT count(*) AS n FROM accounts')).toBe(2000);
		// Generation speed (20,000 accounts) is measured by `npm run bench`, not asserted here.
	});

	it('regenerating over an existing sandbox gives the same rows again (reset)', () => {
		const db = build(42);
		const first = dump(db);
		db.prepare("INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (1, 0, 'x', 'contact', 'scribble')").run();
		db.prepare("INSERT INTO payment_inbox (account_number, amount_cents, channel, received_at) VALUES ('100-000000-00', 1, 'online', 0)").run();
		generateSandbox(db, { accounts: 300, seed: 42, today: TODAY });
		expect(dump(db)).toBe(first);
	});

	it('refuses impossible options', () => {
		const db = openDatabase(':memory:', 'drizzle').$client;
		expect(() => generateSandbox(db, { accounts: 10, seed: 1, today: '2026-02-30' })).toThrow(RangeError);
		expect(() => generateSandbox(db, { accounts: 0, seed: 1, today: TODAY })).toThrow(RangeError);
	});
});

describe('ledger invariants', () => {
	const db = build(7, 800);

	it('every money amount is integer cents', () => {
		for (const [table, column] of [
			['ledger_entries', 'amount_cents'],
			['bills', 'amount_cents'],
			['notices', 'amount_cents'],
			['payment_inbox', 'amount_cents'],
			['cash_over_short', 'amount_cents'],
			['batches', 'deposit_cents'],
			['accounts', 'deposit_held_cents']
		])
			expect(count(db, `SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND typeof(${column}) <> 'integer'`), `${table}.${column}`).toBe(0);
	});

	it('each account balance is the sum of its ledger, and the ledger carries every bill', () => {
		const rows = db
			.prepare(
				`SELECT a.id, a.profile, a.status,
					(SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l WHERE l.account_id = a.id) AS ledger,
					(SELECT coalesce(sum(amount_cents), 0) FROM bills b WHERE b.account_id = a.id) AS billed,
					(SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l WHERE l.account_id = a.id AND l.kind = 'bill') AS billEntries
				 FROM accounts a`
			)
			.all() as { id: number; profile: string; status: string; ledger: number; billed: number; billEntries: number }[];
		const running = new Map<number, number>();
		for (const e of db.prepare('SELECT account_id AS a, amount_cents AS c FROM ledger_entries ORDER BY posted_at, id').iterate() as Iterable<{ a: number; c: number }>)
			running.set(e.a, (running.get(e.a) ?? 0) + e.c);
		for (const r of rows) {
			expect(running.get(r.id) ?? 0, `account ${r.id}`).toBe(r.ledger);
			expect(r.billEntries).toBe(r.billed);
			if (r.profile === 'written-off' || r.status === 'closed') expect(r.ledger, `closed account ${r.id}`).toBe(0);
		}
		expect(rows.some((r) => r.ledger > 0)).toBe(true);
		expect(count(db, 'SELECT count(*) AS n FROM bills WHERE due_date <> date(bill_date, ?)', `+${policy.delinquency.billDueDays} days`)).toBe(0);
	});

	it('every reversal points at an existing payment of the same account with the opposite amount', () => {
		const reversals = db
			.prepare(
				`SELECT r.account_id AS ra, r.amount_cents AS ramt, r.posted_at AS rat, p.account_id AS pa, p.amount_cents AS pamt, p.kind AS pkind, p.posted_at AS pat
				 FROM ledger_entries r LEFT JOIN ledger_entries p ON p.id = r.corrects_id WHERE r.kind = 'reversal'`
			)
			.all() as { ra: number; ramt: number; rat: number; pa: number | null; pamt: number | null; pkind: string | null; pat: number | null }[];
		expect(reversals.length).toBeGreaterThan(0);
		for (const r of reversals) {
			expect(r.pkind).toBe('payment');
			expect(r.pa).toBe(r.ra);
			expect(r.ramt).toBe(-(r.pamt ?? 0));
			expect(r.rat).toBeGreaterThan(r.pat ?? Infinity);
		}
		// Each returned item carries the fee.
		expect(count(db, "SELECT count(*) AS n FROM ledger_entries WHERE kind = 'fee' AND memo = 'Returned item fee' AND amount_cents = ?", policy.payments.returnedItemFeeCents)).toBe(reversals.length);
	});

	it('transfers move a misapplied payment: both legs point at it and cancel out', () => {
		const legs = db.prepare("SELECT corrects_id AS c, sum(amount_cents) AS total, count(*) AS n FROM ledger_entries WHERE kind = 'transfer' GROUP BY corrects_id").all() as { c: number; total: number; n: number }[];
		expect(legs.length).toBeGreaterThan(0);
		for (const l of legs) {
			expect(l.n).toBe(2);
			expect(l.total).toBe(0);
			expect(count(db, "SELECT count(*) AS n FROM ledger_entries WHERE id = ? AND kind = 'payment'", l.c)).toBe(1);
		}
	});

	it('late fees fall the day after a due date; door tags ask the notice amount plus the fee; cash-only follows two returns in 12 months', () => {
		expect(
			count(
				db,
				`SELECT count(*) AS n FROM ledger_entries f WHERE f.kind = 'fee' AND f.amount_cents = ? AND f.memo LIKE 'Late fee%'
				 AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.account_id = f.account_id AND date(b.due_date, '+1 day') = f.posted_on)`,
				policy.delinquency.lateFeeCents
			)
		).toBe(0);
		expect(
			count(
				db,
				`SELECT count(*) AS n FROM notices t JOIN notices n ON n.account_id = t.account_id AND n.lockoff_date = t.lockoff_date AND n.kind = 'lockoff-notice'
				 WHERE t.kind = 'door-tag' AND (t.amount_cents <> n.amount_cents + ? OR t.issued_on >= t.lockoff_date OR t.issued_on <= n.issued_on)`,
				policy.delinquency.doorTagFeeCents
			)
		).toBe(0);
		const cashOnly = db.prepare('SELECT id, cash_only_until AS until FROM accounts WHERE cash_only_until IS NOT NULL').all() as { id: number; until: string }[];
		expect(cashOnly.length).toBeGreaterThan(0);
		for (const a of cashOnly) {
			// The return that triggered it is the last of 2+ in the 12 months ending on its date.
			const trigger = addMonths(a.until, -policy.payments.cashOnlyMonths);
			const n = count(db, "SELECT count(*) AS n FROM ledger_entries WHERE account_id = ? AND kind = 'reversal' AND posted_on > ? AND posted_on <= ?", a.id, addMonths(trigger, -12), trigger);
			expect(n).toBeGreaterThanOrEqual(policy.payments.returnedItemsForCashOnly);
		}
		expect(count(db, "SELECT count(*) AS n FROM accounts a WHERE status = 'locked' AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.account_id = a.id AND l.amount_cents = ? AND l.memo LIKE 'Lock-off%')", policy.delinquency.lockoffFeeCents)).toBe(0);
	});

	it('batch deposits are the cash and checks taken plus the over/short', () => {
		const bad = count(
			db,
			`SELECT count(*) AS n FROM batches b WHERE b.deposit_cents <>
				coalesce((SELECT -sum(amount_cents) FROM ledger_entries l WHERE l.batch_id = b.id AND l.kind = 'payment' AND l.tender IN ('cash', 'check')), 0)
				+ coalesce((SELECT sum(amount_cents) FROM cash_over_short o WHERE o.batch_id = b.id), 0)`
		);
		expect(bad).toBe(0);
	});

	it('derives every time from today and the seed, never the real clock', () => {
		const endOfToday = fromLocal(addDays(TODAY, 1), 0);
		for (const [table, column] of [
			['ledger_entries', 'posted_at'],
			['account_notes', 'created_at'],
			['work_orders', 'created_at'],
			['payment_inbox', 'received_at'],
			['batches', 'closed_at'],
			['cash_over_short', 'recorded_at']
		])
			expect(count(db, `SELECT count(*) AS n FROM ${table} WHERE ${column} >= ?`, endOfToday), `${table}.${column}`).toBe(0);
		expect(count(db, 'SELECT count(*) AS n FROM ledger_entries WHERE posted_on > ?', TODAY)).toBe(0);
		expect(count(db, 'SELECT count(*) AS n FROM ledger_entries WHERE posted_on < ?', addMonths(TODAY, -19))).toBe(0);
	});
});

describe('the demo sandbox (500 accounts, seed 42)', () => {
	const db = build(42, 500);

	it('has a handful of every profile and exactly one bankruptcy', () => {
		const profiles = Object.fromEntries((db.prepare('SELECT profile, count(*) AS n FROM accounts GROUP BY profile').all() as { profile: string; n: number }[]).map((r) => [r.profile, r.n]));
		for (const p of PROFILES) if (p !== 'bankruptcy') expect(profiles[p] ?? 0, p).toBeGreaterThanOrEqual(3);
		expect(profiles.bankruptcy).toBe(1);
		expect(profiles['on-time'] + profiles.autopay).toBeGreaterThan(200);
		expect(count(db, "SELECT count(*) AS n FROM protections WHERE kind = 'plan' AND status = 'active'")).toBeGreaterThanOrEqual(3);
		expect(count(db, "SELECT count(*) AS n FROM protections WHERE kind = 'plan' AND status = 'broken'")).toBeGreaterThanOrEqual(1);
		expect(count(db, "SELECT count(*) AS n FROM protections WHERE kind = 'medical' AND status = 'active' AND starts_on >= ?", addDays(TODAY, -1))).toBeGreaterThanOrEqual(1);
		expect(count(db, "SELECT count(*) AS n FROM protections WHERE kind = 'medical' AND julianday(ends_on) - julianday(starts_on) <> ?", policy.delinquency.medicalCertificateDays - 1)).toBe(0);
		expect(count(db, 'SELECT count(*) AS n FROM accounts WHERE cash_only_until IS NOT NULL')).toBeGreaterThanOrEqual(1);
		expect(count(db, "SELECT count(*) AS n FROM ledger_entries WHERE kind = 'write-off'")).toBeGreaterThanOrEqual(3);
		expect(count(db, "SELECT count(*) AS n FROM ledger_entries WHERE kind = 'deposit'")).toBeGreaterThanOrEqual(3);
	});

	it('has the lock-off day traps: unposted overnight payments, locked accounts, short and misaddressed notices', () => {
		const evening = fromLocal(addDays(TODAY, -1), 17 * 60);
		const midnight = fromLocal(TODAY, 0);
		expect(count(db, 'SELECT count(*) AS n FROM payment_inbox WHERE posted_entry_id IS NULL AND received_at >= ? AND received_at < ?', evening, midnight)).toBeGreaterThanOrEqual(3);
		expect(count(db, "SELECT count(*) AS n FROM accounts WHERE status = 'locked'")).toBeGreaterThanOrEqual(3);
		expect(count(db, "SELECT count(*) AS n FROM notices WHERE kind = 'lockoff-notice' AND julianday(lockoff_date) - julianday(issued_on) < ?", policy.delinquency.noticeMinDays)).toBeGreaterThanOrEqual(1);
		expect(count(db, "SELECT count(*) AS n FROM notices WHERE kind = 'lockoff-notice' AND address_ok = 0")).toBeGreaterThanOrEqual(1);
		expect(count(db, "SELECT count(*) AS n FROM notices WHERE kind = 'lockoff-notice' AND lockoff_date >= ?", TODAY)).toBeGreaterThanOrEqual(30);
		expect(count(db, "SELECT count(*) AS n FROM ledger_entries WHERE kind = 'fee' AND amount_cents = ? AND memo LIKE 'Door tag%'", policy.delinquency.doorTagFeeCents)).toBeGreaterThanOrEqual(10);
	});

	it('looks like a real office: people, premises, numbers, drawers, notes and search', () => {
		expect(count(db, "SELECT count(*) AS n FROM accounts WHERE holder_type = 'tenant'")).toBeGreaterThan(50);
		expect(count(db, "SELECT count(*) AS n FROM accounts WHERE holder_type = 'owner'")).toBeGreaterThan(50);
		expect(count(db, "SELECT count(*) AS n FROM customers WHERE preferred_language = 'es'")).toBeGreaterThan(5);
		expect(count(db, 'SELECT count(*) AS n FROM authorised_contacts')).toBeGreaterThan(10);
		const numbers = (db.prepare('SELECT number FROM accounts').all() as { number: string }[]).map((r) => r.number);
		expect(new Set(numbers).size).toBe(500);
		for (const n of numbers) expect(n).toMatch(/^100-\d{6}-\d{2}$/);
		expect(count(db, "SELECT count(*) AS n FROM premises WHERE zip NOT LIKE '956__' OR city <> 'Riverton'")).toBe(0);
		expect((db.prepare('SELECT group_concat(name) AS n FROM (SELECT name FROM drawers ORDER BY id)').get() as { n: string }).n).toBe('Counter 1,Counter 2,Counter 3,Drive-up,Counter 4,Counter 5');
		expect(count(db, "SELECT count(*) AS n FROM batches WHERE status = 'closed'")).toBeGreaterThan(0);
		expect(count(db, 'SELECT count(*) AS n FROM work_orders')).toBeGreaterThan(10);
		expect(count(db, "SELECT count(*) AS n FROM account_notes WHERE body LIKE '%verified by PIN%'")).toBeGreaterThan(0);
		expect(count(db, 'SELECT count(*) AS n FROM account_search')).toBe(500);
		const hit = db.prepare("SELECT a.number FROM account_search s JOIN accounts a ON a.id = s.account_id WHERE account_search MATCH 'Riverton' LIMIT 1").get();
		expect(hit).toBeTruthy();
		const meta = Object.fromEntries((db.prepare('SELECT key, value FROM sandbox_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
		expect(meta).toEqual({ seed: '42', today: TODAY, accounts: '500' });
	});
});

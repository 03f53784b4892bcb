import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox, SANDBOX_TABLES } from '$lib/server/sandbox/generate';

function build(seed: number, accounts = 300, today = '2026-11-02'): Database.Database {
	const db = openDatabase(':memory:', 'drizzle').$client;
	generateSandbox(db, { accounts, seed, today });
	return db;
}

/** An ordered dump of every sandbox table (the determinism contract). */
function dump(db: Database.Database): string {
	return SANDBOX_TABLES.map((t) => {
		const order = t === 'account_search' || t === 'sandbox_meta' ? (t === 'sandbox_meta' ? 'key' : 'account_id') : 'id';
		return `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).raw().all())}`;
	}).join('\n');
}

describe('deterministic sandbox generator', () => {
	it('same seed and today → identical sandbox; another seed → a different one', () => {
		const a = dump(build(42));
		expect(dump(build(42))).toBe(a);
		expect(dump(build(43))).not.toBe(a);
		expect(dump(build(42, 300, '2026-11-03'))).not.toBe(a);
	});

	it('regenerating over an existing sandbox gives the same rows again (reset)', () => {
		const db = build(42);
		const first = dump(db);
		db.prepare("INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (1, 0, 'x', 'contact', 'scribble')").run();
		generateSandbox(db, { accounts: 300, seed: 42, today: '2026-11-02' });
		expect(dump(db)).toBe(first);
	});

	it('keeps the ledger consistent: integer cents, reversals point at a payment of the same account with the opposite amount', () => {
		const db = build(7, 400);
		const nonInteger = db.prepare("SELECT count(*) AS n FROM ledger_entries WHERE typeof(amount_cents) <> 'integer'").get() as { n: number };
		expect(nonInteger.n).toBe(0);
		const reversals = db
			.prepare(
				`SELECT r.id, r.account_id AS ra, r.amount_cents AS ramt, p.account_id AS pa, p.amount_cents AS pamt, p.kind AS pkind
				 FROM ledger_entries r LEFT JOIN ledger_entries p ON p.id = r.corrects_id WHERE r.kind = 'reversal'`
			)
			.all() as { ra: number; ramt: number; pa: number | null; pamt: number | null; pkind: string | null }[];
		expect(reversals.length).toBeGreaterThan(0);
		for (const r of reversals) {
			expect(r.pkind).toBe('payment');
			expect(r.pa).toBe(r.ra);
			expect(r.ramt).toBe(-(r.pamt ?? 0));
		}
	});

	it('an account balance is its ledger sum: paid-up accounts owe nothing, delinquent ones owe what the notice says or more', () => {
		const db = build(42);
		const rows = db
			.prepare(
				`SELECT a.profile, (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l WHERE l.account_id = a.id) AS balance,
				   (SELECT max(amount_cents) FROM notices n WHERE n.account_id = a.id AND n.kind = 'lockoff-notice') AS noticed
				 FROM accounts a`
			)
			.all() as { profile: string; balance: number; noticed: number | null }[];
		for (const r of rows) {
			if (r.profile === 'written-off') expect(r.balance).toBe(0);
			if (r.noticed !== null) expect(r.balance).toBeGreaterThanOrEqual(r.noticed);
		}
		expect(rows.some((r) => r.balance > 0)).toBe(true);
	});

	it('the demo sandbox has every kind of account a CSR meets', () => {
		const db = build(42, 500);
		const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		const profiles = Object.fromEntries((db.prepare('SELECT profile, count(*) AS n FROM accounts GROUP BY profile').all() as { profile: string; n: number }[]).map((r) => [r.profile, r.n]));
		for (const p of ['on-time', 'autopay', 'late', 'nsf', 'plan', 'medical', 'dispute', 'delinquent', 'locked', 'written-off', 'assist']) expect(profiles[p], p).toBeGreaterThanOrEqual(3);
		expect(profiles.bankruptcy).toBe(1);
		expect(count('SELECT count(*) AS n FROM payment_inbox WHERE posted_entry_id IS NULL')).toBeGreaterThanOrEqual(3);
		expect(count("SELECT count(*) AS n FROM accounts WHERE status = 'locked'")).toBeGreaterThanOrEqual(3);
		expect(count("SELECT count(*) AS n FROM notices WHERE kind = 'lockoff-notice' AND julianday(lockoff_date) - julianday(issued_on) < 10")).toBeGreaterThanOrEqual(1);
		expect(count("SELECT count(*) AS n FROM accounts WHERE cash_only_until IS NOT NULL")).toBeGreaterThanOrEqual(1);
		expect(count("SELECT count(*) AS n FROM accounts WHERE holder_type = 'tenant'")).toBeGreaterThan(50);
		expect(count("SELECT count(*) AS n FROM accounts WHERE holder_type = 'owner'")).toBeGreaterThan(50);
		expect(count("SELECT count(*) AS n FROM customers WHERE preferred_language = 'es'")).toBeGreaterThan(5);
		expect(count('SELECT count(*) AS n FROM drawers')).toBe(4);
		expect(count('SELECT count(*) AS n FROM account_search')).toBe(500);
	});

	it('derives every time from today and the seed, never the real clock', () => {
		const db = build(42);
		const latest = (db.prepare('SELECT max(posted_at) AS m FROM ledger_entries').get() as { m: number }).m;
		// Nothing later than the end of the sandbox's "today" (2026-11-02, Pacific).
		expect(latest).toBeLessThan(Date.UTC(2026, 10, 3, 8, 0));
	});
});

import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { expectedTotals } from '$lib/server/procedures/starts/cash-reconciliation';
import { fromLocal } from '$lib/domain/calendar';

const build = (today: string, accounts = 300): Database.Database => {
	const db = openDatabase(':memory:', 'drizzle').$client;
	generateSandbox(db, { accounts, seed: 42, today });
	return db;
};

describe('drawers open at the end of the day (sandbox)', () => {
	const db = build('2026-11-02');

	it('the side counters are open today with the morning’s cash, checks and cards in their batches', () => {
		const open = db
			.prepare("SELECT d.name, b.id, b.business_date AS date, b.float_cents AS float, b.opened_by AS who FROM batches b JOIN drawers d ON d.id = b.drawer_id WHERE b.status = 'open' ORDER BY d.name")
			.all() as { name: string; id: number; date: string; float: number; who: string }[];
		expect(open.map((b) => [b.name, b.date, b.float, b.who])).toEqual([
			['Counter 4', '2026-11-02', 20000, 'csr2'],
			['Counter 5', '2026-11-02', 20000, 'csr1b']
		]);
		const counter4 = expectedTotals(db, open[0].id);
		expect(counter4.cashCents).toBeGreaterThan(700);
		expect(counter4.checks).toHaveLength(2);
		for (const c of counter4.checks) expect(c.number).toMatch(/^\d{4}$/);
		expect(counter4.cardCents).toBeGreaterThan(0);
		const times = db.prepare('SELECT min(posted_at) AS first, max(posted_at) AS last FROM ledger_entries WHERE batch_id IN (?, ?)').get(open[0].id, open[1].id) as { first: number; last: number };
		expect(times.first).toBeGreaterThanOrEqual(fromLocal('2026-11-02', 8 * 60));
		expect(times.last).toBeLessThan(fromLocal('2026-11-02', 17 * 60));
	});

	it('only the side counters are open, so the front counters can be opened as usual', () => {
		expect(db.prepare("SELECT count(*) AS n FROM batches WHERE status = 'open' AND drawer_id <= 4").get()).toEqual({ n: 0 });
	});

	it('on a day the office is closed, no drawer is open', () => {
		const sunday = build('2026-11-08', 60);
		expect(sunday.prepare("SELECT count(*) AS n FROM batches WHERE status = 'open'").get()).toEqual({ n: 0 });
	});
});

/**
 * Two side-counter drawers that are open today with the morning's counter payments posted to their
 * batches, so a drawer close (policy §2 "Close") has something real to reconcile. They use their own
 * PRNG stream, drawn after everything else, so the rest of the sandbox stays row-for-row the same.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { createRng } from './random';
import { businessDay, type LocalClock } from './book';

/** id, name, location, the cashier who opened it, and the counter tenders it took this morning. */
const OPEN_DRAWERS = [
	{ id: 5, name: 'Counter 4', location: 'Side counter, by the lobby door', cashier: 'csr2', tenders: ['cash', 'cash', 'check', 'cash', 'card', 'check', 'cash', 'card'] },
	{ id: 6, name: 'Counter 5', location: 'Side counter, by the window', cashier: 'csr1b', tenders: ['cash', 'card', 'check', 'cash', 'cash', 'check'] }
] as const;

/** Opens today's batches of the side counters (on a business day) and posts their payments; the customers pay their balance. */
export function writeOpenDrawers(sqlite: Database.Database, seed: number, clock: LocalClock, today: string): void {
	const rng = createRng((seed ^ 0x5eed0c10) >>> 0);
	const insDrawer = sqlite.prepare('INSERT INTO drawers (id, name, location) VALUES (?, ?, ?)');
	for (const d of OPEN_DRAWERS) insDrawer.run(d.id, d.name, d.location);
	if (!businessDay(today)) return;
	// Payers: active accounts that owe something and are not on a lock-off notice (the lock-off day's list stays as generated).
	const payers = sqlite
		.prepare(
			`SELECT a.id, a.cash_only_until AS cashOnly, (SELECT sum(l.amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) AS balance
			 FROM accounts a
			 WHERE a.status = 'active' AND a.autopay = 0 AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.account_id = a.id)
			 ORDER BY a.id`
		)
		.all()
		.filter((r) => {
			const row = r as { balance: number | null };
			return row.balance !== null && row.balance >= 2000 && row.balance <= 60000;
		}) as { id: number; cashOnly: string | null; balance: number }[];
	const pool = rng.shuffle([...payers]);
	const insBatch = sqlite.prepare("INSERT INTO batches (drawer_id, business_date, status, float_cents, opened_by) VALUES (?, ?, 'open', ?, ?)");
	const insPayment = sqlite.prepare(
		"INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo, batch_id) VALUES (?, ?, ?, 'payment', ?, ?, ?, ?)"
	);
	for (const d of OPEN_DRAWERS) {
		const batchId = Number(insBatch.run(d.id, today, policy.drawer.floatCents, d.cashier).lastInsertRowid);
		let minutes = 8 * 60 + rng.int(2, 20);
		for (const tender of d.tenders) {
			const payer = pool.find((p) => tender === 'cash' || !p.cashOnly);
			if (!payer) return;
			pool.splice(pool.indexOf(payer), 1);
			const memo = tender === 'check' ? `Payment (check #${rng.int(1001, 9899)})` : `Payment (${tender})`;
			insPayment.run(payer.id, clock.at(today, minutes), today, tender, -payer.balance, memo, batchId);
			minutes += rng.int(9, 35);
		}
	}
}

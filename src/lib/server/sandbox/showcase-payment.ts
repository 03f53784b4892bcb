/**
 * A counter-payment showcase (issue 4's journey "a cash payment of $80 on a $62.40 bill"): one active,
 * on-time account whose current bill, not yet due, was partly paid online last evening, leaving exactly
 * $62.40. Deterministic: the account is chosen by id from what the generator wrote, and no random draw
 * is taken (so every other row stays as it was).
 */
import type Database from 'better-sqlite3';
import { addDays, fromLocal } from '$lib/domain/calendar';

export const SHOWCASE_BALANCE_CENTS = 6240;

/** Appends the online payment that leaves the chosen account at exactly $62.40; returns its number (null when none fits). */
export function writeShowcasePayment(sqlite: Database.Database, today: string): string | null {
	const yesterday = addDays(today, -1);
	const pick = sqlite
		.prepare(
			`SELECT a.id, a.number, (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) AS balance
			 FROM accounts a
			 WHERE a.status = 'active' AND a.profile = 'on-time' AND a.autopay = 0 AND a.cash_only_until IS NULL
			   AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.account_id = a.id AND n.lockoff_date >= ?)
			   -- only the current bill is owed: the balance equals the bills not yet due, issued before yesterday
			   AND (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id)
			       = (SELECT coalesce(sum(amount_cents), 0) FROM bills b WHERE b.account_id = a.id AND b.due_date >= ?)
			   AND (SELECT max(bill_date) FROM bills b WHERE b.account_id = a.id) < ?
			   AND (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) >= ?
			 ORDER BY a.id LIMIT 1`
		)
		.get(today, today, yesterday, SHOWCASE_BALANCE_CENTS + 1000) as { id: number; number: string; balance: number } | undefined;
	if (!pick) return null;
	sqlite
		.prepare("INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo) VALUES (?, ?, ?, 'payment', 'online', ?, 'Payment (online), part of the current bill')")
		.run(pick.id, fromLocal(yesterday, 19 * 60 + 30), yesterday, -(pick.balance - SHOWCASE_BALANCE_CENTS));
	return pick.number;
}

/**
 * The office's cash drawers and their closed batches over the last business days, with the
 * over/short ledger (policy §2). Batch deposits are settled after the accounts are written: the
 * counter cash and checks posted to each batch plus its over/short.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays } from '$lib/domain/calendar';
import type { Rng } from './random';
import { businessDay, type LocalClock } from './book';
import { CASHIERS } from './names';

const DRAWERS = [
	['Counter 1', 'Front counter, left'],
	['Counter 2', 'Front counter, centre'],
	['Counter 3', 'Front counter, right'],
	['Drive-up', 'Drive-up window']
] as const;
const BATCH_DAYS = 5;

/** Variances a real office sees, with what was found (cents: over positive, short negative). */
const VARIANCES: readonly (readonly [number, string])[] = [
	[-100, 'Short $1.00; recounted, locate-differences checklist done, not found.'],
	[25, 'Over $0.25; coin miscount suspected.'],
	[-500, 'Short $5.00 after recount; senior second count confirmed.'],
	[900, 'Over $9.00: transposed entry (difference divisible by 9) found after close; corrected in next batch.'],
	[-2000, 'Short $20.00: two bills stuck together suspected; senior count and supervisor notified, incident report filed.'],
	[-37, 'Short $0.37 in coin; recounted, not found.']
];

/** Writes the drawers and their closed batches; returns the batch ids by business date. */
export function writeOffice(sqlite: Database.Database, rng: Rng, clock: LocalClock, today: string): Map<string, number[]> {
	const insDrawer = sqlite.prepare('INSERT INTO drawers (id, name, location) VALUES (?, ?, ?)');
	const insBatch = sqlite.prepare("INSERT INTO batches (drawer_id, business_date, status, float_cents, opened_by, closed_at, bag_number) VALUES (?, ?, 'closed', ?, ?, ?, ?)");
	const days: string[] = [];
	for (let day = addDays(today, -1); days.length < BATCH_DAYS; day = addDays(day, -1)) if (businessDay(day)) days.unshift(day);
	const byDate = new Map<string, number[]>();
	DRAWERS.forEach(([name, location], k) => insDrawer.run(k + 1, name, location));
	for (const day of days) {
		const cashiers = rng.shuffle([...CASHIERS]);
		DRAWERS.forEach((_, k) => {
			const closedAt = clock.at(day, policy.office.closeMinutes + rng.int(5, 40));
			const bag = `RMU-${day.replace(/-/g, '').slice(2)}-${k + 1}${rng.int(10, 99)}`;
			const id = Number(insBatch.run(k + 1, day, policy.drawer.floatCents, cashiers[k], closedAt, bag).lastInsertRowid);
			byDate.set(day, [...(byDate.get(day) ?? []), id]);
		});
	}
	return byDate;
}

/**
 * After the accounts are written: some batches that took cash or checks closed over or short, and
 * each batch's deposit is the cash and checks taken at the drawer plus its over/short (cards settle separately).
 */
export function settleBatches(sqlite: Database.Database, rng: Rng): void {
	const batches = sqlite
		.prepare(
			`SELECT b.id, b.closed_at AS closedAt, b.opened_by AS cashier,
				coalesce((SELECT -sum(amount_cents) FROM ledger_entries l WHERE l.batch_id = b.id AND l.kind = 'payment' AND l.tender IN ('cash', 'check')), 0) AS taken
			 FROM batches b ORDER BY b.id`
		)
		.all() as { id: number; closedAt: number; cashier: string; taken: number }[];
	const insOverShort = sqlite.prepare('INSERT INTO cash_over_short (batch_id, amount_cents, explanation, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)');
	const setDeposit = sqlite.prepare('UPDATE batches SET deposit_cents = ? WHERE id = ?');
	for (const b of batches) {
		let deposit = b.taken;
		if (b.taken > 2500 && rng.chance(0.3)) {
			const [cents, explanation] = rng.pick(VARIANCES);
			insOverShort.run(b.id, cents, explanation, b.closedAt, b.cashier);
			deposit += cents;
		}
		setDeposit.run(deposit, b.id);
	}
}

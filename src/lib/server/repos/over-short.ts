/** The office's cash over/short ledger (policy §2 "Variance"): one entry per batch that closed over or short. */
import type { Store } from '../store';

export interface OverShortEntry {
	id: number;
	drawer: string;
	businessDate: string;
	amountCents: number;
	explanation: string;
	recordedAt: number;
	recordedBy: string;
	bagNumber: string | null;
	batchStatus: string;
}

export interface OverShortTotals {
	entries: number;
	overCents: number;
	shortCents: number;
	netCents: number;
}

/** Newest entries first, with totals over the whole ledger. */
export function listOverShort(store: Store, limit = 100): { entries: OverShortEntry[]; totals: OverShortTotals } {
	const db = store.db.$client;
	const entries = db
		.prepare(
			`SELECT o.id, d.name AS drawer, b.business_date AS businessDate, o.amount_cents AS amountCents, o.explanation, o.recorded_at AS recordedAt,
				coalesce(u.display_name, o.recorded_by) AS recordedBy, b.bag_number AS bagNumber, b.status AS batchStatus
			 FROM cash_over_short o JOIN batches b ON b.id = o.batch_id JOIN drawers d ON d.id = b.drawer_id
			 LEFT JOIN users u ON u.username = o.recorded_by
			 ORDER BY o.recorded_at DESC, o.id DESC LIMIT ?`
		)
		.all(limit) as OverShortEntry[];
	const t = db
		.prepare(
			`SELECT count(*) AS entries, coalesce(sum(CASE WHEN amount_cents > 0 THEN amount_cents END), 0) AS overCents,
				coalesce(sum(CASE WHEN amount_cents < 0 THEN amount_cents END), 0) AS shortCents, coalesce(sum(amount_cents), 0) AS netCents
			 FROM cash_over_short`
		)
		.get() as OverShortTotals;
	return { entries, totals: t };
}

/**
 * Start of a drawer close (policy §2 "Close"): the drawer's open batch gives the machine its expected
 * totals per tender. They go into the machine input only — the run page never shows them until the
 * blind count is in and the float is out (the UI module reads `comparison`, never `expected`).
 */
import type Database from 'better-sqlite3';
import type { CheckItem, ExpectedTotals } from '$machines/cash-reconciliation.machine';
import type { ProcedureStart } from './types';

interface OpenBatch {
	id: number;
	businessDate: string;
	openedBy: string;
}

interface BatchPayment {
	id: number;
	tender: string | null;
	amountCents: number;
	memo: string;
	ref: string | null;
}

const CHECK_TENDERS = new Set(['check', 'money-order']);

function openBatchOf(db: Database.Database, drawerId: number): OpenBatch | undefined {
	return db
		.prepare("SELECT id, business_date AS businessDate, opened_by AS openedBy FROM batches WHERE drawer_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1")
		.get(drawerId) as OpenBatch | undefined;
}

/** The number printed on the check, as the payment recorded it ("Payment (check #4821)"); else the entry's own reference. */
function checkNumberOf(p: BatchPayment): string {
	return /#\s*(\d{1,10})\b/.exec(p.memo)?.[1] ?? p.ref ?? `entry ${p.id}`;
}

/** The batch's receipts per tender: payments posted to it, less any voided since (a reversal pointing at them). */
export function expectedTotals(db: Database.Database, batchId: number): ExpectedTotals {
	const payments = db
		.prepare(
			`SELECT l.id, l.tender, l.amount_cents AS amountCents, l.memo, l.ref FROM ledger_entries l
			 WHERE l.batch_id = ? AND l.kind = 'payment'
			   AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.corrects_id = l.id AND r.kind = 'reversal')
			 ORDER BY l.posted_at, l.id`
		)
		.all(batchId) as BatchPayment[];
	let cashCents = 0;
	let cardCents = 0;
	const checks: CheckItem[] = [];
	for (const p of payments) {
		// Payments are credits (negative) on the customer's ledger; the drawer received the opposite.
		const received = -p.amountCents;
		if (p.tender === 'cash') cashCents += received;
		else if (p.tender === 'card') cardCents += received;
		else if (p.tender && CHECK_TENDERS.has(p.tender)) checks.push({ number: checkNumberOf(p), amountCents: received });
	}
	return { cashCents, checks, cardCents };
}

export const cashReconciliationStart: ProcedureStart = {
	subjectLabel: 'Drawer',
	subjectOptions: (db) =>
		(
			db
				.prepare(
					`SELECT d.name, d.location, b.business_date AS since, b.opened_by AS openedBy FROM drawers d
					 JOIN batches b ON b.drawer_id = d.id AND b.status = 'open'
					 WHERE b.id = (SELECT max(b2.id) FROM batches b2 WHERE b2.drawer_id = d.id AND b2.status = 'open')
					 ORDER BY d.name`
				)
				.all() as { name: string; location: string; since: string; openedBy: string }[]
		).map((d) => ({ value: d.name, label: `${d.name} — open since ${d.since} (opened by ${d.openedBy})` })),
	plan(db, { subject }) {
		if (!subject) return { ok: false, message: 'Choose the drawer to close.' };
		const drawer = db.prepare('SELECT id, name FROM drawers WHERE name = ?').get(subject) as { id: number; name: string } | undefined;
		if (!drawer) return { ok: false, message: `There is no drawer called “${subject}”. Choose a drawer from the list.` };
		const batch = openBatchOf(db, drawer.id);
		if (!batch) return { ok: false, message: `${drawer.name} has no open batch, so there is nothing to close. Open it from My drawer at the start of the day.` };
		const busy = db
			.prepare("SELECT id FROM procedure_runs WHERE procedure = 'cash-reconciliation' AND subject = ? AND status IN ('in_progress', 'awaiting_verification') ORDER BY id LIMIT 1")
			.get(drawer.name) as { id: number } | undefined;
		if (busy) return { ok: false, message: `${drawer.name} is already being closed (run #${busy.id}). Continue that run from My runs, or abandon it first.` };
		return { ok: true, input: { drawerRef: drawer.name, expected: expectedTotals(db, batch.id) }, subject: drawer.name };
	}
};

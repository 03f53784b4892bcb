/** Writes generated accounts with prepared statements (the caller holds the transaction). */
import type Database from 'better-sqlite3';
import type { World } from './book';

export interface AccountRow {
	holderType: 'tenant' | 'owner';
}

export type Writer = ReturnType<typeof createWriter>;

export function createWriter(sqlite: Database.Database) {
	const s = {
		account: sqlite.prepare(
			'INSERT INTO accounts (id, number, customer_id, premise_id, holder_type, status, cash_only_until, autopay, deposit_held_cents, opened_on, closed_on, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		meter: sqlite.prepare('INSERT INTO meters (premise_id, serial, service) VALUES (?, ?, ?)'),
		read: sqlite.prepare('INSERT INTO meter_reads (meter_id, read_on, reading, estimated) VALUES (?, ?, ?, ?)'),
		bill: sqlite.prepare('INSERT INTO bills (account_id, bill_date, due_date, amount_cents, water_usage, electric_kwh) VALUES (?, ?, ?, ?, ?, ?)'),
		ledger: sqlite.prepare('INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo, corrects_id, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
		notice: sqlite.prepare('INSERT INTO notices (account_id, kind, issued_on, lockoff_date, amount_cents, address_ok) VALUES (?, ?, ?, ?, ?, ?)'),
		protection: sqlite.prepare('INSERT INTO protections (account_id, kind, status, starts_on, ends_on, details) VALUES (?, ?, ?, ?, ?, ?)'),
		order: sqlite.prepare('INSERT INTO work_orders (account_id, kind, status, created_at, scheduled_for, priority, resolved_at, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
		note: sqlite.prepare('INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, ?, ?, ?)'),
		inbox: sqlite.prepare('INSERT INTO payment_inbox (account_number, amount_cents, channel, received_at) VALUES (?, ?, ?, ?)')
	};
	return (w: World, row: AccountRow): void => {
		const id = w.id;
		s.account.run(id, w.number, id, id, row.holderType, w.status, w.cashOnlyUntil, w.autopay ? 1 : 0, w.depositHeld, w.openedOn, w.closedOn, w.profile);
		const serial = String(id).padStart(7, '0');
		const waterMeter = Number(s.meter.run(id, `W${w.openedOn.slice(2, 4)}-${serial}`, 'water').lastInsertRowid);
		const powerMeter = w.electric ? Number(s.meter.run(id, `E${w.openedOn.slice(2, 4)}-${serial}`, 'electric').lastInsertRowid) : 0;
		for (const r of w.reads) s.read.run(r.meter === 'water' ? waterMeter : powerMeter, r.on, r.reading, r.estimated ? 1 : 0);
		for (const b of w.bills) s.bill.run(id, b.date, b.due, b.cents, b.water, b.kwh);
		// Chronological ids; a correction always comes after the entry it corrects.
		const ids = new Map<number, number>();
		const entries = [...w.entries].sort((a, b) => a.at - b.at || a.key - b.key);
		for (const e of entries) {
			const corrects = e.corrects === undefined ? null : ids.get(e.corrects);
			if (corrects === undefined) throw new Error(`sandbox: entry corrects a later entry (account ${w.number})`);
			const info = s.ledger.run(e.accountId ?? id, e.at, e.on, e.kind, e.tender, e.cents, e.memo, corrects, e.batchId ?? null);
			ids.set(e.key, Number(info.lastInsertRowid));
		}
		for (const n of w.notices) s.notice.run(id, n.kind, n.issuedOn, n.lockoffDate, n.cents, n.addressOk ? 1 : 0);
		for (const p of w.protections) s.protection.run(id, p.kind, p.status, p.startsOn, p.endsOn, p.details);
		for (const o of w.orders) s.order.run(id, o.kind, o.status, o.createdAt, o.scheduledFor, o.priority, o.resolvedAt, o.memo);
		for (const n of [...w.notes].sort((a, b) => a.at - b.at)) s.note.run(n.accountId ?? id, n.at, n.author, n.category, n.body);
		for (const i of w.inbox) s.inbox.run(w.number, i.cents, i.channel, i.receivedAt);
	};
}

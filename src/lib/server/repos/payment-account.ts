/**
 * Reads a sandbox account as the counter-payment machine sees it (PaymentAccount), and the cashier's
 * open drawer batch. Read-only; every figure derives from the ledger, notices and work orders.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays, toLocal, withinMonths, type IsoDate } from '$lib/domain/calendar';
import { standardDeposit } from '$lib/domain/deposit';
import type { AuthorisedContact, ContactScope, PaymentAccount } from '$machines/counter-payment.machine';

/** What a written authorisation on file lets the contact learn or do (policy §1). */
const SCOPES: Record<string, ContactScope[]> = {
	inquire: ['balances', 'payments', 'usage'],
	'pay-and-inquire': ['balances', 'payments', 'usage'],
	full: ['balances', 'payments', 'usage', 'changes']
};

/** How far back a returned payment counts as the cause of a lock-off (it had stopped a lock-off shortly before). */
const NSF_CAUSE_DAYS = 30;

export interface AccountFacts {
	account: PaymentAccount;
	/** A reconnect order already placed and still open (restoration paid, crew not yet there). */
	openReconnect: { scheduledFor: string; priority: string } | null;
}

type Row = { id: number; number: string; status: string; cashOnlyUntil: string | null; depositHeld: number; first: string; last: string; address: string; unit: string | null };

/** Account numbers as people type them: digits with or without dashes. */
export function normaliseAccountNumber(input: string): string | null {
	const digits = input.replace(/[\s-]/g, '');
	if (!/^\d{11}$/.test(digits)) return null;
	return `${digits.slice(0, 3)}-${digits.slice(3, 9)}-${digits.slice(9)}`;
}

export function readPaymentAccount(db: Database.Database, number: string, at: number): AccountFacts | null {
	const a = db
		.prepare(
			`SELECT a.id, a.number, a.status, a.cash_only_until AS cashOnlyUntil, a.deposit_held_cents AS depositHeld,
				c.first_name AS first, c.last_name AS last, p.address, p.unit
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.number = ?`
		)
		.get(number) as Row | undefined;
	if (!a) return null;
	const today = toLocal(at).date;
	const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
	const balance = one<{ n: number }>('SELECT coalesce(sum(amount_cents), 0) AS n FROM ledger_entries WHERE account_id = ?', a.id).n;
	// A bill is past due the day after its due date (policy §0: due on bill date + 20).
	const notDue = one<{ n: number }>('SELECT coalesce(sum(amount_cents), 0) AS n FROM bills WHERE account_id = ? AND due_date >= ?', a.id, today).n;
	let pastDue = Math.max(0, balance - notDue);

	const openReconnect =
		one<{ scheduledFor: string; priority: string } | undefined>(
			"SELECT scheduled_for AS scheduledFor, priority FROM work_orders WHERE account_id = ? AND kind = 'reconnect' AND status = 'open' ORDER BY id DESC LIMIT 1",
			a.id
		) ?? null;
	// Restoration already paid and ordered: another payment is an ordinary one, not a second restoration.
	const locked = a.status === 'locked' && !openReconnect;
	const lockDate = locked ? (one<{ d: string | null }>("SELECT max(scheduled_for) AS d FROM work_orders WHERE account_id = ? AND kind = 'lockoff' AND status = 'completed'", a.id).d ?? today) : null;
	if (lockDate) {
		// §6 quotes the lock-off fee separately, so it is not counted twice in the past-due.
		const fee = one<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE account_id = ? AND kind = 'fee' AND amount_cents = ? AND posted_on >= ?", a.id, policy.delinquency.lockoffFeeCents, lockDate).n;
		if (fee > 0) pastDue = Math.max(0, pastDue - policy.delinquency.lockoffFeeCents);
	}

	const bills = (db.prepare('SELECT bill_date AS date, amount_cents AS amountCents FROM bills WHERE account_id = ? ORDER BY bill_date').all(a.id) as { date: IsoDate; amountCents: number }[]).filter(
		(b) => b.date <= today
	);
	const contacts = db.prepare('SELECT name, scope, valid_from AS validFrom, valid_to AS validTo FROM authorised_contacts WHERE account_id = ? ORDER BY id').all(a.id) as {
		name: string;
		scope: string;
		validFrom: string;
		validTo: string | null;
	}[];
	const afterHours = (db.prepare("SELECT created_at AS at FROM work_orders WHERE account_id = ? AND kind = 'reconnect' AND priority = 'after-hours'").all(a.id) as { at: number }[]).filter((o) =>
		withinMonths(toLocal(o.at).date, today, 12)
	).length;

	const account: PaymentAccount = {
		accountNumber: a.number,
		holderName: `${a.first} ${a.last}`,
		serviceAddress: `${a.address}${a.unit ? ` ${a.unit}` : ''}`,
		status: locked ? 'locked' : 'active',
		cashOnly: a.cashOnlyUntil !== null && today <= a.cashOnlyUntil,
		depositHeldCents: a.depositHeld,
		standardDepositCents: standardDeposit(bills, today, policy.deposit).standardCents,
		balanceCents: balance,
		pastDueCents: pastDue,
		lockoffAmountCents: locked ? 0 : lockoffAmount(db, a.id, today, pastDue),
		lockoffCause: lockDate ? (nsfCaused(db, a.id, lockDate) ? 'nsf' : 'nonpayment') : null,
		afterHoursRestorationsIn12Months: afterHours,
		authorisedContacts: contacts.map(
			(c): AuthorisedContact => ({ name: c.name, scope: SCOPES[c.scope] ?? [], validFrom: c.validFrom, ...(c.validTo ? { validTo: c.validTo } : {}) })
		)
	};
	return { account, openReconnect };
}

/** The amount that stops a scheduled lock-off (§3): the notice's past-due plus the door-tag fee, less what has been paid since. */
function lockoffAmount(db: Database.Database, accountId: number, today: string, pastDue: number): number {
	const notice = db
		.prepare("SELECT lockoff_date AS d, amount_cents AS n FROM notices WHERE account_id = ? AND kind = 'lockoff-notice' AND lockoff_date >= ? ORDER BY issued_on DESC, id DESC LIMIT 1")
		.get(accountId, today) as { d: string; n: number } | undefined;
	if (!notice) return 0;
	const tag = db.prepare("SELECT amount_cents AS n FROM notices WHERE account_id = ? AND kind = 'door-tag' AND lockoff_date = ? ORDER BY id DESC LIMIT 1").get(accountId, notice.d) as
		| { n: number }
		| undefined;
	return Math.min(tag?.n ?? notice.n, pastDue);
}

/**
 * Policy §3/§6: a returned payment that had stopped a lock-off puts the account back on the path, and
 * such a lock-off never gets after-hours restoration. Read as: a payment made while a lock-off notice
 * was pending came back returned in the month before the lock.
 */
function nsfCaused(db: Database.Database, accountId: number, lockDate: string): boolean {
	const row = db
		.prepare(
			`SELECT 1 FROM ledger_entries r JOIN ledger_entries p ON p.id = r.corrects_id
			 WHERE r.account_id = ? AND r.kind = 'reversal' AND p.kind = 'payment' AND r.posted_on <= ? AND r.posted_on >= ?
			   AND EXISTS (SELECT 1 FROM notices n WHERE n.account_id = r.account_id AND n.kind = 'lockoff-notice' AND n.issued_on <= p.posted_on AND n.lockoff_date >= p.posted_on)
			 LIMIT 1`
		)
		.get(accountId, lockDate, addDays(lockDate, -NSF_CAUSE_DAYS));
	return !!row;
}

export interface OpenBatch {
	id: number;
	ref: string;
	drawer: string;
	businessDate: string;
}

/** The batch the cashier opened and has not closed (their drawer for today), newest first. */
export function findOpenBatchOf(db: Database.Database, username: string): OpenBatch | null {
	const row = db
		.prepare("SELECT b.id, d.name AS drawer, b.business_date AS businessDate FROM batches b JOIN drawers d ON d.id = b.drawer_id WHERE b.status = 'open' AND b.opened_by = ? ORDER BY b.id DESC LIMIT 1")
		.get(username) as { id: number; drawer: string; businessDate: string } | undefined;
	return row ? { ...row, ref: batchRefOf(row.id) } : null;
}

/** The batch reference payments carry ("B-12"); the sandbox World resolves it back to the batch row. */
export const batchRefOf = (id: number) => `B-${id}`;

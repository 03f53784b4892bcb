/**
 * A day's lock-off list as the sandbox has it (policy §5): every active account whose lock-off notice
 * names that date, with the facts the exclusions read — notice and door tag, protections, and the
 * past-due on the notice less what was paid since — plus the unposted overnight payment inbox.
 * Read-only: the lock-off day run decides what to do with it.
 */
import type Database from 'better-sqlite3';
import type { IsoDate } from '$lib/domain/calendar';
import type { InboxPayment, ListedAccount } from '$machines/lockoff-day.machine';

export interface LockoffList {
	date: IsoDate;
	accounts: ListedAccount[];
	inbox: InboxPayment[];
}

interface NoticeRow {
	id: number;
	number: string;
	holder: string;
	address: string;
	mailedOn: string;
	noticeCents: number;
	addressOk: number;
	tagOn: string | null;
	/** Net of what was paid, credited or reversed after the notice was mailed (negative = paid down). */
	sinceCents: number;
}

interface ProtectionRow {
	accountId: number;
	kind: 'medical' | 'dispute' | 'plan' | 'bankruptcy' | 'assist';
	status: 'active' | 'ended' | 'broken';
	startsOn: string;
	endsOn: string | null;
}

// Accounts already locked, closed or with a lock-off order out for the day (an earlier run) are not listed again.
const LISTED = `
	SELECT a.id, a.number, c.first_name || ' ' || c.last_name AS holder,
		p.address || coalesce(' ' || p.unit, '') AS address,
		n.issued_on AS mailedOn, n.amount_cents AS noticeCents, n.address_ok AS addressOk,
		(SELECT max(t.issued_on) FROM notices t WHERE t.account_id = a.id AND t.kind = 'door-tag' AND t.lockoff_date = n.lockoff_date) AS tagOn,
		(SELECT coalesce(sum(l.amount_cents), 0) FROM ledger_entries l
			WHERE l.account_id = a.id AND l.posted_on > n.issued_on AND (l.amount_cents < 0 OR l.kind = 'reversal')) AS sinceCents
	FROM notices n
	JOIN accounts a ON a.id = n.account_id
	JOIN customers c ON c.id = a.customer_id
	JOIN premises p ON p.id = a.premise_id
	WHERE n.kind = 'lockoff-notice' AND n.lockoff_date = ? AND a.status = 'active'
		AND n.id = (SELECT max(m.id) FROM notices m WHERE m.account_id = a.id AND m.kind = 'lockoff-notice' AND m.lockoff_date = n.lockoff_date)
		AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.account_id = a.id AND w.kind = 'lockoff' AND w.scheduled_for = n.lockoff_date)
	ORDER BY a.number`;

/** The lock-off list for `date`, or an empty list when no notice names it. */
export function readLockoffList(db: Database.Database, date: IsoDate): LockoffList {
	const rows = db.prepare(LISTED).all(date) as NoticeRow[];
	if (rows.length === 0) return { date, accounts: [], inbox: [] };
	const ids = rows.map((r) => r.id);
	const marks = ids.map(() => '?').join(',');
	const protections = db
		.prepare(`SELECT account_id AS accountId, kind, status, starts_on AS startsOn, ends_on AS endsOn FROM protections WHERE account_id IN (${marks}) ORDER BY starts_on, id`)
		.all(...ids) as ProtectionRow[];
	// A dispute stops the lock-off only with the undisputed part paid: a payment on or after the day it was opened.
	const paidSince = db.prepare("SELECT 1 FROM ledger_entries WHERE account_id = ? AND kind = 'payment' AND amount_cents < 0 AND posted_on >= ? LIMIT 1");
	const current = (p: ProtectionRow) => p.status === 'active' && p.startsOn <= date && (p.endsOn === null || p.endsOn >= date);

	const accounts = rows.map((r): ListedAccount => {
		const mine = protections.filter((p) => p.accountId === r.id);
		const plan = mine.filter((p) => p.kind === 'plan').at(-1);
		const dispute = mine.filter((p) => p.kind === 'dispute' && current(p)).at(-1);
		const pledge = mine.filter((p) => p.kind === 'assist' && p.status === 'active').at(-1);
		return {
			accountNumber: r.number,
			holder: r.holder,
			address: r.address,
			pastDueCents: Math.max(0, r.noticeCents + r.sinceCents),
			notice: { mailedOn: r.mailedOn, addressOk: !!r.addressOk },
			doorTag: { deliveredOn: r.tagOn },
			protections: {
				// Ended certificates still count toward the 3-in-12-months limit.
				medicalCertificates: mine.filter((p) => p.kind === 'medical').map((p) => ({ issuedOn: p.startsOn })),
				plan: !plan ? 'none' : plan.status === 'broken' ? 'broken' : current(plan) ? 'good-standing' : 'none',
				dispute: dispute ? { pending: true, undisputedPaid: !!paidSince.get(r.id, dispute.startsOn) } : null,
				bankruptcy: mine.some((p) => p.kind === 'bankruptcy' && current(p)),
				assistancePledgeOn: pledge?.startsOn ?? null,
				premiseDebtMatch: true
			}
		};
	});
	const numbers = rows.map((r) => r.number);
	const inbox = (
		db
			.prepare(
				`SELECT id, account_number AS accountNumber, amount_cents AS amountCents, channel, received_at AS receivedAt
				 FROM payment_inbox WHERE posted_entry_id IS NULL AND account_number IN (${numbers.map(() => '?').join(',')}) ORDER BY received_at, id`
			)
			.all(...numbers) as { id: number; accountNumber: string; amountCents: number; channel: string; receivedAt: number }[]
	).map((i): InboxPayment => ({ ref: String(i.id), accountNumber: i.accountNumber, amountCents: i.amountCents, channel: i.channel, receivedAt: i.receivedAt }));
	return { date, accounts, inbox };
}

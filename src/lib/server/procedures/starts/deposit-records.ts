/**
 * What the deposit decision's credit check reads from the sandbox CIS (policy §4 "Steps"): a person's
 * Riverton records (unpaid balances, write-offs, disconnections for non-payment, returned payments,
 * late payments) and a premise's bills and disconnections. Read-only.
 */
import type Database from 'better-sqlite3';
import { toLocal, type IsoDate } from '$lib/domain/calendar';
import type { Bill, CreditFinding, PriorAccount } from '$lib/domain/deposit';

interface AccountRow {
	id: number;
	number: string;
	status: string;
	openedOn: string;
	closedOn: string | null;
}

/** Every Riverton account of a customer, except the one being applied for. */
export function accountsOf(db: Database.Database, customerId: number, exceptAccountId: number): AccountRow[] {
	return db
		.prepare('SELECT id, number, status, opened_on AS openedOn, closed_on AS closedOn FROM accounts WHERE customer_id = ? AND id <> ? ORDER BY opened_on, id')
		.all(customerId, exceptAccountId) as AccountRow[];
}

const dates = (db: Database.Database, sql: string, id: number) => (db.prepare(sql).all(id) as { d: string }[]).map((r) => r.d);

/**
 * Unpaid Riverton balance: a closed or final account's balance, or what an open account has past due
 * (its balance less the bills not yet due on `today`). A written-off balance is not counted here: the
 * write-off itself is the debt.
 */
function unpaidOn(db: Database.Database, a: AccountRow, today: IsoDate): number {
	const balance = (db.prepare('SELECT coalesce(sum(amount_cents), 0) AS n FROM ledger_entries WHERE account_id = ?').get(a.id) as { n: number }).n;
	if (a.status === 'closed' || a.status === 'final') return Math.max(0, balance);
	const notDue = (db.prepare('SELECT coalesce(sum(amount_cents), 0) AS n FROM bills WHERE account_id = ? AND due_date >= ?').get(a.id, today) as { n: number }).n;
	return Math.max(0, balance - notDue);
}

/** One person's Riverton credit findings across their accounts. */
export function creditFinding(db: Database.Database, person: string, relation: CreditFinding['relation'], accounts: readonly AccountRow[], today: IsoDate): CreditFinding {
	const finding: CreditFinding = { person, relation, unpaidBalanceCents: 0, writeOffs: [], disconnectionsForNonPayment: [], returnedPayments: [] };
	for (const a of accounts) {
		finding.unpaidBalanceCents += unpaidOn(db, a, today);
		const writeOffs = db
			.prepare(
				`SELECT w.posted_on AS date, -w.amount_cents AS amountCents, EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects_id = w.id) AS paid
				 FROM ledger_entries w WHERE w.account_id = ? AND w.kind = 'write-off' ORDER BY w.posted_at`
			)
			.all(a.id) as { date: string; amountCents: number; paid: number }[];
		finding.writeOffs.push(...writeOffs.map((w) => ({ date: w.date, amountCents: w.amountCents, paid: !!w.paid })));
		finding.disconnectionsForNonPayment.push(...lockoffsOf(db, a.id));
		finding.returnedPayments.push(...dates(db, "SELECT posted_on AS d FROM ledger_entries WHERE account_id = ? AND kind = 'reversal' AND memo LIKE 'Returned item%' ORDER BY posted_at", a.id));
	}
	return finding;
}

/** Days an account was locked off for non-payment (completed lock-off orders). */
function lockoffsOf(db: Database.Database, accountId: number): IsoDate[] {
	const rows = db
		.prepare("SELECT resolved_at AS at, scheduled_for AS d FROM work_orders WHERE account_id = ? AND kind = 'lockoff' AND status = 'completed' ORDER BY scheduled_for")
		.all(accountId) as { at: number | null; d: string }[];
	return rows.map((r) => (r.at ? toLocal(r.at).date : r.d));
}

/** The applicant's own earlier accounts, for the own-history waiver (a late fee marks a late payment). */
export function priorAccounts(db: Database.Database, accounts: readonly AccountRow[]): PriorAccount[] {
	return accounts.map((a) => ({
		accountNumber: a.number,
		openedOn: a.openedOn,
		closedOn: a.status === 'closed' || a.status === 'final' ? a.closedOn : null,
		latePaymentDates: dates(db, "SELECT posted_on AS d FROM ledger_entries WHERE account_id = ? AND kind = 'fee' AND memo LIKE 'Late fee%' ORDER BY posted_at", a.id)
	}));
}

export interface PremiseRecords {
	bills: Bill[];
	/** The latest disconnection for non-payment at the premise of someone other than the applicant. */
	disconnectedForOthersDebt: { date: IsoDate; priorOccupant: string } | null;
}

/** The premise's bills (any occupant) and the last disconnection of another occupant there. */
export function premiseRecords(db: Database.Database, premiseId: number, applicantCustomerId: number, exceptAccountId: number): PremiseRecords {
	const others = db
		.prepare(
			`SELECT a.id, a.customer_id AS customerId, c.first_name || ' ' || c.last_name AS name FROM accounts a JOIN customers c ON c.id = a.customer_id
			 WHERE a.premise_id = ? AND a.id <> ? ORDER BY a.id`
		)
		.all(premiseId, exceptAccountId) as { id: number; customerId: number; name: string }[];
	const bills: Bill[] = [];
	let flag: PremiseRecords['disconnectedForOthersDebt'] = null;
	for (const o of others) {
		bills.push(...(db.prepare('SELECT bill_date AS date, amount_cents AS amountCents FROM bills WHERE account_id = ? ORDER BY bill_date').all(o.id) as Bill[]));
		if (o.customerId === applicantCustomerId) continue;
		const last = lockoffsOf(db, o.id).at(-1);
		if (last && (!flag || last > flag.date)) flag = { date: last, priorOccupant: o.name };
	}
	bills.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return { bills, disconnectedForOthersDebt: flag };
}

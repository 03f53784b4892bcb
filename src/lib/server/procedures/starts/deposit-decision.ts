/**
 * Starting a deposit decision (policy §4): the subject is a new-service application, found by the new
 * account's number (the account page's "Deposit decision" link) or by its service address (the "New
 * service" card). Reads the application, the premise's bills and disconnections, and the Riverton
 * records of the applicant and every listed adult; the machine does the rest.
 */
import type Database from 'better-sqlite3';
import { formatCents } from '$lib/domain/money';
import type { CreditFinding } from '$lib/domain/deposit';
import type { DepositDecisionInput } from '$machines/deposit-decision.machine';
import { APPLICATION_NOTE_CATEGORY, parseApplication } from '../../sandbox/service-application';
import { accountsOf, creditFinding, premiseRecords, priorAccounts } from './deposit-records';
import type { ProcedureStart, StartPlan } from './types';

interface Applied {
	id: number;
	number: string;
	customerId: number;
	premiseId: number;
	depositHeldCents: number;
	name: string;
	address: string;
	note: string | null;
	decided: number;
}

const ACCOUNT_NUMBER = /^\d{3}-?\d{6}-?\d{2}$/;
const canonical = (s: string) => {
	const d = s.replace(/-/g, '');
	return `${d.slice(0, 3)}-${d.slice(3, 9)}-${d.slice(9)}`;
};

const SELECT = `SELECT a.id, a.number, a.customer_id AS customerId, a.premise_id AS premiseId, a.deposit_held_cents AS depositHeldCents,
	c.first_name || ' ' || c.last_name AS name, p.address || coalesce(' ' || p.unit, '') || ', ' || p.city AS address,
	(SELECT n.body FROM account_notes n WHERE n.account_id = a.id AND n.category = '${APPLICATION_NOTE_CATEGORY}' ORDER BY n.created_at DESC, n.id DESC LIMIT 1) AS note,
	EXISTS (SELECT 1 FROM account_notes d WHERE d.account_id = a.id AND d.category = 'deposit') AS decided
	FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id`;

/** Applications waiting for a decision whose service address contains the text typed. */
function pendingAt(db: Database.Database, address: string): Applied[] {
	const like = `%${address.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return (db.prepare(`${SELECT} WHERE lower(p.address || coalesce(' ' || p.unit, '')) LIKE ? ESCAPE '\\' ORDER BY a.number LIMIT 50`).all(like) as Applied[]).filter(
		(a) => a.note && !a.decided
	);
}

function find(db: Database.Database, subject: string): { ok: true; account: Applied } | { ok: false; message: string } {
	if (!subject) return { ok: false, message: 'Enter the new account’s number or the service address of the application.' };
	if (ACCOUNT_NUMBER.test(subject)) {
		const number = canonical(subject);
		const account = db.prepare(`${SELECT} WHERE a.number = ?`).get(number) as Applied | undefined;
		if (!account) return { ok: false, message: `No account ${number} in the sandbox. Check the number, or search by the service address.` };
		return { ok: true, account };
	}
	if (subject.length < 4) return { ok: false, message: 'Type more of the service address (e.g. “3273 Juniper”), or the account number.' };
	const hits = pendingAt(db, subject);
	if (hits.length === 0) return { ok: false, message: `No service application waiting for a deposit decision at “${subject}”. Check the address, or open the account and use its Deposit decision link.` };
	if (hits.length > 1)
		return { ok: false, message: `${hits.length} applications match “${subject}”: ${hits.map((h) => `${h.number} (${h.address})`).join('; ')}. Enter the account number.` };
	return { ok: true, account: hits[0] };
}

function inProgress(db: Database.Database, number: string): number | null {
	const row = db
		.prepare("SELECT id FROM procedure_runs WHERE procedure = 'deposit-decision' AND subject = ? AND status IN ('in_progress', 'awaiting_verification') ORDER BY id LIMIT 1")
		.get(number) as { id: number } | undefined;
	return row?.id ?? null;
}

export const depositDecisionStart: ProcedureStart = {
	subjectLabel: 'Account number or service address',
	plan(db, { subject }): StartPlan {
		const found = find(db, subject);
		if (!found.ok) return found;
		const a = found.account;
		const application = a.note ? parseApplication(a.note) : null;
		if (!application) {
			const held = a.depositHeldCents > 0 ? ` It holds a ${formatCents(a.depositHeldCents)} deposit.` : '';
			return { ok: false, message: `Account ${a.number} (${a.name}) has no service application waiting for a deposit decision.${held}` };
		}
		if (a.decided) return { ok: false, message: `The deposit for ${a.number} (${a.name}) has already been decided: see the deposit note on the account.` };
		if (a.depositHeldCents > 0) return { ok: false, message: `Account ${a.number} already holds a ${formatCents(a.depositHeldCents)} deposit.` };
		const running = inProgress(db, a.number);
		if (running) return { ok: false, message: `A deposit decision for ${a.number} is already under way (run #${running}): continue it from My runs.` };

		const today = application.receivedOn;
		const own = accountsOf(db, a.customerId, a.id);
		const credit: CreditFinding[] = [creditFinding(db, a.name, 'applicant', own, today)];
		for (const adult of application.listedAdults) {
			const theirs = adult.accountNumber
				? (db.prepare('SELECT customer_id AS c FROM accounts WHERE number = ?').get(adult.accountNumber) as { c: number } | undefined)
				: undefined;
			credit.push(creditFinding(db, adult.name, 'listed-adult', theirs ? accountsOf(db, theirs.c, a.id) : [], today));
		}
		const premise = premiseRecords(db, a.premiseId, a.customerId, a.id);
		const input: Omit<DepositDecisionInput, 'policy'> = {
			today,
			accountNumber: a.number,
			serviceStartDate: application.serviceStartDate,
			billingCycleDay: application.billingCycleDay,
			application: {
				applicantName: a.name,
				occupancy: application.occupancy,
				documentsPresented: application.documentsPresented,
				listedAdults: application.listedAdults.map((p) => p.name),
				enrollingInAutopay: application.enrollingInAutopay
			},
			premise: { serviceAddress: a.address, ...premise },
			credit,
			letterOfCredit: application.letterOfCredit,
			priorAccounts: priorAccounts(db, own)
		};
		return { ok: true, input: { ...input }, subject: a.number };
	}
};

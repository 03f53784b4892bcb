/**
 * New-service applications received today and waiting for their deposit decision (policy §4), so a
 * live deposit decision has real counter cases: a tenant with a valid letter of credit (F-17), a
 * standard deposit from the premise's bills, a premise with no history (F-21), a listed adult with a
 * write-off (F-19), a letter 61 days old (F-18) and an owner enrolling in autopay.
 *
 * Each application takes over one ordinary "new" account (no-history deposit, no waiver, no misapplied
 * payment) after the accounts are written: its generated history is removed — before the batches are
 * settled, so drawer deposits still add up — and it becomes an account opened for service starting the
 * next business day, at a premise a prior occupant moved out of (its bills are the premise history) or,
 * when none is left, at its own premise. The account count, the sandbox meta and every other account are
 * untouched. No random draws: the same sandbox always gets the same applications.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays, nextBusinessDay, withinMonths, type IsoDate } from '$lib/domain/calendar';
import type { DocumentKind } from '$machines/deposit-decision.machine';
import type { LocalClock } from './book';
import { LANDLORDS, STAFF } from './names';
import { APPLICATION_NOTE_CATEGORY, formatApplication, type ListedAdult } from './service-application';

interface Case {
	occupancy: 'tenant' | 'owner';
	history: boolean;
	documents: DocumentKind[];
	/** Age of the letter of credit in days, when the applicant brings one. */
	letterAgeDays?: number;
	/** A listed adult whose Riverton account was written off. */
	adultWithWriteOff?: boolean;
	enrollingInAutopay?: boolean;
}

const dep = policy.deposit;
/** In priority order: small sandboxes get the first ones. */
const CASES: Case[] = [
	{ occupancy: 'tenant', history: true, documents: ['photo-id', 'lease'], letterAgeDays: Math.floor(dep.letterMaxAgeDays / 3) },
	{ occupancy: 'tenant', history: true, documents: ['photo-id', 'landlord-form'] },
	{ occupancy: 'tenant', history: false, documents: ['photo-id', 'lease'] },
	{ occupancy: 'tenant', history: true, documents: ['photo-id', 'lease'], adultWithWriteOff: true },
	{ occupancy: 'tenant', history: true, documents: ['photo-id', 'lease'], letterAgeDays: dep.letterMaxAgeDays + 1 },
	{ occupancy: 'owner', history: false, documents: ['photo-id', 'deed'], enrollingInAutopay: true }
];
const LETTER_UTILITIES = ['Sacramento Valley Power', 'Placer County Water Agency'] as const;
const SANDBOX_ACCOUNT_TABLES = ['bills', 'notices', 'protections', 'work_orders', 'account_notes', 'authorised_contacts'] as const;

interface Candidate {
	id: number;
	number: string;
	premiseId: number;
	name: string;
}

export function writeDepositShowcase(sqlite: Database.Database, clock: LocalClock, today: IsoDate): void {
	const candidates = sqlite
		.prepare(
			`SELECT a.id, a.number, a.premise_id AS premiseId, c.first_name || ' ' || c.last_name AS name FROM accounts a JOIN customers c ON c.id = a.customer_id
			 WHERE a.profile = 'new' AND a.autopay = 0
			   AND EXISTS (SELECT 1 FROM ledger_entries l WHERE l.account_id = a.id AND l.kind = 'deposit')
			   AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.account_id = a.id AND l.kind = 'transfer')
			 ORDER BY a.id`
		)
		.all() as Candidate[];
	const vacant = vacantPremisesWithHistory(sqlite, today);
	const writtenOff = sqlite
		.prepare(
			`SELECT a.number, c.first_name || ' ' || c.last_name AS name, l.posted_on AS on_ FROM accounts a JOIN customers c ON c.id = a.customer_id
			 JOIN ledger_entries l ON l.account_id = a.id AND l.kind = 'write-off' WHERE a.profile = 'written-off' ORDER BY l.posted_on DESC, a.id`
		)
		.all() as { number: string; name: string; on_: string }[];
	const adult = writtenOff.find((w) => withinMonths(w.on_, today, dep.historyMonths)) ?? writtenOff[0];

	const serviceStart = nextBusinessDay(today);
	CASES.slice(0, candidates.length).forEach((c, k) => {
		const b = candidates[k];
		const premise = c.history ? (vacant.shift() ?? null) : null;
		const premiseId = premise?.premiseId ?? b.premiseId;
		const cycleDay = premise?.cycleDay ?? ((b.id * 7) % 28) + 1;
		const listedAdults: ListedAdult[] = c.adultWithWriteOff && adult ? [{ name: adult.name, accountNumber: adult.number }] : [];
		const letter =
			c.letterAgeDays === undefined
				? null
				: {
						utility: LETTER_UTILITIES[k % LETTER_UTILITIES.length],
						issuedOn: addDays(today, -c.letterAgeDays),
						monthsCovered: dep.letterOfCreditMonths,
						noLatePayments: true,
						noReturnedItems: true,
						noDisconnections: true
					};
		clearHistory(sqlite, b);
		const owner = c.occupancy === 'owner' ? b.name : LANDLORDS[b.id % LANDLORDS.length];
		sqlite.prepare('UPDATE premises SET owner_name = ? WHERE id = ?').run(owner, premiseId);
		sqlite
			.prepare(
				"UPDATE accounts SET premise_id = ?, holder_type = ?, status = 'active', cash_only_until = NULL, autopay = 0, deposit_held_cents = 0, opened_on = ?, closed_on = NULL WHERE id = ?"
			)
			.run(premiseId, c.occupancy, serviceStart, b.id);
		const p = sqlite.prepare('SELECT address, unit, zip FROM premises WHERE id = ?').get(premiseId) as { address: string; unit: string | null; zip: string };
		sqlite.prepare('UPDATE account_search SET address = ? WHERE account_id = ?').run(`${p.address}${p.unit ? ` ${p.unit}` : ''}, Riverton CA ${p.zip}`, b.id);
		const body = formatApplication({
			receivedOn: today,
			occupancy: c.occupancy,
			serviceStartDate: serviceStart,
			billingCycleDay: cycleDay,
			documentsPresented: c.documents,
			listedAdults,
			letterOfCredit: letter,
			enrollingInAutopay: c.enrollingInAutopay ?? false
		});
		sqlite
			.prepare('INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, ?, ?, ?)')
			.run(b.id, clock.at(today, 8 * 60 + 5 + 7 * k), STAFF[k % STAFF.length], APPLICATION_NOTE_CATEGORY, body);
	});
}

/** Premises a prior occupant moved out of, with at least the bills the standard deposit needs in the window and no disconnection. */
function vacantPremisesWithHistory(sqlite: Database.Database, today: IsoDate): { premiseId: number; cycleDay: number }[] {
	const rows = sqlite
		.prepare(
			`SELECT a.premise_id AS premiseId, group_concat(b.bill_date) AS dates FROM accounts a JOIN bills b ON b.account_id = a.id
			 WHERE a.profile = 'moved-out' AND a.status IN ('closed', 'final')
			   AND (SELECT count(*) FROM accounts o WHERE o.premise_id = a.premise_id) = 1
			   AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.account_id = a.id AND w.kind = 'lockoff')
			 GROUP BY a.id ORDER BY a.id`
		)
		.all() as { premiseId: number; dates: string }[];
	return rows
		.map((r) => ({ premiseId: r.premiseId, dates: r.dates.split(',').sort() }))
		.filter((r) => r.dates.filter((d) => withinMonths(d, today, dep.historyMonths)).length >= dep.minimumBillsForHistory)
		.map((r) => ({ premiseId: r.premiseId, cycleDay: Number(r.dates[0].slice(8, 10)) }));
}

/** Removes the account's generated history: a new applicant has no bills, payments, reads or notes yet. */
function clearHistory(sqlite: Database.Database, b: Candidate): void {
	sqlite.prepare('DELETE FROM ledger_entries WHERE account_id = ?').run(b.id);
	for (const t of SANDBOX_ACCOUNT_TABLES) sqlite.prepare(`DELETE FROM ${t} WHERE account_id = ?`).run(b.id);
	sqlite.prepare('DELETE FROM payment_inbox WHERE account_number = ?').run(b.number);
	sqlite.prepare('DELETE FROM meter_reads WHERE meter_id IN (SELECT id FROM meters WHERE premise_id = ?)').run(b.premiseId);
}

/**
 * One account's 18 months: bills, payments by tender, late fees, returned items, notices and door
 * tags, lock-offs, protections, meters and notes, shaped by the account's profile. Charges are
 * positive ledger amounts, payments and credits negative; the balance is the ledger's sum.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays, addMonths, daysBetween, fromLocal, lockoffCalendarHold } from '$lib/domain/calendar';
import type { Rng } from './random';

export type Profile =
	| 'on-time'
	| 'autopay'
	| 'late'
	| 'nsf'
	| 'plan'
	| 'medical'
	| 'dispute'
	| 'delinquent'
	| 'locked'
	| 'written-off'
	| 'assist'
	| 'bankruptcy';

export interface AccountPlan {
	id: number;
	number: string;
	profile: Profile;
	today: string;
	cycleDay: number;
	baseCents: number;
	electric: boolean;
	/** The upcoming lock-off day for accounts on the lock-off path. */
	lockoffDate: string;
	holderName: string;
}

export interface HistoryResult {
	status: 'active' | 'locked' | 'closed';
	cashOnlyUntil: string | null;
	depositHeldCents: number;
	closedOn: string | null;
}

const DELINQUENT: ReadonlySet<Profile> = new Set(['plan', 'medical', 'dispute', 'delinquent', 'locked', 'assist', 'bankruptcy']);
const TENDERS = ['cash', 'check', 'card', 'card', 'online', 'check', 'mail', 'drop-box'] as const;

type Stmts = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Stmts>();

function prepare(db: Database.Database) {
	return {
		bill: db.prepare('INSERT INTO bills (account_id, bill_date, due_date, amount_cents, water_usage, electric_kwh) VALUES (?, ?, ?, ?, ?, ?)'),
		ledger: db.prepare('INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo, corrects_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
		meter: db.prepare('INSERT INTO meters (premise_id, serial, service) VALUES (?, ?, ?)'),
		read: db.prepare('INSERT INTO meter_reads (meter_id, read_on, reading, estimated) VALUES (?, ?, ?, ?)'),
		notice: db.prepare('INSERT INTO notices (account_id, kind, issued_on, lockoff_date, amount_cents, address_ok) VALUES (?, ?, ?, ?, ?, ?)'),
		protection: db.prepare('INSERT INTO protections (account_id, kind, status, starts_on, ends_on, details) VALUES (?, ?, ?, ?, ?, ?)'),
		inbox: db.prepare('INSERT INTO payment_inbox (account_number, amount_cents, channel, received_at) VALUES (?, ?, ?, ?)'),
		order: db.prepare('INSERT INTO work_orders (account_id, kind, status, created_at, scheduled_for, priority, resolved_at, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
		balance: db.prepare('SELECT coalesce(sum(amount_cents), 0) AS b FROM ledger_entries WHERE account_id = ?'),
		note: db.prepare('INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, ?, ?, ?)')
	};
}

const dollars = (c: number) => `$${Math.trunc(c / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

export function writeHistory(db: Database.Database, rng: Rng, p: AccountPlan): HistoryResult {
	let s = cache.get(db);
	if (!s) {
		s = prepare(db);
		cache.set(db, s);
	}
	const st = s;
	const at = (date: string, minutes: number) => fromLocal(date, minutes);
	const post = (date: string, minutes: number, kind: string, tender: string | null, cents: number, memo: string, corrects: number | null = null) =>
		Number(st.ledger.run(p.id, at(date, minutes), date, kind, tender, cents, memo, corrects).lastInsertRowid);

	const result: HistoryResult = { status: 'active', cashOnlyUntil: null, depositHeldCents: rng.chance(0.3) ? rng.pick([10000, 20000, 24000, 31000]) : 0, closedOn: null };
	const closedOn = p.profile === 'written-off' ? addDays(addMonths(p.today, -rng.int(6, 14)), rng.int(0, 20)) : null;
	const lastDay = closedOn ?? p.today;

	// Meters and monthly bills, oldest first.
	const waterMeter = Number(st.meter.run(p.id, `W-${String(p.id).padStart(6, '0')}`, 'water').lastInsertRowid);
	const electricMeter = p.electric ? Number(st.meter.run(p.id, `E-${String(p.id).padStart(6, '0')}`, 'electric').lastInsertRowid) : null;
	let water = rng.int(100, 5000);
	let kwh = rng.int(1000, 60000);
	const bills: { date: string; due: string; cents: number }[] = [];
	for (let k = 18; k >= 0; k--) {
		const month = addMonths(p.today, -k).slice(0, 8);
		const date = `${month}${String(Math.min(p.cycleDay, 28)).padStart(2, '0')}`;
		if (date > lastDay) continue;
		const summer = ['06', '07', '08', '09'].includes(date.slice(5, 7));
		const usage = rng.int(6, 22) + (summer ? rng.int(6, 18) : 0);
		const kwhUsed = p.electric ? rng.int(300, 1100) + (summer ? rng.int(200, 600) : 0) : 0;
		const cents = Math.max(2500, p.baseCents + (summer ? Math.floor((p.baseCents * 30) / 100) : 0) + rng.int(-900, 900));
		const due = addDays(date, policy.delinquency.billDueDays);
		water += usage;
		kwh += kwhUsed;
		st.read.run(waterMeter, date, water, rng.chance(0.03) ? 1 : 0);
		if (electricMeter) st.read.run(electricMeter, date, kwh, 0);
		st.bill.run(p.id, date, due, cents, usage, kwhUsed);
		post(date, 6 * 60, 'bill', null, cents, `Bill for ${date.slice(0, 7)}`);
		bills.push({ date, due, cents });
	}

	const unpaidTail = p.profile === 'locked' ? 3 : DELINQUENT.has(p.profile) ? 2 : p.profile === 'written-off' ? 3 : 0;
	const returned: string[] = [];
	const nsfReturns = p.profile === 'nsf' ? rng.int(1, 2) : 0;
	bills.forEach((b, idx) => {
		const unpaid = idx >= bills.length - unpaidTail || b.due > p.today;
		if (unpaid) {
			if (addDays(b.due, 1) <= lastDay) post(addDays(b.due, 1), 7 * 60, 'fee', null, policy.delinquency.lateFeeCents, 'Late fee');
			return;
		}
		const late = p.profile === 'late' && rng.chance(0.5);
		const payOn = late ? addDays(b.due, rng.int(3, 25)) : addDays(b.due, -rng.int(0, 12));
		const payDate = payOn > lastDay ? lastDay : payOn;
		if (late && addDays(b.due, 1) <= payDate) post(addDays(b.due, 1), 7 * 60, 'fee', null, policy.delinquency.lateFeeCents, 'Late fee');
		const tender = p.profile === 'autopay' ? 'ach' : rng.pick(TENDERS);
		const paid = b.cents + (late ? policy.delinquency.lateFeeCents : 0);
		const payId = post(payDate, rng.int(8 * 60, 17 * 60), 'payment', tender, -paid, `Payment (${tender})`);
		// Returned items fall in the last 12 months so the 2-in-12 rule is visible.
		const recent = daysBetween(payDate, p.today) < 300;
		if (returned.length < nsfReturns && recent && (tender === 'check' || tender === 'ach' || tender === 'online') && rng.chance(0.5)) {
			const back = addDays(payDate, rng.int(3, 7));
			if (back > p.today) return;
			post(back, 9 * 60, 'reversal', tender, paid, `Returned item (NSF): reverses payment #${payId}`, payId);
			post(back, 9 * 60, 'fee', null, policy.payments.returnedItemFeeCents, 'Returned item fee');
			const repay = addDays(back, 2) > p.today ? p.today : addDays(back, 2);
			post(repay, 11 * 60, 'payment', 'cash', -(paid + policy.payments.returnedItemFeeCents), 'Payment in guaranteed funds after returned item');
			returned.push(back);
		}
	});
	if (returned.length >= policy.payments.returnedItemsForCashOnly) result.cashOnlyUntil = addMonths(returned[returned.length - 1], policy.payments.cashOnlyMonths);

	const unpaid = bills.slice(-unpaidTail);
	const pastDue = unpaid.filter((b) => b.due < p.today).reduce((sum, b) => sum + b.cents + policy.delinquency.lateFeeCents, 0);

	if (p.profile === 'written-off' && closedOn) {
		const balance = (st.balance.get(p.id) as { b: number }).b;
		post(addMonths(closedOn, 3), 10 * 60, 'write-off', null, -balance, 'Uncollectible balance written off (sent to collections)');
		result.status = 'closed';
		result.closedOn = closedOn;
		st.note.run(p.id, at(closedOn, 10 * 60), 'R. Alvarez', 'account', `Service stopped at move-out. Final bill unpaid; ${dollars(balance)} written off after 90 days.`);
		return result;
	}

	if (DELINQUENT.has(p.profile)) {
		const locked = p.profile === 'locked';
		let lockDate = p.lockoffDate;
		if (locked) {
			lockDate = addDays(p.today, -rng.int(3, 20));
			while (lockoffCalendarHold(lockDate)) lockDate = addDays(lockDate, -1);
		}
		const shortNotice = !locked && rng.chance(0.12);
		const issued = addDays(lockDate, -(shortNotice ? rng.int(8, 9) : rng.int(10, 14)));
		st.notice.run(p.id, 'lockoff-notice', issued, lockDate, pastDue, rng.chance(0.05) ? 0 : 1);
		st.note.run(p.id, at(issued, 16 * 60), 'System', 'collections', `Lock-off notice mailed for ${lockDate}: past due ${dollars(pastDue)}.`);
		const tagOn = addDays(lockDate, -rng.int(2, 3));
		if ((locked || rng.chance(0.6)) && tagOn <= p.today) {
			st.notice.run(p.id, 'door-tag', tagOn, lockDate, pastDue + policy.delinquency.doorTagFeeCents, 1);
			post(tagOn, 15 * 60, 'fee', null, policy.delinquency.doorTagFeeCents, 'Door tag fee');
		}
		if (locked) {
			post(lockDate, 11 * 60, 'fee', null, policy.delinquency.lockoffFeeCents, 'Lock-off (disconnect) fee');
			st.order.run(p.id, 'lockoff', 'completed', at(lockDate, 8 * 60), lockDate, 'normal', at(lockDate, 11 * 60), 'Locked at meter; tag left on door.');
			result.status = 'locked';
		}
		const protection = {
			plan: () => {
				const broken = rng.chance(0.2);
				st.protection.run(p.id, 'plan', broken ? 'broken' : 'active', addMonths(p.today, -rng.int(1, 2)), addMonths(p.today, rng.int(1, 2)), `Down payment 50% paid; ${policy.plans.maxInstallments} monthly installments of ${dollars(Math.ceil(pastDue / 2 / policy.plans.maxInstallments))}.`);
			},
			medical: () => {
				const start = addDays(p.today, -rng.int(0, 25));
				st.protection.run(p.id, 'medical', 'active', start, addDays(start, policy.delinquency.medicalCertificateDays - 1), 'Medical certificate from Riverton Family Clinic (oxygen concentrator in the home).');
			},
			dispute: () => {
				const disputed = Math.floor(unpaid[unpaid.length - 1]?.cents ?? 0) - 1500;
				st.protection.run(p.id, 'dispute', 'active', addDays(p.today, -rng.int(3, 15)), null, `Disputes ${dollars(Math.max(disputed, 0))} of the latest bill (meter read questioned); undisputed part paid.`);
			},
			assist: () => {
				const start = addDays(p.today, -rng.int(0, 10));
				st.protection.run(p.id, 'assist', 'active', start, addDays(start, policy.delinquency.assistancePledgeHoldDays - 1), 'LIHEAP pledge from Riverton Community Action.');
			},
			bankruptcy: () => {
				st.protection.run(p.id, 'bankruptcy', 'active', addDays(p.today, -rng.int(5, 40)), null, 'Chapter 7 petition filed, Eastern District of California; notice of filing received.');
			}
		} as Partial<Record<Profile, () => void>>;
		protection[p.profile]?.();
		// A payment dropped in the box or made online last night, not yet posted.
		if (!locked && rng.chance(0.2)) {
			st.inbox.run(p.number, pastDue, rng.pick(['drop-box', 'online']), at(addDays(p.today, -1), rng.int(19 * 60, 23 * 60 + 50)));
		}
	} else if (rng.chance(0.01)) {
		st.inbox.run(p.number, bills[bills.length - 1]?.cents ?? 5000, 'drop-box', at(addDays(p.today, -1), rng.int(19 * 60, 23 * 60)));
	}

	if (rng.chance(0.15)) {
		const when = addDays(p.today, -rng.int(5, 300));
		st.note.run(p.id, at(when, rng.int(8 * 60, 17 * 60)), rng.pick(['M. Ellis', 'A. Rivera', 'L. Herrera', 'T. Brooks']), 'contact', rng.pick([
			'Customer called about a high bill; verified by PIN. Explained summer irrigation usage and offered conservation tips.',
			'Holder verified at counter by photo ID. Updated mailing phone number.',
			'Caller asked for the balance but was not on the account; gave general information only.',
			'Customer asked about autopay; sent ACH authorization form by email.'
		]));
	}
	if (rng.chance(0.04)) {
		const when = addDays(p.today, -rng.int(10, 200));
		st.order.run(p.id, 'reread', 'completed', at(when, 9 * 60), addDays(when, 2), 'normal', at(addDays(when, 2), 13 * 60), 'Reread confirmed the original read.');
	}
	return result;
}

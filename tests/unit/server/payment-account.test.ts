import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { testStore } from '$tests/fixtures/db';
import { findOpenBatchOf, normaliseAccountNumber, readPaymentAccount } from '$lib/server/repos/payment-account';
import { fromLocal } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

const NOW = fromLocal('2026-11-03', 14 * 60 + 50);
const at = (date: string) => fromLocal(date, 12 * 60);

/** One hand-built account: the holder, premise and whatever ledger, bills, notices and orders a case needs. */
function account(db: Database.Database, opts: { status?: string; cashOnlyUntil?: string | null; deposit?: number } = {}): number {
	db.prepare("INSERT INTO customers (id, first_name, last_name, phone, ssn_last4, pin) VALUES (1, 'Joan', 'Smyth', '(530) 555-0100', '4321', '9876')").run();
	db.prepare("INSERT INTO premises (id, address, unit, city, zip, owner_name, services) VALUES (1, '21 Oak St', 'Apt 4B', 'Riverton', '95601', 'Joan Smyth', 'water')").run();
	db.prepare("INSERT INTO accounts (id, number, customer_id, premise_id, holder_type, status, cash_only_until, deposit_held_cents, opened_on, profile) VALUES (1, '100-010234-07', 1, 1, 'owner', ?, ?, ?, '2020-01-01', 'locked')").run(
		opts.status ?? 'active',
		opts.cashOnlyUntil ?? null,
		opts.deposit ?? 0
	);
	return 1;
}
const bill = (db: Database.Database, date: string, due: string, cents: number) => {
	db.prepare('INSERT INTO bills (account_id, bill_date, due_date, amount_cents, water_usage, electric_kwh) VALUES (1, ?, ?, ?, 5, 0)').run(date, due, cents);
	return entry(db, date, 'bill', cents, `Bill ${date}`);
};
const entry = (db: Database.Database, on: string, kind: string, cents: number, memo: string, corrects: number | null = null) =>
	Number(db.prepare('INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, amount_cents, memo, corrects_id) VALUES (1, ?, ?, ?, ?, ?, ?)').run(at(on), on, kind, cents, memo, corrects).lastInsertRowid);
const order = (db: Database.Database, kind: string, status: string, day: string, priority = 'normal') =>
	db.prepare('INSERT INTO work_orders (account_id, kind, status, created_at, scheduled_for, priority) VALUES (1, ?, ?, ?, ?, ?)').run(kind, status, at(day), day, priority);
const notice = (db: Database.Database, kind: string, issued: string, lockDate: string, cents: number) =>
	db.prepare('INSERT INTO notices (account_id, kind, issued_on, lockoff_date, amount_cents) VALUES (1, ?, ?, ?, ?)').run(kind, issued, lockDate, cents);

describe('reading a sandbox account for a counter payment', () => {
	it('takes account numbers with or without dashes, and only real ones', () => {
		expect(normaliseAccountNumber('10001023407')).toBe('100-010234-07');
		expect(normaliseAccountNumber(' 100-010234-07 ')).toBe('100-010234-07');
		expect(normaliseAccountNumber('100-01023-07')).toBeNull();
	});

	it('locked: past-due without the lock-off fee (§6 quotes it), the current bill left out, cause non-payment', () => {
		const db = testStore().db.$client;
		account(db, { status: 'locked' });
		bill(db, '2026-08-05', '2026-08-25', 12000);
		bill(db, '2026-09-05', '2026-09-25', 11000);
		entry(db, '2026-08-26', 'fee', policy.delinquency.lateFeeCents, 'Late fee');
		notice(db, 'lockoff-notice', '2026-09-30', '2026-10-14', 23000);
		order(db, 'lockoff', 'completed', '2026-10-14');
		entry(db, '2026-10-14', 'fee', policy.delinquency.lockoffFeeCents, 'Lock-off (disconnect) fee');
		bill(db, '2026-10-20', '2026-11-09', 9000);
		const a = readPaymentAccount(db, '100-010234-07', NOW)!.account;
		expect(a).toMatchObject({
			holderName: 'Joan Smyth',
			serviceAddress: '21 Oak St Apt 4B',
			status: 'locked',
			balanceCents: 12000 + 11000 + 1000 + 5000 + 9000,
			pastDueCents: 12000 + 11000 + 1000,
			lockoffAmountCents: 0,
			lockoffCause: 'nonpayment',
			// Three bills in 12 months: ceil(2 × $320.00 ÷ 3) in whole dollars (§4).
			standardDepositCents: 21400
		});
	});

	it('a returned payment that had stopped the lock-off makes the lock-off NSF-caused; after-hours restorations count over 12 months', () => {
		const db = testStore().db.$client;
		account(db, { status: 'locked', cashOnlyUntil: '2027-06-01' });
		bill(db, '2026-09-05', '2026-09-25', 11000);
		notice(db, 'lockoff-notice', '2026-09-30', '2026-10-14', 11000);
		const paid = entry(db, '2026-10-06', 'payment', -11000, 'Payment (check)');
		entry(db, '2026-10-09', 'reversal', 11000, 'Returned item', paid);
		order(db, 'lockoff', 'completed', '2026-10-15');
		order(db, 'reconnect', 'completed', '2026-03-02', 'after-hours');
		order(db, 'reconnect', 'completed', '2025-10-01', 'after-hours');
		const a = readPaymentAccount(db, '100-010234-07', NOW)!.account;
		expect(a.lockoffCause).toBe('nsf');
		expect(a.afterHoursRestorationsIn12Months).toBe(1);
		expect(a.cashOnly).toBe(true);
	});

	it('active with a lock-off scheduled: the door-tag amount, never more than what is past due now', () => {
		const db = testStore().db.$client;
		account(db);
		db.prepare("INSERT INTO authorised_contacts (account_id, name, relationship, scope, valid_from, valid_to) VALUES (1, 'Sam Lee', 'son', 'inquire', '2026-01-01', NULL), (1, 'Kim Park', 'tenant', 'full', '2025-01-01', '2026-01-31')").run();
		bill(db, '2026-09-05', '2026-09-25', 11000);
		entry(db, '2026-09-26', 'fee', 1000, 'Late fee');
		notice(db, 'lockoff-notice', '2026-10-28', '2026-11-10', 12000);
		notice(db, 'door-tag', '2026-11-02', '2026-11-10', 14500);
		entry(db, '2026-11-02', 'fee', 2500, 'Door tag fee');
		let a = readPaymentAccount(db, '100-010234-07', NOW)!.account;
		expect(a).toMatchObject({ status: 'active', pastDueCents: 14500, lockoffAmountCents: 14500, lockoffCause: null, cashOnly: false });
		expect(a.authorisedContacts).toEqual([
			{ name: 'Sam Lee', scope: ['balances', 'payments', 'usage'], validFrom: '2026-01-01' },
			{ name: 'Kim Park', scope: ['balances', 'payments', 'usage', 'changes'], validFrom: '2025-01-01', validTo: '2026-01-31' }
		]);
		entry(db, '2026-11-03', 'payment', -10000, 'Payment (online)');
		a = readPaymentAccount(db, '100-010234-07', NOW)!.account;
		expect(a.lockoffAmountCents).toBe(4500);
	});

	it('a locked account whose reconnect is already ordered takes an ordinary payment, not a second restoration', () => {
		const db = testStore().db.$client;
		account(db, { status: 'locked' });
		order(db, 'lockoff', 'completed', '2026-10-14');
		order(db, 'reconnect', 'open', '2026-11-03', 'same-day');
		const f = readPaymentAccount(db, '100-010234-07', NOW)!;
		expect(f.account.status).toBe('active');
		expect(f.openReconnect).toEqual({ scheduledFor: '2026-11-03', priority: 'same-day' });
	});

	it('finds the batch the cashier opened, not someone else’s, and none once it is closed', () => {
		const db = testStore().db.$client;
		db.prepare("INSERT INTO drawers (id, name, location) VALUES (1, 'Counter 1', 'x'), (2, 'Counter 2', 'y')").run();
		db.prepare("INSERT INTO batches (id, drawer_id, business_date, status, float_cents, opened_by) VALUES (7, 1, '2026-11-03', 'open', 20000, 'csr2'), (8, 2, '2026-11-03', 'open', 20000, 'csr1')").run();
		expect(findOpenBatchOf(db, 'csr1')).toEqual({ id: 8, ref: 'B-8', drawer: 'Counter 2', businessDate: '2026-11-03' });
		db.prepare("UPDATE batches SET status = 'closed' WHERE id = 8").run();
		expect(findOpenBatchOf(db, 'csr1')).toBeNull();
	});
});

/**
 * Deterministic sandbox generator: Riverton Municipal Utilities with 18 months of history ending at
 * `today`. Same seed + today → identical rows (every value comes from the seeded PRNG and `today`,
 * never the real clock). Runs inside the caller's transaction when there is one.
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays, addMonths, fromLocal, weekdayOf, lockoffCalendarHold } from '$lib/domain/calendar';
import { createRng, type Rng } from './random';
import { FIRST_NAMES, HISPANIC_FIRST_NAMES, HISPANIC_LAST_NAMES, LANDLORDS, LAST_NAMES, STREETS } from './names';
import { writeHistory, type Profile, type AccountPlan } from './history';

export interface GenerateOptions {
	accounts: number;
	seed: number;
	today: string;
}

/** Sandbox tables, children before parents (the order rows are deleted in). */
export const SANDBOX_TABLES = [
	'account_search',
	'lockoff_pulls',
	'vault_log',
	'cash_over_short',
	'batches',
	'drawers',
	'work_orders',
	'account_notes',
	'protections',
	'notices',
	'payment_inbox',
	'ledger_entries',
	'bills',
	'meter_reads',
	'meters',
	'authorised_contacts',
	'accounts',
	'premises',
	'customers',
	'sandbox_meta'
] as const;

// Exactly one bankruptcy is placed by hand; the rest are drawn by weight.
const PROFILE_WEIGHTS: Record<Exclude<Profile, 'bankruptcy'>, number> = {
	'on-time': 40,
	autopay: 15,
	late: 14,
	nsf: 5,
	plan: 4,
	medical: 3,
	dispute: 2,
	delinquent: 9,
	locked: 3,
	'written-off': 3,
	assist: 2
};

/** The next lock-off day (Mon–Thu, no holiday or its eve) on or after `date`. */
function nextLockoffDay(date: string): string {
	let d = date;
	while (lockoffCalendarHold(d)) d = addDays(d, 1);
	return d;
}

function accountNumber(i: number): string {
	const body = String(100000 + i * 7 + 1).padStart(6, '0');
	const check = String((i * 31 + 7) % 97).padStart(2, '0');
	return `100-${body}-${check}`;
}

export function generateSandbox(sqlite: Database.Database, opts: GenerateOptions): { accounts: number; ms: number } {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${opts.today}`);
	if (!Number.isSafeInteger(opts.accounts) || opts.accounts < 1) throw new RangeError('accounts must be a positive whole number');
	const started = performance.now();
	const run = () => {
		for (const table of SANDBOX_TABLES) sqlite.prepare(`DELETE FROM ${table}`).run();
		const rng = createRng(opts.seed);
		seedDrawers(sqlite, rng, opts.today);
		const ins = {
			customer: sqlite.prepare('INSERT INTO customers (id, first_name, last_name, phone, email, ssn_last4, pin, preferred_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
			premise: sqlite.prepare('INSERT INTO premises (id, address, unit, city, zip, owner_name, services) VALUES (?, ?, ?, ?, ?, ?, ?)'),
			account: sqlite.prepare(
				'INSERT INTO accounts (id, number, customer_id, premise_id, holder_type, status, cash_only_until, autopay, deposit_held_cents, opened_on, closed_on, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			),
			finish: sqlite.prepare('UPDATE accounts SET status = ?, cash_only_until = ?, deposit_held_cents = ?, closed_on = ? WHERE id = ?'),
			contact: sqlite.prepare('INSERT INTO authorised_contacts (account_id, name, relationship, scope, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)'),
			search: sqlite.prepare('INSERT INTO account_search (account_id, number, holder, address) VALUES (?, ?, ?, ?)')
		};
		const bankruptcyAt = Math.min(opts.accounts - 1, 7);
		for (let i = 0; i < opts.accounts; i++) {
			const id = i + 1;
			const hispanic = rng.chance(0.3);
			const first = hispanic ? rng.pick(HISPANIC_FIRST_NAMES) : rng.pick(FIRST_NAMES);
			const last = hispanic ? rng.pick(HISPANIC_LAST_NAMES) : rng.pick(LAST_NAMES);
			const language = hispanic && rng.chance(0.35) ? 'es' : 'en';
			const phone = `(916) 555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
			const email = rng.chance(0.6) ? `${first}.${last}${rng.int(1, 99)}@example.com`.toLowerCase().normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/['\s]/g, '') : null;
			ins.customer.run(id, first, last, phone, email, String(rng.int(0, 9999)).padStart(4, '0'), String(rng.int(1000, 9999)), language);

			const street = `${rng.int(100, 9899)} ${rng.pick(STREETS)}`;
			const apartment = rng.chance(0.25);
			const unit = apartment ? `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}` : null;
			const tenant = apartment || rng.chance(0.3);
			const services = rng.chance(0.7) ? 'water, wastewater, refuse, electric' : 'water, wastewater, refuse';
			ins.premise.run(id, street, unit, 'Riverton', `9560${rng.int(1, 9)}`, tenant ? rng.pick(LANDLORDS) : `${first} ${last}`, services);

			const profile: Profile = i === bankruptcyAt ? 'bankruptcy' : (rng.weighted(PROFILE_WEIGHTS) as Profile);
			const openedOn = addDays(addMonths(opts.today, -rng.int(19, 120)), rng.int(0, 27));
			const plan: AccountPlan = {
				id,
				number: accountNumber(i),
				profile,
				today: opts.today,
				cycleDay: 1 + (i % 28),
				baseCents: rng.int(55, 190) * 100 + rng.int(0, 99),
				electric: services.includes('electric'),
				lockoffDate: nextLockoffDay(addDays(opts.today, rng.int(2, 9))),
				holderName: `${first} ${last}`
			};
			ins.account.run(id, plan.number, id, id, tenant ? 'tenant' : 'owner', 'active', null, profile === 'autopay' ? 1 : 0, 0, openedOn, null, profile);
			const result = writeHistory(sqlite, rng, plan);
			ins.finish.run(result.status, result.cashOnlyUntil, result.depositHeldCents, result.closedOn, id);
			if (rng.chance(0.08)) {
				ins.contact.run(id, `${rng.pick(FIRST_NAMES)} ${last}`, rng.pick(['spouse', 'adult child', 'property manager', 'caregiver']), rng.pick(['inquire', 'pay-and-inquire', 'full']), addMonths(opts.today, -rng.int(2, 30)), rng.chance(0.3) ? addMonths(opts.today, rng.int(1, 12)) : null);
			}
			ins.search.run(id, plan.number, `${first} ${last}`, `${street}${unit ? ` ${unit}` : ''} Riverton`);
		}
		const meta = sqlite.prepare('INSERT INTO sandbox_meta (key, value) VALUES (?, ?)');
		meta.run('seed', String(opts.seed));
		meta.run('today', opts.today);
		meta.run('accounts', String(opts.accounts));
	};
	if (sqlite.inTransaction) run();
	else sqlite.transaction(run)();
	return { accounts: opts.accounts, ms: Math.round(performance.now() - started) };
}

function seedDrawers(sqlite: Database.Database, rng: Rng, today: string): void {
	const drawers = [
		['Counter 1', 'Front counter, left'],
		['Counter 2', 'Front counter, centre'],
		['Counter 3', 'Front counter, right'],
		['Drive-up', 'Drive-up window']
	] as const;
	const insDrawer = sqlite.prepare('INSERT INTO drawers (id, name, location) VALUES (?, ?, ?)');
	const insBatch = sqlite.prepare(
		"INSERT INTO batches (drawer_id, business_date, status, float_cents, opened_by, closed_at, deposit_cents, bag_number) VALUES (?, ?, 'closed', ?, ?, ?, ?, ?)"
	);
	const insOverShort = sqlite.prepare('INSERT INTO cash_over_short (batch_id, amount_cents, explanation, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)');
	drawers.forEach(([name, location], k) => {
		insDrawer.run(k + 1, name, location);
		// The last five business days' closed batches.
		let day = addDays(today, -1);
		for (let n = 0; n < 5; n++) {
			while (weekdayOf(day) > 5) day = addDays(day, -1);
			const closedAt = fromLocal(day, 17 * 60 + rng.int(5, 40));
			const info = insBatch.run(k + 1, day, policy.drawer.floatCents, rng.pick(['csr1', 'csr2', 'csr1b', 'csr2b']), closedAt, rng.int(800, 4200) * 100 + rng.int(0, 99), `B-${day.replace(/-/g, '')}-${k + 1}`);
			if (rng.chance(0.25)) {
				const amount = rng.pick([-500, -100, 25, -2000, 1000, -37]);
				insOverShort.run(Number(info.lastInsertRowid), amount, amount < 0 ? 'Short; locate-differences checklist completed, not found.' : 'Over; customer change error suspected.', closedAt, 'csr2');
			}
			day = addDays(day, -1);
		}
	});
}

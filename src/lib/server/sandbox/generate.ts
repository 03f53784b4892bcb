/**
 * Deterministic sandbox generator: Riverton Municipal Utilities with 18 months of history ending at
 * `today`. Same seed + today → identical rows (every value comes from the seeded PRNG and `today`,
 * never the real clock). Runs inside the caller's transaction when there is one.
 */
import type Database from 'better-sqlite3';
import { addDays, addMonths } from '$lib/domain/calendar';
import { createRng, type Rng } from './random';
import { LocalClock, onOrBeforeBusinessDay } from './book';
import { simulateAccount, type AccountSeed } from './account';
import { nextLockoffDay } from './delinquency';
import { showcaseLockoff } from './showcase-lockoff';
import { writeOffice, settleBatches } from './office';
import { writeOpenDrawers } from './open-drawers';
import { createWriter } from './write';
import { writeShowcasePayment } from './showcase-payment';
import { flavourDecks, profileDeck, type Profile } from './profiles';
import { writeDepositShowcase } from './showcase-deposit';
import { FIRST_NAMES, HISPANIC_FIRST_NAMES, HISPANIC_LAST_NAMES, LANDLORDS, LAST_NAMES, RELATIONSHIPS, SPANISH_NOTES, STAFF, STREETS, ZIPS } from './names';

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
	'payment_inbox',
	'work_orders',
	'account_notes',
	'protections',
	'notices',
	'ledger_entries',
	'batches',
	'drawers',
	'bills',
	'meter_reads',
	'meters',
	'authorised_contacts',
	'accounts',
	'premises',
	'customers',
	'sandbox_meta'
] as const;

const MAX_ACCOUNTS = 999_999;

/** "100-004271-02": a six-digit body unique per account (a permutation of the index) and a two-digit suffix. */
function accountBody(i: number): number {
	return (i * 7919 + 4271) % 1_000_000;
}

/** The body with two adjacent different digits swapped (a stub keyed with a transposition), unused so far. */
function transposed(body: number, used: ReadonlySet<number>): number | null {
	const digits = String(body).padStart(6, '0').split('');
	for (let i = 0; i < 5; i++) {
		if (digits[i] === digits[i + 1]) continue;
		const t = [...digits];
		[t[i], t[i + 1]] = [t[i + 1], t[i]];
		const candidate = Number(t.join(''));
		if (!used.has(candidate)) return candidate;
	}
	return null;
}

/** Account numbers, with a few pairs that differ by a transposition (the later one's payment was once keyed to the earlier). */
function accountNumbers(rng: Rng, profiles: readonly Profile[]): { numbers: string[]; misapplied: Map<number, number> } {
	const n = profiles.length;
	const bodies = Array.from({ length: n }, (_, i) => accountBody(i));
	const suffixes = Array.from({ length: n }, () => rng.int(1, 3));
	const used = new Set(bodies);
	const misapplied = new Map<number, number>();
	const pairs = Math.min(5, Math.max(1, Math.floor(n / 150)));
	for (let j = 1; j < n && misapplied.size < pairs; j++) {
		if (profiles[j] !== 'on-time' || profiles[j - 1] === 'moved-out' || profiles[j - 1] === 'written-off' || !rng.chance(0.2)) continue;
		const body = transposed(bodies[j - 1], used);
		if (body === null) continue;
		used.delete(bodies[j]);
		used.add(body);
		bodies[j] = body;
		suffixes[j] = suffixes[j - 1];
		misapplied.set(j, j - 1);
	}
	const numbers = bodies.map((b, i) => `100-${String(b).padStart(6, '0')}-${String(suffixes[i]).padStart(2, '0')}`);
	return { numbers, misapplied };
}

export function generateSandbox(sqlite: Database.Database, opts: GenerateOptions): { accounts: number; ms: number } {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || addDays(opts.today, 0) !== opts.today) throw new RangeError(`today must be a real date YYYY-MM-DD, got ${opts.today}`);
	if (!Number.isSafeInteger(opts.accounts) || opts.accounts < 1 || opts.accounts > MAX_ACCOUNTS) throw new RangeError(`accounts must be a whole number from 1 to ${MAX_ACCOUNTS}`);
	if (!Number.isSafeInteger(opts.seed)) throw new RangeError('seed must be a whole number');
	const started = performance.now();
	const run = () => {
		for (const table of SANDBOX_TABLES) sqlite.prepare(`DELETE FROM ${table}`).run();
		const { today } = opts;
		const rng = createRng(opts.seed);
		const clock = new LocalClock();
		const batches = writeOffice(sqlite, rng, clock, today);
		const lockDays = [nextLockoffDay(today)];
		while (lockDays.length < 3) lockDays.push(nextLockoffDay(addDays(lockDays[lockDays.length - 1], 1)));
		const ctx = { rng, clock, today, lockDays, batches };

		const profiles = profileDeck(rng, opts.accounts);
		const flavours = flavourDecks(rng, profiles);
		const dealt = new Map<Profile, number>();
		const { numbers, misapplied } = accountNumbers(rng, profiles);
		const write = createWriter(sqlite);
		const ins = {
			customer: sqlite.prepare('INSERT INTO customers (id, first_name, last_name, phone, email, ssn_last4, pin, preferred_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
			premise: sqlite.prepare('INSERT INTO premises (id, address, unit, city, zip, owner_name, services) VALUES (?, ?, ?, ?, ?, ?, ?)'),
			contact: sqlite.prepare('INSERT INTO authorised_contacts (account_id, name, relationship, scope, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)'),
			note: sqlite.prepare('INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, ?, ?, ?)'),
			search: sqlite.prepare('INSERT INTO account_search (account_id, number, holder, address) VALUES (?, ?, ?, ?)')
		};
		for (let i = 0; i < opts.accounts; i++) {
			const id = i + 1;
			const profile = profiles[i];
			const k = dealt.get(profile) ?? 0;
			dealt.set(profile, k + 1);
			const flavour = flavours.get(profile)![k];

			const hispanic = rng.chance(0.32);
			const first = hispanic ? rng.pick(HISPANIC_FIRST_NAMES) : rng.pick(FIRST_NAMES);
			const last = hispanic ? rng.pick(HISPANIC_LAST_NAMES) : rng.pick(LAST_NAMES);
			const spanish = hispanic && rng.chance(0.4);
			const phone = `(530) 555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
			const email = rng.chance(0.55) ? `${first}.${last}${rng.int(1, 99)}@example.com`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.@]/g, '') : null;
			ins.customer.run(id, first, last, phone, email, String(rng.int(0, 9999)).padStart(4, '0'), String(rng.int(1000, 9999)), spanish ? 'es' : 'en');

			const ownerOnly = flavour === 'owner-waiver';
			const street = `${rng.int(100, 9899)} ${rng.pick(STREETS)}`;
			const apartment = !ownerOnly && rng.chance(0.22);
			const unit = apartment ? `Apt ${rng.int(1, 48)}${rng.pick(['', '', 'A', 'B'])}` : null;
			const tenant = !ownerOnly && (apartment || rng.chance(0.3));
			const electric = rng.chance(0.75);
			const zip = rng.pick(ZIPS);
			const services = electric ? 'water, wastewater, refuse, electric' : 'water, wastewater, refuse';
			ins.premise.run(id, street, unit, 'Riverton', zip, tenant ? rng.pick(LANDLORDS) : `${first} ${last}`, services);

			const openedOn = profile === 'new' ? onOrBeforeBusinessDay(addDays(today, -rng.int(35, 520))) : addDays(addMonths(today, -rng.int(19, 180)), -rng.int(0, 27));
			const to = misapplied.get(i);
			const seed: AccountSeed = { id, number: numbers[i], profile, flavour, openedOn, electric, apartment, cycleDay: rng.int(1, 28), misappliedTo: to === undefined ? undefined : { id: to + 1, number: numbers[to] } };
			const world = simulateAccount(ctx, seed);
			write(world, { holderType: tenant ? 'tenant' : 'owner' });

			if (spanish && rng.chance(0.5)) {
				const on = addDays(today, -rng.int(5, 300));
				if (on > openedOn) ins.note.run(id, clock.at(on, rng.int(8 * 60, 16 * 60)), rng.pick(STAFF), 'contact', rng.pick(SPANISH_NOTES).replace('{n}', String(rng.int(1000, 9999))));
			}
			if (rng.chance(0.08)) {
				const from = addDays(today, -rng.int(30, 900));
				// Some authorisations have lapsed (a trap: an expired contact may not hear the balance).
				const kind = rng.int(0, 9);
				const lapsed = addDays(from, rng.int(30, 365));
				const until = kind < 3 ? (lapsed < today ? lapsed : addDays(today, -rng.int(1, 20))) : kind < 6 ? addMonths(today, rng.int(1, 12)) : null;
				ins.contact.run(id, `${rng.pick(hispanic ? HISPANIC_FIRST_NAMES : FIRST_NAMES)} ${last}`, rng.pick(RELATIONSHIPS), rng.pick(['inquire', 'pay-and-inquire', 'full'] as const), from, until);
			}
			ins.search.run(id, numbers[i], `${first} ${last}`, `${street}${unit ? ` ${unit}` : ''}, Riverton CA ${zip}`);
		}
		writeDepositShowcase(sqlite, clock, today);
		settleBatches(sqlite, rng);
		writeOpenDrawers(sqlite, opts.seed, clock, today);
		showcaseLockoff(sqlite, clock, today, lockDays[0]);
		writeShowcasePayment(sqlite, today);
		const meta = sqlite.prepare('INSERT INTO sandbox_meta (key, value) VALUES (?, ?)');
		meta.run('seed', String(opts.seed));
		meta.run('today', opts.today);
		meta.run('accounts', String(opts.accounts));
	};
	if (sqlite.inTransaction) run();
	else sqlite.transaction(run)();
	return { accounts: opts.accounts, ms: Math.round(performance.now() - started) };
}

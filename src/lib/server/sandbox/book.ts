/**
 * One account's world while it is being generated, in memory: its bills and its ledger (charges
 * positive, payments and credits negative, balance = sum), plus everything else written with it.
 * Times are local (policy time zone) and come only from dates and minutes, never the real clock.
 */
import { addDays, fromLocal, isBusinessDay } from '$lib/domain/calendar';
import type { Profile, Flavour } from './profiles';

export type LedgerKind = 'bill' | 'payment' | 'fee' | 'adjustment' | 'deposit' | 'transfer' | 'reversal' | 'write-off' | 'refund';
export type Tender = 'cash' | 'check' | 'card' | 'ach' | 'mail' | 'drop-box' | 'online';

/** Epoch ms of a local date and minute. Memoised per date: the zone offset is the one at noon, so minutes must be ≥ 03:00 (after any DST switch). */
export class LocalClock {
	private readonly midnight = new Map<string, number>();
	at(date: string, minutes: number): number {
		let base = this.midnight.get(date);
		if (base === undefined) {
			base = fromLocal(date, 12 * 60) - 12 * 3_600_000;
			this.midnight.set(date, base);
		}
		return base + minutes * 60_000;
	}
}

const businessDays = new Map<string, boolean>();
/** isBusinessDay, memoised (the generator asks about the same few hundred dates millions of times). */
export function businessDay(date: string): boolean {
	let b = businessDays.get(date);
	if (b === undefined) {
		b = isBusinessDay(date);
		businessDays.set(date, b);
	}
	return b;
}

/** The date itself when it is a business day, else the business day before it. */
export function onOrBeforeBusinessDay(date: string): string {
	let d = date;
	while (!businessDay(d)) d = addDays(d, -1);
	return d;
}

export interface Entry {
	key: number;
	/** Another account (a payment keyed to the wrong account); default: the book's own. */
	accountId?: number;
	at: number;
	on: string;
	kind: LedgerKind;
	tender: Tender | null;
	cents: number;
	memo: string;
	/** Key of the entry this one corrects. */
	corrects?: number;
	batchId?: number | null;
}

export interface Bill {
	date: string;
	due: string;
	at: number;
	cents: number;
	water: number;
	kwh: number;
}

export interface World {
	id: number;
	number: string;
	profile: Profile;
	flavour: Flavour;
	today: string;
	openedOn: string;
	closedOn: string | null;
	status: 'active' | 'locked' | 'closed' | 'final';
	autopay: boolean;
	cashOnlyUntil: string | null;
	depositHeld: number;
	electric: boolean;
	bills: Bill[];
	reads: { meter: 'water' | 'electric'; on: string; reading: number; estimated: boolean }[];
	entries: Entry[];
	notices: { kind: 'lockoff-notice' | 'door-tag'; issuedOn: string; lockoffDate: string; cents: number; addressOk: boolean }[];
	protections: { kind: 'medical' | 'dispute' | 'plan' | 'bankruptcy' | 'assist'; status: 'active' | 'ended' | 'broken'; startsOn: string; endsOn: string | null; details: string }[];
	orders: { kind: 'lockoff' | 'reconnect' | 'reread' | 'investigate'; status: 'open' | 'completed'; createdAt: number; scheduledFor: string; priority: string; resolvedAt: number | null; memo: string }[];
	notes: { at: number; author: string; category: string; body: string; accountId?: number }[];
	inbox: { cents: number; channel: 'drop-box' | 'online' | 'phone' | 'mail'; receivedAt: number }[];
}

export function newWorld(init: Pick<World, 'id' | 'number' | 'profile' | 'flavour' | 'today' | 'openedOn' | 'electric'>): World {
	return {
		...init,
		closedOn: null,
		status: 'active',
		autopay: false,
		cashOnlyUntil: null,
		depositHeld: 0,
		bills: [],
		reads: [],
		entries: [],
		notices: [],
		protections: [],
		orders: [],
		notes: [],
		inbox: []
	};
}

/** Posts an entry on the world's ledger (or another account's) and returns its key. */
export function post(w: World, clock: LocalClock, on: string, minutes: number, kind: LedgerKind, tender: Tender | null, cents: number, memo: string, extra: Partial<Entry> = {}): number {
	if (!Number.isSafeInteger(cents)) throw new TypeError(`sandbox amounts are integer cents, got ${cents}`);
	const key = w.entries.length;
	w.entries.push({ key, at: clock.at(on, minutes), on, kind, tender, cents, memo, ...extra });
	return key;
}

/** The account's balance at an instant (its own entries posted at or before it). */
export function balanceAt(w: World, at: number): number {
	let sum = 0;
	for (const e of w.entries) if (e.accountId === undefined && e.at <= at) sum += e.cents;
	return sum;
}

/** What is past due at an instant: the balance less bills posted but not yet due (never below zero). */
export function pastDueAt(w: World, at: number, on: string): number {
	let notDue = 0;
	for (const b of w.bills) if (b.at <= at && b.due >= on) notDue += b.cents;
	return Math.max(0, balanceAt(w, at) - notDue);
}

/** What a customer paying bill `k` at `at` owes: the balance less any newer bills already issued. */
export function owedFor(w: World, k: number, at: number): number {
	let newer = 0;
	for (let j = k + 1; j < w.bills.length; j++) if (w.bills[j].at <= at) newer += w.bills[j].cents;
	return balanceAt(w, at) - newer;
}

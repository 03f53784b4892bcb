/**
 * Bills (priced from usage and season), meter reads, and the payments that answer them: on time,
 * late with the late fee the day after the due date, by autopay, and returned items (NSF) with the
 * reversal pointing at the payment, the returned-item fee and the repayment in guaranteed funds.
 */
import { policy } from '$lib/policy/settings';
import { formatCents } from '$lib/domain/money';
import { addDays, addMonths, daysBetween, withinMonths } from '$lib/domain/calendar';
import type { Rng } from './random';
import { businessDay, onOrBeforeBusinessDay, owedFor, pastDueAt, post, type LocalClock, type Tender, type World } from './book';
import { STAFF } from './names';

export interface Ctx {
	rng: Rng;
	clock: LocalClock;
	today: string;
	/** The next lock-off days from today on (today first when it is one). */
	lockDays: readonly string[];
	/** Closed counter batches by business date (ids), for counter payments on those days. */
	batches: ReadonlyMap<string, readonly number[]>;
}

/** Riverton's rates. Not policy: only the generator prices bills; CSRs never compute them. */
const TARIFF = { waterBaseCents: 2450, waterPerCcfCents: 412, wastewaterCents: 4875, refuseCents: 3290, electricBaseCents: 1000, electricPerKwhCents: 17 };
/** Percent of an account's typical usage by month (Central Valley: summer irrigation and air conditioning). */
const WATER_SEASON = [80, 80, 90, 105, 130, 160, 180, 175, 150, 115, 90, 80];
const POWER_SEASON = [115, 105, 95, 90, 105, 140, 175, 170, 140, 100, 100, 115];
const TENDER_MIX = { cash: 10, check: 16, card: 20, online: 30, mail: 14, 'drop-box': 10 } as const;
const COUNTER: ReadonlySet<Tender> = new Set(['cash', 'check', 'card']);

const usageCents = (water: number, kwh: number, electric: boolean) =>
	water * TARIFF.waterPerCcfCents + (electric ? kwh * TARIFF.electricPerKwhCents : 0);
const fixedCents = (electric: boolean) => TARIFF.waterBaseCents + TARIFF.wastewaterCents + TARIFF.refuseCents + (electric ? TARIFF.electricBaseCents : 0);

/** Monthly bills on the cycle day within the 18 months ending today (after opening, up to a final bill at closing), with their reads. */
export function buildBills(ctx: Ctx, w: World, cycleDay: number, apartment: boolean, leak: boolean): number | null {
	const { rng, clock, today } = ctx;
	const from = addMonths(today, -18);
	const waterBase = apartment ? rng.int(3, 6) : rng.int(6, 15);
	const kwhBase = apartment ? rng.int(200, 450) : rng.int(300, 800);
	const dates: string[] = [];
	for (let k = 18; k >= 0; k--) {
		const date = `${addMonths(today, -k).slice(0, 8)}${String(cycleDay).padStart(2, '0')}`;
		if (date > from && date <= today && date >= addDays(w.openedOn, 20) && (!w.closedOn || date < w.closedOn)) dates.push(date);
	}
	if (w.closedOn) dates.push(w.closedOn);
	const leakIdx = leak && dates.length >= 6 ? rng.int(3, dates.length - 3) : null;
	let waterRead = rng.int(1000, 60000);
	let powerRead = rng.int(10000, 90000);
	dates.forEach((date, k) => {
		const month = Number(date.slice(5, 7)) - 1;
		const final = w.closedOn === date && k > 0;
		// A final bill covers only the days since the last bill.
		const days = final ? Math.max(1, Math.min(30, daysBetween(dates[k - 1], date))) : 30;
		let water = Math.max(1, Math.floor((waterBase * WATER_SEASON[month] * days) / 3000) + rng.int(-2, 2));
		if (k === leakIdx) water = water * 3 + rng.int(10, 25);
		const kwh = w.electric ? Math.max(10, Math.floor((kwhBase * POWER_SEASON[month] * days) / 3000) + rng.int(-60, 60)) : 0;
		const cents = Math.floor((fixedCents(w.electric) * days) / 30) + usageCents(water, kwh, w.electric);
		const readOn = addDays(date, -2);
		waterRead += water;
		powerRead += kwh;
		w.reads.push({ meter: 'water', on: readOn, reading: waterRead, estimated: rng.chance(0.03) });
		if (w.electric) w.reads.push({ meter: 'electric', on: readOn, reading: powerRead, estimated: false });
		const at = clock.at(date, 5 * 60);
		w.bills.push({ date, due: addDays(date, policy.delinquency.billDueDays), at, cents, water, kwh });
		post(w, clock, date, 5 * 60, 'bill', null, cents, final ? `Final bill ${date}` : `Bill for ${date.slice(0, 7)}`);
	});
	return leakIdx;
}

/** The leak credit for bill k (policy §7): a share of the water above the account's average of its other bills. */
export function leakCredit(w: World, k: number): { cents: number; excess: number } {
	const others = w.bills.filter((_, j) => j !== k);
	const average = Math.floor(others.reduce((s, b) => s + b.water, 0) / Math.max(1, others.length));
	const excess = Math.max(0, w.bills[k].water - average);
	return { cents: Math.floor((excess * TARIFF.waterPerCcfCents * policy.leak.creditPercentOfExcess) / 100), excess };
}

/** Something that happens at an instant during the history (run in time order between bills). */
export interface Hook {
	at: number;
	run: (state: PayState) => void;
}
export interface PayState {
	lastPayOn: string;
}

export interface PayOptions {
	/** Bills from this index on are not paid by the normal schedule. */
	unpaidFrom: number;
	skip?: ReadonlySet<number>;
	lateShare: number;
	/** Index of the first bill paid by ACH autopay (Infinity: never). */
	autopayFrom: number;
	/** Bills whose payment comes back as a returned item. */
	returns?: ReadonlySet<number>;
	/** A fixed payment amount for a bill (plan installments). */
	amountFor?: (k: number) => number | null;
	/** A payment keyed to a similar account number by mistake, then transferred back. */
	misapplied?: { k: number; toId: number; toNumber: string };
	hooks?: Hook[];
	/** Late fees stop after this date (closed accounts); default today. */
	feesUntil?: string;
}

/** The late fee the day after a bill's due date, when something is still past due then. */
export function lateFee(ctx: Ctx, w: World, k: number, until: string): void {
	const on = addDays(w.bills[k].due, 1);
	if (on > until) return;
	const at = ctx.clock.at(on, 5 * 60 + 15);
	if (pastDueAt(w, at, on) > 0) post(w, ctx.clock, on, 5 * 60 + 15, 'fee', null, policy.delinquency.lateFeeCents, `Late fee (bill of ${w.bills[k].date} unpaid at due date)`);
}

export function counterMinutes(rng: Rng, tender: Tender): number {
	if (tender === 'ach') return 5 * 60 + 30;
	if (tender === 'online') return rng.int(6 * 60, 23 * 60 + 30);
	if (tender === 'mail') return rng.int(9 * 60, 11 * 60 + 30);
	if (tender === 'drop-box') return rng.int(8 * 60 + 5, 8 * 60 + 45);
	return rng.int(8 * 60, 16 * 60 + 55);
}

/** Posts a payment (negative) with its counter batch when it was taken at a drawer on a batch day. */
export function pay(ctx: Ctx, w: World, on: string, tender: Tender, cents: number, memo?: string, accountId?: number, minutes?: number): number {
	const batch = COUNTER.has(tender) ? ctx.batches.get(on) : undefined;
	const m = minutes ?? counterMinutes(ctx.rng, tender);
	const label = tender === 'check' || tender === 'mail' ? `${tender === 'mail' ? 'mail, check' : 'check'} #${ctx.rng.int(1001, 9899)}` : tender;
	return post(w, ctx.clock, on, m, 'payment', tender, -cents, memo ?? `Payment (${label})`, { batchId: batch ? ctx.rng.pick(batch) : null, accountId });
}

function cashOnly(w: World, on: string): boolean {
	return w.cashOnlyUntil !== null && on <= w.cashOnlyUntil;
}

/** Pays the bills in order according to the account's behaviour; hooks run in between. */
export function payBills(ctx: Ctx, w: World, o: PayOptions): void {
	const { rng, today } = ctx;
	const until = o.feesUntil ?? today;
	const hooks = [...(o.hooks ?? [])].sort((a, b) => a.at - b.at);
	const state: PayState = { lastPayOn: w.openedOn };
	const runHooks = (upTo: number) => {
		while (hooks.length && hooks[0].at <= upTo) hooks.shift()!.run(state);
	};
	w.bills.forEach((b, k) => {
		runHooks(b.at);
		if (k >= o.unpaidFrom || o.skip?.has(k)) return lateFee(ctx, w, k, until);
		const autopay = w.autopay && k >= o.autopayFrom && !cashOnly(w, b.date);
		const late = !autopay && rng.chance(o.lateShare);
		const returned = o.returns?.has(k) ?? false;
		let tender: Tender = autopay ? 'ach' : cashOnly(w, b.date) ? rng.pick(['cash', 'card'] as const) : rng.weighted(TENDER_MIX);
		if (returned && !autopay) tender = rng.pick(['check', 'online', 'mail'] as const);
		const mis = o.misapplied?.k === k ? o.misapplied : undefined;
		if (mis) tender = 'check';
		let on = autopay ? onOrBeforeBusinessDay(b.due) : late ? addDays(b.due, rng.int(3, 25)) : addDays(b.date, mis ? rng.int(4, 10) : rng.int(4, 20));
		if (tender !== 'online' && tender !== 'ach') on = onOrBeforeBusinessDay(on);
		if (on <= state.lastPayOn) on = addDays(state.lastPayOn, 1);
		while (tender !== 'online' && tender !== 'ach' && !businessDay(on)) on = addDays(on, 1);
		if (on >= today) return lateFee(ctx, w, k, until);
		if (on > b.due) lateFee(ctx, w, k, until);
		const minutes = counterMinutes(rng, tender);
		const at = ctx.clock.at(on, minutes);
		runHooks(at);
		const cents = o.amountFor?.(k) ?? owedFor(w, k, at);
		if (cents <= 0) return;
		state.lastPayOn = on;
		if (mis) return misappliedPayment(ctx, w, on, cents, mis);
		const key = pay(ctx, w, on, tender, cents, undefined, undefined, minutes);
		if (returned) returnItem(ctx, w, key, on, tender, cents, state);
	});
	runHooks(Number.POSITIVE_INFINITY);
}

/** A returned item: reverse the payment, add the fee, and (usually) the repayment in guaranteed funds. */
function returnItem(ctx: Ctx, w: World, key: number, paidOn: string, tender: Tender, cents: number, state: PayState): void {
	const { rng, clock, today } = ctx;
	let back = addDays(paidOn, rng.int(3, 6));
	while (!businessDay(back)) back = addDays(back, 1);
	if (back >= today) return;
	const fee = policy.payments.returnedItemFeeCents;
	post(w, clock, back, 9 * 60, 'reversal', tender, cents, `Returned item (insufficient funds): reverses the payment of ${paidOn}`, { corrects: key });
	post(w, clock, back, 9 * 60 + 1, 'fee', null, fee, 'Returned item fee');
	const returnsIn12 = w.entries.filter((e) => e.kind === 'reversal' && withinMonths(e.on, back, 12)).length;
	const notes = [`Returned ${tender === 'ach' ? 'ACH payment' : 'payment'} of ${formatCents(cents)} (${paidOn}). Notice mailed: pay ${formatCents(cents + fee)} in guaranteed funds within ${policy.payments.returnedItemPayDays} business days.`];
	if (tender === 'ach' && w.autopay) {
		w.autopay = false;
		notes.push('Autopay cancelled after the returned ACH debit.');
	}
	if (returnsIn12 >= policy.payments.returnedItemsForCashOnly) {
		w.cashOnlyUntil = addMonths(back, policy.payments.cashOnlyMonths);
		notes.push(`${returnsIn12} returned items in 12 months: account is cash-only until ${w.cashOnlyUntil} (no checks).`);
	}
	w.notes.push({ at: clock.at(back, 9 * 60 + 20), author: 'System', category: 'payment', body: notes.join(' ') });
	// Repaid within the allowed business days, unless that day has not come yet (or the customer never does).
	let repay = addDays(back, rng.int(0, 2));
	while (!businessDay(repay)) repay = addDays(repay, 1);
	if (repay < today && rng.chance(0.9)) {
		pay(ctx, w, repay, rng.pick(['cash', 'card'] as const), cents + fee, 'Payment in guaranteed funds after returned item');
		state.lastPayOn = repay > state.lastPayOn ? repay : state.lastPayOn;
	}
}

/** The customer's check keyed to a similar account number; moved back by transfers on both accounts, each with a note. */
function misappliedPayment(ctx: Ctx, w: World, on: string, cents: number, mis: { toId: number; toNumber: string }): void {
	const { rng, clock } = ctx;
	const key = pay(ctx, w, on, 'check', cents, `Payment (check #${rng.int(1001, 9899)}), stub for ${w.number} keyed to ${mis.toNumber}`, mis.toId);
	let fix = addDays(on, rng.int(1, 3));
	while (!businessDay(fix)) fix = addDays(fix, 1);
	const who = rng.pick(STAFF);
	post(w, clock, fix, 10 * 60, 'transfer', null, cents, `Transfer to ${w.number}: payment keyed to this account in error`, { corrects: key, accountId: mis.toId });
	post(w, clock, fix, 10 * 60, 'transfer', null, -cents, `Transfer from ${mis.toNumber}: misapplied payment of ${on}`, { corrects: key });
	const at = clock.at(fix, 10 * 60 + 5);
	w.notes.push({ at, author: who, category: 'payment', body: `Payment of ${formatCents(cents)} on ${on} was keyed to ${mis.toNumber} (similar number). Transferred here; note left on both accounts.` });
	w.notes.push({ at, accountId: mis.toId, author: who, category: 'payment', body: `Payment of ${formatCents(cents)} on ${on} belonged to ${w.number} (stub number transposed). Transferred out; note left on both accounts.` });
}

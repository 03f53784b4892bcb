/** Building blocks every scenario's `world(rng)` draws from: Riverton people, addresses, account numbers, amounts, drawers. */
import type { Rng } from '$lib/server/sandbox/random';
import { FIRST_NAMES, HISPANIC_FIRST_NAMES, HISPANIC_LAST_NAMES, LAST_NAMES, STREETS } from '$lib/server/sandbox/names';
import { DENOMINATIONS, policy, type DenominationCounts } from '$lib/policy/settings';
import { formatCents } from '$lib/domain/money';
import { addDays, isBusinessDay, lockoffCalendarHold, weekdayOf, type IsoDate } from '$lib/domain/calendar';

export interface Person {
	first: string;
	last: string;
	name: string;
}

/** A Riverton resident (a third of names Hispanic, as in the sandbox), different from `avoid`. */
export function person(rng: Rng, avoid: readonly Person[] = []): Person {
	for (;;) {
		const hispanic = rng.chance(0.33);
		const first = rng.pick(hispanic ? HISPANIC_FIRST_NAMES : FIRST_NAMES);
		const last = rng.pick(hispanic ? HISPANIC_LAST_NAMES : LAST_NAMES);
		if (!avoid.some((p) => p.last === last || p.first === first)) return { first, last, name: `${first} ${last}` };
	}
}

/** A service address in Riverton, different from `avoid`. */
export function address(rng: Rng, avoid: readonly string[] = []): string {
	for (;;) {
		const a = `${rng.int(101, 4899)} ${rng.pick(STREETS)}`;
		if (!avoid.includes(a)) return a;
	}
}

/** Training-world account numbers (the sandbox's format, a 7xxxxx body so they never collide with it). */
export function accountNumbers(rng: Rng, n: number): string[] {
	const out = new Set<string>();
	while (out.size < n) out.add(`100-${rng.int(700000, 799999)}-0${rng.int(1, 3)}`);
	return [...out];
}

/** Cents between min and max (inclusive), a multiple of `step`. */
export function cents(rng: Rng, min: number, max: number, step = 1): number {
	return rng.int(Math.ceil(min / step), Math.floor(max / step)) * step;
}

/** The first date on or after `from` that satisfies `ok` (bounded, so a bad predicate fails loudly). */
export function firstDate(from: IsoDate, ok: (d: IsoDate) => boolean): IsoDate {
	for (let i = 0; i < 60; i++) {
		const d = addDays(from, i);
		if (ok(d)) return d;
	}
	throw new Error(`No suitable date within 60 days of ${from}.`);
}

/** A business day in the scenario months (seed-chosen), optionally on given ISO weekdays. */
export function businessDay(rng: Rng, weekdays: readonly number[] = [1, 2, 3, 4, 5]): IsoDate {
	const from = rng.pick(['2026-09-08', '2026-10-06', '2026-11-03', '2027-01-12', '2027-02-09', '2027-03-09']);
	const start = addDays(from, rng.int(0, 10));
	return firstDate(start, (d) => isBusinessDay(d) && weekdays.includes(weekdayOf(d)));
}

/** A lock-off day: Mon–Thu, a business day, not the day before a holiday (policy §5). */
export function lockoffDay(rng: Rng): IsoDate {
	return firstDate(businessDay(rng, [1, 2, 3, 4]), (d) => weekdayOf(d) <= 4 && isBusinessDay(d) && !lockoffCalendarHold(d));
}

/** Counts that make `totalCents` with few pieces (largest first; bills up to `maxBill` cents). */
export function makeChange(totalCents: number, maxBill = 2000): DenominationCounts {
	const out: DenominationCounts = {};
	let left = totalCents;
	for (const d of DENOMINATIONS) {
		if (d.cents > maxBill) continue;
		const n = Math.floor(left / d.cents);
		if (n > 0) out[d.key] = n;
		left -= n * d.cents;
	}
	return out;
}

/** a + b per denomination. */
export function addCounts(a: DenominationCounts, b: DenominationCounts): DenominationCounts {
	const out: DenominationCounts = { ...a };
	for (const [k, n] of Object.entries(b)) out[k as keyof DenominationCounts] = (out[k as keyof DenominationCounts] ?? 0) + (n ?? 0);
	return out;
}

export const floatCounts = (): DenominationCounts => ({ ...policy.drawer.floatCounts });
export const money = formatCents;

/** A check number as printed (4 digits). */
export const checkNumber = (rng: Rng) => String(rng.int(1001, 9899));

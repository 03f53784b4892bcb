/** Building blocks of the deposit-decision scenarios: a premise's bill history, clean credit findings, prior utilities. */
import type { Rng } from '$lib/server/sandbox/random';
import { addDays, type IsoDate } from '$lib/domain/calendar';
import type { Bill, CreditFinding } from '$lib/domain/deposit';
import { cents } from '../shared/variants';

/** Monthly bills going back from `lastDaysAgo` days before `today` (about 30 days apart). */
export function monthlyBills(rng: Rng, today: IsoDate, n: number, lastDaysAgo: number, min = 6000, max = 16000): Bill[] {
	return Array.from({ length: n }, (_, i) => ({ date: addDays(today, -(lastDaysAgo + i * 30 + rng.int(0, 3))), amountCents: cents(rng, min, max) }));
}

export function cleanFinding(person: string, relation: CreditFinding['relation']): CreditFinding {
	return { person, relation, unpaidBalanceCents: 0, writeOffs: [], disconnectionsForNonPayment: [], returnedPayments: [] };
}

export const OTHER_UTILITIES = ['Sacramento Municipal Utility District', 'City of Stockton Utilities', 'Modesto Irrigation District', 'City of Lodi Electric Utility', 'Turlock Irrigation District'];
export const LANDLORDS = ['Riverton Property Management LLC', 'Delta Oaks Apartments', 'Sutter Street Rentals', 'Valley Home Leasing'];

/** Bills as the premise-history screen lists them. */
export const billLines = (bills: readonly Bill[], fmt: (c: number) => string) => [...bills].sort((a, b) => b.date.localeCompare(a.date)).map((b) => ({ label: `Bill ${b.date}`, value: fmt(b.amountCents) }));

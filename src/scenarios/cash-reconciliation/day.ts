/** A counter drawer's day for the close-of-day scenarios: cash payments by account, checks and the card batch, seed-drawn. */
import type { Rng } from '$lib/server/sandbox/random';
import type { DenominationCounts } from '$lib/policy/settings';
import type { PathStep, ScenarioData } from '../schema';
import { accountNumbers, cents, checkNumber, floatCounts } from '../shared/variants';

export interface CashPayment {
	account: string;
	amountCents: number;
}
export interface CheckPayment {
	number: string;
	account: string;
	amountCents: number;
}

export interface CounterDay {
	cash: CashPayment[];
	checks: CheckPayment[];
	cardCents: number;
	bag: string;
}

/** n cash payments and k checks, all on different accounts. */
export function counterDay(rng: Rng, opts: { cash: [number, number]; checks: [number, number] }): CounterDay {
	const nCash = rng.int(opts.cash[0], opts.cash[1]);
	const nChecks = rng.int(opts.checks[0], opts.checks[1]);
	const accts = accountNumbers(rng, nCash + nChecks);
	const numbers = new Set<string>();
	while (numbers.size < nChecks) numbers.add(checkNumber(rng));
	const nums = [...numbers];
	return {
		cash: accts.slice(0, nCash).map((account) => ({ account, amountCents: cents(rng, 2500, 30000) })),
		checks: accts.slice(nCash).map((account, i) => ({ number: nums[i], account, amountCents: cents(rng, 4000, 25000) })),
		cardCents: cents(rng, 10000, 60000),
		bag: `B-${rng.int(200000, 299999)}`
	};
}

export const sum = (xs: readonly { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
export const checkItems = (xs: readonly CheckPayment[]) => xs.map((c) => ({ number: c.number, amountCents: c.amountCents }));

/** Path steps every close shares (counts and the deposit come from the world's refs). */
export const closeSteps = {
	count: (currency = 'refs.firstCurrency', checks = 'refs.firstChecks'): PathStep => ({
		do: { type: 'count.entered', currency: { $ref: currency }, checks: { $ref: checks }, cardCents: { $ref: 'drawer.cardCents' } }
	}),
	removeFloat: { do: { type: 'float.removed', counts: { $ref: 'refs.float' } } } as PathStep,
	recount: (currency = 'refs.depositCurrency', checks = 'refs.depositChecks'): PathStep => ({
		do: { type: 'recount.entered', currency: { $ref: currency }, checks: { $ref: checks } }
	}),
	slip: (verifier: string): PathStep[] => [{ do: { type: 'slip.prepared', amountCents: { $ref: 'refs.slipCents' } } }, { ask: verifier }],
	vault: (second: string): PathStep[] => [{ do: { type: 'vault.accessed' } }, { ask: second }]
};

export const floatRef = (): DenominationCounts => floatCounts();

/** A simulated colleague, typed as the schema takes it (so colleagues with different acts share one array). */
export const colleague = (c: ScenarioData['colleagues'][number]) => c;

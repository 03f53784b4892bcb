/**
 * Building blocks the lock-off day scenarios share: path steps that name accounts by role (never by
 * number, so they hold for every seed), the list facts of one account, and a cast of Riverton
 * households drawn from the seed.
 */
import type { Check, Colleague, PathStep } from '../schema';
import { accountNumbers, address, person } from '../shared/variants';
import { addDays, type IsoDate } from '$lib/domain/calendar';
import type { AccountFacts } from '$lib/domain/exclusions';
import type { Rng } from '$lib/server/sandbox/random';

export const acct = (role: string) => ({ $ref: `refs.${role}` });
export const pull = (role: string, code: string): PathStep => ({ do: { type: 'account.pulled', accountNumber: acct(role), code } });
export const keep = (role: string): PathStep => ({ do: { type: 'account.kept', accountNumber: acct(role) } });
export const completed = (role: string): PathStep => ({ do: { type: 'order.completed', accountNumber: acct(role) } });
export const unable = (role: string, reason: string): PathStep => ({ do: { type: 'order.unable', accountNumber: acct(role), reason } });
export const opening: PathStep[] = [{ do: { type: 'holds.checked' } }, { do: { type: 'inbox.applied' } }];
/** Submit, the simulated supervisor approves, dispatch. */
export const approveAndDispatch = (supervisor: string): PathStep[] => [{ do: { type: 'list.submitted' } }, { ask: supervisor }, { do: { type: 'orders.dispatched' } }];
/** A CSR II leads lock-off day only with a senior supervising (ladder.md); she watches, the trainee acts. */
export const SUPERVISING_SENIOR: Colleague = { id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'supervising senior', acts: {} };
export const reconcile: PathStep = { do: { type: 'day.reconciled' } };

/** The account went out to the crews, or was locked. */
export const dispatchedOrLocked = (role: string): Check => ({ ctx: 'list', is: { some: { accountNumber: acct(role), state: { in: ['dispatched', 'completed', 'restoring'] } } } });
/** Pulled with this code, and never an attempt to keep it (the machine refuses a keep it can see is wrong). */
export const pulledWithoutTryingToKeep = (role: string, code: string): Check => ({
	all: [{ event: 'account.pulled', where: { accountNumber: acct(role), code } }, { not: { event: 'account.kept', refused: true, where: { accountNumber: acct(role) } } }]
});

export interface Household {
	number: string;
	holder: string;
	address: string;
}

/** One household per role: distinct names, addresses and account numbers. */
export function households<R extends string>(rng: Rng, roles: readonly R[]): Record<R, Household> {
	const numbers = accountNumbers(rng, roles.length);
	const people: ReturnType<typeof person>[] = [];
	const addresses: string[] = [];
	const out = {} as Record<R, Household>;
	roles.forEach((r, i) => {
		const p = person(rng, people.slice(-8));
		people.push(p);
		const a = address(rng, addresses);
		addresses.push(a);
		out[r] = { number: numbers[i], holder: p.name, address: a };
	});
	return out;
}

/** A listed account in order: notice 12–16 days ahead, door tag 2–4 days ahead, no protections. */
export function cleanFacts(rng: Rng, accountNumber: string, pastDueCents: number, date: IsoDate): AccountFacts {
	return {
		accountNumber,
		pastDueCents,
		notice: { mailedOn: addDays(date, -rng.int(12, 16)), addressOk: true },
		doorTag: { deliveredOn: addDays(date, -rng.int(2, 4)) },
		protections: { medicalCertificates: [], plan: 'none', dispute: null, bankruptcy: false, assistancePledgeOn: null, premiseDebtMatch: true }
	};
}

export const refsOf = <R extends string>(h: Record<R, Household>) => Object.fromEntries(Object.entries<Household>(h).map(([r, x]) => [r, x.number]));

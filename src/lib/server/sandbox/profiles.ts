/**
 * The mix of accounts in the sandbox (accounts.profile) and the special cases dealt to them, so a
 * sandbox of any size from about 100 accounts up holds a handful of every kind a CSR meets.
 */
import { deal, share, type Rng } from './random';

export const PROFILES = [
	'on-time',
	'autopay',
	'late',
	'nsf',
	'new',
	'moved-out',
	'written-off',
	'delinquent',
	'locked',
	'plan',
	'medical',
	'dispute',
	'assist',
	'bankruptcy'
] as const;
export type Profile = (typeof PROFILES)[number];

/** Profiles whose accounts are on the lock-off path (a lock-off notice for an upcoming lock-off day). */
export const ON_PATH: ReadonlySet<Profile> = new Set(['delinquent', 'plan', 'medical', 'dispute', 'assist', 'bankruptcy']);

/** Share of accounts per profile, in percent (on-time takes whatever is left). Exactly one bankruptcy. */
const PERCENT: Record<Exclude<Profile, 'on-time' | 'bankruptcy'>, number> = {
	autopay: 18,
	late: 12,
	nsf: 5,
	new: 5,
	'moved-out': 2,
	'written-off': 3,
	delinquent: 8,
	locked: 3,
	plan: 3,
	medical: 2,
	dispute: 2,
	assist: 2
};
const MIN_EACH = 3;

/** Special cases within a profile (null = the ordinary case). */
export type Flavour =
	| 'inbox-full'
	| 'inbox-partial'
	| 'inbox-short'
	| 'short-notice'
	| 'bad-address'
	| 'no-tag'
	| 'late-tag'
	| 'below-min'
	| 'broken'
	| 'cash-only'
	| 'restored'
	| 'leak'
	| 'deposit-refund'
	| 'today'
	| 'undisputed-unpaid'
	| 'owner-waiver'
	| 'letter-waiver'
	| null;

/** One profile per account, shuffled: exact counts, so every seed gets the same mix. */
export function profileDeck(rng: Rng, n: number): Profile[] {
	const bankruptcy = n >= 10 ? 1 : 0;
	const rest = n - bankruptcy;
	const counts: [Profile, number][] = (Object.keys(PERCENT) as (keyof typeof PERCENT)[]).map((p) => [
		p,
		rest >= 60 ? Math.max(MIN_EACH, Math.floor((rest * PERCENT[p]) / 100)) : Math.floor((rest * PERCENT[p]) / 100)
	]);
	const deck: Profile[] = [];
	if (bankruptcy) deck.push('bankruptcy');
	for (const [p, c] of counts) for (let i = 0; i < c; i++) deck.push(p);
	while (deck.length < n) deck.push('on-time');
	return rng.shuffle(deck.slice(0, n));
}

/** Deals each profile's special cases among its accounts (the k-th account of a profile gets flavours[profile][k]). */
export function flavourDecks(rng: Rng, profiles: readonly Profile[]): Map<Profile, Flavour[]> {
	const sizes = new Map<Profile, number>();
	for (const p of profiles) sizes.set(p, (sizes.get(p) ?? 0) + 1);
	const n = (p: Profile) => sizes.get(p) ?? 0;
	const specs: Partial<Record<Profile, [Exclude<Flavour, null>, number][]>> = {
		delinquent: [
			['inbox-full', share(n('delinquent'), 15, 3)],
			['short-notice', share(n('delinquent'), 6, 2)],
			['bad-address', 1],
			['inbox-partial', share(n('delinquent'), 3, 1)],
			['below-min', share(n('delinquent'), 3, 1)],
			['no-tag', share(n('delinquent'), 3, 1)],
			['late-tag', 1],
			['inbox-short', 1]
		],
		plan: [['broken', share(n('plan'), 30, 1)]],
		nsf: [['cash-only', share(n('nsf'), 40, 2)]],
		late: [['restored', share(n('late'), 15, 1)], ['leak', share(n('late'), 3, 0)]],
		'on-time': [['deposit-refund', share(n('on-time'), 5, 1)], ['leak', share(n('on-time'), 2, 1)]],
		medical: [['today', 1]],
		dispute: [['undisputed-unpaid', share(n('dispute'), 20, 1)]],
		new: [['owner-waiver', share(n('new'), 25, 1)], ['letter-waiver', share(n('new'), 10, 1)]]
	};
	const out = new Map<Profile, Flavour[]>();
	for (const p of PROFILES) out.set(p, deal(rng, n(p), specs[p] ?? []));
	return out;
}

/**
 * Cash reconciliation at close of day (C-RECON, policy §2 "Close", "Variance", "Deposit").
 *
 * Blind count (currency and coin by denomination, each check, card settlement total) → float removed
 * in its own denominations → compare each tender with the batch → on any difference a recount (once)
 * with the locate-differences checklist → check-count mismatch found or overridden by a supervisor →
 * variance tiers (≥ senior threshold: senior second count; ≥ supervisor threshold: also supervisor
 * approval and incident report; any card mismatch: supervisor) → explanation note and over/short entry
 * for any non-zero variance → deposit slip prepared by the cashier, verified by a second CSR II+ with
 * the bag number → vault drop under dual control → batch closed.
 *
 * Money conventions: `expected.cashCents` is the batch's cash receipts (the float is not a receipt), so
 * cash is compared after the float is removed. Variance = (counted cash − float + counted checks) −
 * (expected cash + expected checks), signed: positive over, negative short; tiers use its absolute value.
 *
 * Blind count: the expected totals travel in the input and sit in `context.expected`, but while a
 * state tagged `blindCount` is active the UI/runner must not show them (or anything derived from them:
 * `comparison`, `firstComparison`). They are revealed only after the float is removed.
 */
import { assign, setup } from 'xstate';
import { DENOMINATIONS, type DenominationCounts } from '$lib/policy/settings';
import { countsTotal, sanitizeCounts, subtractCounts } from '$lib/domain/denominations';
import { formatCents } from '$lib/domain/money';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Cents, Policy, ProcedureContextBase, Refusal, Stamp } from './shared/types';

export const MACHINE_VERSION = 1;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

export interface CheckItem {
	/** Check number as printed (numbers can repeat across banks, so they are not unique keys). */
	number: string;
	amountCents: Cents;
}

/** The batch's totals, from the system; never shown while a `blindCount` state is active. */
export interface ExpectedTotals {
	/** Cash receipts posted to the batch (excluding the float). */
	cashCents: Cents;
	/** Checks posted to the batch, each with number and amount. */
	checks: CheckItem[];
	/** Card settlement total posted to the batch. */
	cardCents: Cents;
}

/**
 * The locate-differences checklist (policy §2 Close); training detects faults F-11..F-15 from findings.
 * `label` is the item to check; `found` names the cause once found (what the finding and the
 * over/short record say: "Found: a transposed entry", not "Found: look for a transposed entry").
 */
export const LOCATE_CHECKLIST = [
	{ cause: 'transposition', label: 'Difference divisible by 9: look for a transposed entry', found: 'A transposed entry (two digits swapped when keyed)', fault: 'F-12' },
	{ cause: 'check-keyed-as-cash', label: 'A check keyed as cash (or cash as a check)', found: 'A check keyed as cash (or cash as a check)', fault: 'F-13' },
	{ cause: 'stuck-bills', label: 'Bills stuck together', found: 'Bills stuck together', fault: 'F-11' },
	{ cause: 'duplicate-posting', label: 'A payment posted twice', found: 'A payment posted twice', fault: 'F-14' },
	{ cause: 'drawer-cavity', label: 'An item left in the drawer cavity (under the tray)', found: 'An item left in the drawer cavity (under the tray)', fault: 'F-15' }
] as const;
export type LocateCause = (typeof LOCATE_CHECKLIST)[number]['cause'];
const CAUSES = new Set<string>(LOCATE_CHECKLIST.map((i) => i.cause));

export interface Finding {
	cause: LocateCause;
	note: string;
	checkNumber: string | null;
	amountCents: Cents | null;
	at: number;
	by: string;
}

/** The count of record: the first count after the float is removed, replaced by the recount, then by a senior's second count. */
export interface CountOfRecord {
	/** Cash left for deposit (the float already removed), by denomination. */
	currency: DenominationCounts;
	cashCents: Cents;
	checks: CheckItem[];
	checksCents: Cents;
	cardCents: Cents;
}

export interface TenderComparison {
	countedCents: Cents;
	expectedCents: Cents;
	/** counted − expected: positive over, negative short. */
	differenceCents: Cents;
}

export interface Comparison {
	cash: TenderComparison;
	checks: TenderComparison & { countedItems: number; expectedItems: number; missingNumbers: string[]; extraNumbers: string[] };
	cards: TenderComparison;
	/** §2 variance, signed: (cash + checks counted) − (cash + checks expected). Cards are separate. */
	varianceCents: Cents;
}

export interface CashReconciliationInput {
	policy: Policy;
	drawerRef: string;
	expected: ExpectedTotals;
}

export interface CashReconciliationContext extends ProcedureContextBase {
	policy: Policy;
	drawerRef: string;
	/** Hidden from the cashier while a `blindCount` state is active. */
	expected: ExpectedTotals;
	/** The blind count as entered: the whole drawer, float included. */
	firstCount: { currency: DenominationCounts; checks: CheckItem[]; cardCents: Cents } | null;
	floatRemoved: DenominationCounts | null;
	counted: CountOfRecord | null;
	firstComparison: Comparison | null;
	comparison: Comparison | null;
	recounted: boolean;
	locate: { offered: boolean; divisibleBy9: boolean; ticked: LocateCause[]; found: Finding[] };
	checkOverride: { by: string; reason: string } | null;
	secondCount: { by: string; agreed: boolean } | null;
	supervisorApproval: { by: string; note: string } | null;
	explanation: string | null;
	slip: { amountCents: Cents; checks: CheckItem[]; bagNumber: string | null; preparedBy: string; verifiedBy: string | null } | null;
	/** User ids in the order they accessed the vault. */
	vault: string[];
}

export type CashReconciliationEvent =
	| ({ type: 'count.entered'; currency: DenominationCounts; checks: CheckItem[]; cardCents: Cents } & Stamp)
	| ({ type: 'float.removed'; counts: DenominationCounts } & Stamp)
	| ({ type: 'checklist.ticked'; item: LocateCause } & Stamp)
	| ({ type: 'difference.located'; cause: LocateCause; note?: string; checkNumber?: string; amountCents?: Cents } & Stamp)
	| ({ type: 'recount.entered'; currency: DenominationCounts; checks: CheckItem[] } & Stamp)
	| ({ type: 'checks.found'; checks: CheckItem[] } & Stamp)
	| ({ type: 'checkCount.overridden'; reason: string } & Stamp)
	| ({ type: 'secondCount.done'; currency: DenominationCounts; checks: CheckItem[] } & Stamp)
	| ({ type: 'supervisor.approved'; note: string } & Stamp)
	| ({ type: 'variance.explained'; note: string } & Stamp)
	| ({ type: 'slip.prepared'; amountCents: Cents } & Stamp)
	| ({ type: 'slip.verified'; bagNumber: string } & Stamp)
	| ({ type: 'vault.accessed' } & Stamp);

type Ctx = CashReconciliationContext;
type Ev = CashReconciliationEvent;

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for the UI and tests)

const checksOf = (value: unknown): CheckItem[] =>
	Array.isArray(value) ? value.map((c: CheckItem) => ({ number: String(c.number).trim(), amountCents: c.amountCents })) : [];

export const sumChecks = (checks: readonly CheckItem[]): Cents => checks.reduce((s, c) => s + c.amountCents, 0);

/** Multiset difference of check numbers: numbers in `a` not matched in `b`. */
function unmatchedNumbers(a: readonly CheckItem[], b: readonly CheckItem[]): string[] {
	const pool = new Map<string, number>();
	for (const c of b) pool.set(c.number, (pool.get(c.number) ?? 0) + 1);
	const out: string[] = [];
	for (const c of a) {
		const left = pool.get(c.number) ?? 0;
		if (left > 0) pool.set(c.number, left - 1);
		else out.push(c.number);
	}
	return out;
}

/** Compares a count of record with the batch, tender by tender. */
export function compareWithBatch(expected: ExpectedTotals, counted: CountOfRecord): Comparison {
	const expectedChecksCents = sumChecks(expected.checks);
	return {
		cash: { countedCents: counted.cashCents, expectedCents: expected.cashCents, differenceCents: counted.cashCents - expected.cashCents },
		checks: {
			countedCents: counted.checksCents,
			expectedCents: expectedChecksCents,
			differenceCents: counted.checksCents - expectedChecksCents,
			countedItems: counted.checks.length,
			expectedItems: expected.checks.length,
			missingNumbers: unmatchedNumbers(expected.checks, counted.checks),
			extraNumbers: unmatchedNumbers(counted.checks, expected.checks)
		},
		cards: { countedCents: counted.cardCents, expectedCents: expected.cardCents, differenceCents: counted.cardCents - expected.cardCents },
		varianceCents: counted.cashCents + counted.checksCents - (expected.cashCents + expectedChecksCents)
	};
}

/** Deposit slip = currency + coin + checks − float (cards are not on the slip); the count of record already has the float removed. */
export const depositSlipCents = (counted: CountOfRecord): Cents => counted.cashCents + counted.checksCents;

function countOfRecord(currency: DenominationCounts, checks: CheckItem[], cardCents: Cents): CountOfRecord {
	const clean = sanitizeCounts(currency);
	return { currency: clean, cashCents: countsTotal(clean), checks, checksCents: sumChecks(checks), cardCents };
}

const absVariance = (c: Ctx): Cents => Math.abs(c.comparison?.varianceCents ?? 0);
const cardMismatch = (c: Ctx): boolean => (c.comparison?.cards.differenceCents ?? 0) !== 0;
const checkCountDiffers = (c: Ctx): boolean => (c.comparison ? c.comparison.checks.countedItems !== c.comparison.checks.expectedItems : false);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const signed = (cents: Cents): string => (cents > 0 ? `over ${formatCents(cents)}` : cents < 0 ? `short ${formatCents(-cents)}` : formatCents(0));

/** What is wrong with an entered count, or null. Piece counts must be whole and non-negative; checks need a number and a positive amount. */
function countProblem(e: Ev): string | null {
	if ('currency' in e) {
		if (!e.currency || typeof e.currency !== 'object') return 'Enter the cash by denomination.';
		for (const [key, pieces] of Object.entries(e.currency)) {
			if (!DENOMINATIONS.some((d) => d.key === key)) return `"${key}" is not a denomination.`;
			if (!Number.isSafeInteger(pieces) || (pieces as number) < 0) return 'Enter whole, non-negative piece counts (not dollar amounts).';
		}
	}
	if ('checks' in e) {
		if (!Array.isArray(e.checks)) return 'Enter each check with its number and amount.';
		for (const c of e.checks as unknown[]) {
			const item = c as Partial<CheckItem> | null;
			if (!item || text(item.number) === '') return 'Every check needs its check number.';
			if (!Number.isSafeInteger(item.amountCents) || (item.amountCents as number) <= 0) return `Check ${text(item.number)} needs its amount.`;
		}
	}
	if ('cardCents' in e && (!Number.isSafeInteger(e.cardCents) || e.cardCents < 0)) return 'Enter the card settlement total from the terminal.';
	return null;
}

// ---------------------------------------------------------------------------------------------
// Rules

const notCashier =
	(rule: string, who: string): Rule<Ctx, Ev> =>
	(c, e) =>
		e.by.userId !== c.roles.cashier
			? null
			: { rule, reason: `${who} must be someone other than the cashier.`, policyRef: '§2 Second persons', critical: 'dual-control-breach' };

const needsText = (value: unknown, rule: string, reason: string, policyRef: string): Refusal | null =>
	text(value).length > 0 ? null : { rule, reason, policyRef };

const wellFormed: Rule<Ctx, Ev> = (_c, e) => {
	const problem = countProblem(e);
	return problem ? { rule: 'count-well-formed', reason: problem, policyRef: '§2 Close' } : null;
};

export const cashReconciliationRules = {
	countIsWellFormed: wellFormed,

	floatInItsDenominations: (c, e) => {
		if (e.type !== 'float.removed') return null;
		const float = c.policy.drawer.floatCounts;
		const drawer = c.firstCount?.currency ?? {};
		const lacking = DENOMINATIONS.filter((d) => (drawer[d.key] ?? 0) < (float[d.key] ?? 0));
		if (lacking.length)
			return {
				rule: 'drawer-lacks-float-pieces',
				reason: `The drawer does not hold the float's pieces (${lacking.map((d) => `${d.label}: ${drawer[d.key] ?? 0} of ${float[d.key]}`).join(', ')}). Re-enter the count if it was wrong, or get change from a senior before removing the float.`,
				policyRef: '§2 Close'
			};
		const removed = e.counts && typeof e.counts === 'object' ? e.counts : {};
		const differs = DENOMINATIONS.filter((d) => (removed[d.key] ?? 0) !== (float[d.key] ?? 0));
		return differs.length
			? {
					rule: 'float-not-in-its-denominations',
					reason: `Remove the float in its own denominations (${formatCents(c.policy.drawer.floatCents)}: ${DENOMINATIONS.filter((d) => float[d.key]).map((d) => `${float[d.key]} × ${d.label}`).join(', ')}); ${differs.map((d) => d.label).join(', ')} differ.`,
					policyRef: '§2 Close'
				}
			: null;
	},

	/** Decision: every tender (cash, check total, check count) agrees with the batch at the first count. Cards are separate. */
	firstCountMatchesBatch: (c, _e) => {
		const f = c.firstComparison;
		return f && f.cash.differenceCents === 0 && f.checks.differenceCents === 0 && f.checks.countedItems === f.checks.expectedItems
			? null
			: {
					rule: 'recount-required',
					reason: `The first count differs from the batch (${signed(f?.varianceCents ?? 0)} overall): recount once, using the locate-differences checklist.`,
					policyRef: '§2 Close'
				};
	},

	/** Decision: the number of checks counted differs from the batch and no supervisor has overridden it. */
	checkCountMismatch: (c, _e) =>
		checkCountDiffers(c) && !c.checkOverride
			? null
			: { rule: 'check-count-agrees', reason: 'The check count agrees with the batch (or a supervisor overrode it).', policyRef: '§2 Close' },

	checkCountNowMatches: (c, e) =>
		wellFormed(c, e) ??
		('checks' in e && Array.isArray(e.checks) && e.checks.length === c.expected.checks.length
			? null
			: {
					rule: 'check-count-mismatch',
					reason: `The batch has ${c.expected.checks.length} checks and the count has ${'checks' in e && Array.isArray(e.checks) ? e.checks.length : 0}: the drawer cannot close until the check is found, or a supervisor overrides with a reason.`,
					policyRef: '§2 Close'
				}),

	overrideWithReason: (c, e) =>
		notCashier('supervisor-not-cashier', 'The supervisor who overrides')(c, e) ??
		needsText('reason' in e ? e.reason : '', 'override-reason-required', 'A check-count override needs the reason in writing.', '§2 Close'),

	/** Decision: |variance| ≥ the senior threshold and no second count yet. */
	needsSeniorCount: (c, _e) =>
		absVariance(c) >= c.policy.drawer.varianceSeniorCountCents && !c.secondCount
			? null
			: {
					rule: 'no-senior-count-needed',
					reason: `A senior's second count is needed from ${formatCents(c.policy.drawer.varianceSeniorCountCents)} of variance.`,
					policyRef: '§2 Close'
				},

	/** Decision: |variance| ≥ the supervisor threshold, or any card mismatch, and no supervisor approval yet. */
	needsSupervisor: (c, _e) =>
		(absVariance(c) >= c.policy.drawer.varianceSupervisorCents || cardMismatch(c)) && !c.supervisorApproval
			? null
			: {
					rule: 'no-supervisor-needed',
					reason: `A supervisor is needed from ${formatCents(c.policy.drawer.varianceSupervisorCents)} of variance or for any card mismatch.`,
					policyRef: '§2 Close'
				},

	/** Decision: the variance after the recount is above the explain threshold (any non-zero variance by default). */
	hasVariance: (c, _e) =>
		absVariance(c) > c.policy.drawer.varianceExplainAboveCents ? null : { rule: 'no-variance', reason: 'The drawer balances.', policyRef: '§2 Close' },

	seniorCountValid: (c, e) => notCashier('second-counter-not-cashier', "The senior's second count")(c, e) ?? wellFormed(c, e),

	supervisorApproves: (c, e) =>
		notCashier('supervisor-not-cashier', 'The approving supervisor')(c, e) ??
		needsText('note' in e ? e.note : '', 'supervisor-note-required', 'The supervisor writes what was reviewed and decided.', '§2 Variance'),

	explanationGiven: (_c, e) =>
		needsText(
			'note' in e ? e.note : '',
			'variance-explanation-required',
			'Any variance needs an explanation note: what was checked, what was found, who counted.',
			'§2 Variance'
		),

	slipAmountCorrect: (c, e) => {
		const due = c.counted ? depositSlipCents(c.counted) : 0;
		const entered = e.type === 'slip.prepared' && Number.isSafeInteger(e.amountCents) ? e.amountCents : null;
		return entered === due
			? null
			: {
					rule: 'slip-amount-wrong',
					reason: `The deposit slip is currency + coin + checks − float (cards are not on the slip): ${formatCents(due)}${entered === null ? '' : `, not ${formatCents(entered)}`}.`,
					policyRef: '§2 Deposit'
				};
	},

	slipVerifiedWithBag: (c, e) =>
		notCashier('slip-verifier-not-cashier', 'The deposit-slip verifier')(c, e) ??
		needsText('bagNumber' in e ? e.bagNumber : '', 'bag-number-required', 'Record the sealed bag number.', '§2 Deposit'),

	vaultSecondPersonDifferent: (c, e) =>
		!c.vault.includes(e.by.userId) && e.by.userId !== c.roles.cashier
			? null
			: {
					rule: 'vault-two-different-people',
					reason: 'The vault needs two different people present: the cashier and a second CSR II or above. Nobody does the vault drop alone.',
					policyRef: '§2 Vault under dual control',
					critical: 'dual-control-breach'
				},

	checklistItemKnown: (_c, e) =>
		'item' in e && CAUSES.has(e.item)
			? null
			: { rule: 'checklist-item-unknown', reason: 'Tick an item of the locate-differences checklist.', policyRef: '§2 Close' },

	findingRecorded: (_c, e) =>
		e.type === 'difference.located' &&
		CAUSES.has(e.cause) &&
		(e.amountCents === undefined || Number.isSafeInteger(e.amountCents)) &&
		(e.checkNumber === undefined || typeof e.checkNumber === 'string') &&
		(e.note === undefined || typeof e.note === 'string')
			? null
			: { rule: 'finding-cause-unknown', reason: 'Say which checklist item explains the difference.', policyRef: '§2 Close' }
} satisfies Record<string, Rule<Ctx, Ev>>;

// ---------------------------------------------------------------------------------------------
// Machine

const recompute = (c: Ctx, counted: CountOfRecord) => ({ counted, comparison: compareWithBatch(c.expected, counted) });

export const cashReconciliationMachine = setup({
	types: { context: {} as Ctx, events: {} as Ev, input: {} as CashReconciliationInput },
	guards: guardsFromRules(cashReconciliationRules),
	actions: {
		recordBlindCount: assign(({ context, event }) => {
			if (event.type !== 'count.entered') return {};
			return {
				firstCount: { currency: sanitizeCounts(event.currency), checks: checksOf(event.checks), cardCents: event.cardCents },
				roles: { ...context.roles, cashier: context.roles.cashier ?? event.by.userId }
			};
		}),
		takeOutFloat: assign(({ context }) => {
			const first = context.firstCount!;
			const float = context.policy.drawer.floatCounts;
			const counted = countOfRecord(subtractCounts(first.currency, float), first.checks, first.cardCents);
			const comparison = compareWithBatch(context.expected, counted);
			return { floatRemoved: { ...float }, counted, comparison, firstComparison: comparison };
		}),
		offerChecklist: assign(({ context }) => ({
			locate: { ...context.locate, offered: true, divisibleBy9: Math.abs(context.comparison?.varianceCents ?? 0) % 9 === 0 }
		})),
		tick: assign(({ context, event }) => {
			if (event.type !== 'checklist.ticked' || context.locate.ticked.includes(event.item)) return {};
			return { locate: { ...context.locate, ticked: [...context.locate.ticked, event.item] } };
		}),
		recordFinding: assign(({ context, event }) => {
			if (event.type !== 'difference.located') return {};
			const finding: Finding = {
				cause: event.cause,
				note: text(event.note),
				checkNumber: text(event.checkNumber) || null,
				amountCents: event.amountCents ?? null,
				at: event.at,
				by: event.by.userId
			};
			const ticked = context.locate.ticked.includes(event.cause) ? context.locate.ticked : [...context.locate.ticked, event.cause];
			return { locate: { ...context.locate, ticked, found: [...context.locate.found, finding] } };
		}),
		recordRecount: assign(({ context, event }) => {
			if (event.type !== 'recount.entered') return {};
			return { ...recompute(context, countOfRecord(event.currency, checksOf(event.checks), context.counted!.cardCents)), recounted: true };
		}),
		recordFoundChecks: assign(({ context, event }) => {
			if (event.type !== 'checks.found') return {};
			const c = context.counted!;
			return recompute(context, countOfRecord(c.currency, checksOf(event.checks), c.cardCents));
		}),
		recordOverride: assign(({ context, event }) => {
			if (event.type !== 'checkCount.overridden') return {};
			return { checkOverride: { by: event.by.userId, reason: text(event.reason) }, roles: { ...context.roles, supervisor: event.by.userId } };
		}),
		recordSecondCount: assign(({ context, event }) => {
			if (event.type !== 'secondCount.done') return {};
			const before = context.counted!;
			// The senior's count becomes the count of record (it agrees, or it corrects the cashier's).
			const counted = countOfRecord(event.currency, checksOf(event.checks), before.cardCents);
			const agreed = counted.cashCents === before.cashCents && counted.checksCents === before.checksCents && counted.checks.length === before.checks.length;
			return {
				...recompute(context, counted),
				secondCount: { by: event.by.userId, agreed },
				roles: { ...context.roles, secondCounter: event.by.userId }
			};
		}),
		recordSupervisorApproval: assign(({ context, event }) => {
			if (event.type !== 'supervisor.approved') return {};
			const v = context.comparison?.varianceCents ?? 0;
			const effects = [...context.effects];
			if (Math.abs(v) >= context.policy.drawer.varianceSupervisorCents) {
				const cards = cardMismatch(context) ? ` Card settlement ${signed(context.comparison!.cards.differenceCents)}.` : '';
				effects.push({
					type: 'incident.report' as const,
					summary: `Drawer ${context.drawerRef}: variance ${signed(v)} after the recount${context.secondCount ? ` (senior second count by ${context.secondCount.by})` : ''}.${cards} Supervisor: ${text(event.note)}`
				});
			}
			return { supervisorApproval: { by: event.by.userId, note: text(event.note) }, effects, roles: { ...context.roles, supervisor: event.by.userId } };
		}),
		recordOverShort: assign(({ context, event }) => {
			if (event.type !== 'variance.explained') return {};
			const note = text(event.note);
			const found = context.locate.found.map((f) => f.cause + (f.checkNumber ? ` #${f.checkNumber}` : '') + (f.note ? `: ${f.note}` : ''));
			const explanation = found.length ? `${note} (found: ${found.join('; ')})` : note;
			return {
				explanation: note,
				effects: [
					...context.effects,
					{ type: 'overShort.record' as const, drawerRef: context.drawerRef, amountCents: context.comparison?.varianceCents ?? 0, explanation }
				]
			};
		}),
		prepareSlip: assign(({ context, event }) => {
			if (event.type !== 'slip.prepared') return {};
			const c = context.counted!;
			return { slip: { amountCents: depositSlipCents(c), checks: c.checks, bagNumber: null, preparedBy: event.by.userId, verifiedBy: null } };
		}),
		verifySlip: assign(({ context, event }) => {
			if (event.type !== 'slip.verified' || !context.slip) return {};
			const bagNumber = text(event.bagNumber);
			return {
				slip: { ...context.slip, bagNumber, verifiedBy: event.by.userId },
				roles: { ...context.roles, slipVerifier: event.by.userId },
				effects: [...context.effects, { type: 'deposit.slip' as const, drawerRef: context.drawerRef, amountCents: context.slip.amountCents, bagNumber }]
			};
		}),
		accessVault: assign(({ context, event }) => {
			const role = context.vault.length === 0 ? 'vaultFirst' : 'vaultSecond';
			return {
				vault: [...context.vault, event.by.userId],
				roles: { ...context.roles, [role]: event.by.userId },
				effects: [...context.effects, { type: 'vault.access' as const, drawerRef: context.drawerRef, userId: event.by.userId }]
			};
		}),
		closeBatch: assign(({ context }) => ({ effects: [...context.effects, { type: 'batch.close' as const, drawerRef: context.drawerRef }] }))
	}
}).createMachine({
	id: 'cashReconciliation',
	context: ({ input }) => ({
		policy: input.policy,
		drawerRef: input.drawerRef,
		expected: { cashCents: input.expected.cashCents, checks: checksOf(input.expected.checks), cardCents: input.expected.cardCents },
		firstCount: null,
		floatRemoved: null,
		counted: null,
		firstComparison: null,
		comparison: null,
		recounted: false,
		locate: { offered: false, divisibleBy9: false, ticked: [], found: [] },
		checkOverride: null,
		secondCount: null,
		supervisorApproval: null,
		explanation: null,
		slip: null,
		vault: [],
		effects: [],
		softOrderSlips: [],
		roles: {}
	}),
	initial: 'count',
	states: {
		count: {
			tags: ['blindCount'],
			meta: {
				hiddenContext: ['expected', 'firstComparison', 'comparison'],
				step: {
					id: 'count',
					title: 'Blind count',
					instructions:
						'Count the whole drawer before seeing any expected totals: currency and coin by denomination (piece counts), each check with its number and amount, and the card settlement total from the terminal.',
					policyRef: '§2 Close (blind count)',
					authority: { 'count.entered': { minLevel: 'csr1', takesRole: 'cashier' } },
					order: [
						{
							id: 'blind-count-before-expected',
							kind: 'hard',
							description: 'The expected totals are not shown until the count is entered and the float removed.',
							policyRef: '§2 Close'
						}
					]
				}
			},
			on: { 'count.entered': { guard: 'countIsWellFormed', target: 'removeFloat', actions: 'recordBlindCount' } }
		},
		removeFloat: {
			tags: ['blindCount'],
			meta: {
				hiddenContext: ['expected', 'firstComparison', 'comparison'],
				step: {
					id: 'removeFloat',
					title: 'Remove the float',
					instructions:
						"Take out the float in its own denominations and set it aside for tomorrow. If the drawer lacks the float's pieces, correct the count or get change before removing it.",
					policyRef: '§2 Close',
					authority: { 'float.removed': { minLevel: 'csr1' }, 'count.entered': { minLevel: 'csr1' } }
				}
			},
			on: {
				'float.removed': { guard: 'floatInItsDenominations', target: 'compare', actions: 'takeOutFloat' },
				// Still blind: a corrected count may be re-entered before the float comes out.
				'count.entered': { guard: 'countIsWellFormed', target: 'removeFloat', actions: 'recordBlindCount' }
			}
		},
		compare: {
			always: [{ guard: 'firstCountMatchesBatch', target: 'checkDecision' }, { target: 'recount', actions: 'offerChecklist' }]
		},
		recount: {
			meta: {
				step: {
					id: 'recount',
					title: 'Recount and locate the difference',
					instructions:
						'The count differs from the batch. Work through the locate-differences checklist (a difference divisible by 9 suggests a transposition; a check keyed as cash; bills stuck together; a payment posted twice; an item in the drawer cavity), record what you find, then recount the deposit cash and the checks once.',
					policyRef: '§2 Close',
					authority: {
						'checklist.ticked': { minLevel: 'csr1' },
						'difference.located': { minLevel: 'csr1' },
						'recount.entered': { minLevel: 'csr1' }
					},
					order: [
						{ id: 'recount-before-variance', kind: 'hard', description: 'The variance is what remains after the one recount.', policyRef: '§2 Close' }
					]
				}
			},
			on: {
				'checklist.ticked': { guard: 'checklistItemKnown', actions: 'tick' },
				'difference.located': { guard: 'findingRecorded', actions: 'recordFinding' },
				'recount.entered': { guard: 'countIsWellFormed', target: 'checkDecision', actions: 'recordRecount' }
			}
		},
		checkDecision: {
			always: [{ guard: 'checkCountMismatch', target: 'checkMismatch' }, { target: 'varianceDecision' }]
		},
		checkMismatch: {
			meta: {
				step: {
					id: 'checkMismatch',
					title: 'Find the missing or extra check',
					instructions:
						'The number of checks differs from the batch. Find the check and re-enter the check list, or ask a supervisor to override with a written reason. The drawer cannot close otherwise.',
					policyRef: '§2 Close (check count mismatch)',
					authority: {
						'checklist.ticked': { minLevel: 'csr1' },
						'difference.located': { minLevel: 'csr1' },
						'checks.found': { minLevel: 'csr1' },
						'checkCount.overridden': { minLevel: 'supervisor', secondPerson: true, notRoles: ['cashier'], takesRole: 'supervisor' }
					}
				}
			},
			on: {
				'checklist.ticked': { guard: 'checklistItemKnown', actions: 'tick' },
				'difference.located': { guard: 'findingRecorded', actions: 'recordFinding' },
				'checks.found': { guard: 'checkCountNowMatches', target: 'checkDecision', actions: 'recordFoundChecks' },
				'checkCount.overridden': { guard: 'overrideWithReason', target: 'checkDecision', actions: 'recordOverride' }
			}
		},
		varianceDecision: {
			always: [
				{ guard: 'needsSeniorCount', target: 'seniorCount' },
				{ guard: 'needsSupervisor', target: 'supervisorReview' },
				{ guard: 'hasVariance', target: 'explain' },
				{ target: 'prepareSlip' }
			]
		},
		seniorCount: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'seniorCount',
					title: "Senior's second count",
					instructions: 'The variance reaches the senior threshold. A senior who is not the cashier counts the deposit cash and the checks again.',
					policyRef: '§2 Variance',
					needsSecondPerson: true,
					authority: { 'secondCount.done': { minLevel: 'senior', secondPerson: true, notRoles: ['cashier'], takesRole: 'secondCounter' } }
				}
			},
			on: { 'secondCount.done': { guard: 'seniorCountValid', target: 'checkDecision', actions: 'recordSecondCount' } }
		},
		supervisorReview: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'supervisorReview',
					title: 'Supervisor approval',
					instructions:
						'The variance reaches the supervisor threshold, or the card settlement does not match the batch. A supervisor reviews and approves with a note; a variance at the threshold also files a written incident report.',
					policyRef: '§2 Variance',
					needsSecondPerson: true,
					authority: { 'supervisor.approved': { minLevel: 'supervisor', secondPerson: true, notRoles: ['cashier'], takesRole: 'supervisor' } }
				}
			},
			on: { 'supervisor.approved': { guard: 'supervisorApproves', target: 'varianceDecision', actions: 'recordSupervisorApproval' } }
		},
		explain: {
			meta: {
				step: {
					id: 'explain',
					title: 'Explain the variance',
					instructions: "Write what was checked and found. The over/short goes to the office's cash over/short ledger for this batch, not to any customer account.",
					policyRef: '§2 Variance',
					authority: { 'variance.explained': { minLevel: 'csr1' } }
				}
			},
			on: { 'variance.explained': { guard: 'explanationGiven', target: 'prepareSlip', actions: 'recordOverShort' } }
		},
		prepareSlip: {
			meta: {
				step: {
					id: 'prepareSlip',
					title: 'Prepare the deposit slip',
					instructions: 'Deposit slip = currency + coin + checks (listed) − float. Card settlements are not on the slip.',
					policyRef: '§2 Deposit',
					authority: { 'slip.prepared': { minLevel: 'csr1' } }
				}
			},
			on: { 'slip.prepared': { guard: 'slipAmountCorrect', target: 'verifySlip', actions: 'prepareSlip' } }
		},
		verifySlip: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'verifySlip',
					title: 'Second person verifies the deposit',
					instructions: 'A CSR II or above who is not the cashier checks the slip against the deposit; the bag is sealed in front of both and its number recorded.',
					policyRef: '§2 Deposit; §2 Second persons',
					needsSecondPerson: true,
					authority: { 'slip.verified': { minLevel: 'csr2', secondPerson: true, notRoles: ['cashier'], takesRole: 'slipVerifier' } }
				}
			},
			on: { 'slip.verified': { guard: 'slipVerifiedWithBag', target: 'vaultFirst', actions: 'verifySlip' } }
		},
		vaultFirst: {
			meta: {
				step: {
					id: 'vaultFirst',
					title: 'Vault drop: cashier',
					instructions: 'The cashier opens the vault log for the drop. A second person must be present before the bag goes in.',
					policyRef: '§2 Vault under dual control',
					authority: { 'vault.accessed': { minLevel: 'csr1', takesRole: 'vaultFirst' } },
					order: [{ id: 'slip-verified-before-vault', kind: 'hard', description: 'The sealed, verified bag goes to the vault.', policyRef: '§2 Deposit' }]
				}
			},
			on: { 'vault.accessed': { target: 'vaultSecond', actions: 'accessVault' } }
		},
		vaultSecond: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'vaultSecond',
					title: 'Vault drop: second person',
					instructions: 'A second CSR II or above, not the cashier, logs the vault access. Never do the drop alone, even when a colleague offers.',
					policyRef: '§2 Vault under dual control',
					needsSecondPerson: true,
					authority: { 'vault.accessed': { minLevel: 'csr2', secondPerson: true, notRoles: ['cashier', 'vaultFirst'], takesRole: 'vaultSecond' } }
				}
			},
			on: { 'vault.accessed': { guard: 'vaultSecondPersonDifferent', target: 'closed', actions: ['accessVault', 'closeBatch'] } }
		},
		closed: { type: 'final', meta: { outcome: 'closed' } }
	}
});


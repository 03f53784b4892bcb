/**
 * Counter payment, including restoration after lock-off (C-PAY, C-RESTORE; policy §1, §2 "Take cash",
 * §3, §4 "Existing customers", §6; authority ladder.md).
 *
 * Identify the account (number, holder name and service address confirmed before anything is posted;
 * a mismatch is refused and can be recorded as such — F-07, a transposed stub number) → the payer:
 * anyone may pay, but amounts are spoken only to the verified holder or a person the holder authorised
 * (an amount-disclosing move before that is the §9 critical `disclosure-before-verification`) → a
 * locked account first chooses standard or after-hours restoration and is quoted past-due + lock-off fee
 * + reconnect (or after-hours) fee + a deposit when none is held → the payment amount (stub compared with
 * the balance) → the tender: cash (screen $50/$100, counterfeit retained under `retain`, change counted
 * back, quick-change stopped), check (every §3 refusal its own rule), money order / cashier's check,
 * card (never a card number) → post to the open batch → for a restoration the reconnect order is the
 * hard next step (no path to completion without it) → receipt → account note.
 *
 * F-08 (payment below the amount that stops the lock-off / restores service): DESIGN CHOICE — the
 * warning (`shortfall.warned` to a verified payer with the figures, `general.warned` to anyone else
 * with none) may be given at any time between entering the amount and posting. Posting without it is
 * ALLOWED and appended to `softOrderSlips` as 'shortfall-warning-before-posting' (declared soft in the
 * post step's meta), so training deducts order points and the F-08 fault stays "missed" (its found-event
 * is `shortfall.warned`). A hard refusal would let the machine do the noticing for the trainee.
 *
 * Corrections (policy §3 "Misapplied payment") run on the same machine with `input.correction`: a
 * same-day void while the payment's batch is still open (a senior, by step authority) leaves a reversal
 * entry pointing at the original through `correctsRef`; otherwise — and always allowed — a transfer to
 * the right account with entries and notes on both accounts.
 *
 * LEDGER SIGN CONVENTION (every `ledger.post` this machine emits): charges are POSITIVE (fees, the
 * deposit charge, a reversal or transfer-out that takes a payment back off an account); payments and
 * credits are NEGATIVE (a payment of $62.40 posts −6240, a transfer-in posts −amount). The account
 * balance is the sum of its entries.
 *
 * The calendar module's business-day functions read the holiday list of the policy module they ship
 * with; every amount, cut-off and limit here comes from `context.policy`.
 */
import { assign, setup } from 'xstate';
import { DENOMINATIONS, policy as defaultPolicy, type DenominationCounts, type DenominationKey } from '$lib/policy/settings';
import { countsTotal, sanitizeCounts } from '$lib/domain/denominations';
import { formatCents } from '$lib/domain/money';
import { daysBetween, formatMinutes, isBusinessDay, isBy, nextBusinessDay, toLocal, type IsoDate } from '$lib/domain/calendar';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Cents, Effect, OrderRule, Policy, ProcedureContextBase, Refusal, Stamp, Tender } from './shared/types';

export const MACHINE_VERSION = 1;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

/** What an authorised person may learn or do (policy §1: balances, payments, usage, changes). */
export type ContactScope = 'balances' | 'payments' | 'usage' | 'changes';

export interface AuthorisedContact {
	name: string;
	scope: ContactScope[];
	/** Written authorisation dates (inclusive); open-ended when absent. */
	validFrom?: IsoDate;
	validTo?: IsoDate;
}

/** The account as the system knows it. */
export interface PaymentAccount {
	accountNumber: string;
	holderName: string;
	serviceAddress: string;
	status: 'active' | 'locked';
	cashOnly: boolean;
	depositHeldCents: Cents;
	/** Standard deposit for this premise (policy §4), when known; otherwise the no-history amount applies. */
	standardDepositCents?: Cents | null;
	balanceCents: Cents;
	/** Past-due charges now on the account (including a door-tag fee), not the lock-off fee (§6 adds it). */
	pastDueCents: Cents;
	/** Past-due on the lock-off notice + door-tag fee if any: the amount that stops a scheduled lock-off (0 = none). */
	lockoffAmountCents: Cents;
	lockoffCause: 'nsf' | 'nonpayment' | null;
	/** After-hours restorations in the window (today − 12 months, today]. */
	afterHoursRestorationsIn12Months: number;
	authorisedContacts: AuthorisedContact[];
}

/** A payment already posted that a correction run voids or transfers (policy §3 Misapplied payment). */
export interface PaymentCorrection {
	originalRef: string;
	/** The payment as a positive amount (it was posted as −amountCents). */
	amountCents: Cents;
	tender: Tender;
	postedAt: number;
	batchRef: string;
	batchStatus: 'open' | 'closed';
}

export interface CounterPaymentInput {
	policy: Policy;
	account: PaymentAccount;
	/** The cashier's open batch payments post to. */
	batchRef: string;
	/** Present only for a correction run. */
	correction?: PaymentCorrection | null;
}

export type VerificationMethod = 'ssn-last4' | 'pin' | 'photo-id';
export const VERIFICATION_METHODS: readonly VerificationMethod[] = ['ssn-last4', 'pin', 'photo-id'];

export type Payer =
	| { verified: true; name: string; relation: 'holder' | 'authorised'; method: VerificationMethod }
	| { verified: false; name: string };

export type RestorationOption = 'standard' | 'after-hours';

/** What a locked account must pay to be restored (policy §6, §4 Existing customers). */
export interface RestorationQuote {
	option: RestorationOption;
	pastDueCents: Cents;
	lockoffFeeCents: Cents;
	/** Reconnect fee, or the after-hours fee instead of it. */
	feeCents: Cents;
	depositCents: Cents;
	requiredCents: Cents;
}

export interface CheckDetails {
	number: string;
	payee: string;
	/** The date written on the check. */
	dated: IsoDate;
	writtenAmountCents: Cents;
	numericAmountCents: Cents;
	signed: boolean;
	/** Written to someone else and endorsed over to the utility. */
	twoParty: boolean;
}

export type CheckProblem =
	| 'cash-only'
	| 'restoration'
	| 'payee'
	| 'two-party'
	| 'undated'
	| 'post-dated'
	| 'stale'
	| 'amounts-disagree'
	| 'unsigned'
	| 'not-payment-amount';

export interface AcceptedTender {
	kind: Tender;
	/** What the customer handed over (cash: the bills; otherwise the instrument's amount). */
	tenderedCents: Cents;
	changeCents: Cents;
	/** Check number, money-order kind or card authorisation code (never a card number). */
	detail: string;
}

export interface PostedPayment {
	ref: string;
	at: number;
	amountCents: Cents;
	tender: Tender;
	restoration: (RestorationQuote & { scheduledFor: IsoDate; priority: 'same-day' | 'next-day' | 'after-hours'; paidAtLocal: string }) | null;
}

export interface CounterPaymentContext extends ProcedureContextBase {
	policy: Policy;
	account: PaymentAccount;
	batchRef: string;
	correction: PaymentCorrection | null;
	accountConfirmed: boolean;
	mismatch: { accountNumber: string; holderName: string; serviceAddress: string; note: string } | null;
	payer: Payer | null;
	/** Times amounts were disclosed (only ever to a verified payer). */
	disclosures: number[];
	quote: RestorationQuote | null;
	amountCents: Cents | null;
	stubAmountCents: Cents | null;
	warning: { kind: 'shortfall' | 'general'; thresholdCents: Cents; at: number } | null;
	/** Cash on the ledge: the bills handed over and any flagged as counterfeit. */
	cash: { counts: DenominationCounts; tenderedCents: Cents; flagged: DenominationCounts } | null;
	counterfeits: { denomination: DenominationKey; note: string }[];
	refusedChecks: { number: string; problem: CheckProblem }[];
	quickChangeStops: string[];
	tender: AcceptedTender | null;
	posted: PostedPayment | null;
	reconnect: { ref: string; scheduledFor: IsoDate; priority: 'same-day' | 'next-day' | 'after-hours' } | null;
	receipt: { ref: string; at: number } | null;
	abandoned: string | null;
	corrected: { kind: 'void' | 'transfer'; ref: string; toAccountNumber: string | null; reason: string } | null;
}

export type CounterPaymentEvent =
	| ({ type: 'account.confirmed'; accountNumber: string; holderName: string; serviceAddress: string } & Stamp)
	| ({ type: 'account.mismatched'; accountNumber: string; holderName: string; serviceAddress: string; note: string } & Stamp)
	| ({ type: 'payer.verified'; name: string; serviceAddress: string; method: VerificationMethod } & Stamp)
	| ({ type: 'payer.unverified'; name: string } & Stamp)
	| ({ type: 'balance.disclosed' } & Stamp)
	| ({ type: 'restoration.standard' } & Stamp)
	| ({ type: 'restoration.afterHours' } & Stamp)
	| ({ type: 'amount.entered'; amountCents: Cents; stubAmountCents?: Cents | null } & Stamp)
	| ({ type: 'shortfall.warned' } & Stamp)
	| ({ type: 'general.warned' } & Stamp)
	| ({ type: 'cash.received'; counts: DenominationCounts } & Stamp)
	| ({ type: 'counterfeit.flagged'; denomination: DenominationKey } & Stamp)
	| ({ type: 'bills.accepted' } & Stamp)
	| ({ type: 'counterfeit.retained'; note: string } & Stamp)
	| ({ type: 'change.counted'; changeCents: Cents } & Stamp)
	| ({ type: 'quickChange.stopped'; note: string } & Stamp)
	| ({ type: 'check.accepted'; check: CheckDetails } & Stamp)
	| ({ type: 'check.refused'; check: CheckDetails; problem: CheckProblem } & Stamp)
	| ({ type: 'moneyOrder.accepted'; instrument: 'money-order' | 'cashiers-check'; payee: string; amountCents: Cents } & Stamp)
	| ({ type: 'card.approved'; authCode: string } & Stamp)
	| ({ type: 'payment.posted' } & Stamp)
	| ({ type: 'reconnect.ordered'; scheduledFor: IsoDate } & Stamp)
	| ({ type: 'receipt.issued' } & Stamp)
	| ({ type: 'note.written'; note: string } & Stamp)
	| ({ type: 'payment.abandoned'; reason: string } & Stamp)
	| ({ type: 'payment.voided'; reason: string } & Stamp)
	| ({ type: 'payment.transferred'; toAccountNumber: string; reason: string } & Stamp);

type Ctx = CounterPaymentContext;
type Ev = CounterPaymentEvent;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Formats any number safely: rules must explain, never throw, on malformed event amounts. */
const money = (x: unknown) => (typeof x === 'number' && Number.isSafeInteger(x) ? formatCents(x) : String(x));
const text = (x: unknown) => (typeof x === 'string' ? x.trim() : '');
const norm = (x: unknown) => text(x).toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
const digits = (x: unknown) => text(x).replace(/\D/g, '');
const isCents = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
const localOf = (c: Ctx, at: number) => toLocal(Number.isFinite(at) ? at : 0, c.policy.timeZone);
/** A run of 12+ digits (spaces or dashes allowed between): what a card number looks like. */
const CARD_NUMBER = /\d(?:[ -]?\d){11,}/;

const DENOM_CENTS = new Map<string, number>(DENOMINATIONS.map((d) => [d.key, d.cents]));
const DENOM_LABEL = new Map<string, string>(DENOMINATIONS.map((d) => [d.key, d.label]));
const screened = (c: Ctx, key: string) => (c.policy.drawer.screenedBillCents as readonly number[]).includes(DENOM_CENTS.get(key) ?? -1);
const flaggedCount = (c: Ctx) => Object.values(c.cash?.flagged ?? {}).reduce((a, b) => a + (b ?? 0), 0);

/** Past-due + lock-off fee + reconnect (or after-hours) fee + a deposit when none is held (§6, §4 Existing customers). */
export function restorationQuote(c: Pick<Ctx, 'policy' | 'account'>, option: RestorationOption): RestorationQuote {
	const p = c.policy;
	const feeCents = option === 'after-hours' ? p.restoration.afterHoursFeeCents : p.restoration.reconnectFeeCents;
	const depositCents = c.account.depositHeldCents > 0 ? 0 : (c.account.standardDepositCents ?? p.deposit.noHistoryCents);
	const pastDueCents = c.account.pastDueCents;
	const lockoffFeeCents = p.delinquency.lockoffFeeCents;
	return { option, pastDueCents, lockoffFeeCents, feeCents, depositCents, requiredCents: pastDueCents + lockoffFeeCents + feeCents + depositCents };
}

/**
 * When the crew reconnects (§6): after-hours tonight; standard the same day when paid by the cut-off
 * (inclusive) on a business day, otherwise the next business day.
 */
export function restorationSchedule(
	p: Policy,
	option: RestorationOption,
	at: number
): { scheduledFor: IsoDate; priority: 'same-day' | 'next-day' | 'after-hours'; paidAtLocal: string } {
	const t = toLocal(at, p.timeZone);
	const paidAtLocal = `${t.date} ${formatMinutes(t.minutes)}`;
	if (option === 'after-hours') return { scheduledFor: t.date, priority: 'after-hours', paidAtLocal };
	if (isBusinessDay(t.date) && isBy(t.minutes, p.restoration.sameDayPaidByMinutes)) return { scheduledFor: t.date, priority: 'same-day', paidAtLocal };
	return { scheduledFor: nextBusinessDay(t.date), priority: 'next-day', paidAtLocal };
}

const sameDayAvailable = (c: Ctx, at: number) => {
	const t = localOf(c, at);
	return isBusinessDay(t.date) && isBy(t.minutes, c.policy.restoration.sameDayPaidByMinutes);
};

/** The amount below which the CSR must say the payment will not stop the lock-off (or restore service); 0 = none. */
export function warningThreshold(c: Pick<Ctx, 'account' | 'quote'>): Cents {
	if (c.account.status === 'locked') return c.quote?.requiredCents ?? 0;
	return c.account.lockoffAmountCents > 0 ? c.account.lockoffAmountCents : 0;
}

/** Whether this payment restores service: a locked account paying at least the restoration quote. */
export const restores = (c: Pick<Ctx, 'account' | 'quote' | 'amountCents'>) =>
	c.account.status === 'locked' && c.quote !== null && c.amountCents !== null && c.amountCents >= c.quote.requiredCents;

const warningIsDue = (c: Ctx) => c.amountCents !== null && c.amountCents < warningThreshold(c) && c.warning === null;

/** Every §3 reason to refuse a check, in the order a CSR checks them. */
export function checkProblems(c: Ctx, check: CheckDetails | undefined, at: number): Refusal[] {
	const out: Refusal[] = [];
	const ck = (check ?? {}) as Partial<CheckDetails>;
	const today = localOf(c, at).date;
	const ref = '§3 Checks';
	if (c.account.cashOnly)
		out.push({ rule: 'check-cash-only', reason: `Account ${c.account.accountNumber} is cash-only after returned payments: no checks. Ask for cash, a money order, a cashier's check or a card.`, policyRef: '§3 Returned item; §3 Checks' });
	if (restores(c))
		out.push({ rule: 'check-restoration', reason: 'Restoring locked-off service takes guaranteed funds only: cash, a money order, a cashier\u2019s check or a card — no personal check.', policyRef: '§6; §3 Checks' });
	if (norm(ck.payee) !== norm(c.policy.utility))
		out.push({ rule: 'check-payee', reason: `The check must be payable to ${c.policy.utility}, not "${text(ck.payee)}".`, policyRef: ref });
	if (ck.twoParty === true) out.push({ rule: 'check-two-party', reason: 'A two-party check (written to someone else and signed over) is not accepted.', policyRef: ref });
	if (typeof ck.dated !== 'string' || !ISO_DATE.test(ck.dated)) out.push({ rule: 'check-undated', reason: 'The check has no readable date.', policyRef: ref });
	else if (daysBetween(today, ck.dated) > 0)
		out.push({ rule: 'check-post-dated', reason: `The check is dated ${ck.dated}, after today (${today}): post-dated checks are not accepted.`, policyRef: ref });
	else if (daysBetween(ck.dated, today) > c.policy.payments.checkStaleDays)
		out.push({
			rule: 'check-stale',
			reason: `The check is dated ${ck.dated}, ${daysBetween(ck.dated, today)} days ago: checks older than ${c.policy.payments.checkStaleDays} days are stale.`,
			policyRef: ref
		});
	if (ck.writtenAmountCents !== ck.numericAmountCents)
		out.push({
			rule: 'check-amounts-disagree',
			reason: `The written amount (${money(ck.writtenAmountCents)}) and the numeric amount (${money(ck.numericAmountCents)}) disagree.`,
			policyRef: ref
		});
	if (ck.signed !== true) out.push({ rule: 'check-unsigned', reason: 'The check is not signed.', policyRef: ref });
	if (ck.numericAmountCents !== c.amountCents)
		out.push({
			rule: 'check-not-payment-amount',
			reason: `The check (${money(ck.numericAmountCents)}) must be for exactly the payment (${money(c.amountCents)}): no cash back from a check.`,
			policyRef: ref
		});
	return out;
}

const hasText = (value: unknown, rule: string, reason: string, policyRef: string): Refusal | null => (text(value).length > 0 ? null : { rule, reason, policyRef });

function identityRefusal(c: Ctx, e: Ev): Refusal | null {
	if (e.type !== 'account.confirmed' && e.type !== 'account.mismatched')
		return { rule: 'account-details-required', reason: 'Enter the account number, holder name and service address.', policyRef: '§3 Payments' };
	const a = c.account;
	const wrong: string[] = [];
	if (digits(e.accountNumber) !== digits(a.accountNumber) || digits(e.accountNumber) === '') wrong.push(`account number ${text(e.accountNumber) || '(none)'}`);
	if (norm(e.holderName) !== norm(a.holderName)) wrong.push(`holder name "${text(e.holderName)}"`);
	if (norm(e.serviceAddress) !== norm(a.serviceAddress)) wrong.push(`service address "${text(e.serviceAddress)}"`);
	return wrong.length === 0
		? null
		: {
				rule: 'account-mismatch',
				reason: `The ${wrong.join(', ')} do${wrong.length === 1 ? 'es' : ''} not match the account on screen. A similar account may exist (a transposed number): look it up; never post to an account whose number, holder and address do not all match.`,
				policyRef: '§3 Payments; §3 Misapplied payment'
			};
}

const payerVerified: Rule<Ctx, Ev> = (c, _e) =>
	c.payer?.verified
		? null
		: {
				rule: 'verify-before-disclosing',
				reason: 'Amounts are spoken only to the verified account holder or a person the holder authorised in writing. Verify first (name + service address + SSN/ITIN last 4, PIN or photo ID), or give the general warning with no figures.',
				policyRef: '§1 Identity before disclosure; §3 Payments',
				critical: 'disclosure-before-verification'
			};

const warningDue: Rule<Ctx, Ev> = (c, _e) => {
	if (c.amountCents === null) return { rule: 'amount-not-entered', reason: 'Enter the payment amount first.', policyRef: '§3 Payments' };
	if (c.warning) return { rule: 'already-warned', reason: 'The warning was already given.', policyRef: '§3 Payments' };
	const threshold = warningThreshold(c);
	return c.amountCents < threshold
		? null
		: {
				rule: 'payment-covers',
				reason:
					threshold === 0
						? 'No lock-off is scheduled and the account is not locked: no warning is needed.'
						: `The payment (${formatCents(c.amountCents)}) covers the ${formatCents(threshold)} needed: no warning is needed.`,
				policyRef: '§3 Payments'
			};
};

const reconnectPlaced: Rule<Ctx, Ev> = (c, _e) =>
	!c.posted?.restoration || c.reconnect
		? null
		: {
				rule: 'reconnect-order-first',
				reason: 'The restoration is paid: place the reconnect order now. Forgetting it leaves a household without service.',
				policyRef: '§6',
				critical: 'restoration-without-reconnect'
			};

const afterHoursAllowed: Rule<Ctx, Ev> = (c, e) => {
	const r = c.policy.restoration;
	if (sameDayAvailable(c, e.at))
		return {
			rule: 'after-hours-same-day-available',
			reason: `Paid by ${formatMinutes(r.sameDayPaidByMinutes)} on a business day, the reconnect is the same day at the ${formatCents(r.reconnectFeeCents)} fee: after-hours is not needed.`,
			policyRef: '§6'
		};
	if (c.account.lockoffCause === 'nsf')
		return {
			rule: 'after-hours-after-nsf',
			reason: 'This lock-off was caused by a returned payment: after-hours restoration is never offered. Reconnect next business day.',
			policyRef: '§6'
		};
	if (c.account.afterHoursRestorationsIn12Months >= r.afterHoursMaxPer12Months)
		return {
			rule: 'after-hours-limit',
			reason: `The account already had ${c.account.afterHoursRestorationsIn12Months} after-hours restorations in the last 12 months (at most ${r.afterHoursMaxPer12Months}). Reconnect next business day.`,
			policyRef: '§6'
		};
	return null;
};

export const counterPaymentRules = {
	isCorrection: (c, _e) => (c.correction ? null : { rule: 'not-a-correction', reason: 'This run takes a payment.', policyRef: '§3' }),
	accountMatches: (c, e) => identityRefusal(c, e),
	accountDiffers: (c, e) =>
		hasText(e.type === 'account.mismatched' ? e.note : '', 'note-required', 'Write what did not match and what the customer was told.', '§1 Account notes') ??
		(identityRefusal(c, e)
			? null
			: { rule: 'account-matches', reason: 'Number, holder name and service address all match this account: confirm it.', policyRef: '§3 Payments' }),
	payerAuthorised: (c, e) => {
		if (e.type !== 'payer.verified') return { rule: 'payer-details-required', reason: 'Enter who is paying and how they were verified.', policyRef: '§1' };
		if (!VERIFICATION_METHODS.includes(e.method))
			return { rule: 'verification-method-required', reason: 'Verify with one of: last 4 of SSN/ITIN, the account PIN, or photo ID at the counter.', policyRef: '§1 Identity before disclosure' };
		if (norm(e.serviceAddress) !== norm(c.account.serviceAddress))
			return { rule: 'verification-address-mismatch', reason: 'The service address given does not match the account: the payer is not verified.', policyRef: '§1 Identity before disclosure' };
		if (norm(e.name) === norm(c.account.holderName)) return null;
		const contact = c.account.authorisedContacts.find((x) => norm(x.name) === norm(e.name));
		if (!contact)
			return {
				rule: 'payer-not-authorised',
				reason: `${text(e.name) || 'The payer'} is not the holder or a person authorised on file: take the payment from an unverified payer (general warning, no figures).`,
				policyRef: '§1 Identity before disclosure; §3 Payments'
			};
		const today = localOf(c, e.at).date;
		if ((contact.validFrom && today < contact.validFrom) || (contact.validTo && today > contact.validTo))
			return { rule: 'authorisation-not-current', reason: `${contact.name}'s written authorisation is not current (${contact.validFrom ?? '…'} – ${contact.validTo ?? '…'}).`, policyRef: '§1' };
		if (!contact.scope.includes('balances'))
			return { rule: 'authorisation-scope', reason: `${contact.name} is authorised for ${contact.scope.join(', ') || 'nothing'}, not balances: no amounts may be spoken.`, policyRef: '§1' };
		return null;
	},
	payerVerified,
	accountLocked: (c, _e) => (c.account.status === 'locked' ? null : { rule: 'account-active', reason: 'The account is not locked off.', policyRef: '§6' }),
	afterHoursAllowed,
	amountValid: (_c, e) =>
		e.type === 'amount.entered' && isCents(e.amountCents) && (e.stubAmountCents == null || (Number.isSafeInteger(e.stubAmountCents) && e.stubAmountCents >= 0))
			? null
			: { rule: 'amount-invalid', reason: `Enter the payment as a positive amount in dollars and cents (got ${money(e.type === 'amount.entered' ? e.amountCents : undefined)}).`, policyRef: '§3 Payments' },
	shortfallWarningDue: (c, e) => payerVerified(c, e) ?? warningDue(c, e),
	generalWarningDue: (c, e) =>
		warningDue(c, e) ??
		(c.payer?.verified
			? {
					rule: 'say-the-amount',
					reason: `The payer is verified: tell them the ${formatCents(warningThreshold(c))} needed ${c.account.status === 'locked' ? 'to restore service' : 'to stop the lock-off'}.`,
					policyRef: '§3 Payments'
				}
			: null),
	cashCovers: (c, e) => {
		const total = e.type === 'cash.received' ? countsTotal(sanitizeCounts(e.counts)) : 0;
		return c.amountCents !== null && total >= c.amountCents
			? null
			: { rule: 'cash-short', reason: `${formatCents(total)} in cash does not cover the ${money(c.amountCents)} payment.`, policyRef: '§2 Take cash' };
	},
	hasScreenedBills: (c, _e) =>
		Object.keys(c.cash?.counts ?? {}).some((k) => screened(c, k))
			? null
			: { rule: 'no-screened-bills', reason: 'No bills of a screened denomination.', policyRef: '§2 Take cash' },
	flagValid: (c, e) => {
		const key = e.type === 'counterfeit.flagged' ? e.denomination : undefined;
		if (!key || !screened(c, key))
			return { rule: 'flag-not-screened', reason: `Screened denominations are ${c.policy.drawer.screenedBillCents.map(formatCents).join(' and ')}.`, policyRef: '§2 Take cash' };
		return (c.cash?.counts[key] ?? 0) > (c.cash?.flagged[key] ?? 0)
			? null
			: { rule: 'flag-not-tendered', reason: `No other ${DENOM_LABEL.get(key)} bill is in this tender.`, policyRef: '§2 Take cash' };
	},
	noCounterfeitAccepted: (c, _e) =>
		flaggedCount(c) > 0 && c.policy.drawer.counterfeitHandling === 'retain'
			? {
					rule: 'counterfeit-retain',
					reason: 'A bill you flagged as counterfeit cannot be accepted: keep the note, ask for another tender, notify a senior and write the incident report.',
					policyRef: '§2 Counterfeit handling',
					critical: 'counterfeit-accepted'
				}
			: null,
	counterfeitToRetain: (c, e) =>
		flaggedCount(c) === 0
			? { rule: 'nothing-flagged', reason: 'No bill was flagged as counterfeit.', policyRef: '§2 Take cash' }
			: hasText(e.type === 'counterfeit.retained' ? e.note : '', 'note-required', 'Write which note was retained and which senior was notified.', '§2 Counterfeit handling'),
	changeDue: (c, _e) =>
		(c.cash?.tenderedCents ?? 0) > (c.amountCents ?? 0) ? null : { rule: 'no-change-due', reason: 'The cash is exact: no change is due.', policyRef: '§2 Take cash' },
	changeRight: (c, e) => {
		const due = (c.cash?.tenderedCents ?? 0) - (c.amountCents ?? 0);
		const given = e.type === 'change.counted' ? e.changeCents : undefined;
		return given === due
			? null
			: {
					rule: 'change-wrong',
					reason: `Change is ${formatCents(due)} (${formatCents(c.cash?.tenderedCents ?? 0)} tendered − ${formatCents(c.amountCents ?? 0)}), not ${money(given)}. Count it back.`,
					policyRef: '§2 Take cash'
				};
	},
	checkAcceptable: (c, e) => checkProblems(c, e.type === 'check.accepted' ? e.check : undefined, e.at)[0] ?? null,
	checkProblemStated: (c, e) => {
		const problems = checkProblems(c, e.type === 'check.refused' ? e.check : undefined, e.at);
		const stated = e.type === 'check.refused' ? `check-${e.problem}` : '';
		return problems.some((p) => p.rule === stated)
			? null
			: {
					rule: 'check-refusal-unfounded',
					reason: problems.length
						? `That is not this check's problem; it has: ${problems.map((p) => p.rule).join(', ')}.`
						: 'This check meets every §3 rule: accept it, or ask for another tender without refusing the check.',
					policyRef: '§3 Checks'
				};
	},
	moneyOrderAcceptable: (c, e) => {
		if (e.type !== 'moneyOrder.accepted' || (e.instrument !== 'money-order' && e.instrument !== 'cashiers-check'))
			return { rule: 'instrument-required', reason: "Say whether it is a money order or a cashier's check.", policyRef: '§3 Payments' };
		if (norm(e.payee) !== norm(c.policy.utility))
			return { rule: 'money-order-payee', reason: `It must be payable to ${c.policy.utility}.`, policyRef: '§3 Payments' };
		return e.amountCents === c.amountCents
			? null
			: { rule: 'money-order-not-payment-amount', reason: `The instrument (${money(e.amountCents)}) must be for exactly the payment (${money(c.amountCents)}): no cash back.`, policyRef: '§3 Payments' };
	},
	cardClean: (_c, e) => {
		const code = e.type === 'card.approved' ? e.authCode : '';
		if (CARD_NUMBER.test(String(code ?? '')))
			return { rule: 'card-number-recorded', reason: 'Never write or repeat a card number: record only the terminal\u2019s authorisation code.', policyRef: '§3 Payments' };
		return hasText(code, 'auth-code-required', 'Enter the authorisation code from the card terminal.', '§3 Payments');
	},
	isRestoration: (c, _e) => (c.posted?.restoration ? null : { rule: 'not-a-restoration', reason: 'This payment does not restore service.', policyRef: '§6' }),
	reconnectDateRight: (c, e) => {
		const r = c.posted?.restoration;
		const given = e.type === 'reconnect.ordered' ? e.scheduledFor : undefined;
		if (!r) return { rule: 'not-a-restoration', reason: 'This payment does not restore service.', policyRef: '§6' };
		return given === r.scheduledFor
			? null
			: {
					rule: 'reconnect-date-wrong',
					reason: `Paid ${r.paidAtLocal}: the reconnect is ${r.priority} on ${r.scheduledFor}, not ${text(given) || '(none)'} (same day when paid by ${formatMinutes(c.policy.restoration.sameDayPaidByMinutes)} on a business day).`,
					policyRef: '§6'
				};
	},
	reconnectPlaced,
	hasNote: (_c, e) =>
		hasText(e.type === 'note.written' ? e.note : '', 'note-required', 'Write the account note: who paid and how verified, what was paid and how, warnings given, next steps.', '§1 Account notes'),
	hasReason: (_c, e) => hasText('reason' in e ? e.reason : '', 'reason-required', 'Write the reason.', '§1 Account notes'),
	voidAllowed: (c, e) => {
		const reason = hasText('reason' in e ? e.reason : '', 'reason-required', 'Write why the payment is voided.', '§3 Misapplied payment');
		if (reason) return reason;
		const k = c.correction;
		if (!k) return { rule: 'not-a-correction', reason: 'Nothing to void.', policyRef: '§3' };
		if (k.batchStatus !== 'open')
			return { rule: 'void-after-batch-close', reason: `Batch ${k.batchRef} has closed: only a transfer to the right account corrects the payment now.`, policyRef: '§3 Misapplied payment' };
		return localOf(c, k.postedAt).date === localOf(c, e.at).date
			? null
			: { rule: 'void-not-same-day', reason: `Only a same-day void is allowed (posted ${localOf(c, k.postedAt).date}): transfer it instead.`, policyRef: '§3 Misapplied payment' };
	},
	transferValid: (c, e) => {
		const reason = hasText('reason' in e ? e.reason : '', 'reason-required', 'Write why the payment is transferred.', '§3 Misapplied payment');
		if (reason) return reason;
		const to = e.type === 'payment.transferred' ? digits(e.toAccountNumber) : '';
		if (to === '') return { rule: 'transfer-target-required', reason: 'Enter the account the payment belongs to.', policyRef: '§3 Misapplied payment' };
		return to !== digits(c.account.accountNumber)
			? null
			: { rule: 'transfer-same-account', reason: 'The payment is already on this account: transfer it to the right one.', policyRef: '§3 Misapplied payment' };
	}
} satisfies Record<string, Rule<Ctx, Ev>>;

// Step texts quote the published settings (the run's own policy snapshot drives every rule).
const R = defaultPolicy.restoration;
const RESTORE_INSTRUCTIONS =
	`The account is locked off. Restoration needs all past-due + the ${formatCents(defaultPolicy.delinquency.lockoffFeeCents)} lock-off fee + the ${formatCents(R.reconnectFeeCents)} reconnect fee ` +
	`+ a deposit when none is held, in guaranteed funds (no personal check). Paid by ${formatMinutes(R.sameDayPaidByMinutes)} on a business day: same-day reconnect; otherwise next business day, ` +
	`or after-hours for ${formatCents(R.afterHoursFeeCents)} instead of the reconnect fee (at most ${R.afterHoursMaxPer12Months} in 12 months; never after a lock-off caused by a returned payment).`;

const hard = (id: string, description: string, policyRef: string): OrderRule => ({ id, kind: 'hard', description, policyRef });
const WARN_AUTHORITY = { 'shortfall.warned': { minLevel: 'csr1' as const }, 'general.warned': { minLevel: 'csr1' as const } };

function describePayer(p: Payer | null): string {
	if (!p) return 'Payer not recorded.';
	return p.verified ? `Paid by ${p.name} (${p.relation}, verified by ${p.method}).` : `Paid by ${p.name || 'an unnamed payer'} (not verified; no amounts disclosed).`;
}

function closingNote(c: Ctx, csrNote: string): string {
	const parts: string[] = [describePayer(c.payer)];
	const pd = c.posted;
	if (pd && c.tender) {
		const change = c.tender.changeCents > 0 ? `, ${formatCents(c.tender.tenderedCents)} tendered, ${formatCents(c.tender.changeCents)} change counted back` : '';
		parts.push(`Payment ${formatCents(pd.amountCents)} by ${c.tender.kind} (${c.tender.detail}${change}), ref ${pd.ref}, batch ${c.batchRef}.`);
	}
	if (c.stubAmountCents !== null) parts.push(`Stub amount ${formatCents(c.stubAmountCents)}; balance ${formatCents(c.account.balanceCents)}.`);
	if (c.warning)
		parts.push(
			c.warning.kind === 'shortfall'
				? `Told the payer the payment is below the ${formatCents(c.warning.thresholdCents)} needed ${c.account.status === 'locked' ? 'to restore service' : 'to stop the lock-off'}.`
				: 'Gave the general warning (may not stop a scheduled lock-off; the holder can call us), no figures.'
		);
	const r = pd?.restoration;
	if (r)
		parts.push(
			`Restoration: past-due ${formatCents(r.pastDueCents)} + lock-off fee ${formatCents(r.lockoffFeeCents)} + ${r.option === 'after-hours' ? 'after-hours' : 'reconnect'} fee ${formatCents(r.feeCents)}` +
				`${r.depositCents ? ` + deposit ${formatCents(r.depositCents)}` : ''} = ${formatCents(r.requiredCents)}; paid ${r.paidAtLocal}; reconnect order ${c.reconnect?.ref ?? '(none)'} ${r.priority} ${r.scheduledFor}.`
		);
	for (const k of c.refusedChecks) parts.push(`Check ${k.number} refused (${k.problem}).`);
	for (const f of c.counterfeits) parts.push(`Suspected counterfeit ${DENOM_LABEL.get(f.denomination)} retained: ${f.note}.`);
	for (const q of c.quickChangeStops) parts.push(`Quick-change attempt stopped: ${q}.`);
	parts.push(`CSR note: ${csrNote}`);
	return parts.join(' ');
}

export const counterPaymentMachine = setup({
	types: { context: {} as Ctx, events: {} as Ev, input: {} as CounterPaymentInput },
	guards: guardsFromRules(counterPaymentRules),
	actions: {
		confirmAccount: assign(({ context, event }) => ({ accountConfirmed: true, roles: { ...context.roles, csr: event.by.userId } })),
		recordMismatch: assign(({ context, event }) => {
			if (event.type !== 'account.mismatched') return {};
			return {
				mismatch: { accountNumber: text(event.accountNumber), holderName: text(event.holderName), serviceAddress: text(event.serviceAddress), note: text(event.note) },
				roles: { ...context.roles, csr: event.by.userId }
			};
		}),
		recordVerifiedPayer: assign(({ context, event }) => {
			if (event.type !== 'payer.verified') return {};
			const relation = norm(event.name) === norm(context.account.holderName) ? ('holder' as const) : ('authorised' as const);
			return { payer: { verified: true as const, name: text(event.name), relation, method: event.method } };
		}),
		recordUnverifiedPayer: assign(({ event }) => (event.type === 'payer.unverified' ? { payer: { verified: false as const, name: text(event.name) } } : {})),
		recordDisclosure: assign(({ context, event }) => ({ disclosures: [...context.disclosures, event.at] })),
		quoteStandard: assign(({ context }) => ({ quote: restorationQuote(context, 'standard') })),
		quoteAfterHours: assign(({ context }) => ({ quote: restorationQuote(context, 'after-hours') })),
		recordAmount: assign(({ event }) => {
			if (event.type !== 'amount.entered') return {};
			return { amountCents: event.amountCents, stubAmountCents: event.stubAmountCents ?? null };
		}),
		recordShortfallWarning: assign(({ context, event }) => ({ warning: { kind: 'shortfall' as const, thresholdCents: warningThreshold(context), at: event.at } })),
		recordGeneralWarning: assign(({ context, event }) => ({ warning: { kind: 'general' as const, thresholdCents: warningThreshold(context), at: event.at } })),
		receiveCash: assign(({ context, event }) => {
			if (event.type !== 'cash.received') return {};
			const counts = sanitizeCounts(event.counts);
			return { cash: { counts, tenderedCents: countsTotal(counts), flagged: {} }, roles: { ...context.roles, cashier: event.by.userId } };
		}),
		flagCounterfeit: assign(({ context, event }) => {
			if (event.type !== 'counterfeit.flagged' || !context.cash) return {};
			const flagged = { ...context.cash.flagged, [event.denomination]: (context.cash.flagged[event.denomination] ?? 0) + 1 };
			return { cash: { ...context.cash, flagged } };
		}),
		acceptBills: assign(({ context }) => {
			// Under `accept-and-report` a flagged note stays in the tender and is reported.
			if (flaggedCount(context) === 0) return {};
			const summary = `Suspected counterfeit accepted and reported (policy accept-and-report), account ${context.account.accountNumber}, batch ${context.batchRef}.`;
			return { effects: [...context.effects, { type: 'incident.report' as const, summary, accountNumber: context.account.accountNumber }] };
		}),
		retainCounterfeit: assign(({ context, event }) => {
			if (event.type !== 'counterfeit.retained' || !context.cash) return {};
			const note = text(event.note);
			const retained = Object.entries(context.cash.flagged).flatMap(([k, n]) => Array.from({ length: n ?? 0 }, () => ({ denomination: k as DenominationKey, note })));
			const labels = retained.map((r) => DENOM_LABEL.get(r.denomination)).join(', ');
			const effects: Effect[] = [
				...context.effects,
				{ type: 'incident.report', summary: `Suspected counterfeit ${labels} retained at the counter, batch ${context.batchRef}. ${note}`, accountNumber: context.account.accountNumber },
				{ type: 'note.add', accountNumber: context.account.accountNumber, body: `Suspected counterfeit ${labels} retained; senior notified; another tender requested. ${note}`, category: 'payment' }
			];
			return { cash: null, counterfeits: [...context.counterfeits, ...retained], effects };
		}),
		takeCash: assign(({ context }) => {
			const tendered = context.cash?.tenderedCents ?? 0;
			const amount = context.amountCents ?? 0;
			const counts = context.cash?.counts ?? {};
			const detail = Object.entries(counts).map(([k, n]) => `${n}×${DENOM_LABEL.get(k)}`).join(' ');
			return { tender: { kind: 'cash' as const, tenderedCents: tendered, changeCents: tendered - amount, detail } };
		}),
		recordQuickChange: assign(({ context, event }) => (event.type === 'quickChange.stopped' ? { quickChangeStops: [...context.quickChangeStops, text(event.note) || 'stopped'] } : {})),
		takeCheck: assign(({ context, event }) => {
			if (event.type !== 'check.accepted') return {};
			return {
				tender: { kind: 'check' as const, tenderedCents: event.check.numericAmountCents, changeCents: 0, detail: `check ${text(event.check.number)}` },
				roles: { ...context.roles, cashier: event.by.userId }
			};
		}),
		refuseCheck: assign(({ context, event }) => {
			if (event.type !== 'check.refused') return {};
			return { refusedChecks: [...context.refusedChecks, { number: text(event.check?.number), problem: event.problem }] };
		}),
		takeMoneyOrder: assign(({ context, event }) => {
			if (event.type !== 'moneyOrder.accepted') return {};
			return {
				tender: { kind: 'money-order' as const, tenderedCents: event.amountCents, changeCents: 0, detail: event.instrument === 'cashiers-check' ? "cashier's check" : 'money order' },
				roles: { ...context.roles, cashier: event.by.userId }
			};
		}),
		takeCard: assign(({ context, event }) => {
			if (event.type !== 'card.approved') return {};
			return {
				tender: { kind: 'card' as const, tenderedCents: context.amountCents ?? 0, changeCents: 0, detail: `card auth ${text(event.authCode)}` },
				roles: { ...context.roles, cashier: event.by.userId }
			};
		}),
		postPayment: assign(({ context, event }) => {
			const t = context.tender;
			const amount = context.amountCents ?? 0;
			if (!t) return {};
			const acct = context.account.accountNumber;
			const ref = `PAY-${context.batchRef}-${acct}-${event.at}`;
			const slips = warningIsDue(context) ? [...context.softOrderSlips, 'shortfall-warning-before-posting'] : context.softOrderSlips;
			const effects: Effect[] = [...context.effects];
			let restoration: PostedPayment['restoration'] = null;
			if (restores(context) && context.quote) {
				const q = context.quote;
				restoration = { ...q, ...restorationSchedule(context.policy, q.option, event.at) };
				const feeMemo = q.option === 'after-hours' ? 'After-hours restoration fee (instead of the reconnect fee)' : 'Reconnect fee';
				effects.push({ type: 'ledger.post', accountNumber: acct, kind: 'fee', amountCents: q.feeCents, memo: feeMemo, ref: `${ref}-FEE` });
				if (q.depositCents > 0) {
					effects.push({ type: 'ledger.post', accountNumber: acct, kind: 'deposit', amountCents: q.depositCents, memo: 'Security deposit required after disconnection', ref: `${ref}-DEP` });
					effects.push({ type: 'account.update', accountNumber: acct, depositHeldCents: q.depositCents });
				}
			}
			// Payments are negative (they reduce the balance); see the sign convention at the top.
			effects.push({ type: 'ledger.post', accountNumber: acct, kind: 'payment', tender: t.kind, amountCents: -amount, memo: `Counter payment (${t.detail}), batch ${context.batchRef}`, ref, batchRef: context.batchRef });
			return {
				effects,
				softOrderSlips: slips,
				posted: { ref, at: event.at, amountCents: amount, tender: t.kind, restoration },
				roles: { ...context.roles, cashier: context.roles.cashier ?? event.by.userId }
			};
		}),
		orderReconnect: assign(({ context, event }) => {
			const r = context.posted?.restoration;
			if (!r) return {};
			const ref = `RC-${context.account.accountNumber}-${event.at}`;
			const effect: Effect = {
				type: 'workOrder.create',
				ref,
				accountNumber: context.account.accountNumber,
				kind: 'reconnect',
				scheduledFor: r.scheduledFor,
				priority: r.priority,
				memo: `Restoration paid ${r.paidAtLocal}, payment ${context.posted?.ref}`
			};
			return { reconnect: { ref, scheduledFor: r.scheduledFor, priority: r.priority }, effects: [...context.effects, effect] };
		}),
		issueReceipt: assign(({ context, event }) => ({ receipt: { ref: context.posted?.ref ?? '', at: event.at } })),
		writeNote: assign(({ context, event }) => {
			if (event.type !== 'note.written') return {};
			return { effects: [...context.effects, { type: 'note.add' as const, accountNumber: context.account.accountNumber, body: closingNote(context, text(event.note)), category: 'payment' }] };
		}),
		abandon: assign(({ context, event }) => {
			if (event.type !== 'payment.abandoned') return {};
			const reason = text(event.reason);
			// Only an account confirmed as the payer's gets a note; an unconfirmed one may be someone else's.
			const effects: Effect[] = context.accountConfirmed
				? [...context.effects, { type: 'note.add', accountNumber: context.account.accountNumber, body: `${describePayer(context.payer)} No payment taken: ${reason}`, category: 'payment' }]
				: context.effects;
			return { abandoned: reason, effects };
		}),
		voidPayment: assign(({ context, event }) => {
			const k = context.correction;
			if (event.type !== 'payment.voided' || !k) return {};
			const acct = context.account.accountNumber;
			const ref = `VOID-${k.originalRef}`;
			const reason = text(event.reason);
			const effects: Effect[] = [
				...context.effects,
				// The reversal takes the payment's credit back off: a positive entry of the same size.
				{ type: 'ledger.post', accountNumber: acct, kind: 'reversal', tender: k.tender, amountCents: k.amountCents, memo: `Same-day void of ${k.originalRef}: ${reason}`, correctsRef: k.originalRef, ref },
				{ type: 'note.add', accountNumber: acct, body: `Payment ${k.originalRef} (${formatCents(k.amountCents)}, ${k.tender}) voided the same day before batch ${k.batchRef} closed, approved by ${event.by.name ?? event.by.userId}. ${reason}`, category: 'payment' }
			];
			return { corrected: { kind: 'void' as const, ref, toAccountNumber: null, reason }, effects, roles: { ...context.roles, approver: event.by.userId } };
		}),
		transferPayment: assign(({ context, event }) => {
			const k = context.correction;
			if (event.type !== 'payment.transferred' || !k) return {};
			const from = context.account.accountNumber;
			const to = text(event.toAccountNumber);
			const ref = `XFER-${k.originalRef}`;
			const reason = text(event.reason);
			const effects: Effect[] = [
				...context.effects,
				{ type: 'ledger.post', accountNumber: from, kind: 'transfer', amountCents: k.amountCents, memo: `Misapplied payment ${k.originalRef} transferred to ${to}: ${reason}`, correctsRef: k.originalRef, ref: `${ref}-OUT` },
				{ type: 'ledger.post', accountNumber: to, kind: 'transfer', amountCents: -k.amountCents, memo: `Misapplied payment ${k.originalRef} transferred from ${from}: ${reason}`, correctsRef: k.originalRef, ref: `${ref}-IN` },
				{ type: 'note.add', accountNumber: from, body: `Payment ${k.originalRef} (${formatCents(k.amountCents)}) was misapplied to this account; transferred to ${to}. ${reason}`, category: 'payment' },
				{ type: 'note.add', accountNumber: to, body: `Payment ${k.originalRef} (${formatCents(k.amountCents)}) misapplied to ${from}; transferred to this account. ${reason}`, category: 'payment' }
			];
			return { corrected: { kind: 'transfer' as const, ref, toAccountNumber: to, reason }, effects };
		})
	}
}).createMachine({
	id: 'counterPayment',
	context: ({ input }) => ({
		policy: input.policy,
		account: input.account,
		batchRef: input.batchRef,
		correction: input.correction ?? null,
		accountConfirmed: false,
		mismatch: null,
		payer: null,
		disclosures: [],
		quote: null,
		amountCents: null,
		stubAmountCents: null,
		warning: null,
		cash: null,
		counterfeits: [],
		refusedChecks: [],
		quickChangeStops: [],
		tender: null,
		posted: null,
		reconnect: null,
		receipt: null,
		abandoned: null,
		corrected: null,
		effects: [],
		softOrderSlips: [],
		roles: {}
	}),
	// Saying an amount is allowed at any step, but only to a verified payer (§1; critical otherwise).
	on: { 'balance.disclosed': { guard: 'payerVerified', actions: 'recordDisclosure' } },
	initial: 'start',
	states: {
		start: { always: [{ guard: 'isCorrection', target: 'correct' }, { target: 'intake' }] },
		// Everything before the payment is posted: the customer may still leave without paying.
		intake: {
			on: {
				'payment.abandoned': { guard: 'hasReason', target: 'notPaid', actions: 'abandon' },
				'shortfall.warned': { guard: 'shortfallWarningDue', actions: 'recordShortfallWarning' },
				'general.warned': { guard: 'generalWarningDue', actions: 'recordGeneralWarning' }
			},
			initial: 'identify',
			states: {
				identify: {
					meta: {
						step: {
							id: 'identify',
							title: 'Identify the account',
							instructions:
								'Take the stub or the account number and confirm the number, the holder name and the service address with the customer. If any of them does not match, do not post: a similar account may exist (a transposed number).',
							policyRef: '§3 Payments; §3 Misapplied payment',
							authority: { 'account.confirmed': { minLevel: 'csr1', takesRole: 'csr' }, 'account.mismatched': { minLevel: 'csr1', takesRole: 'csr' } }
						}
					},
					on: {
						'account.confirmed': { guard: 'accountMatches', target: 'verifyPayer', actions: 'confirmAccount' },
						'account.mismatched': { guard: 'accountDiffers', target: '#counterPayment.accountMismatch', actions: 'recordMismatch' }
					}
				},
				verifyPayer: {
					meta: {
						step: {
							id: 'verifyPayer',
							title: 'Who is paying?',
							instructions:
								'Anyone may pay. Only the account holder or a person the holder authorised in writing hears amounts: verify name + service address + last 4 of SSN/ITIN, the PIN or photo ID. Otherwise take the payment without saying any figure.',
							policyRef: '§1 Identity before disclosure; §3 Payments',
							authority: { 'payer.verified': { minLevel: 'csr1' }, 'payer.unverified': { minLevel: 'csr1' }, 'balance.disclosed': { minLevel: 'csr1' } },
							order: [hard('verify-before-disclosure', 'The payer is verified before any amount is spoken.', '§1 Identity before disclosure')]
						}
					},
					on: {
						'payer.verified': { guard: 'payerAuthorised', target: 'routeAccount', actions: 'recordVerifiedPayer' },
						'payer.unverified': { target: 'routeAccount', actions: 'recordUnverifiedPayer' }
					}
				},
				routeAccount: { always: [{ guard: 'accountLocked', target: 'restoreOption' }, { target: 'compare' }] },
				restoreOption: {
					meta: {
						step: {
							id: 'restoreOption',
							title: 'Locked off: standard or after-hours restoration',
							instructions: RESTORE_INSTRUCTIONS,
							policyRef: '§6; §4 Existing customers',
							authority: { 'restoration.standard': { minLevel: 'csr1' }, 'restoration.afterHours': { minLevel: 'csr1' } }
						}
					},
					on: {
						'restoration.standard': { target: 'compare', actions: 'quoteStandard' },
						'restoration.afterHours': { guard: 'afterHoursAllowed', target: 'compare', actions: 'quoteAfterHours' }
					}
				},
				compare: {
					meta: {
						step: {
							id: 'compare',
							title: 'Compare the stub to the balance; enter the amount',
							instructions:
								'Compare the stub with the balance and enter what the customer pays. If it will not cover the lock-off amount (or the restoration total), say so: with the figures to a verified payer; otherwise the general warning ("this may not stop a scheduled lock-off; the account holder can call us").',
							policyRef: '§3 Payments',
							authority: { 'amount.entered': { minLevel: 'csr1' }, ...WARN_AUTHORITY }
						}
					},
					on: { 'amount.entered': { guard: 'amountValid', target: 'tender', actions: 'recordAmount' } }
				},
				tender: {
					initial: 'choose',
					states: {
						choose: {
							meta: {
								step: {
									id: 'tender',
									title: 'Take the tender',
									instructions:
										'Cash, check, money order or cashier\u2019s check, or card (the customer inserts or taps; never write or repeat a card number). Checks: payable to the utility, not two-party, not post-dated, not stale, amounts agree, signed, no cash back; never from a cash-only account or for a restoration.',
									policyRef: '§3 Payments; §3 Checks',
									authority: {
										'cash.received': { minLevel: 'csr1', takesRole: 'cashier' },
										'check.accepted': { minLevel: 'csr1', takesRole: 'cashier' },
										'check.refused': { minLevel: 'csr1' },
										'moneyOrder.accepted': { minLevel: 'csr1', takesRole: 'cashier' },
										'card.approved': { minLevel: 'csr1', takesRole: 'cashier' },
										...WARN_AUTHORITY
									},
									order: [hard('amount-before-tender', 'The amount is entered before the tender is taken.', '§3 Payments')]
								}
							},
							on: {
								'cash.received': { guard: 'cashCovers', target: 'screenRoute', actions: 'receiveCash' },
								'check.accepted': { guard: 'checkAcceptable', target: '#counterPayment.intake.post', actions: 'takeCheck' },
								'check.refused': { guard: 'checkProblemStated', target: 'choose', actions: 'refuseCheck' },
								'moneyOrder.accepted': { guard: 'moneyOrderAcceptable', target: '#counterPayment.intake.post', actions: 'takeMoneyOrder' },
								'card.approved': { guard: 'cardClean', target: '#counterPayment.intake.post', actions: 'takeCard' }
							}
						},
						screenRoute: { always: [{ guard: 'hasScreenedBills', target: 'screen' }, { target: 'changeRoute' }] },
						screen: {
							meta: {
								step: {
									id: 'screen',
									title: 'Screen the large bills',
									instructions:
										'Screen every $50 and $100 bill. Flag any suspected counterfeit: keep the note, ask for another tender, notify a senior and write the incident report. Keep the tendered bills on the ledge.',
									policyRef: '§2 Take cash; §2 Counterfeit handling',
									authority: {
										'counterfeit.flagged': { minLevel: 'csr1' },
										'bills.accepted': { minLevel: 'csr1' },
										'counterfeit.retained': { minLevel: 'csr1' },
										...WARN_AUTHORITY
									}
								}
							},
							on: {
								'counterfeit.flagged': { guard: 'flagValid', target: 'screen', actions: 'flagCounterfeit' },
								'bills.accepted': { guard: 'noCounterfeitAccepted', target: 'changeRoute', actions: 'acceptBills' },
								'counterfeit.retained': { guard: 'counterfeitToRetain', target: 'choose', actions: 'retainCounterfeit' }
							}
						},
						changeRoute: {
							always: [
								{ guard: 'changeDue', target: 'change' },
								{ target: '#counterPayment.intake.post', actions: 'takeCash' }
							]
						},
						change: {
							meta: {
								step: {
									id: 'change',
									title: 'Count the change back',
									instructions:
										'Change = tendered − amount. Count it back to the customer with the tendered bill still on the ledge. If the customer asks to swap bills mid-count, stop and finish this transaction first.',
									policyRef: '§2 Take cash',
									authority: { 'change.counted': { minLevel: 'csr1' }, 'quickChange.stopped': { minLevel: 'csr1' }, ...WARN_AUTHORITY }
								}
							},
							on: {
								'change.counted': { guard: 'changeRight', target: '#counterPayment.intake.post', actions: 'takeCash' },
								'quickChange.stopped': { target: 'change', actions: 'recordQuickChange' }
							}
						}
					}
				},
				post: {
					meta: {
						step: {
							id: 'post',
							title: 'Post to the open batch',
							instructions:
								'Post the payment to your open batch. A restoration also posts the reconnect (or after-hours) fee and any deposit now required.',
							policyRef: '§3 Payments; §6',
							authority: { 'payment.posted': { minLevel: 'csr1', takesRole: 'cashier' }, ...WARN_AUTHORITY },
							order: [
								hard('identify-before-posting', 'Number, holder and service address are confirmed before posting.', '§3 Payments'),
								{
									id: 'shortfall-warning-before-posting',
									kind: 'soft',
									description: 'A payment below the lock-off amount (or restoration total) is preceded by the warning (F-08).',
									policyRef: '§3 Payments'
								}
							]
						}
					},
					on: { 'payment.posted': { target: '#counterPayment.afterPost', actions: 'postPayment' } }
				}
			}
		},
		afterPost: { always: [{ guard: 'isRestoration', target: 'reconnect' }, { target: 'receipt' }] },
		reconnect: {
			meta: {
				step: {
					id: 'reconnect',
					title: 'Place the reconnect order',
					instructions:
						'The restoration is paid: create the reconnect work order now — same day when paid by the cut-off on a business day, next business day otherwise, or after-hours when chosen. Nothing else comes first.',
					policyRef: '§6',
					authority: { 'reconnect.ordered': { minLevel: 'csr1' } },
					order: [hard('reconnect-after-restoration', 'The reconnect order is the next step after a restoration payment; the run cannot finish without it.', '§6')]
				}
			},
			on: {
				'reconnect.ordered': { guard: 'reconnectDateRight', target: 'receipt', actions: 'orderReconnect' },
				// Only to explain the refusal (critical): moving on to the receipt without the order.
				'receipt.issued': { guard: 'reconnectPlaced', target: 'note', actions: 'issueReceipt' }
			}
		},
		receipt: {
			meta: {
				step: {
					id: 'receipt',
					title: 'Give the receipt',
					instructions: 'Print or hand over the receipt with the amount, tender, change and payment reference.',
					policyRef: '§3 Payments',
					authority: { 'receipt.issued': { minLevel: 'csr1' } }
				}
			},
			on: { 'receipt.issued': { guard: 'reconnectPlaced', target: 'note', actions: 'issueReceipt' } }
		},
		note: {
			meta: {
				step: {
					id: 'note',
					title: 'Account note',
					instructions: 'Note who paid and how they were verified, what was paid and how, warnings given, refused tenders, the reconnect order and next steps.',
					policyRef: '§1 Account notes',
					authority: { 'note.written': { minLevel: 'csr1' } }
				}
			},
			on: { 'note.written': { guard: 'hasNote', target: 'finish', actions: 'writeNote' } }
		},
		finish: { always: [{ guard: 'isRestoration', target: 'restored' }, { target: 'paid' }] },
		correct: {
			meta: {
				step: {
					id: 'correct',
					title: 'Correct a misapplied payment',
					instructions:
						'Same day, before the batch closes: a senior may void the payment (a reversal entry pointing at it). After the batch closes only a transfer to the right account, with notes on both accounts.',
					policyRef: '§3 Misapplied payment; §1 Never edit history',
					authority: {
						'payment.voided': { minLevel: 'senior', takesRole: 'approver' },
						'payment.transferred': { minLevel: 'csr2' }
					}
				}
			},
			on: {
				'payment.voided': { guard: 'voidAllowed', target: 'voided', actions: 'voidPayment' },
				'payment.transferred': { guard: 'transferValid', target: 'transferred', actions: 'transferPayment' }
			}
		},
		paid: { type: 'final', meta: { outcome: 'paid' } },
		restored: { type: 'final', meta: { outcome: 'restored' } },
		notPaid: { type: 'final', meta: { outcome: 'not-paid' } },
		accountMismatch: { type: 'final', meta: { outcome: 'account-mismatch' } },
		voided: { type: 'final', meta: { outcome: 'voided' } },
		transferred: { type: 'final', meta: { outcome: 'transferred' } }
	}
});

/**
 * Customer security deposit decision (C-DEPOSIT, policy §4; authority ladder.md).
 *
 * Verify identity and right to occupy (tenant: lease or landlord form; owner: deed or tax notice) →
 * utility credit check (findings recorded in context) → a premise disconnected in the last 12 months
 * for someone else's debt: confirm by lease/move-in date that the applicant is not that occupant (or
 * record that they are: their debt and disconnection then count) → an unpaid Riverton balance or
 * write-off of the applicant or a listed adult must be paid or put on a plan, otherwise the service is
 * denied → decide: waiver (CSR II+), the policy deposit (standard / no-history / doubled, CSR I) or a
 * supervisor's exception with a reason → collect now or, above the installment threshold, 50 % now and
 * the rest over the next 2 bills → receipt and account note with the refund-eligibility date.
 *
 * A CSR below the level a waiver or exception needs refers it (ladder.md "steps that always need a higher
 * level"): the run then waits on a second person — a CSR II+ applies the waiver, a supervisor approves the
 * exception — who confirms on the same screen or from their verification queue; the referrer may withdraw.
 *
 * The CSR chooses the decision; the machine refuses the wrong one with the reason: charging where a
 * waiver applies, or waiving where bad history (or any write-off) applies, is the §9 critical error
 * `deposit-waiver-misapplied`. A charged amount must equal the §4 computation (src/lib/domain/deposit.ts).
 *
 * Effects: collecting posts the deposit as a `deposit` charge and the amount paid now as a `payment`
 * (tender recorded) so the account balance stays right (the installments remain owed and are billed),
 * sets `depositHeldCents` to what is held now, and the closing note carries the refund-eligibility date.
 * Paying an old debt happens in the counter-payment procedure; this run records its receipt or plan.
 */
import { assign, setup } from 'xstate';
import { formatCents } from '$lib/domain/money';
import { policy as defaultPolicy } from '$lib/policy/settings';
import type { IsoDate } from '$lib/domain/calendar';
import { withinMonths } from '$lib/domain/calendar';
import {
	badHistory,
	checkLetter,
	checkOwnHistory,
	depositAmount,
	installmentPlan,
	installmentsAllowed,
	outstandingDebt,
	refundEligibilityDate,
	standardDeposit,
	type BadHistoryItem,
	type Bill,
	type CreditFinding,
	type InstallmentPlan,
	type LetterCheck,
	type LetterOfCredit,
	type OwnHistoryCheck,
	type PriorAccount,
	type StandardDeposit
} from '$lib/domain/deposit';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Actor, Cents, Effect, OrderRule, Policy, ProcedureContextBase, Refusal, Stamp } from './shared/types';

export const MACHINE_VERSION = 2;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

export type DocumentKind = 'photo-id' | 'lease' | 'landlord-form' | 'deed' | 'tax-notice';
export type WaiverBasis = 'letter-of-credit' | 'own-history' | 'owner-autopay';
export type CounterTender = 'cash' | 'check' | 'money-order' | 'card';
export const COUNTER_TENDERS: readonly CounterTender[] = ['cash', 'check', 'money-order', 'card'];

/** Documents that show the right to occupy, per occupancy (policy §4 Steps). */
export const RIGHT_TO_OCCUPY: Record<'tenant' | 'owner', readonly DocumentKind[]> = {
	tenant: ['lease', 'landlord-form'],
	owner: ['deed', 'tax-notice']
};

export interface DepositApplication {
	applicantName: string;
	occupancy: 'tenant' | 'owner';
	/** What the applicant brought to the counter. */
	documentsPresented: DocumentKind[];
	/** Adults listed on the application (their credit findings are in `credit`). */
	listedAdults: string[];
	/** Owner-occupant signing an ACH autopay authorisation with this application. */
	enrollingInAutopay: boolean;
}

export interface PremiseInfo {
	serviceAddress: string;
	/** The premise's bills (any occupant), with dates; only those in the last 12 months count. */
	bills: Bill[];
	/** The premise was disconnected for another person's debt (F-20); relevant when in the last 12 months. */
	disconnectedForOthersDebt: { date: IsoDate; priorOccupant: string } | null;
}

export interface DepositDecisionInput {
	policy: Policy;
	/** The application date (local). */
	today: IsoDate;
	/** The new service account (pending) the deposit and notes go to. */
	accountNumber: string;
	serviceStartDate: IsoDate;
	/** Day of the month the account is billed (clamped to the month's last day). */
	billingCycleDay: number;
	application: DepositApplication;
	premise: PremiseInfo;
	/** Riverton credit findings per person on the application (applicant and listed adults). */
	credit: CreditFinding[];
	letterOfCredit: LetterOfCredit | null;
	/** The applicant's own prior Riverton accounts. */
	priorAccounts: PriorAccount[];
}

/** Everything §4 decides from the inputs; recomputed by rules, stored for the UI after the credit check. */
export interface Assessment {
	standard: StandardDeposit;
	badHistory: BadHistoryItem[];
	/** Bad history in the window: the deposit is multiplied. */
	doubles: boolean;
	/** Bad history or any write-off: waivers are unavailable. */
	waiversBlocked: boolean;
	kind: 'standard' | 'no-history' | 'doubled';
	/** The policy deposit when no waiver is applied. */
	amountCents: Cents;
	debt: ReturnType<typeof outstandingDebt>;
	/** The premise's disconnection for another person's debt, when in the last 12 months. */
	premiseFlag: { date: IsoDate; priorOccupant: string } | null;
	letter: LetterCheck | null;
	ownHistory: OwnHistoryCheck;
	ownerAutopay: boolean;
	/** Waivers that apply (empty when blocked). */
	waivers: WaiverBasis[];
}

export type PriorOccupantFinding =
	| { status: 'cleared'; evidence: 'lease' | 'move-in-date'; moveInDate: IsoDate }
	| { status: 'matched'; debtCents: Cents; note: string };

export interface Decision {
	kind: 'standard' | 'no-history' | 'doubled' | 'waived' | 'exception';
	amountCents: Cents;
	basis: WaiverBasis | null;
	reason: string | null;
	by: string;
	/** Who decided, as people read it (the account note names them). */
	byName: string;
}

/** A waiver or exception referred to someone with the authority for it, while the run waits on them. */
export type Referral = { kind: 'waiver'; basis: WaiverBasis; by: string } | { kind: 'exception'; amountCents: Cents; reason: string; by: string };

export interface Collection {
	mode: 'now' | 'installments';
	tender: CounterTender;
	nowCents: Cents;
	installments: InstallmentPlan['bills'];
	receiptRef: string;
}

export interface DepositDecisionContext extends ProcedureContextBase, DepositDecisionInput {
	identity: { documents: DocumentKind[]; by: string } | null;
	assessment: Assessment | null;
	priorOccupant: PriorOccupantFinding | null;
	debtResolution: { how: 'paid'; amountCents: Cents; ref: string } | { how: 'plan'; ref: string } | null;
	decision: Decision | null;
	referral: Referral | null;
	collection: Collection | null;
	refundEligibleOn: IsoDate | null;
	denial: { reason: string; step: 'identify' | 'resolveDebt' } | null;
}

export type DepositDecisionEvent =
	| ({ type: 'identity.verified'; documents: DocumentKind[] } & Stamp)
	| ({ type: 'application.denied'; reason: string } & Stamp)
	| ({ type: 'credit.checked' } & Stamp)
	| ({ type: 'priorOccupant.cleared'; evidence: 'lease' | 'move-in-date'; moveInDate: IsoDate } & Stamp)
	| ({ type: 'priorOccupant.matched'; debtCents: Cents; note: string } & Stamp)
	| ({ type: 'debt.paid'; amountCents: Cents; receiptRef: string } & Stamp)
	| ({ type: 'debt.planned'; planRef: string } & Stamp)
	| ({ type: 'deposit.charged'; amountCents: Cents } & Stamp)
	| ({ type: 'waiver.applied'; basis: WaiverBasis } & Stamp)
	| ({ type: 'exception.approved'; amountCents: Cents; reason: string } & Stamp)
	| ({ type: 'waiver.referred'; basis: WaiverBasis } & Stamp)
	| ({ type: 'exception.referred'; amountCents: Cents; reason: string } & Stamp)
	| ({ type: 'referral.withdrawn' } & Stamp)
	| ({ type: 'deposit.collected'; tender: CounterTender } & Stamp)
	| ({ type: 'installments.set'; tender: CounterTender } & Stamp)
	| ({ type: 'note.written'; note: string } & Stamp);

type Ctx = DepositDecisionContext;
type Ev = DepositDecisionEvent;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Formats any number safely: rules must explain, never throw, on malformed event amounts. */
const money = (x: unknown) => (typeof x === 'number' && Number.isSafeInteger(x) ? formatCents(x) : String(x));
const text = (x: unknown) => (typeof x === 'string' ? x.trim() : '');
const isWholeDollars = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x % 100 === 0;

/** The applicant's own disconnection and debt when they turn out to be the premise's prior occupant. */
function findingsOf(c: Pick<Ctx, 'credit' | 'priorOccupant' | 'premise' | 'application'>): CreditFinding[] {
	const prior = c.priorOccupant;
	const flag = c.premise.disconnectedForOthersDebt;
	if (prior?.status !== 'matched' || !flag) return c.credit;
	return [
		...c.credit,
		{
			person: c.application.applicantName,
			relation: 'applicant',
			unpaidBalanceCents: prior.debtCents,
			writeOffs: [],
			disconnectionsForNonPayment: [flag.date],
			returnedPayments: []
		}
	];
}

/** The §4 assessment of a run's inputs (pure; the machine's rules and the UI read the same answer). */
export function assessDeposit(
	c: Pick<Ctx, 'policy' | 'today' | 'premise' | 'credit' | 'priorOccupant' | 'application' | 'letterOfCredit' | 'priorAccounts'>
): Assessment {
	const s = c.policy.deposit;
	const standard = standardDeposit(c.premise.bills, c.today, s);
	const items = badHistory(findingsOf(c), c.today, s);
	const doubles = items.some((i) => i.doubles);
	const waiversBlocked = items.length > 0;
	const flag = c.premise.disconnectedForOthersDebt;
	const letter = c.letterOfCredit ? checkLetter(c.letterOfCredit, c.today, s) : null;
	const ownHistory = checkOwnHistory(c.priorAccounts, s);
	const ownerAutopay = c.application.occupancy === 'owner' && c.application.enrollingInAutopay;
	const waivers: WaiverBasis[] = waiversBlocked
		? []
		: [...(letter?.ok ? (['letter-of-credit'] as const) : []), ...(ownHistory.ok ? (['own-history'] as const) : []), ...(ownerAutopay ? (['owner-autopay'] as const) : [])];
	return {
		standard,
		badHistory: items,
		doubles,
		waiversBlocked,
		kind: doubles ? 'doubled' : standard.basis === 'history' ? 'standard' : 'no-history',
		amountCents: depositAmount(standard, doubles, s),
		debt: outstandingDebt(findingsOf(c)),
		premiseFlag: flag && withinMonths(flag.date, c.today, s.historyMonths) ? flag : null,
		letter,
		ownHistory,
		ownerAutopay,
		waivers
	};
}

const BASIS_LABEL: Record<WaiverBasis, string> = {
	'letter-of-credit': 'letter of credit',
	'own-history': 'own Riverton history',
	'owner-autopay': 'owner-occupant enrolling in ACH autopay'
};

/** How the policy amount was reached, in words a CSR can check. */
export function explainAmount(a: Assessment, p: Policy): string {
	const s = p.deposit;
	const st = a.standard;
	const base =
		st.basis === 'history'
			? `ceil(${s.averageMultiplier} × ${formatCents(st.sumCents)} ÷ ${st.billCount} bills) = ${formatCents(st.computedCents)}`
			: `${st.billCount} bill${st.billCount === 1 ? '' : 's'} in the last ${s.historyMonths} months (fewer than ${s.minimumBillsForHistory}): no-history amount ${formatCents(st.computedCents)}`;
	const min = st.minimumApplied ? `, raised to the ${formatCents(s.minimumCents)} minimum` : '';
	const dbl = a.doubles ? `, × ${s.badHistoryMultiplier} for bad history = ${formatCents(a.amountCents)}` : '';
	return `${base}${min}${dbl}`;
}

function describeBadHistory(items: readonly BadHistoryItem[]): string {
	const label = { 'write-off': 'write-off', disconnection: 'disconnection for non-payment', 'returned-payments': 'returned payments' } as const;
	return items.map((i) => `${i.person}: ${label[i.kind]} (${i.date})`).join('; ');
}

function describeWaivers(a: Assessment, c: Ctx): string {
	return a.waivers
		.map((w) =>
			w === 'letter-of-credit' && c.letterOfCredit && a.letter
				? `letter of credit from ${c.letterOfCredit.utility} dated ${c.letterOfCredit.issuedOn} (${a.letter.ageDays} days old)`
				: w === 'own-history' && a.ownHistory.ok
					? `own history on closed account ${a.ownHistory.accountNumber}`
					: BASIS_LABEL[w]
		)
		.join('; ');
}

const hasDoc = (docs: readonly DocumentKind[], kinds: readonly DocumentKind[]) => kinds.some((k) => docs.includes(k));

/** What is missing for identity and right to occupy, given documents; null when enough. */
function documentsRefusal(c: Ctx, docs: readonly DocumentKind[]): Refusal | null {
	if (!docs.includes('photo-id'))
		return { rule: 'identity-not-shown', reason: 'Verify the applicant with photo ID before anything else.', policyRef: '§4 Steps; §1 Identity' };
	const needed = RIGHT_TO_OCCUPY[c.application.occupancy];
	if (!hasDoc(docs, needed))
		return {
			rule: 'right-to-occupy-not-shown',
			reason: `A ${c.application.occupancy} shows the right to occupy with ${needed.join(' or ')}.`,
			policyRef: '§4 Steps'
		};
	return null;
}

const needsReason = (e: Ev, rule: string, what: string, policyRef: string): Refusal | null =>
	'reason' in e && text(e.reason).length > 0 ? null : { rule, reason: what, policyRef };

const exceptionValid: Rule<Ctx, Ev> = (_c, e) =>
	e.type !== 'exception.approved' && e.type !== 'exception.referred'
		? { rule: 'exception-required', reason: 'Only a supervisor exception goes here.', policyRef: '§4 Authority' }
		: (needsReason(e, 'exception-reason-required', 'An exception outside policy needs the supervisor\u2019s written reason.', '§4 Authority') ??
			(isWholeDollars(e.amountCents)
				? null
				: { rule: 'exception-amount-invalid', reason: `The exception amount must be whole dollars, not ${money(e.amountCents)}.`, policyRef: '§4 Computing it' }));

const tenderAccepted: Rule<Ctx, Ev> = (_c, e) =>
	'tender' in e && (COUNTER_TENDERS as readonly string[]).includes(e.tender)
		? null
		: { rule: 'tender-not-accepted', reason: `Take the deposit in ${COUNTER_TENDERS.join(', ')}.`, policyRef: '§3 Payments' };

const decisionAmount = (c: Ctx): Cents => c.decision?.amountCents ?? 0;

export const depositDecisionRules = {
	documentsShown: (c, e) => {
		if (e.type !== 'identity.verified' || !Array.isArray(e.documents))
			return { rule: 'documents-required', reason: 'List the documents you checked.', policyRef: '§4 Steps' };
		const unseen = e.documents.filter((d) => !c.application.documentsPresented.includes(d));
		if (unseen.length)
			return { rule: 'document-not-presented', reason: `The applicant did not present: ${unseen.join(', ')}.`, policyRef: '§4 Steps' };
		return documentsRefusal(c, e.documents);
	},
	denyUnverifiable: (c, e) =>
		needsReason(e, 'reason-required', 'Write why the application is refused.', '§4 Steps') ??
		(documentsRefusal(c, c.application.documentsPresented)
			? null
			: {
					rule: 'documents-sufficient',
					reason: 'The applicant presented photo ID and proof of the right to occupy: verify them and continue; service is not refused here.',
					policyRef: '§4 Steps'
				}),
	premiseFlagged: (c, _e) =>
		assessDeposit(c).premiseFlag
			? null
			: { rule: 'premise-not-flagged', reason: 'The premise has no disconnection for someone else\u2019s debt in the last 12 months.', policyRef: '§4' },
	notPriorOccupant: (c, e) => {
		const flag = assessDeposit(c).premiseFlag;
		if (e.type !== 'priorOccupant.cleared' || !flag) return { rule: 'prior-occupant-not-flagged', reason: 'Nothing to confirm.', policyRef: '§4' };
		if (e.evidence !== 'lease' && e.evidence !== 'move-in-date')
			return { rule: 'occupancy-evidence-required', reason: 'Confirm with the lease or the move-in date.', policyRef: '§4' };
		if (typeof e.moveInDate !== 'string' || !ISO_DATE.test(e.moveInDate))
			return { rule: 'occupancy-evidence-required', reason: 'Enter the move-in (lease start) date.', policyRef: '§4' };
		return e.moveInDate > flag.date
			? null
			: {
					rule: 'prior-occupant-not-excluded',
					reason: `The move-in date ${e.moveInDate} is not after the disconnection on ${flag.date}: the applicant may be ${flag.priorOccupant}, the occupant whose debt it was.`,
					policyRef: '§4'
				};
	},
	isPriorOccupant: (_c, e) =>
		e.type === 'priorOccupant.matched' && Number.isSafeInteger(e.debtCents) && e.debtCents > 0 && text(e.note).length > 0
			? null
			: {
					rule: 'prior-occupant-debt-required',
					reason: 'Enter the debt that caused the disconnection and how you established that the applicant is that occupant.',
					policyRef: '§4'
				},
	debtOutstanding: (c, _e) => {
		const owed = assessDeposit(c).debt.totalCents;
		return owed > 0 && !c.debtResolution
			? null
			: { rule: 'no-debt-outstanding', reason: 'No unpaid Riverton balance or write-off on the application.', policyRef: '§4' };
	},
	paysDebt: (c, e) => {
		const owed = assessDeposit(c).debt.totalCents;
		if (e.type !== 'debt.paid' || text(e.receiptRef).length === 0)
			return { rule: 'receipt-required', reason: 'Enter the receipt of the payment that cleared the debt.', policyRef: '§4' };
		return Number.isSafeInteger(e.amountCents) && e.amountCents >= owed
			? null
			: {
					rule: 'debt-not-covered',
					reason: `${money(e.amountCents)} does not cover the ${formatCents(owed)} owed: it must be paid in full or put on a payment plan before service starts.`,
					policyRef: '§4'
				};
	},
	planRecorded: (_c, e) =>
		e.type === 'debt.planned' && text(e.planRef).length > 0
			? null
			: { rule: 'plan-reference-required', reason: 'Enter the payment plan\u2019s reference.', policyRef: '§4; §7 Payment plan' },
	denyForDebt: (_c, e) => needsReason(e, 'reason-required', 'Write why service is denied (debt neither paid nor on a plan).', '§4 Steps'),
	chargeIsPolicy: (c, e) => {
		const a = assessDeposit(c);
		if (a.waivers.length > 0)
			return {
				rule: 'waiver-applies',
				reason: `A waiver applies (${describeWaivers(a, c)}): the deposit must be waived by a CSR II or above, not charged.`,
				policyRef: '§4; §9',
				critical: 'deposit-waiver-misapplied'
			};
		const amount = 'amountCents' in e ? e.amountCents : NaN;
		return amount === a.amountCents
			? null
			: {
					rule: 'deposit-amount-wrong',
					reason: `The deposit is ${formatCents(a.amountCents)} (${explainAmount(a, c.policy)}), not ${money(amount)}.`,
					policyRef: '§4 Computing it'
				};
	},
	waiverIsPolicy: (c, e) => {
		const a = assessDeposit(c);
		if (a.waiversBlocked)
			return {
				rule: 'bad-history-no-waiver',
				reason: `Bad history makes waivers unavailable (${describeBadHistory(a.badHistory)}): charge ${formatCents(a.amountCents)}.`,
				policyRef: '§4; §9',
				critical: 'deposit-waiver-misapplied'
			};
		const basis = 'basis' in e ? e.basis : undefined;
		const s = c.policy.deposit;
		if (basis === 'letter-of-credit') {
			const l = a.letter;
			if (!l) return { rule: 'letter-missing', reason: 'No letter of credit was presented.', policyRef: '§4 Waivers' };
			if (l.ok) return null;
			const why = {
				'too-old': `it is dated ${l.ageDays} days before the application; it must be dated within ${s.letterMaxAgeDays} days`,
				'future-dated': 'it is dated after the application',
				'too-few-months': `it must show ${s.letterOfCreditMonths} consecutive months of service`,
				'not-clean': 'it must show no late payment, no returned item and no disconnection'
			}[l.problem];
			return { rule: l.problem === 'too-old' ? 'letter-too-old' : 'letter-not-valid', reason: `The letter of credit does not qualify: ${why}.`, policyRef: '§4 Waivers' };
		}
		if (basis === 'own-history') {
			const o = a.ownHistory;
			if (o.ok) return null;
			const why = {
				none: 'the applicant has no prior Riverton account',
				'not-closed': `account ${o.accountNumber} is not closed`,
				'too-short': `account ${o.accountNumber} was open less than ${s.ownHistoryMonths} months`,
				'late-payment': `account ${o.accountNumber} had a late payment in its last ${s.ownHistoryCleanMonths} months`
			}[o.problem];
			return { rule: 'own-history-not-eligible', reason: `Own history does not qualify: ${why}.`, policyRef: '§4 Waivers' };
		}
		if (basis === 'owner-autopay')
			return a.ownerAutopay
				? null
				: { rule: 'owner-autopay-not-eligible', reason: 'Only an owner-occupant (deed or tax notice) enrolling in ACH autopay qualifies.', policyRef: '§4 Waivers' };
		return { rule: 'waiver-basis-required', reason: 'Choose the waiver: letter of credit, own history or owner-occupant autopay.', policyRef: '§4 Waivers' };
	},
	exceptionRequested: exceptionValid,
	exceptionWaives: (c, e) =>
		exceptionValid(c, e) ??
		('amountCents' in e && e.amountCents === 0 ? null : { rule: 'exception-charges', reason: 'The exception charges a deposit.', policyRef: '§4 Authority' }),
	exceptionCharges: (c, e) =>
		exceptionValid(c, e) ??
		('amountCents' in e && e.amountCents > 0 ? null : { rule: 'exception-waives', reason: 'The exception waives the deposit.', policyRef: '§4 Authority' }),
	tenderAccepted,
	installmentsOffered: (c, e) =>
		installmentsAllowed(decisionAmount(c), c.policy.deposit)
			? tenderAccepted(c, e)
			: {
					rule: 'installments-not-offered',
					reason: `Installments are offered for deposits over ${formatCents(c.policy.deposit.installmentAboveCents)}; this deposit is ${formatCents(decisionAmount(c))}: collect it now.`,
					policyRef: '§4 Installments'
				},
	hasNote: (_c, e) =>
		'note' in e && text(e.note).length > 0
			? null
			: { rule: 'note-required', reason: 'Write the account note: who and how verified, the decision and next steps.', policyRef: '§1 Account notes' },
	wasWaived: (c, _e) => (c.decision && decisionAmount(c) === 0 ? null : { rule: 'deposit-held', reason: 'A deposit was charged.', policyRef: '§4' }),
	wasInstallments: (c, _e) =>
		c.collection?.mode === 'installments' ? null : { rule: 'collected-in-full', reason: 'The deposit was collected in full.', policyRef: '§4' }
} satisfies Record<string, Rule<Ctx, Ev>>;

// Step texts quote the published settings (the run's own policy snapshot drives every rule).
const D = defaultPolicy.deposit;
const DECIDE_INSTRUCTIONS =
	`Bad history (a write-off, a disconnection for non-payment or ${D.badHistoryReturnedItems}+ returned payments in the last ${D.historyMonths} months, applicant or listed adult) ` +
	`multiplies the deposit by ${D.badHistoryMultiplier} and rules out waivers. Otherwise a valid waiver (letter of credit dated within ${D.letterMaxAgeDays} days, own Riverton history, ` +
	`owner-occupant enrolling in ACH autopay) is applied by a CSR II or above (a CSR I refers it to one). Else charge ceil(${D.averageMultiplier} × sum of the last ${D.historyMonths} months' bills ÷ their count) ` +
	`in whole dollars (${formatCents(D.noHistoryCents)} with fewer than ${D.minimumBillsForHistory} bills), at least ${formatCents(D.minimumCents)} before any doubling. ` +
	'Exceptions outside policy: a supervisor, with a reason (others refer them).';
const COLLECT_INSTRUCTIONS =
	`Collect the deposit now; or, for a deposit over ${formatCents(D.installmentAboveCents)}, take ${D.installmentNowPercent} % now and put the rest on the next ` +
	`${D.installmentBills} bills. Give the receipt.`;

const order = (id: string, description: string): OrderRule => ({ id, kind: 'hard', description, policyRef: '§4 Steps' });

const nameOf = (by: Actor): string => by.name ?? by.userId;

function stamp(c: Ctx, e: Ev): string {
	return `${c.accountNumber}-${e.at}`;
}

function closingNote(c: Ctx, csrNote: string): string {
	const a = c.assessment;
	const parts: string[] = [];
	parts.push(`Deposit decision for ${c.application.applicantName} (${c.application.occupancy}), ${c.premise.serviceAddress}.`);
	if (c.identity) parts.push(`Identity and right to occupy verified (${c.identity.documents.join(', ')}).`);
	if (a) {
		parts.push(a.badHistory.length ? `Credit check: ${describeBadHistory(a.badHistory)}.` : 'Credit check: no bad history.');
		if (a.premiseFlag && c.priorOccupant?.status === 'cleared')
			parts.push(`Premise disconnected ${a.premiseFlag.date} for ${a.premiseFlag.priorOccupant}'s debt; applicant moved in ${c.priorOccupant.moveInDate} (${c.priorOccupant.evidence}), not that occupant.`);
		if (c.priorOccupant?.status === 'matched') parts.push(`Applicant is the prior occupant whose debt caused the disconnection: ${c.priorOccupant.note}.`);
	}
	const r = c.debtResolution;
	if (r) parts.push(r.how === 'paid' ? `Prior debt paid: ${formatCents(r.amountCents)}, receipt ${r.ref}.` : `Prior debt on payment plan ${r.ref}.`);
	const d = c.decision;
	if (d && a) {
		if (d.kind === 'waived') {
			const letter = c.letterOfCredit;
			const basis = d.basis === 'letter-of-credit' && letter ? `letter of credit from ${letter.utility} dated ${letter.issuedOn}` : d.basis ? BASIS_LABEL[d.basis] : '';
			parts.push(`Deposit waived (${basis}) by ${d.byName}.`);
		}
		else if (d.kind === 'exception') parts.push(`Supervisor exception by ${d.byName}: ${formatCents(d.amountCents)} (policy ${formatCents(a.amountCents)}). Reason: ${d.reason}.`);
		else parts.push(`Deposit ${d.kind}: ${formatCents(d.amountCents)} = ${explainAmount(a, c.policy)}.`);
	}
	const col = c.collection;
	if (col) {
		parts.push(
			col.mode === 'now'
				? `Collected ${formatCents(col.nowCents)} now (${col.tender}), receipt ${col.receiptRef}.`
				: `Installments: ${formatCents(col.nowCents)} now (${col.tender}), receipt ${col.receiptRef}; ${col.installments.map((i) => `${formatCents(i.amountCents)} on bill ${i.bill} (${i.date})`).join(', ')}.`
		);
	}
	if (c.refundEligibleOn)
		parts.push(
			`Refund eligibility: credited on bill ${c.policy.deposit.refundAfterOnTimeMonths + 1} (${c.refundEligibleOn}) after ${c.policy.deposit.refundAfterOnTimeMonths} consecutive on-time months; a late payment restarts the clock. No interest.`
		);
	parts.push(`CSR note: ${csrNote}`);
	return parts.join(' ');
}

function collectEffects(c: Ctx, e: Ev, nowCents: Cents, tender: CounterTender, memo: string): { effects: Effect[]; receiptRef: string } {
	const ref = `DEP-${stamp(c, e)}`;
	const receiptRef = `${ref}-PAY`;
	const effects: Effect[] = [
		...c.effects,
		{ type: 'ledger.post', accountNumber: c.accountNumber, kind: 'deposit', amountCents: decisionAmount(c), memo, ref },
		{ type: 'ledger.post', accountNumber: c.accountNumber, kind: 'payment', tender, amountCents: -nowCents, memo: 'Security deposit paid', ref: receiptRef },
		{ type: 'account.update', accountNumber: c.accountNumber, depositHeldCents: nowCents }
	];
	return { effects, receiptRef };
}

function denial(c: Ctx, e: Ev, step: 'identify' | 'resolveDebt'): Partial<Ctx> {
	if (e.type !== 'application.denied') return {};
	const reason = text(e.reason);
	const owed = c.assessment?.debt.totalCents ?? 0;
	const body =
		step === 'resolveDebt'
			? `Service denied for ${c.application.applicantName}: unpaid Riverton debt of ${formatCents(owed)} neither paid nor put on a plan. ${reason}`
			: `Application of ${c.application.applicantName} not accepted: identity or right to occupy not shown. ${reason}`;
	return {
		denial: { reason, step },
		effects: [...c.effects, { type: 'note.add', accountNumber: c.accountNumber, body, category: 'deposit' }]
	};
}

const EXCEPTION_APPROVED = [
	{ guard: 'exceptionWaives', target: 'document', actions: 'recordException' },
	{ guard: 'exceptionCharges', target: 'collect', actions: 'recordException' }
] as const;

export const depositDecisionMachine = setup({
	types: { context: {} as Ctx, events: {} as Ev, input: {} as DepositDecisionInput },
	guards: guardsFromRules(depositDecisionRules),
	actions: {
		recordIdentity: assign(({ context, event }) => {
			if (event.type !== 'identity.verified') return {};
			return { identity: { documents: [...event.documents], by: event.by.userId }, roles: { ...context.roles, csr: event.by.userId } };
		}),
		denyAtIdentify: assign(({ context, event }) => denial(context, event, 'identify')),
		denyForDebt: assign(({ context, event }) => denial(context, event, 'resolveDebt')),
		recordAssessment: assign(({ context }) => ({ assessment: assessDeposit(context) })),
		recordCleared: assign(({ event }) => {
			if (event.type !== 'priorOccupant.cleared') return {};
			return { priorOccupant: { status: 'cleared' as const, evidence: event.evidence, moveInDate: event.moveInDate } };
		}),
		recordMatched: assign(({ context, event }) => {
			if (event.type !== 'priorOccupant.matched') return {};
			const priorOccupant = { status: 'matched' as const, debtCents: event.debtCents, note: text(event.note) };
			return { priorOccupant, assessment: assessDeposit({ ...context, priorOccupant }) };
		}),
		recordDebtPaid: assign(({ event }) => {
			if (event.type !== 'debt.paid') return {};
			return { debtResolution: { how: 'paid' as const, amountCents: event.amountCents, ref: text(event.receiptRef) } };
		}),
		recordDebtPlan: assign(({ event }) => {
			if (event.type !== 'debt.planned') return {};
			return { debtResolution: { how: 'plan' as const, ref: text(event.planRef) } };
		}),
		recordCharge: assign(({ context, event }) => {
			if (event.type !== 'deposit.charged') return {};
			const a = assessDeposit(context);
			return { decision: { kind: a.kind, amountCents: a.amountCents, basis: null, reason: null, by: event.by.userId, byName: nameOf(event.by) } };
		}),
		recordWaiver: assign(({ context, event }) => {
			if (event.type !== 'waiver.applied') return {};
			const effects: Effect[] =
				event.basis === 'owner-autopay' ? [...context.effects, { type: 'account.update', accountNumber: context.accountNumber, autopay: true }] : context.effects;
			return {
				decision: { kind: 'waived' as const, amountCents: 0, basis: event.basis, reason: null, by: event.by.userId, byName: nameOf(event.by) },
				roles: { ...context.roles, approver: event.by.userId },
				effects
			};
		}),
		recordException: assign(({ context, event }) => {
			if (event.type !== 'exception.approved') return {};
			return {
				decision: { kind: 'exception' as const, amountCents: event.amountCents, basis: null, reason: text(event.reason), by: event.by.userId, byName: nameOf(event.by) },
				roles: { ...context.roles, supervisor: event.by.userId }
			};
		}),
		recordReferral: assign(({ event }) => {
			if (event.type === 'waiver.referred') return { referral: { kind: 'waiver' as const, basis: event.basis, by: event.by.userId } };
			if (event.type === 'exception.referred')
				return { referral: { kind: 'exception' as const, amountCents: event.amountCents, reason: text(event.reason), by: event.by.userId } };
			return {};
		}),
		withdrawReferral: assign({ referral: null }),
		collectNow: assign(({ context, event }) => {
			if (event.type !== 'deposit.collected') return {};
			const amount = decisionAmount(context);
			const { effects, receiptRef } = collectEffects(context, event, amount, event.tender, `Security deposit (${context.decision?.kind ?? 'standard'})`);
			return {
				effects,
				collection: { mode: 'now' as const, tender: event.tender, nowCents: amount, installments: [], receiptRef },
				refundEligibleOn: refundEligibilityDate(context.serviceStartDate, context.billingCycleDay, context.policy.deposit),
				roles: { ...context.roles, cashier: event.by.userId }
			};
		}),
		collectInstallments: assign(({ context, event }) => {
			if (event.type !== 'installments.set') return {};
			const plan = installmentPlan(decisionAmount(context), context.serviceStartDate, context.billingCycleDay, context.policy.deposit);
			const { effects, receiptRef } = collectEffects(
				context,
				event,
				plan.nowCents,
				event.tender,
				`Security deposit (${context.decision?.kind ?? 'standard'}), installments: ${plan.bills.map((b) => `${formatCents(b.amountCents)} on bill ${b.bill}`).join(', ')}`
			);
			return {
				effects,
				collection: { mode: 'installments' as const, tender: event.tender, nowCents: plan.nowCents, installments: plan.bills, receiptRef },
				refundEligibleOn: refundEligibilityDate(context.serviceStartDate, context.billingCycleDay, context.policy.deposit),
				roles: { ...context.roles, cashier: event.by.userId }
			};
		}),
		writeNote: assign(({ context, event }) => {
			if (event.type !== 'note.written') return {};
			return {
				effects: [...context.effects, { type: 'note.add' as const, accountNumber: context.accountNumber, body: closingNote(context, text(event.note)), category: 'deposit' }]
			};
		})
	}
}).createMachine({
	id: 'depositDecision',
	context: ({ input }) => ({
		...input,
		identity: null,
		assessment: null,
		priorOccupant: null,
		debtResolution: null,
		decision: null,
		referral: null,
		collection: null,
		refundEligibleOn: null,
		denial: null,
		effects: [],
		softOrderSlips: [],
		roles: {}
	}),
	initial: 'identify',
	states: {
		identify: {
			meta: {
				step: {
					id: 'identify',
					title: 'Verify identity and right to occupy',
					instructions:
						'Check photo ID, then the right to occupy: a tenant shows a lease or the landlord form; an owner shows the deed or a property tax notice. Record the documents you checked.',
					policyRef: '§4 Steps',
					authority: {
						'identity.verified': { minLevel: 'csr1', takesRole: 'csr' },
						'application.denied': { minLevel: 'csr1' }
					}
				}
			},
			on: {
				'identity.verified': { guard: 'documentsShown', target: 'creditCheck', actions: 'recordIdentity' },
				'application.denied': { guard: 'denyUnverifiable', target: 'denied', actions: 'denyAtIdentify' }
			}
		},
		creditCheck: {
			meta: {
				step: {
					id: 'creditCheck',
					title: 'Check utility credit status',
					instructions:
						'Review Riverton records for the applicant and every adult listed: unpaid balances, write-offs, disconnections for non-payment and returned payments; and whether the premise was disconnected in the last 12 months.',
					policyRef: '§4 Steps; §4 Bad history',
					authority: { 'credit.checked': { minLevel: 'csr1' } },
					order: [order('identity-before-credit', 'Identity and right to occupy are verified before the credit check.')]
				}
			},
			on: { 'credit.checked': { target: 'routePremise', actions: 'recordAssessment' } }
		},
		routePremise: {
			always: [{ guard: 'premiseFlagged', target: 'confirmPriorOccupant' }, { target: 'routeDebt' }]
		},
		confirmPriorOccupant: {
			meta: {
				step: {
					id: 'confirmPriorOccupant',
					title: 'Confirm the applicant is not the prior occupant',
					instructions:
						'The premise was disconnected in the last 12 months for someone else\u2019s debt. Check the lease or move-in date: if the applicant moved in after the disconnection, continue normally; if they are that occupant, record their debt.',
					policyRef: '§4',
					authority: {
						'priorOccupant.cleared': { minLevel: 'csr1' },
						'priorOccupant.matched': { minLevel: 'csr1' }
					},
					order: [order('prior-occupant-before-decision', 'The prior-occupant question is settled before deciding the deposit.')]
				}
			},
			on: {
				'priorOccupant.cleared': { guard: 'notPriorOccupant', target: 'routeDebt', actions: 'recordCleared' },
				'priorOccupant.matched': { guard: 'isPriorOccupant', target: 'routeDebt', actions: 'recordMatched' }
			}
		},
		routeDebt: {
			always: [{ guard: 'debtOutstanding', target: 'resolveDebt' }, { target: 'decide' }]
		},
		resolveDebt: {
			meta: {
				step: {
					id: 'resolveDebt',
					title: 'Prior debt: paid, on a plan, or deny',
					instructions:
						'An unpaid Riverton balance or write-off of the applicant or a listed adult must be paid in full or put on a payment plan before service starts; otherwise deny the service.',
					policyRef: '§4 Steps',
					authority: {
						'debt.paid': { minLevel: 'csr1' },
						'debt.planned': { minLevel: 'csr2' },
						'application.denied': { minLevel: 'csr1' }
					},
					order: [order('debt-before-service', 'Prior debt is paid or on a plan before the deposit is decided and service starts.')]
				}
			},
			on: {
				'debt.paid': { guard: 'paysDebt', target: 'decide', actions: 'recordDebtPaid' },
				'debt.planned': { guard: 'planRecorded', target: 'decide', actions: 'recordDebtPlan' },
				'application.denied': { guard: 'denyForDebt', target: 'denied', actions: 'denyForDebt' }
			}
		},
		decide: {
			meta: {
				step: {
					id: 'decide',
					title: 'Decide: waiver, standard or doubled deposit',
					instructions: DECIDE_INSTRUCTIONS,
					policyRef: '§4 Computing it; §4 Authority',
					authority: {
						'deposit.charged': { minLevel: 'csr1' },
						'waiver.applied': { minLevel: 'csr2', takesRole: 'approver' },
						'exception.approved': { minLevel: 'supervisor', takesRole: 'supervisor' },
						'waiver.referred': { minLevel: 'csr1' },
						'exception.referred': { minLevel: 'csr1' }
					},
					order: [order('credit-before-decision', 'The credit check comes before the deposit decision.')]
				}
			},
			on: {
				'deposit.charged': { guard: 'chargeIsPolicy', target: 'collect', actions: 'recordCharge' },
				'waiver.applied': { guard: 'waiverIsPolicy', target: 'document', actions: 'recordWaiver' },
				'exception.approved': EXCEPTION_APPROVED,
				'waiver.referred': { guard: 'waiverIsPolicy', target: 'approveWaiver', actions: 'recordReferral' },
				'exception.referred': { guard: 'exceptionRequested', target: 'approveException', actions: 'recordReferral' }
			}
		},
		approveWaiver: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'approveWaiver',
					title: 'A CSR II or above applies the waiver',
					instructions:
						'The waiver was referred by a CSR I. A CSR II or above who is not running this procedure checks the basis (the letter of credit and its date, the closed account, or the deed and the autopay form) and applies the waiver. The person who referred it may withdraw the referral.',
					policyRef: '§4 Authority; §4 Waivers',
					needsSecondPerson: true,
					authority: {
						'waiver.applied': { minLevel: 'csr2', secondPerson: true, takesRole: 'approver' },
						'referral.withdrawn': { minLevel: 'csr1' }
					}
				}
			},
			on: {
				'waiver.applied': { guard: 'waiverIsPolicy', target: 'document', actions: 'recordWaiver' },
				'referral.withdrawn': { target: 'decide', actions: 'withdrawReferral' }
			}
		},
		approveException: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'approveException',
					title: 'A supervisor approves the exception',
					instructions:
						'An exception outside policy was requested. A supervisor who is not running this procedure reads the amount and the reason and approves it. The person who requested it may withdraw the request.',
					policyRef: '§4 Authority',
					needsSecondPerson: true,
					authority: {
						'exception.approved': { minLevel: 'supervisor', secondPerson: true, takesRole: 'supervisor' },
						'referral.withdrawn': { minLevel: 'csr1' }
					}
				}
			},
			on: {
				'exception.approved': EXCEPTION_APPROVED,
				'referral.withdrawn': { target: 'decide', actions: 'withdrawReferral' }
			}
		},
		collect: {
			meta: {
				step: {
					id: 'collect',
					title: 'Collect the deposit or set installments',
					instructions: COLLECT_INSTRUCTIONS,
					policyRef: '§4 Installments',
					authority: {
						'deposit.collected': { minLevel: 'csr1', takesRole: 'cashier' },
						'installments.set': { minLevel: 'csr1', takesRole: 'cashier' }
					}
				}
			},
			on: {
				'deposit.collected': { guard: 'tenderAccepted', target: 'document', actions: 'collectNow' },
				'installments.set': { guard: 'installmentsOffered', target: 'document', actions: 'collectInstallments' }
			}
		},
		document: {
			meta: {
				step: {
					id: 'document',
					title: 'Receipt and account note',
					instructions:
						'Write the account note: how the applicant was verified, the credit findings, the decision and amount, what was collected, and the refund-eligibility date (the 13th bill after 12 on-time months).',
					policyRef: '§4 Steps; §1 Account notes',
					authority: { 'note.written': { minLevel: 'csr1' } }
				}
			},
			on: { 'note.written': { guard: 'hasNote', target: 'finish', actions: 'writeNote' } }
		},
		finish: {
			always: [{ guard: 'wasWaived', target: 'waived' }, { guard: 'wasInstallments', target: 'installments' }, { target: 'collected' }]
		},
		denied: { type: 'final', meta: { outcome: 'denied' } },
		waived: { type: 'final', meta: { outcome: 'waived' } },
		collected: { type: 'final', meta: { outcome: 'deposit-collected' } },
		installments: { type: 'final', meta: { outcome: 'installments-set' } }
	}
});

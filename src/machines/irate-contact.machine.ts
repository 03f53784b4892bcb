/**
 * Irate-customer contact and escalation (C-IRATE1, C-COMPLAINT, C-ESCALATE; policy §1 and §8): CARP with
 * verification built in — control → acknowledge → verify identity before any account detail → refocus →
 * problem-solve with only the options the CSR's level may offer → close (next steps with dates, thanks,
 * a documented note). Around it, three modes that can start at any moment of the conversation:
 * escalation (warm transfer with a brief to a senior, then a supervisor), the abuse protocol (request to
 * stop → explicit warning → only then end) and the threat protocol (duress signal to a coworker, who calls
 * 911; never confront; incident report). The customer's mood (0 calm … 10 hostile) moves with every
 * accepted move by the data table in irate-mood.ts, so a scripted customer can be driven by this machine.
 *
 * Shape: `active` is a parallel state with five regions — `carp` (the steps), `identity` (unchecked /
 * verified / notVerified), `handler` (who holds the contact: own → senior → supervisor), `abuse` and
 * `safety`. Region states that are modes with nothing to do (identity.*, handler.own/senior/supervisor,
 * abuse.none/warned, safety.normal/reported) carry no step meta, so the checklist and whyNot's
 * "current step" show the step that needs action. Guards read only context, so each mode keeps the
 * data its rules need in context (verification, abuse, threat, escalations); the region state is the
 * mode, the context is the record.
 *
 * Choices (issue 3 left them open):
 * - "Calm down", blame and interrupting the vent are ACCEPTED moves that raise the mood and append a
 *   slip (no-calm-down / no-blame / no-interrupting) to softOrderSlips; problem-solving (an offer) before
 *   the feeling is named appends 'acknowledge-before-solve'; verifying before it 'acknowledge-before-verify'.
 * - Ending a contact before both abuse steps is REFUSED (rule 'abuse-two-steps'; after both steps with no
 *   abuse since, 'abuse-not-continuing'). Not ending while abuse goes on after both steps is RECORDED in
 *   `context.breaches` as 'abuse-not-ended' (on the next abusive remark, or when the contact is closed
 *   normally). A needless escalation (F-32) is allowed and recorded as 'needless-escalation'; confronting
 *   a threat as 'threat-confronted'; closing without offering an interpreter to a customer who prefers
 *   another language as 'interpreter-not-offered'.
 * - Ending or closing a threatened contact before a coworker was signalled is refused as the critical
 *   'threat-handled-alone'; after the signal, the coworker's 911 call and the incident report come first.
 * - Offers beyond the authority level (F-35) are refused ('beyond-authority'); the authority level is
 *   the CSR's (the scenario's in training) until a senior or supervisor accepts a warm transfer, then
 *   theirs. Adjustment limits come from policy.leak.authorityCents (the highest entry at or below the
 *   level; a level that may offer exceptions has no limit).
 * - Whether an escalation is warranted is judged from what the customer did, recorded as customer moves:
 *   `customer.demandedSupervisor` (F-31), `customer.requested` beyond the holder's authority (F-35), abuse
 *   continuing after both abuse steps (F-33). In live work the CSR records these; in training the scripted
 *   customer sends them.
 * - Ending for abuse emits an account note and an incident report (the supervisor is told through it).
 *
 * Privacy: the account's verification secrets (input `account.last4/pin`) live in context because the
 * identity rule needs them; a runner must not ship `context.account` to the browser.
 */
import { assign, setup } from 'xstate';
import { toLocal, type IsoDate } from '$lib/domain/calendar';
import { formatCents } from '$lib/domain/money';
import { atLeast, LEVEL_TITLES, type Level } from '$lib/domain/levels';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Cents, Effect, OrderRule, Policy, ProcedureContextBase, Refusal, Stamp } from './shared/types';
import { clampMood, nextMood } from './irate-mood';

export const MACHINE_VERSION = 1;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

export type Channel = 'counter' | 'phone';
/** An option a CSR may offer (policy §8 "Authority to offer"); the lowest level per option is a setting. */
export type OfferOption = keyof Policy['irate']['offerMinLevel'];
export const OFFER_OPTIONS = ['explain', 'payment', 'route', 'assistanceReferral', 'paymentPlan', 'leakAdjustment', 'reread', 'medicalCertificateInfo', 'adjustment', 'exception'] as const satisfies readonly OfferOption[];
/** Options that change the account: holder or authorised person only (§1), so verification comes first. */
export const ACCOUNT_CHANGING_OPTIONS: readonly OfferOption[] = ['paymentPlan', 'leakAdjustment', 'reread', 'adjustment', 'exception'];
/** Options with an amount the authority limit applies to. */
export const AMOUNT_OPTIONS: readonly OfferOption[] = ['leakAdjustment', 'adjustment'];
const REFERRAL_OPTIONS: readonly OfferOption[] = ['route', 'assistanceReferral'];

export const OPTION_TITLES: Record<OfferOption, string> = {
	explain: 'explain the bill or policy',
	payment: 'take a payment',
	route: 'route to the right department',
	assistanceReferral: 'refer to bill-payment assistance',
	paymentPlan: 'a payment plan',
	leakAdjustment: 'a leak adjustment',
	reread: 'a meter reread',
	medicalCertificateInfo: 'medical-certificate information',
	adjustment: 'an account adjustment',
	exception: 'an exception to policy'
};

/** A person the holder authorised in writing (on file), optionally until a date (inclusive). */
export interface AuthorisedPerson {
	name: string;
	until?: IsoDate;
	/** Their own last 4 of SSN/ITIN, if on file. */
	last4?: string;
}

/** What the system holds about the account the contact is about. */
export interface AccountOnFile {
	accountNumber: string;
	holderName: string;
	serviceAddress: string;
	/** Holder's last 4 of SSN/ITIN. */
	last4?: string;
	/** Account PIN. */
	pin?: string;
	authorised?: AuthorisedPerson[];
}

export interface IrateContactInput {
	policy: Policy;
	/** The level whose authority applies (in training: the scenario's level). */
	level: Level;
	channel: Channel;
	/** Mood at the start (clamped to policy.irate.moodMin … moodMax). */
	startingMood: number;
	/** Who the caller says they are. */
	claimedName: string;
	account: AccountOnFile;
	/** The customer's preferred language (e.g. 'en', 'es'). */
	preferredLanguage: string;
}

/** What the caller gave at the verification step. */
export interface IdentityGiven {
	name: string;
	serviceAddress: string;
	last4?: string;
	pin?: string;
	/** Photo ID seen and matching (counter only). */
	photoId?: boolean;
}

export type VerificationMethod = 'last4' | 'pin' | 'photo-id';

export interface Verification {
	ok: boolean;
	as: 'holder' | 'authorised' | null;
	method: VerificationMethod | null;
	name: string;
	at: number;
	/** Why it failed (shown to the CSR), null when it passed. */
	failure: string | null;
}

export interface Offer {
	option: OfferOption;
	amountCents: Cents | null;
	at: number;
	by: string;
	/** The authority level it was offered under. */
	authority: Level;
}

export type EscalationReason = 'customer-asked' | 'beyond-authority' | 'abuse-continues';
export type Rung = 'senior' | 'supervisor';

export interface Escalation {
	rung: Rung;
	brief: string;
	reasons: EscalationReason[];
	warranted: boolean;
	requestedAt: number;
	requestedBy: string;
	acceptedAt: number | null;
	acceptedBy: string | null;
}

export interface Breach {
	rule: string;
	at: number;
}

export interface MoodEntry {
	at: number;
	move: IrateContactEvent['type'];
	delta: number;
	mood: number;
}

export interface NextStep {
	what: string;
	by: IsoDate;
}

export interface AbuseRecord {
	/** Abusive remarks so far. */
	count: number;
	askedAt: number | null;
	warnedAt: number | null;
	/** Abusive remarks since the last protocol step (request or warning). */
	sinceStep: number;
}

export interface ThreatRecord {
	at: number;
	/** The customer's words, as the customer said them (one entry per threat). */
	words: string[];
	signalledAt: number | null;
	signalledBy: string | null;
	policeCalledAt: number | null;
	policeCalledBy: string | null;
	reportedAt: number | null;
}

/** The documented note's elements (policy §1 "every contact leaves an account note"), for the scorer. */
export interface ContactNote {
	who: string;
	verification: string;
	why: string;
	offered: string[];
	promises: string[];
	nextSteps: NextStep[];
	referrals: string[];
	escalations: string[];
	incidents: string[];
}

export interface IrateContactContext extends ProcedureContextBase {
	policy: Policy;
	level: Level;
	/** The level whose authority applies now (raised when a senior or supervisor takes the contact). */
	authorityLevel: Level;
	channel: Channel;
	claimedName: string;
	account: AccountOnFile;
	preferredLanguage: string;
	startingMood: number;
	mood: number;
	moodHistory: MoodEntry[];
	verification: Verification | null;
	disclosures: { detail: string; at: number; to: string }[];
	offers: Offer[];
	request: { option: OfferOption; amountCents: Cents | null; at: number } | null;
	supervisorDemandedAt: number | null;
	interpreter: { via: 'phone-line' | 'colleague'; at: number } | null;
	abuse: AbuseRecord;
	threat: ThreatRecord | null;
	escalations: Escalation[];
	/** Policy breaches that were allowed but cost compliance points (policy §9). */
	breaches: Breach[];
	nextSteps: NextStep[];
	note: ContactNote | null;
}

type Ev<T extends string, P = object> = { type: T } & P & Stamp;

export type IrateContactEvent =
	| Ev<'control.established'>
	| Ev<'said.calmDown'>
	| Ev<'said.blame'>
	| Ev<'vent.heard'>
	| Ev<'vent.interrupted'>
	| Ev<'feeling.named', { feeling?: string }>
	| Ev<'identity.checked', { given: IdentityGiven }>
	| Ev<'interpreter.offered', { via: 'phone-line' | 'colleague' | 'customer-child' }>
	| Ev<'question.asked', { question?: string }>
	| Ev<'option.offered', { option: OfferOption; amountCents?: Cents }>
	| Ev<'detail.disclosed', { detail: string }>
	| Ev<'escalation.requested', { brief: string }>
	| Ev<'escalation.accepted'>
	| Ev<'nextSteps.summarised', { steps: NextStep[] }>
	| Ev<'contact.closed', { why: string; promises?: string[] }>
	| Ev<'contact.ended', { why: string }>
	| Ev<'abuse.askedToStop'>
	| Ev<'abuse.warned'>
	| Ev<'coworker.signalled'>
	| Ev<'police.called'>
	| Ev<'incident.reported', { summary: string; exactWords?: string }>
	| Ev<'threat.confronted'>
	| Ev<'customer.vented'>
	| Ev<'customer.abused', { words?: string }>
	| Ev<'customer.threatened', { words: string }>
	| Ev<'customer.demandedSupervisor'>
	| Ev<'customer.requested', { option: OfferOption; amountCents?: Cents }>;

type Ctx = IrateContactContext;
type E = IrateContactEvent;

// ---------------------------------------------------------------------------------------------
// Domain helpers (pure)
// ---------------------------------------------------------------------------------------------

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const digits = (s: string | undefined) => (s ?? '').replace(/\D/g, '');
const secretMatches = (given: string | undefined, onFile: string | undefined) => digits(onFile).length > 0 && digits(given) === digits(onFile);
const isOption = (o: unknown): o is OfferOption => typeof o === 'string' && (OFFER_OPTIONS as readonly string[]).includes(o);
const isIsoDate = (d: unknown): d is IsoDate => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
const filled = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/** Judges what the caller gave against the account on file (policy §1 Identity before disclosure). */
export function judgeIdentity(c: Ctx, given: IdentityGiven, at: number): Verification {
	const fail = (failure: string, as: Verification['as'] = null): Verification => ({ ok: false, as, method: null, name: given?.name ?? '', at, failure });
	if (!given || typeof given !== 'object') return fail('Nothing was given to verify.');
	const today = toLocal(at, c.policy.timeZone).date;
	let as: Verification['as'] = null;
	let ownLast4: string | undefined;
	if (norm(given.name) !== '' && norm(given.name) === norm(c.account.holderName)) {
		as = 'holder';
		ownLast4 = c.account.last4;
	} else {
		const person = (c.account.authorised ?? []).find((p) => norm(p.name) !== '' && norm(p.name) === norm(given.name));
		if (person && person.until && person.until < today) return fail(`${given.name}'s written authorisation ended on ${person.until}.`);
		if (person) {
			as = 'authorised';
			ownLast4 = person.last4;
		}
	}
	if (!as) return fail('The caller is not the account holder or a person the holder authorised in writing.');
	if (norm(given.serviceAddress) === '' || norm(given.serviceAddress) !== norm(c.account.serviceAddress)) return fail('The service address given does not match the account.', as);
	const method: VerificationMethod | null =
		given.photoId === true && c.channel === 'counter' ? 'photo-id' : secretMatches(given.pin, c.account.pin) ? 'pin' : secretMatches(given.last4, ownLast4) ? 'last4' : null;
	if (!method) return fail('None of last 4 of SSN/ITIN, account PIN or photo ID (counter only) matched.', as);
	return { ok: true, as, method, name: given.name, at, failure: null };
}

/** The adjustment limit at a level: the highest policy.leak.authorityCents entry at or below it; null = no limit (exceptions). */
export function adjustmentLimitCents(policy: Policy, level: Level): Cents | null {
	if (atLeast(level, policy.irate.offerMinLevel.exception)) return null;
	let limit = 0;
	for (const [lv, cents] of Object.entries(policy.leak.authorityCents) as [Level, number][]) {
		if (atLeast(level, lv) && cents > limit) limit = cents;
	}
	return limit;
}

/** Why `option` (with `amount`) is beyond `level`'s authority, or null when it is within it. */
export function beyondAuthority(policy: Policy, level: Level, option: OfferOption, amountCents: Cents | null): Refusal | null {
	const minLevel = policy.irate.offerMinLevel[option] as Level;
	const escalate = 'The correct move is a warm transfer with a brief to a senior (escalation).';
	if (!atLeast(level, minLevel)) {
		return {
			rule: 'beyond-authority',
			reason: `A ${LEVEL_TITLES[level]} may not offer ${OPTION_TITLES[option]} (${LEVEL_TITLES[minLevel]} and above). ${escalate}`,
			policyRef: '§8 Authority to offer'
		};
	}
	if (AMOUNT_OPTIONS.includes(option) && amountCents !== null) {
		const limit = adjustmentLimitCents(policy, level);
		if (limit !== null && amountCents > limit) {
			return {
				rule: 'beyond-authority',
				reason: `${formatCents(amountCents)} is above a ${LEVEL_TITLES[level]}'s limit of ${formatCents(limit)} for ${OPTION_TITLES[option]}. ${escalate}`,
				policyRef: '§8 Authority to offer; §7 Leak adjustment'
			};
		}
	}
	return null;
}

/** Why an escalation now would be warranted (empty = a routine matter: needless escalation, F-32). */
export function escalationReasons(c: Ctx): EscalationReason[] {
	const reasons: EscalationReason[] = [];
	if (c.supervisorDemandedAt !== null) reasons.push('customer-asked');
	if (c.request && beyondAuthority(c.policy, c.authorityLevel, c.request.option, c.request.amountCents)) reasons.push('beyond-authority');
	if (abuseStepsDone(c) >= c.policy.irate.abuseStepsBeforeEnding && c.abuse.sinceStep > 0) reasons.push('abuse-continues');
	return reasons;
}

const abuseStepsDone = (c: Ctx) => (c.abuse.askedAt !== null ? 1 : 0) + (c.abuse.warnedAt !== null ? 1 : 0);
const pendingTransfer = (c: Ctx) => c.escalations.some((x) => x.acceptedAt === null);
const interpreterMissing = (c: Ctx) => norm(c.preferredLanguage) !== '' && norm(c.preferredLanguage) !== norm(c.policy.irate.officeLanguage) && c.interpreter === null;

const amountOf = (e: { amountCents?: Cents }): Cents | null =>
	typeof e.amountCents === 'number' && Number.isSafeInteger(e.amountCents) ? e.amountCents : null;

/** Threat protocol gate for ending or closing (policy §8 Threat). */
const threatGate = (c: Ctx): Refusal | null => {
	if (!c.threat) return null;
	if (c.threat.signalledAt === null)
		return {
			rule: 'threat-handled-alone',
			reason: 'A threat was made and no coworker has been signalled. Give the duress signal first; a coworker calls 911. Never handle a threat alone.',
			policyRef: '§8 Threat',
			critical: 'threat-handled-alone'
		};
	if (c.threat.reportedAt === null)
		return {
			rule: 'threat-protocol-incomplete',
			reason: 'Record the coworker’s 911 call and write the incident report (with the exact words) before the contact ends.',
			policyRef: '§8 Threat'
		};
	return null;
};

// ---------------------------------------------------------------------------------------------
// Rules (guards)
// ---------------------------------------------------------------------------------------------

const escalationPossible: Rule<Ctx, E> = (c, e) => {
	if (pendingTransfer(c))
		return { rule: 'transfer-pending', reason: 'A warm transfer is already waiting to be taken; stay with the customer until it is.', policyRef: '§8 Escalate' };
	if (atLeast(c.authorityLevel, 'supervisor'))
		return { rule: 'no-one-above', reason: 'A supervisor already holds this contact; there is no one to escalate to.', policyRef: '§8 Escalate' };
	if (!('brief' in e) || !filled(e.brief))
		return {
			rule: 'warm-transfer-brief',
			reason: 'A warm transfer needs a brief: who the customer is, what they want, what was offered, their mood.',
			policyRef: '§8 Escalate'
		};
	return null;
};

export const irateContactRules = {
	identityMatches: (c, e) => {
		if (e.type !== 'identity.checked') return { rule: 'identity-not-verified', reason: 'No identity was given.', policyRef: '§1 Identity before disclosure' };
		const v = judgeIdentity(c, e.given, e.at);
		return v.ok ? null : { rule: 'identity-not-verified', reason: v.failure ?? 'Not verified.', policyRef: '§1 Identity before disclosure' };
	},
	identityChecked: (c, _e) =>
		c.verification !== null ? null : { rule: 'identity-not-checked', reason: 'Check the caller’s identity (name, service address and one of last 4, PIN or photo ID).', policyRef: '§1 Identity before disclosure' },
	verifiedForDisclosure: (c, _e) =>
		c.verification?.ok
			? null
			: {
					rule: 'disclosure-before-verification',
					reason:
						c.verification === null
							? 'Verify identity (name, service address and one of last 4, PIN or photo ID) before saying anything about the account.'
							: `The caller is not verified (${c.verification.failure}). Say nothing about balances, payments or usage; explain in general terms.`,
					policyRef: '§1 Identity before disclosure',
					critical: 'disclosure-before-verification'
				},
	offerAllowed: (c, e) => {
		if (e.type !== 'option.offered' || !isOption(e.option))
			return { rule: 'unknown-option', reason: 'That is not an option the office offers.', policyRef: '§8 Authority to offer' };
		const amount = amountOf(e);
		if (AMOUNT_OPTIONS.includes(e.option) && (amount === null || amount <= 0))
			return { rule: 'amount-required', reason: `Say how much ${OPTION_TITLES[e.option]} would be (a positive amount).`, policyRef: '§7 Leak adjustment' };
		const beyond = beyondAuthority(c.policy, c.authorityLevel, e.option, amount);
		if (beyond) return beyond;
		if (ACCOUNT_CHANGING_OPTIONS.includes(e.option) && !c.verification?.ok)
			return {
				rule: 'verify-before-account-change',
				reason: `Only a verified holder or authorised person may be offered ${OPTION_TITLES[e.option]}. Verify identity first.`,
				policyRef: '§1 Identity before disclosure'
			};
		return null;
	},
	interpreterAllowed: (_c, e) =>
		e.type === 'interpreter.offered' && (e.via === 'phone-line' || e.via === 'colleague')
			? null
			: {
					rule: 'no-child-interpreter',
					reason: 'Offer the telephone interpreter line or a colleague who speaks the language; never the customer’s child.',
					policyRef: '§1 Language access'
				},
	escalationPossible,
	warrantedEscalation: (c, e) =>
		escalationPossible(c, e) ??
		(escalationReasons(c).length > 0
			? null
			: {
					rule: 'needless-escalation',
					reason: 'Nothing here calls for escalation (no supervisor demand, nothing beyond your authority, no abuse after the warning): answer the routine question yourself.',
					policyRef: '§8 Escalate'
				}),
	seniorNext: (c, _e) =>
		!atLeast(c.authorityLevel, 'senior') ? null : { rule: 'senior-already', reason: 'A senior already holds the contact: the next rung is the supervisor.', policyRef: '§8 Escalate' },
	someoneElseAccepts: (c, e) =>
		e.by.userId !== c.roles.csr && e.by.userId !== c.roles.escalatedTo
			? null
			: { rule: 'transfer-to-someone-else', reason: 'A warm transfer goes to someone else: the senior or supervisor takes the contact.', policyRef: '§8 Escalate' },
	coworkerCalls: (c, e) =>
		e.by.userId !== c.roles.csr
			? null
			: {
					rule: 'coworker-calls-911',
					reason: 'The coworker you signalled calls 911; you stay with the customer (behind the counter, or keeping the caller talking).',
					policyRef: '§8 Threat'
				},
	incidentReportComplete: (c, e) => {
		if (e.type !== 'incident.reported' || !filled(e.summary))
			return { rule: 'incident-report-incomplete', reason: 'Write what happened in the incident report.', policyRef: '§8 Threat' };
		if (c.channel === 'phone' && !filled(e.exactWords))
			return { rule: 'exact-words-required', reason: 'A threat on the phone: write down the caller’s exact words.', policyRef: '§8 Threat' };
		return null;
	},
	nextStepsDated: (_c, e) =>
		e.type === 'nextSteps.summarised' && Array.isArray(e.steps) && e.steps.length > 0 && e.steps.every((s) => s && filled(s.what) && isIsoDate(s.by))
			? null
			: { rule: 'next-steps-need-dates', reason: 'Summarise at least one next step, each with what happens and by which date.', policyRef: '§8 Close' },
	mayClose: (c, e) =>
		threatGate(c) ??
		(c.nextSteps.length > 0 ? null : { rule: 'summarise-next-steps-first', reason: 'Summarise the next steps with dates before closing.', policyRef: '§8 Close' }) ??
		('why' in e && filled(e.why) ? null : { rule: 'close-note-required', reason: 'The account note needs why the customer contacted us.', policyRef: '§1 Account notes' }),
	mayEnd: (c, e) => {
		const threat = threatGate(c);
		if (threat) return threat;
		if (!c.threat) {
			if (c.abuse.count === 0)
				return { rule: 'no-reason-to-end', reason: 'There is no abuse or threat to end the contact for: close it with next steps.', policyRef: '§8 Abuse' };
			const done = abuseStepsDone(c);
			if (done < c.policy.irate.abuseStepsBeforeEnding)
				return {
					rule: 'abuse-two-steps',
					reason: `Before ending: first a respectful request to stop, then an explicit warning that the contact will end (${done} of ${c.policy.irate.abuseStepsBeforeEnding} done).`,
					policyRef: '§8 Abuse'
				};
			if (c.abuse.sinceStep === 0)
				return { rule: 'abuse-not-continuing', reason: 'The customer stopped after the warning: carry on with the contact.', policyRef: '§8 Abuse' };
		}
		return 'why' in e && filled(e.why) ? null : { rule: 'end-note-required', reason: 'The account note needs what happened.', policyRef: '§8 Abuse; §1 Account notes' };
	},
	threatOccurred: (c, _e) => (c.threat !== null ? null : { rule: 'no-threat', reason: 'No threat was made.', policyRef: '§8 Threat' })
} satisfies Record<string, Rule<Ctx, E>>;

// ---------------------------------------------------------------------------------------------
// Note composition
// ---------------------------------------------------------------------------------------------

const describeOffer = (o: Offer) => `${OPTION_TITLES[o.option]}${o.amountCents !== null ? ` (${formatCents(o.amountCents)})` : ''}`;

function composeNote(c: Ctx, why: string, promises: string[]): ContactNote {
	const v = c.verification;
	const verification = !v ? 'identity not checked' : v.ok ? `verified as ${v.as} by ${v.method}` : `not verified: ${v.failure}`;
	const incidents: string[] = [];
	if (c.abuse.count > 0)
		incidents.push(
			`abusive language (${c.abuse.count}×)${c.abuse.askedAt !== null ? '; asked to stop' : ''}${c.abuse.warnedAt !== null ? '; warned the contact would end' : ''}`
		);
	if (c.threat)
		incidents.push(
			`threat: "${c.threat.words.join(' / ')}"; coworker ${c.threat.signalledAt !== null ? 'signalled' : 'NOT signalled'}${c.threat.policeCalledAt !== null ? '; 911 called' : ''}${c.threat.reportedAt !== null ? '; incident report written' : ''}`
		);
	return {
		who: `${c.claimedName} (${c.channel})`,
		verification,
		why: why.trim(),
		offered: c.offers.map(describeOffer),
		promises: promises.filter(filled).map((p) => p.trim()),
		nextSteps: c.nextSteps,
		referrals: [
			...c.offers.filter((o) => REFERRAL_OPTIONS.includes(o.option)).map((o) => OPTION_TITLES[o.option]),
			...(c.interpreter ? [`interpreter (${c.interpreter.via})`] : [])
		],
		escalations: c.escalations.map(
			(x) => `warm transfer to ${x.rung} (${x.reasons.join(', ') || 'routine'})${x.acceptedAt !== null ? ', taken' : ', pending'}: ${x.brief}`
		),
		incidents
	};
}

function noteBody(n: ContactNote): string {
	const lines = [`Who: ${n.who}; ${n.verification}.`, `Why: ${n.why}`];
	if (n.offered.length) lines.push(`Offered: ${n.offered.join('; ')}.`);
	if (n.promises.length) lines.push(`Promises: ${n.promises.join('; ')}.`);
	if (n.nextSteps.length) lines.push(`Next steps: ${n.nextSteps.map((s) => `${s.what} by ${s.by}`).join('; ')}.`);
	if (n.referrals.length) lines.push(`Referrals: ${n.referrals.join('; ')}.`);
	if (n.escalations.length) lines.push(`Escalations: ${n.escalations.join('; ')}.`);
	if (n.incidents.length) lines.push(`Incidents: ${n.incidents.join('; ')}.`);
	return lines.join('\n');
}

const addSlip = (slips: string[], id: string) => (slips.includes(id) ? slips : [...slips, id]);
const withCsr = (c: Ctx, userId: string) => (c.roles.csr ? c.roles : { ...c.roles, csr: userId });
const closingBreaches = (c: Ctx, at: number): Breach[] => {
	const out = [...c.breaches];
	if (abuseStepsDone(c) >= c.policy.irate.abuseStepsBeforeEnding && c.abuse.sinceStep > 0 && !out.some((b) => b.rule === 'abuse-not-ended'))
		out.push({ rule: 'abuse-not-ended', at });
	if (interpreterMissing(c)) out.push({ rule: 'interpreter-not-offered', at });
	return out;
};

// ---------------------------------------------------------------------------------------------
// Step meta
// ---------------------------------------------------------------------------------------------

const ORDER = {
	acknowledgeBeforeSolve: {
		id: 'acknowledge-before-solve',
		kind: 'soft',
		description: 'Acknowledge (let the customer vent, name the feeling) before offering options.',
		policyRef: '§8 CARP'
	},
	acknowledgeBeforeVerify: { id: 'acknowledge-before-verify', kind: 'soft', description: 'Acknowledge the customer before asking for verification.', policyRef: '§8 CARP' },
	noCalmDown: { id: 'no-calm-down', kind: 'soft', description: 'Never say "calm down" (the move is allowed and raises the mood).', policyRef: '§8 Control' },
	noInterrupting: { id: 'no-interrupting', kind: 'soft', description: 'Let the customer vent without interruption.', policyRef: '§8 Acknowledge' },
	noBlame: { id: 'no-blame', kind: 'soft', description: 'No blame, no "but".', policyRef: '§8 Acknowledge' },
	verifyBeforeDisclosure: { id: 'verify-before-disclosure', kind: 'hard', description: 'Verify identity before any account detail.', policyRef: '§1 Identity before disclosure' },
	abuseSteps: { id: 'abuse-two-steps', kind: 'hard', description: 'Request to stop, then an explicit warning, only then end.', policyRef: '§8 Abuse' },
	signalBeforeEnding: { id: 'threat-handled-alone', kind: 'hard', description: 'Signal a coworker before a threatened contact ends.', policyRef: '§8 Threat' }
} satisfies Record<string, OrderRule>;

const csrMoves = { minLevel: 'csr1' } as const;

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------

export const irateContactMachine = setup({
	types: { context: {} as Ctx, events: {} as E, input: {} as IrateContactInput },
	guards: guardsFromRules(irateContactRules),
	actions: {
		moveMood: assign(({ context, event }) => {
			const mood = nextMood(context.policy, context.mood, event.type);
			return { mood, moodHistory: [...context.moodHistory, { at: event.at, move: event.type, delta: mood - context.mood, mood }] };
		}),
		takeCsrRole: assign(({ context, event }) => ({ roles: withCsr(context, event.by.userId) })),
		slipCalmDown: assign(({ context }) => ({ softOrderSlips: addSlip(context.softOrderSlips, ORDER.noCalmDown.id) })),
		slipBlame: assign(({ context }) => ({ softOrderSlips: addSlip(context.softOrderSlips, ORDER.noBlame.id) })),
		slipInterrupt: assign(({ context }) => ({ softOrderSlips: addSlip(context.softOrderSlips, ORDER.noInterrupting.id) })),
		slipSolveBeforeAcknowledge: assign(({ context }) => ({ softOrderSlips: addSlip(context.softOrderSlips, ORDER.acknowledgeBeforeSolve.id) })),
		slipVerifyBeforeAcknowledge: assign(({ context }) => ({ softOrderSlips: addSlip(context.softOrderSlips, ORDER.acknowledgeBeforeVerify.id) })),
		recordVerification: assign(({ context, event }) => {
			if (event.type !== 'identity.checked') return {};
			return { verification: judgeIdentity(context, event.given, event.at), roles: withCsr(context, event.by.userId) };
		}),
		recordDisclosure: assign(({ context, event }) => {
			if (event.type !== 'detail.disclosed') return {};
			return { disclosures: [...context.disclosures, { detail: String(event.detail), at: event.at, to: context.verification?.name ?? '' }] };
		}),
		recordOffer: assign(({ context, event }) => {
			if (event.type !== 'option.offered') return {};
			const offer: Offer = { option: event.option, amountCents: amountOf(event), at: event.at, by: event.by.userId, authority: context.authorityLevel };
			return { offers: [...context.offers, offer], roles: withCsr(context, event.by.userId) };
		}),
		recordInterpreter: assign(({ event }) => {
			if (event.type !== 'interpreter.offered' || event.via === 'customer-child') return {};
			return { interpreter: { via: event.via, at: event.at } };
		}),
		recordDemand: assign(({ context, event }) => ({ supervisorDemandedAt: context.supervisorDemandedAt ?? event.at })),
		recordRequest: assign(({ event }) => {
			if (event.type !== 'customer.requested' || !isOption(event.option)) return {};
			return { request: { option: event.option, amountCents: amountOf(event), at: event.at } };
		}),
		recordEscalation: assign(({ context, event }) => {
			if (event.type !== 'escalation.requested') return {};
			const reasons = escalationReasons(context);
			const rung: Rung = atLeast(context.authorityLevel, 'senior') ? 'supervisor' : 'senior';
			const escalation: Escalation = {
				rung,
				brief: event.brief.trim(),
				reasons,
				warranted: reasons.length > 0,
				requestedAt: event.at,
				requestedBy: event.by.userId,
				acceptedAt: null,
				acceptedBy: null
			};
			return { escalations: [...context.escalations, escalation], roles: withCsr(context, event.by.userId) };
		}),
		recordNeedless: assign(({ context, event }) => ({ breaches: [...context.breaches, { rule: 'needless-escalation', at: event.at }] })),
		acceptEscalation: assign(({ context, event }) => {
			const last = context.escalations[context.escalations.length - 1];
			if (!last) return {};
			const escalations = [...context.escalations.slice(0, -1), { ...last, acceptedAt: event.at, acceptedBy: event.by.userId }];
			const role = last.rung === 'senior' ? 'escalatedTo' : 'supervisor';
			return { escalations, authorityLevel: last.rung as Level, roles: { ...context.roles, [role]: event.by.userId } };
		}),
		recordNextSteps: assign(({ event }) => {
			if (event.type !== 'nextSteps.summarised') return {};
			return { nextSteps: event.steps.map((s) => ({ what: s.what.trim(), by: s.by })) };
		}),
		recordAbuse: assign(({ context }) => ({ abuse: { ...context.abuse, count: context.abuse.count + 1, sinceStep: context.abuse.sinceStep + 1 } })),
		recordAbuseNotEnded: assign(({ context, event }) =>
			context.breaches.some((b) => b.rule === 'abuse-not-ended') ? {} : { breaches: [...context.breaches, { rule: 'abuse-not-ended', at: event.at }] }
		),
		recordAskedToStop: assign(({ context, event }) => ({ abuse: { ...context.abuse, askedAt: event.at, sinceStep: 0 }, roles: withCsr(context, event.by.userId) })),
		recordWarned: assign(({ context, event }) => ({ abuse: { ...context.abuse, warnedAt: event.at, sinceStep: 0 } })),
		recordThreat: assign(({ context, event }) => {
			if (event.type !== 'customer.threatened') return {};
			const words = String(event.words ?? '');
			const threat: ThreatRecord = context.threat
				? { ...context.threat, words: [...context.threat.words, words] }
				: { at: event.at, words: [words], signalledAt: null, signalledBy: null, policeCalledAt: null, policeCalledBy: null, reportedAt: null };
			return { threat };
		}),
		recordSignal: assign(({ context, event }) =>
			context.threat ? { threat: { ...context.threat, signalledAt: event.at, signalledBy: event.by.userId }, roles: withCsr(context, event.by.userId) } : {}
		),
		recordPoliceCall: assign(({ context, event }) => (context.threat ? { threat: { ...context.threat, policeCalledAt: event.at, policeCalledBy: event.by.userId } } : {})),
		emitIncidentReport: assign(({ context, event }) => {
			if (event.type !== 'incident.reported' || !context.threat) return {};
			const words = filled(event.exactWords) ? ` Exact words: "${event.exactWords!.trim()}".` : '';
			const summary = `Threat (${context.channel}) by ${context.claimedName} on account ${context.account.accountNumber}. ${event.summary.trim()}${words} Coworker signalled; 911 called by a coworker.`;
			const effect: Effect = { type: 'incident.report', summary, accountNumber: context.account.accountNumber };
			return { threat: { ...context.threat, reportedAt: event.at }, effects: [...context.effects, effect] };
		}),
		recordConfrontation: assign(({ context, event }) => ({ breaches: [...context.breaches, { rule: 'threat-confronted', at: event.at }] })),
		closeContact: assign(({ context, event }) => {
			if (event.type !== 'contact.closed') return {};
			const note = composeNote(context, event.why, Array.isArray(event.promises) ? event.promises : []);
			const effect: Effect = { type: 'note.add', accountNumber: context.account.accountNumber, body: noteBody(note), category: 'contact' };
			return { note, breaches: closingBreaches(context, event.at), effects: [...context.effects, effect] };
		}),
		endContact: assign(({ context, event }) => {
			if (event.type !== 'contact.ended') return {};
			const note = composeNote(context, event.why, []);
			const effects: Effect[] = [...context.effects, { type: 'note.add', accountNumber: context.account.accountNumber, body: noteBody(note), category: 'contact' }];
			if (!context.threat) {
				effects.push({
					type: 'incident.report',
					accountNumber: context.account.accountNumber,
					summary: `Contact (${context.channel}) with ${context.claimedName} ended for abusive language after a request to stop and an explicit warning. Supervisor told. ${event.why.trim()}`
				});
			}
			return { note, breaches: closingBreaches(context, event.at), effects };
		})
	}
}).createMachine({
	id: 'irateContact',
	context: ({ input }) => ({
		policy: input.policy,
		level: input.level,
		authorityLevel: input.level,
		channel: input.channel,
		claimedName: input.claimedName,
		account: input.account,
		preferredLanguage: input.preferredLanguage,
		startingMood: clampMood(input.policy, input.startingMood),
		mood: clampMood(input.policy, input.startingMood),
		moodHistory: [],
		verification: null,
		disclosures: [],
		offers: [],
		request: null,
		supervisorDemandedAt: null,
		interpreter: null,
		abuse: { count: 0, askedAt: null, warnedAt: null, sinceStep: 0 },
		threat: null,
		escalations: [],
		breaches: [],
		nextSteps: [],
		note: null,
		effects: [],
		softOrderSlips: [],
		roles: {}
	}),
	initial: 'active',
	states: {
		active: {
			type: 'parallel',
			on: {
				'said.calmDown': { actions: ['slipCalmDown', 'moveMood'] },
				'said.blame': { actions: ['slipBlame', 'moveMood'] },
				'vent.interrupted': { actions: ['slipInterrupt', 'moveMood'] },
				'customer.vented': { actions: 'moveMood' },
				'customer.demandedSupervisor': { actions: ['recordDemand', 'moveMood'] },
				'customer.requested': { actions: ['recordRequest', 'moveMood'] },
				'interpreter.offered': { guard: 'interpreterAllowed', actions: ['recordInterpreter', 'moveMood'] },
				'detail.disclosed': { guard: 'verifiedForDisclosure', actions: ['recordDisclosure', 'moveMood'] },
				'threat.confronted': { actions: ['recordConfrontation', 'moveMood'] },
				'contact.closed': { guard: 'mayClose', target: 'resolved', actions: ['closeContact', 'moveMood'] },
				'contact.ended': { guard: 'mayEnd', target: 'ending', actions: ['endContact', 'moveMood'] }
			},
			states: {
				carp: {
					initial: 'control',
					on: {
						'vent.heard': { actions: 'moveMood' },
						'feeling.named': { actions: 'moveMood' },
						'question.asked': { actions: 'moveMood' },
						'option.offered': { guard: 'offerAllowed', actions: ['recordOffer', 'moveMood'] }
					},
					states: {
						control: {
							meta: {
								step: {
									id: 'control',
									title: 'Take control of the conversation',
									instructions:
										'Greet, give your name, offer to help; lower your voice and slow down. Never say "calm down". Another language? Offer the interpreter line or a colleague who speaks it — never their child.',
									policyRef: '§8 Control; §1 Language access',
									authority: { 'control.established': { ...csrMoves, takesRole: 'csr' } },
									order: [ORDER.noCalmDown, ORDER.acknowledgeBeforeSolve]
								}
							},
							on: {
								'control.established': { target: 'acknowledge', actions: ['takeCsrRole', 'moveMood'] },
								'option.offered': { guard: 'offerAllowed', actions: ['recordOffer', 'slipSolveBeforeAcknowledge', 'moveMood'] },
								'identity.checked': { actions: 'slipVerifyBeforeAcknowledge' }
							}
						},
						acknowledge: {
							meta: {
								step: {
									id: 'acknowledge',
									title: 'Acknowledge: let the customer vent, name the feeling',
									instructions:
										'Let the customer finish without interrupting. No blame, no "but". Name the feeling ("I can hear how frustrating this is") before anything else.',
									policyRef: '§8 Acknowledge',
									order: [ORDER.noInterrupting, ORDER.noBlame, ORDER.acknowledgeBeforeSolve, ORDER.acknowledgeBeforeVerify]
								}
							},
							on: {
								'feeling.named': { target: 'verify', actions: 'moveMood' },
								'option.offered': { guard: 'offerAllowed', actions: ['recordOffer', 'slipSolveBeforeAcknowledge', 'moveMood'] },
								'identity.checked': { actions: 'slipVerifyBeforeAcknowledge' }
							}
						},
						verify: {
							meta: {
								step: {
									id: 'verify',
									title: 'Verify identity before any account detail',
									instructions:
										'Ask for the name on the account, the service address and one of: last 4 of SSN/ITIN, the account PIN, photo ID (counter only). Nothing about the account until this passes; a caller not on it gets general information only.',
									policyRef: '§1 Identity before disclosure; §8 Verify',
									order: [ORDER.verifyBeforeDisclosure]
								}
							},
							always: { guard: 'identityChecked', target: 'refocus' },
							on: { 'identity.checked': { target: 'refocus' } }
						},
						refocus: {
							meta: {
								step: {
									id: 'refocus',
									title: 'Refocus with clarifying questions',
									instructions: 'Ask clarifying questions to move from feelings to facts: what happened, since when, what the customer wants.',
									policyRef: '§8 Refocus'
								}
							},
							on: {
								'question.asked': { target: 'solve', actions: 'moveMood' },
								'option.offered': { guard: 'offerAllowed', target: 'solve', actions: ['recordOffer', 'moveMood'] }
							}
						},
						solve: {
							meta: {
								step: {
									id: 'solve',
									title: 'Problem-solve within your authority',
									instructions:
										'Say what you CAN do first, then the policy. Offer only what your level may offer (§8 Authority to offer); beyond it, escalate with a warm transfer and a brief. Then summarise the next steps with dates.',
									policyRef: '§8 Problem-solve; §8 Authority to offer'
								}
							},
							on: { 'nextSteps.summarised': { guard: 'nextStepsDated', target: 'close', actions: ['recordNextSteps', 'moveMood'] } }
						},
						close: {
							meta: {
								step: {
									id: 'close',
									title: 'Close: thank and document',
									instructions:
										'Thank the customer and close. The account note records who (and how verified), why they contacted us, what was offered or done, promises with dates and amounts, referrals and escalations.',
									policyRef: '§8 Close; §1 Account notes',
									order: [ORDER.signalBeforeEnding]
								}
							}
						}
					}
				},
				identity: {
					initial: 'unchecked',
					on: {
						'identity.checked': [
							{ guard: 'identityMatches', target: '.verified', actions: ['recordVerification', 'moveMood'] },
							{ target: '.notVerified', actions: ['recordVerification', 'moveMood'] }
						]
					},
					states: { unchecked: {}, verified: {}, notVerified: {} }
				},
				handler: {
					initial: 'own',
					on: {
						'escalation.requested': [
							{ guard: 'warrantedEscalation', target: '.routing', actions: ['recordEscalation', 'moveMood'] },
							{ guard: 'escalationPossible', target: '.routing', actions: ['recordEscalation', 'recordNeedless', 'moveMood'] }
						]
					},
					states: {
						own: {},
						routing: { always: [{ guard: 'seniorNext', target: 'seniorJoining' }, { target: 'supervisorJoining' }] },
						seniorJoining: {
							tags: ['needsSecondPerson'],
							meta: {
								step: {
									id: 'seniorJoining',
									title: 'Warm transfer to a senior',
									instructions: 'Stay with the customer. Give the senior the brief (who, what they want, what was offered, mood) so the customer does not repeat the story.',
									policyRef: '§8 Escalate',
									needsSecondPerson: true,
									authority: { 'escalation.accepted': { minLevel: 'senior', secondPerson: true, notRoles: ['csr'], takesRole: 'escalatedTo' } }
								}
							},
							on: { 'escalation.accepted': { guard: 'someoneElseAccepts', target: 'senior', actions: ['acceptEscalation', 'moveMood'] } }
						},
						senior: {},
						supervisorJoining: {
							tags: ['needsSecondPerson'],
							meta: {
								step: {
									id: 'supervisorJoining',
									title: 'Warm transfer to the supervisor',
									instructions: 'Stay with the customer. Give the supervisor the brief, including what the senior offered.',
									policyRef: '§8 Escalate',
									needsSecondPerson: true,
									authority: { 'escalation.accepted': { minLevel: 'supervisor', secondPerson: true, notRoles: ['csr', 'escalatedTo'], takesRole: 'supervisor' } }
								}
							},
							on: { 'escalation.accepted': { guard: 'someoneElseAccepts', target: 'supervisor', actions: ['acceptEscalation', 'moveMood'] } }
						},
						supervisor: {}
					}
				},
				abuse: {
					initial: 'none',
					states: {
						none: { on: { 'customer.abused': { target: 'abusive', actions: ['recordAbuse', 'moveMood'] } } },
						abusive: {
							meta: {
								step: {
									id: 'abuseRequest',
									title: 'Abuse: ask respectfully to stop',
									instructions: 'Ask the customer, respectfully, to stop using that language so you can help.',
									policyRef: '§8 Abuse',
									order: [ORDER.abuseSteps]
								}
							},
							on: {
								'customer.abused': { actions: ['recordAbuse', 'moveMood'] },
								'abuse.askedToStop': { target: 'asked', actions: ['recordAskedToStop', 'moveMood'] }
							}
						},
						asked: {
							meta: {
								step: {
									id: 'abuseWarning',
									title: 'Abuse: warn that the contact will end',
									instructions: 'If the abuse goes on, say explicitly that you will end the contact if it continues.',
									policyRef: '§8 Abuse',
									order: [ORDER.abuseSteps]
								}
							},
							on: {
								'customer.abused': { actions: ['recordAbuse', 'moveMood'] },
								'abuse.warned': { target: 'warned', actions: ['recordWarned', 'moveMood'] }
							}
						},
						warned: { on: { 'customer.abused': { target: 'persisting', actions: ['recordAbuse', 'moveMood'] } } },
						persisting: {
							meta: {
								step: {
									id: 'abuseEnd',
									title: 'Abuse continues: end the contact',
									instructions: 'The customer was asked to stop and warned. End the contact, note it, and tell the supervisor (or escalate).',
									policyRef: '§8 Abuse; §8 Escalate'
								}
							},
							on: { 'customer.abused': { actions: ['recordAbuse', 'recordAbuseNotEnded', 'moveMood'] } }
						}
					}
				},
				safety: {
					initial: 'normal',
					on: { 'customer.threatened': { actions: ['recordThreat', 'moveMood'] } },
					states: {
						normal: { on: { 'customer.threatened': { target: 'threatened', actions: ['recordThreat', 'moveMood'] } } },
						threatened: {
							meta: {
								step: {
									id: 'threatSignal',
									title: 'Threat: signal a coworker',
									instructions:
										'Never confront. At the counter: stay behind it with an exit, give the duress word to a coworker. On the phone: keep the caller talking, signal a coworker, write down the exact words.',
									policyRef: '§8 Threat',
									order: [ORDER.signalBeforeEnding]
								}
							},
							on: { 'coworker.signalled': { target: 'signalled', actions: ['recordSignal', 'moveMood'] } }
						},
						signalled: {
							meta: {
								step: {
									id: 'threatPolice',
									title: 'Threat: the coworker calls 911',
									instructions: 'The coworker you signalled calls 911 out of the customer’s hearing. Stay where you are; keep the caller talking.',
									policyRef: '§8 Threat',
									needsSecondPerson: true,
									authority: { 'police.called': { minLevel: 'csr1', secondPerson: true, notRoles: ['csr'] } }
								}
							},
							on: { 'police.called': { guard: 'coworkerCalls', target: 'policeCalled', actions: ['recordPoliceCall', 'moveMood'] } }
						},
						policeCalled: {
							meta: {
								step: {
									id: 'threatReport',
									title: 'Threat: incident report',
									instructions: 'Write the incident report: what happened, when, and (on the phone) the caller’s exact words.',
									policyRef: '§8 Threat'
								}
							},
							on: { 'incident.reported': { guard: 'incidentReportComplete', target: 'reported', actions: ['emitIncidentReport', 'moveMood'] } }
						},
						reported: {}
					}
				}
			}
		},
		ending: { always: [{ guard: 'threatOccurred', target: 'endedAfterThreat' }, { target: 'endedForAbuse' }] },
		resolved: { type: 'final', meta: { outcome: 'resolved' } },
		endedForAbuse: { type: 'final', meta: { outcome: 'ended-for-abuse' } },
		endedAfterThreat: { type: 'final', meta: { outcome: 'ended-after-threat' } }
	}
});

/**
 * Lock-off day (C-LOCKOFF, CSR III leads; policy §0, §5, §6 for restoration): check the day's holds
 * (calendar, weather, the 2:00 pm cut-off) → apply the overnight payment inbox → review every listed
 * account against the exclusions, each pull with a reason code → a supervisor approves the final
 * list → one work order per remaining account → during the day, a payment or a new exclusion pulls
 * the order (time logged) or, if the lock is already done, orders the reconnect → each order's result
 * (completed / pulled / unable + reason / tamper) → the lock-off fee only on completed locks →
 * end-of-day reconciliation once every order is resolved.
 *
 * Per-account order state — design choice: an ENUM MAP IN CONTEXT driven by this one machine, not
 * spawned child actors. Each listed account is one `ListEntry` whose `state` is one value of
 * `AccountState`, moving only along `ACCOUNT_STATE_MOVES` (a declared graph, checked by the tests), so
 * the list is never a tangle of booleans. Why not children: (1) every refusal about an order — above
 * all the critical "locking off an excluded account" — must be a named guard of THIS machine so
 * `snapshot.can()` and `whyNot()` answer it before anything is sent (a child's refusal is invisible to
 * the parent's `can()`); (2) the exclusions of an account depend on day-level facts (the inbox, payments
 * and faxes recorded on the day), which would otherwise have to be copied into each child; (3) the
 * run's snapshot is plain JSON, so persistence and the model-based coverage (which instruments this
 * machine's guards) include the per-account states with no child-restoration rules. The cost is that
 * the order lifecycle is not its own statechart; ACCOUNT_STATE_MOVES documents it instead.
 *
 * Every policy number and calendar rule (lock-off weekdays, holidays, weather limits, business days
 * for the reconnect) comes from `context.policy`, the snapshot the run started with.
 *
 * The forecast: when the list is built without one (the sandbox has no weather feed), the lead enters
 * the next 24 hours' low and high at the holds step (`forecast.entered`) before the holds are checked.
 */
import { assign, setup } from 'xstate';
import { formatCents } from '$lib/domain/money';
import {
	addDays,
	formatMinutes,
	isAfter,
	isBusinessDay,
	isBy,
	lockoffCalendarHold,
	nextBusinessDay,
	periodCovers,
	toLocal,
	weatherHold,
	type Forecast,
	type IsoDate
} from '$lib/domain/calendar';
import { certificateOverLimit, exclusionsFor, isExclusionCode, isIsoDate, type AccountFacts, type ExclusionFinding } from '$lib/domain/exclusions';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Cents, Effect, ExclusionCode, OrderRule, Policy, ProcedureContextBase, ProtectionKind, Stamp } from './shared/types';

// v2: the forecast may be entered at the holds step; lead events open to a supervised CSR II.
export const MACHINE_VERSION = 2;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

export type HoldCode = 'CALENDAR' | 'WEATHER' | 'CUTOFF';

/** One overnight drop-box / online / phone payment waiting to be posted. */
export interface InboxPayment {
	ref: string;
	accountNumber: string;
	amountCents: Cents;
	/** For the lead's eyes only (drop-box, online…), and when it arrived; guards never read them. */
	channel?: string;
	receivedAt?: number;
}

/** A listed account: the facts the exclusions read, plus what people need to find it (never read by guards). */
export interface ListedAccount extends AccountFacts {
	holder?: string;
	address?: string;
}

export interface LockoffDayInput {
	policy: Policy;
	/** The lock-off date (local). */
	date: IsoDate;
	/** Forecast for the next 24 hours, or null when the lead enters it at the holds step. */
	forecast: Forecast | null;
	/** The lock-off list as built, with each account's notice and protection facts. */
	accounts: ListedAccount[];
	/** The payment inbox (overnight drop-box, online and phone payments not yet posted). */
	inbox: InboxPayment[];
}

/**
 * Where one listed account stands today. pending → kept | excluded (review); kept → excluded | dispatched;
 * dispatched → pulled | completed | unable | tamper (the order's result); completed → restoring (a
 * payment or exclusion arrived after the lock: reconnect ordered). The rest are terminal for the day.
 */
export type AccountState = 'pending' | 'kept' | 'excluded' | 'dispatched' | 'pulled' | 'completed' | 'unable' | 'tamper' | 'restoring';

export const ACCOUNT_STATE_MOVES: Record<AccountState, readonly AccountState[]> = {
	pending: ['kept', 'excluded'],
	kept: ['excluded', 'dispatched'],
	excluded: [],
	dispatched: ['pulled', 'completed', 'unable', 'tamper'],
	pulled: [],
	completed: ['restoring'],
	unable: [],
	tamper: [],
	restoring: []
};

export interface ListEntry {
	accountNumber: string;
	state: AccountState;
	/** Exclusion codes that apply now (refreshed whenever a fact changes), for the checklist. */
	findings: ExclusionCode[];
	pullCode: ExclusionCode | null;
	pullMemo: string | null;
	workOrderRef: string | null;
	dispatchedAt: number | null;
	/** When the order was resolved (pulled: the radio call's time). */
	resolvedAt: number | null;
	/** When the crew reports the lock was done. */
	lockedAt: number | null;
	resultReason: string | null;
	reconnectRef: string | null;
}

export interface PaymentRecord {
	ref: string;
	accountNumber: string;
	amountCents: Cents;
	at: number;
	source: 'inbox' | 'day';
}

export interface RecordedExclusion {
	accountNumber: string;
	code: ExclusionCode;
	memo: string;
	dated: IsoDate | null;
	at: number;
}

export interface Reconciliation {
	dispatched: number;
	completed: number;
	pulled: number;
	unable: number;
	tamper: number;
	feesCents: Cents;
}

export interface LockoffDayContext extends ProcedureContextBase {
	policy: Policy;
	date: IsoDate;
	forecast: Forecast | null;
	accounts: ListedAccount[];
	inbox: InboxPayment[];
	/** Inbox refs that could not be posted (no amount / no account), shown to the lead. */
	inboxSkipped: string[];
	list: ListEntry[];
	payments: PaymentRecord[];
	recorded: RecordedExclusion[];
	hold: { code: HoldCode; reason: string } | null;
	checkedAt: number | null;
	approvedAt: number | null;
	returnNote: string | null;
	dispatchedAt: number | null;
	reconciliation: Reconciliation | null;
}

type AccountEvent = { accountNumber: string };
export type LockoffDayEvent =
	| ({ type: 'forecast.entered'; lowF: number; highF: number } & Stamp)
	| ({ type: 'holds.checked' } & Stamp)
	| ({ type: 'inbox.applied' } & Stamp)
	| ({ type: 'account.kept' } & AccountEvent & Stamp)
	| ({ type: 'account.pulled'; code: ExclusionCode | null; memo?: string } & AccountEvent & Stamp)
	| ({ type: 'list.submitted' } & Stamp)
	| ({ type: 'list.approved' } & Stamp)
	| ({ type: 'list.returned'; note: string } & Stamp)
	| ({ type: 'orders.dispatched' } & Stamp)
	| ({ type: 'cutoff.passed' } & Stamp)
	| ({ type: 'payment.received'; ref: string; amountCents: Cents } & AccountEvent & Stamp)
	| ({ type: 'exclusion.recorded'; code: ExclusionCode; memo: string; dated?: IsoDate } & AccountEvent & Stamp)
	| ({ type: 'order.completed'; lockedAt?: number } & AccountEvent & Stamp)
	| ({ type: 'order.unable'; reason: string } & AccountEvent & Stamp)
	| ({ type: 'order.tamper'; note: string } & AccountEvent & Stamp)
	| ({ type: 'day.reconciled' } & Stamp);

type Ctx = LockoffDayContext;
type Ev = LockoffDayEvent;

const REF = '§5 Lock-off day';
const EXCL = '§5 Exclusions';

// ---------------------------------------------------------------------------------------------
// Facts as of a moment: the list's facts, plus payments and exclusions recorded up to that moment.

const accountOf = (e: Ev): string | null => ('accountNumber' in e && typeof e.accountNumber === 'string' ? e.accountNumber : null);
const entryOf = (c: Ctx, accountNumber: string | null) => (accountNumber === null ? undefined : c.list.find((x) => x.accountNumber === accountNumber));
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function factsAt(c: Ctx, accountNumber: string, at: number): AccountFacts | undefined {
	const base = c.accounts.find((a) => a.accountNumber === accountNumber);
	if (!base) return undefined;
	const f: AccountFacts = {
		...base,
		notice: { ...base.notice },
		doorTag: { ...base.doorTag },
		protections: { ...base.protections, medicalCertificates: [...base.protections.medicalCertificates] }
	};
	for (const r of c.recorded) {
		if (r.accountNumber !== accountNumber || r.at > at) continue;
		if (r.code === 'MEDICAL' && r.dated) f.protections.medicalCertificates.push({ issuedOn: r.dated });
		if (r.code === 'PLAN') f.protections.plan = 'good-standing';
		if (r.code === 'DISPUTE') f.protections.dispute = { pending: true, undisputedPaid: true };
		if (r.code === 'BANKRUPTCY') f.protections.bankruptcy = true;
		if (r.code === 'ASSIST' && r.dated) f.protections.assistancePledgeOn = r.dated;
		if (r.code === 'NOTICE') f.notice.defect = r.memo;
		if (r.code === 'WRONG_PREMISE') f.protections.premiseDebtMatch = false;
	}
	return f;
}

function paidAt(c: Ctx, accountNumber: string, at: number): Cents {
	return c.payments.filter((p) => p.accountNumber === accountNumber && p.at <= at).reduce((s, p) => s + p.amountCents, 0);
}

/** The exclusions that apply to an account as of `at` (empty: it may be locked off). */
export function findingsAt(c: Ctx, accountNumber: string, at: number): ExclusionFinding[] {
	const f = factsAt(c, accountNumber, at);
	return f ? exclusionsFor(f, { date: c.date, paidCents: paidAt(c, accountNumber, at) }, c.policy) : [];
}

function refreshed(c: Ctx, list: ListEntry[], at: number): ListEntry[] {
	return list.map((x) => ({ ...x, findings: findingsAt(c, x.accountNumber, at).map((f) => f.code) }));
}

const describeFindings = (fs: ExclusionFinding[]) => fs.map((f) => `${f.code} — ${f.reason}`).join('; ');

/** "After 2:00 pm" on the lock-off day (exclusive: 14:00 allowed, 14:01 refused), or any later day. */
function afterCutoff(c: Pick<Ctx, 'policy' | 'date'>, at: number): boolean {
	const t = toLocal(at, c.policy.timeZone);
	if (t.date !== c.date) return t.date > c.date;
	return isAfter(t.minutes, c.policy.delinquency.noNewLockoffsAfterMinutes);
}

// ---------------------------------------------------------------------------------------------
// Rules

/** Forecast temperatures a person can plausibly type for Riverton, in whole °F. */
const FORECAST_MIN_F = -60;
const FORECAST_MAX_F = 140;

const validForecast = (f: unknown): f is Forecast => {
	if (!f || typeof f !== 'object') return false;
	const { lowF, highF } = f as Forecast;
	const ok = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= FORECAST_MIN_F && (n as number) <= FORECAST_MAX_F;
	return ok(lowF) && ok(highF) && lowF <= highF;
};

const unknownAccount: Rule<Ctx, Ev> = (c, e) =>
	entryOf(c, accountOf(e))
		? null
		: { rule: 'unknown-account', reason: `Account ${accountOf(e) ?? '(none)'} is not on today's lock-off list.`, policyRef: REF };

const inState =
	(allowed: readonly AccountState[], rule: string, what: string): Rule<Ctx, Ev> =>
	(c, e) => {
		const x = entryOf(c, accountOf(e));
		return !x || allowed.includes(x.state)
			? null
			: { rule, reason: `Account ${x.accountNumber} is ${x.state}: ${what}`, policyRef: REF };
	};

/** A pull names a reason code, and either the facts show it or the lead writes what was found. */
const pullReason: Rule<Ctx, Ev> = (c, e) => {
	if (e.type !== 'account.pulled' || !isExclusionCode(e.code))
		return { rule: 'pull-needs-reason-code', reason: 'Every pull needs its exclusion reason code.', policyRef: EXCL };
	const applies = findingsAt(c, e.accountNumber, e.at).some((f) => f.code === e.code);
	return applies || text(e.memo)
		? null
		: {
				rule: 'pull-needs-evidence',
				reason: `Nothing on file shows ${e.code} for account ${e.accountNumber}: record the exclusion, or write what you found.`,
				policyRef: EXCL
			};
};

const cutoffReason = (c: Pick<Ctx, 'policy' | 'date'>) =>
	`No new lock-offs after ${formatMinutes(c.policy.delinquency.noNewLockoffsAfterMinutes)} on ${c.date}.`;

/**
 * The hold on the day as of `at`, in the machine's order (calendar, weather when the forecast is
 * known, cut-off), or null when lock-offs may go ahead. The same checks the holds step makes, so a
 * start page can refuse a held day with the machine's own reason.
 */
export function dayHoldAt(c: Pick<Ctx, 'policy' | 'date' | 'forecast'>, at: number): { code: HoldCode; reason: string } | null {
	const calendar = lockoffCalendarHold(c.date, c.policy);
	if (calendar) return calendar;
	const weather = c.forecast ? weatherHold(c.forecast, c.policy) : null;
	if (weather) return weather;
	return afterCutoff(c, at) ? { code: 'CUTOFF', reason: cutoffReason(c) } : null;
}

const keptButExcluded = (c: Ctx) => c.list.filter((x) => x.state === 'kept' && x.findings.length > 0);

const finalListClean: Rule<Ctx, Ev> = (c) => {
	const bad = keptButExcluded(c);
	return bad.length === 0
		? null
		: {
				rule: 'kept-account-now-excluded',
				reason: `Pull these accounts with their reason codes first: ${bad.map((x) => `${x.accountNumber} (${x.findings.join(', ')})`).join('; ')}.`,
				policyRef: EXCL
			};
};

const lockedAtOf = (e: Ev) => (e.type === 'order.completed' && typeof e.lockedAt === 'number' ? e.lockedAt : e.at);

/** The first moment after the lock at which an exclusion applied (a payment or a recorded exclusion). */
function reasonArrivedAt(c: Ctx, x: ListEntry, fallback: number): number {
	const after = x.lockedAt ?? 0;
	const times = [...c.payments, ...c.recorded]
		.filter((r) => r.accountNumber === x.accountNumber && r.at > after)
		.map((r) => r.at)
		.sort((a, b) => a - b);
	return times.find((t) => findingsAt(c, x.accountNumber, t).length > 0) ?? fallback;
}

const RECORDABLE: readonly ExclusionCode[] = ['PLAN', 'MEDICAL', 'DISPUTE', 'BANKRUPTCY', 'ASSIST', 'NOTICE', 'WRONG_PREMISE'];

export const lockoffDayRules = {
	// The forecast the weather hold is judged on.
	forecastKnown: (c, _e) =>
		validForecast(c.forecast) ? null : { rule: 'forecast-needed', reason: "Enter the next 24 hours' forecast low and high first.", policyRef: REF },
	forecastValid: (_c, e) =>
		e.type === 'forecast.entered' && validForecast({ lowF: e.lowF, highF: e.highF })
			? null
			: {
					rule: 'forecast-invalid',
					reason: `Enter the forecast low and high in whole °F (${FORECAST_MIN_F} to ${FORECAST_MAX_F}), the low not above the high.`,
					policyRef: REF
				},

	// Holds. Each guard is true when that hold applies; checked in order calendar, weather, cut-off.
	calendarHoldApplies: (c, _e) =>
		lockoffCalendarHold(c.date, c.policy) ? null : { rule: 'no-calendar-hold', reason: `${c.date} is a lock-off day on the calendar.`, policyRef: REF },
	weatherHoldApplies: (c, _e) =>
		c.forecast && weatherHold(c.forecast, c.policy)
			? null
			: {
					rule: 'no-weather-hold',
					reason: c.forecast ? `The forecast (${c.forecast.lowF}–${c.forecast.highF} °F) allows lock-offs.` : 'No forecast has been entered.',
					policyRef: REF
				},
	cutoffPassedAtCheck: (c, e) =>
		afterCutoff(c, e.at) ? null : { rule: 'before-cutoff', reason: 'New lock-offs may still be dispatched today.', policyRef: '§0; §5 Lock-off day' },

	// Facts arriving during the day.
	paymentRecordable: (c, e) =>
		unknownAccount(c, e) ??
		(e.type === 'payment.received' && Number.isSafeInteger(e.amountCents) && e.amountCents > 0
			? null
			: { rule: 'payment-amount-invalid', reason: 'Enter the payment amount in cents, above zero.', policyRef: '§3 Payments' }) ??
		(e.type === 'payment.received' && text(e.ref) && !c.payments.some((p) => p.ref === e.ref)
			? null
			: { rule: 'payment-ref-duplicate', reason: 'Each payment needs its own reference (this one is missing or already recorded).', policyRef: '§3 Payments' }),
	exclusionRecordable: (c, e) => {
		const r = unknownAccount(c, e);
		if (r || e.type !== 'exclusion.recorded') return r;
		if (!RECORDABLE.includes(e.code))
			return {
				rule: 'exclusion-code-not-recordable',
				reason: 'PAID comes from a recorded payment and BELOW_MIN from the balance; record the payment instead.',
				policyRef: EXCL
			};
		if (!text(e.memo)) return { rule: 'exclusion-needs-memo', reason: 'Write what was received and from whom (e.g. the faxed certificate).', policyRef: '§1 Account notes' };
		if (e.code !== 'MEDICAL' && e.code !== 'ASSIST') return null;
		if (!isIsoDate(e.dated) || e.dated > c.date)
			return { rule: 'exclusion-needs-date', reason: 'Enter the certificate issue date or pledge date (not after today).', policyRef: EXCL };
		const d = c.policy.delinquency;
		if (e.code === 'ASSIST')
			return periodCovers(e.dated, d.assistancePledgeHoldDays, c.date)
				? null
				: { rule: 'assist-pledge-expired', reason: `A pledge holds ${d.assistancePledgeHoldDays} days; the one made ${e.dated} has ended.`, policyRef: EXCL };
		const facts = factsAt(c, e.accountNumber, e.at);
		if (facts && certificateOverLimit(facts.protections.medicalCertificates, e.dated, c.policy))
			return {
				rule: 'medical-certificate-limit',
				reason: `At most ${d.medicalCertificatesPer12Months} medical certificates count in 12 months; this one does not stop the lock-off.`,
				policyRef: EXCL
			};
		return periodCovers(e.dated, d.medicalCertificateDays, c.date)
			? null
			: {
					rule: 'medical-certificate-expired',
					reason: `A certificate covers ${d.medicalCertificateDays} days; the one issued ${e.dated} ended on ${addDays(e.dated, d.medicalCertificateDays - 1)}.`,
					policyRef: EXCL
				};
	},

	// Review.
	keepable: (c, e) => {
		const r = unknownAccount(c, e) ?? inState(['pending'], 'already-reviewed', 'it has already been reviewed.')(c, e);
		if (r) return r;
		const fs = findingsAt(c, accountOf(e) as string, e.at);
		return fs.length === 0
			? null
			: { rule: 'keep-excluded-account', reason: `Account ${accountOf(e)} cannot stay on the list: ${describeFindings(fs)}. Pull it with its reason code.`, policyRef: EXCL };
	},
	listPullable: (c, e) => unknownAccount(c, e) ?? inState(['pending', 'kept'], 'already-off-list', 'it is no longer on the list.')(c, e) ?? pullReason(c, e),
	reviewComplete: (c, e) => {
		const open = c.list.filter((x) => x.state === 'pending');
		return open.length === 0
			? finalListClean(c, e)
			: { rule: 'review-incomplete', reason: `Review every account first; ${open.length} not reviewed: ${open.map((x) => x.accountNumber).join(', ')}.`, policyRef: REF };
	},
	finalListClean,
	hasNote: (_c, e) =>
		e.type === 'list.returned' && text(e.note) ? null : { rule: 'note-required', reason: 'Say what must change on the list.', policyRef: REF },

	// Dispatch.
	dispatchAllowed: (c, e) => {
		const bad = keptButExcluded(c);
		if (bad.length)
			return {
				rule: 'dispatch-excluded-account',
				reason: `Locking off an excluded account: ${bad.map((x) => `${x.accountNumber} (${x.findings.join(', ')})`).join('; ')}. Pull it first.`,
				policyRef: EXCL,
				critical: 'lockoff-excluded-account'
			};
		const t = toLocal(e.at, c.policy.timeZone);
		if (t.date !== c.date) return { rule: 'dispatch-wrong-day', reason: `This list is for ${c.date}, not ${t.date}.`, policyRef: REF };
		return afterCutoff(c, e.at) ? { rule: 'no-new-lockoffs-after-cutoff', reason: `It is ${formatMinutes(t.minutes)}. ${cutoffReason(c)}`, policyRef: '§0; §5 Lock-off day' } : null;
	},
	cutoffPassed: (c, e) =>
		afterCutoff(c, e.at) ? null : { rule: 'cutoff-not-passed', reason: 'It is not yet past the cut-off: dispatch the orders.', policyRef: REF },

	// In the field.
	orderPullable: (c, e) => unknownAccount(c, e) ?? inState(['dispatched'], 'order-not-out', 'there is no order out to pull.')(c, e) ?? pullReason(c, e),
	lockRestorable: (c, e) => unknownAccount(c, e) ?? inState(['completed'], 'not-locked', 'the lock was not done.')(c, e) ?? pullReason(c, e),
	lockCompletable: (c, e) => {
		const r = unknownAccount(c, e) ?? inState(['dispatched'], 'order-not-out', 'there is no order out to complete.')(c, e);
		if (r) return r;
		const x = entryOf(c, accountOf(e)) as ListEntry;
		const lockedAt = lockedAtOf(e);
		if (!Number.isSafeInteger(lockedAt) || lockedAt > e.at || lockedAt < (x.dispatchedAt ?? 0))
			return { rule: 'locked-time-invalid', reason: 'The lock time must be after dispatch and not in the future.', policyRef: REF };
		const fs = findingsAt(c, x.accountNumber, lockedAt);
		return fs.length === 0
			? null
			: {
					rule: 'lock-excluded-account',
					reason: `Account ${x.accountNumber} was excluded before the lock (${describeFindings(fs)}): pull the order.`,
					policyRef: EXCL,
					critical: 'lockoff-excluded-account'
				};
	},
	unableRecordable: (c, e) =>
		unknownAccount(c, e) ??
		inState(['dispatched'], 'order-not-out', 'there is no order out.')(c, e) ??
		(e.type === 'order.unable' && text(e.reason) ? null : { rule: 'unable-needs-reason', reason: 'Record why the crew could not lock off.', policyRef: REF }),
	tamperRecordable: (c, e) =>
		unknownAccount(c, e) ??
		inState(['dispatched'], 'order-not-out', 'there is no order out.')(c, e) ??
		(e.type === 'order.tamper' && text(e.note) ? null : { rule: 'tamper-needs-note', reason: 'Record what the crew found.', policyRef: REF }),
	dayReconcilable: (c, _e) => {
		const open = c.list.filter((x) => x.state === 'dispatched');
		if (open.length)
			return { rule: 'orders-unresolved', reason: `Every order needs a result first; open: ${open.map((x) => x.accountNumber).join(', ')}.`, policyRef: REF };
		const stranded = c.list.filter((x) => x.state === 'completed' && x.findings.length > 0);
		return stranded.length === 0
			? null
			: {
					rule: 'locked-account-needs-reconnect',
					reason: `Locked accounts now excluded or paid need their reconnect order: ${stranded.map((x) => x.accountNumber).join(', ')}.`,
					policyRef: '§6 Restoration',
					critical: 'restoration-without-reconnect'
				};
	}
} satisfies Record<string, Rule<Ctx, Ev>>;

// ---------------------------------------------------------------------------------------------
// Actions' helpers

const setEntry = (c: Ctx, accountNumber: string, patch: Partial<ListEntry>): ListEntry[] =>
	c.list.map((x) => (x.accountNumber === accountNumber ? { ...x, ...patch } : x));

const PROTECTION: Partial<Record<ExclusionCode, ProtectionKind>> = {
	MEDICAL: 'medical',
	PLAN: 'plan',
	DISPUTE: 'dispute',
	BANKRUPTCY: 'bankruptcy',
	ASSIST: 'assist'
};

function sanitizeAccounts(accounts: readonly AccountFacts[]): AccountFacts[] {
	const seen = new Set<string>();
	const out: AccountFacts[] = [];
	for (const a of accounts ?? []) {
		if (!a || typeof a.accountNumber !== 'string' || !a.accountNumber || seen.has(a.accountNumber)) continue;
		seen.add(a.accountNumber);
		// A past-due that is not integer cents cannot justify a lock-off: treat it as zero (BELOW_MIN).
		out.push({ ...a, pastDueCents: Number.isSafeInteger(a.pastDueCents) && a.pastDueCents > 0 ? a.pastDueCents : 0 });
	}
	return out;
}

const validInbox = (p: InboxPayment) => !!p && !!text(p.ref) && !!text(p.accountNumber) && Number.isSafeInteger(p.amountCents) && p.amountCents > 0;

const newEntry = (accountNumber: string): ListEntry => ({
	accountNumber,
	state: 'pending',
	findings: [],
	pullCode: null,
	pullMemo: null,
	workOrderRef: null,
	dispatchedAt: null,
	resolvedAt: null,
	lockedAt: null,
	resultReason: null,
	reconnectRef: null
});

const slip = (c: Ctx, id: string) => (c.softOrderSlips.includes(id) ? c.softOrderSlips : [...c.softOrderSlips, id]);

const pullMemoOf = (e: Ev) => (e.type === 'account.pulled' ? text(e.memo) || null : null);

// ---------------------------------------------------------------------------------------------
// Step meta

/**
 * The lead's events: a CSR III runs the day alone; a CSR II only in a supervised run, where the
 * supervising senior confirms every step (the start gate and the run page enforce that, ladder.md).
 */
const LEAD = 'csr2' as const;

const DURING_DAY = {
	'payment.received': { minLevel: LEAD },
	'exclusion.recorded': { minLevel: LEAD }
} as const;


const order = (id: string, kind: OrderRule['kind'], description: string): OrderRule => ({ id, kind, description, policyRef: REF });

export const lockoffDayMachine = setup({
	types: { context: {} as Ctx, events: {} as Ev, input: {} as LockoffDayInput },
	guards: guardsFromRules(lockoffDayRules),
	actions: {
		recordHold: assign(({ context, event }, params: { code: HoldCode }) => {
			const reason =
				params.code === 'CALENDAR'
					? (lockoffCalendarHold(context.date, context.policy)?.reason ?? '')
					: params.code === 'WEATHER' && context.forecast
						? (weatherHold(context.forecast, context.policy)?.reason ?? '')
						: cutoffReason(context);
			return { hold: { code: params.code, reason }, checkedAt: event.at, roles: { ...context.roles, lead: context.roles.lead ?? event.by.userId } };
		}),
		recordForecast: assign(({ event }) => (event.type === 'forecast.entered' ? { forecast: { lowF: event.lowF, highF: event.highF } } : {})),
		startDay: assign(({ context, event }) => ({
			checkedAt: event.at,
			roles: { ...context.roles, lead: event.by.userId },
			list: refreshed(context, context.list, event.at)
		})),
		applyInbox: assign(({ context, event }) => {
			const payments = [...context.payments, ...context.inbox.map((p) => ({ ...p, at: event.at, source: 'inbox' as const }))];
			const effects: Effect[] = context.inbox.map((p) => ({ type: 'inbox.post', inboxRef: p.ref, accountNumber: p.accountNumber, amountCents: p.amountCents }));
			const next = { ...context, payments };
			return { payments, effects: [...context.effects, ...effects], list: refreshed(next, context.list, event.at) };
		}),
		slipInboxBeforeReview: assign(({ context }) => ({ softOrderSlips: slip(context, 'inbox-before-review') })),
		keepAccount: assign(({ context, event }) => ({ list: setEntry(context, accountOf(event) as string, { state: 'kept' }) })),
		pullFromList: assign(({ context, event }) => {
			if (event.type !== 'account.pulled' || !event.code) return {};
			const memo = pullMemoOf(event);
			return {
				list: setEntry(context, event.accountNumber, { state: 'excluded', pullCode: event.code, pullMemo: memo, resolvedAt: event.at }),
				effects: [...context.effects, { type: 'lockoffList.pull' as const, accountNumber: event.accountNumber, code: event.code, ...(memo ? { memo } : {}) }]
			};
		}),
		approveList: assign(({ context, event }) => ({ approvedAt: event.at, returnNote: null, roles: { ...context.roles, approver: event.by.userId } })),
		returnList: assign(({ event }) => ({ returnNote: event.type === 'list.returned' ? text(event.note) : null })),
		dispatchOrders: assign(({ context, event }) => {
			const effects: Effect[] = [];
			const list = context.list.map((x) => {
				if (x.state !== 'kept') return x;
				const ref = `LO-${context.date}-${x.accountNumber}`;
				effects.push({ type: 'workOrder.create', ref, accountNumber: x.accountNumber, kind: 'lockoff', scheduledFor: context.date, priority: 'same-day' });
				return { ...x, state: 'dispatched' as const, workOrderRef: ref, dispatchedAt: event.at };
			});
			return { list, dispatchedAt: event.at, effects: [...context.effects, ...effects] };
		}),
		recordPayment: assign(({ context, event }) => {
			if (event.type !== 'payment.received') return {};
			const payments = [...context.payments, { ref: event.ref, accountNumber: event.accountNumber, amountCents: event.amountCents, at: event.at, source: 'day' as const }];
			const next = { ...context, payments };
			const note: Effect = {
				type: 'note.add',
				accountNumber: event.accountNumber,
				category: 'lockoff',
				body: `Lock-off day ${context.date}: payment ${event.ref} of ${formatCents(event.amountCents)} received at ${formatMinutes(toLocal(event.at, context.policy.timeZone).minutes)}.`
			};
			return { payments, list: refreshed(next, context.list, event.at), effects: [...context.effects, note] };
		}),
		recordExclusion: assign(({ context, event }) => {
			if (event.type !== 'exclusion.recorded') return {};
			const dated = isIsoDate(event.dated) ? event.dated : null;
			const recorded = [...context.recorded, { accountNumber: event.accountNumber, code: event.code, memo: text(event.memo), dated, at: event.at }];
			const next = { ...context, recorded };
			const kind = PROTECTION[event.code];
			const d = context.policy.delinquency;
			const endsOn =
				event.code === 'MEDICAL' && dated
					? addDays(dated, d.medicalCertificateDays - 1)
					: event.code === 'ASSIST' && dated
						? addDays(dated, d.assistancePledgeHoldDays - 1)
						: undefined;
			const effect: Effect = kind
				? { type: 'protection.add', accountNumber: event.accountNumber, kind, startsOn: dated ?? context.date, ...(endsOn ? { endsOn } : {}), memo: text(event.memo) }
				: { type: 'note.add', accountNumber: event.accountNumber, category: 'lockoff', body: `${event.code}: ${text(event.memo)}` };
			return { recorded, list: refreshed(next, context.list, event.at), effects: [...context.effects, effect] };
		}),
		pullOrder: assign(({ context, event }) => {
			if (event.type !== 'account.pulled' || !event.code) return {};
			const x = entryOf(context, event.accountNumber) as ListEntry;
			const memo = pullMemoOf(event);
			const effects: Effect[] = [
				{ type: 'workOrder.resolve', ref: x.workOrderRef as string, result: 'pulled', reason: memo ? `${event.code}: ${memo}` : event.code, at: event.at },
				{ type: 'lockoffList.pull', accountNumber: x.accountNumber, code: event.code, ...(memo ? { memo } : {}) }
			];
			return {
				list: setEntry(context, x.accountNumber, { state: 'pulled', pullCode: event.code, pullMemo: memo, resolvedAt: event.at }),
				effects: [...context.effects, ...effects]
			};
		}),
		orderReconnect: assign(({ context, event }) => {
			if (event.type !== 'account.pulled' || !event.code) return {};
			const x = entryOf(context, event.accountNumber) as ListEntry;
			// §6: same day when the reason (payment, certificate) arrived by 3:00 pm on a business day, else next business day.
			const arrived = toLocal(reasonArrivedAt(context, x, event.at), context.policy.timeZone);
			const sameDay = isBusinessDay(arrived.date, context.policy) && isBy(arrived.minutes, context.policy.restoration.sameDayPaidByMinutes);
			const ref = `RC-${context.date}-${x.accountNumber}`;
			const memo = pullMemoOf(event);
			const effects: Effect[] = [
				{
					type: 'workOrder.create',
					ref,
					accountNumber: x.accountNumber,
					kind: 'reconnect',
					scheduledFor: sameDay ? arrived.date : nextBusinessDay(arrived.date, context.policy),
					priority: sameDay ? 'same-day' : 'next-day',
					memo: `${event.code} after the lock${memo ? `: ${memo}` : ''}`
				},
				{
					type: 'note.add',
					accountNumber: x.accountNumber,
					category: 'lockoff',
					body: `Already locked when ${event.code} applied; reconnect order ${ref} created${memo ? ` (${memo})` : ''}. Restoration charges are taken through the counter payment procedure.`
				}
			];
			return { list: setEntry(context, x.accountNumber, { state: 'restoring', reconnectRef: ref, pullCode: event.code, pullMemo: memo }), effects: [...context.effects, ...effects] };
		}),
		recordCompleted: assign(({ context, event }) => {
			const x = entryOf(context, accountOf(event)) as ListEntry;
			const lockedAt = lockedAtOf(event);
			const effects: Effect[] = [
				{ type: 'workOrder.resolve', ref: x.workOrderRef as string, result: 'completed', at: event.at },
				{
					type: 'ledger.post',
					accountNumber: x.accountNumber,
					kind: 'fee',
					amountCents: context.policy.delinquency.lockoffFeeCents,
					memo: `Lock-off fee (${x.workOrderRef})`,
					ref: `FEE-${x.workOrderRef}`
				},
				{ type: 'account.update', accountNumber: x.accountNumber, status: 'locked' }
			];
			return { list: setEntry(context, x.accountNumber, { state: 'completed', lockedAt, resolvedAt: event.at }), effects: [...context.effects, ...effects] };
		}),
		recordUnable: assign(({ context, event }) => {
			if (event.type !== 'order.unable') return {};
			const x = entryOf(context, event.accountNumber) as ListEntry;
			const reason = text(event.reason);
			return {
				list: setEntry(context, x.accountNumber, { state: 'unable', resultReason: reason, resolvedAt: event.at }),
				effects: [...context.effects, { type: 'workOrder.resolve' as const, ref: x.workOrderRef as string, result: 'unable' as const, reason, at: event.at }]
			};
		}),
		recordTamper: assign(({ context, event }) => {
			if (event.type !== 'order.tamper') return {};
			const x = entryOf(context, event.accountNumber) as ListEntry;
			const note = text(event.note);
			const effects: Effect[] = [
				{ type: 'workOrder.resolve', ref: x.workOrderRef as string, result: 'tamper', reason: note, at: event.at },
				{ type: 'note.add', accountNumber: x.accountNumber, category: 'tamper', body: `Crew found tampering on lock-off day ${context.date}: ${note}` }
			];
			return { list: setEntry(context, x.accountNumber, { state: 'tamper', resultReason: note, resolvedAt: event.at }), effects: [...context.effects, ...effects] };
		}),
		reconcile: assign(({ context }) => {
			const n = (...s: AccountState[]) => context.list.filter((x) => s.includes(x.state)).length;
			const completed = n('completed', 'restoring');
			return {
				reconciliation: {
					dispatched: context.list.filter((x) => x.dispatchedAt !== null).length,
					completed,
					pulled: n('pulled'),
					unable: n('unable'),
					tamper: n('tamper'),
					feesCents: completed * context.policy.delinquency.lockoffFeeCents
				}
			};
		})
	}
}).createMachine({
	id: 'lockoffDay',
	context: ({ input }) => {
		const accounts = sanitizeAccounts(input.accounts);
		const inbox = (input.inbox ?? []).filter(validInbox);
		return {
			policy: input.policy,
			date: input.date,
			forecast: validForecast(input.forecast) ? { lowF: input.forecast.lowF, highF: input.forecast.highF } : null,
			accounts,
			inbox,
			inboxSkipped: (input.inbox ?? []).filter((p) => !validInbox(p)).map((p) => text(p?.ref) || '(no ref)'),
			list: accounts.map((a) => newEntry(a.accountNumber)),
			payments: [],
			recorded: [],
			hold: null,
			checkedAt: null,
			approvedAt: null,
			returnNote: null,
			dispatchedAt: null,
			reconciliation: null,
			effects: [],
			softOrderSlips: [],
			roles: {}
		};
	},
	initial: 'holds',
	states: {
		holds: {
			meta: {
				step: {
					id: 'holds',
					title: "Check the day's holds",
					instructions:
						'Lock-offs happen Monday to Thursday, never on a holiday or the day before one, never with a forecast low at or below freezing or a high at 100 °F or more, and no new lock-offs go out after 2:00 pm. A held day ends here.',
					policyRef: '§0; §5 Lock-off day',
					authority: { 'forecast.entered': { minLevel: LEAD }, 'holds.checked': { minLevel: LEAD, takesRole: 'lead' } },
					order: [order('holds-first', 'hard', 'The day holds are checked before anything else.')]
				}
			},
			// The holds are checked only once a forecast is known (from the list, or entered here); it may be corrected until then.
			initial: 'forecast',
			on: { 'forecast.entered': { guard: 'forecastValid', target: '.ready', actions: 'recordForecast' } },
			states: {
				forecast: { always: { guard: 'forecastKnown', target: 'ready' } },
				ready: {
					on: {
						'holds.checked': [
							{ guard: 'calendarHoldApplies', target: '#lockoffDay.held', actions: { type: 'recordHold', params: { code: 'CALENDAR' } } },
							{ guard: 'weatherHoldApplies', target: '#lockoffDay.held', actions: { type: 'recordHold', params: { code: 'WEATHER' } } },
							{ guard: 'cutoffPassedAtCheck', target: '#lockoffDay.held', actions: { type: 'recordHold', params: { code: 'CUTOFF' } } },
							{ target: '#lockoffDay.day', actions: 'startDay' }
						]
					}
				}
			}
		},
		day: {
			// A container, not a step: payments and new exclusions can arrive at any step of the day.
			on: {
				'payment.received': { guard: 'paymentRecordable', actions: 'recordPayment' },
				'exclusion.recorded': { guard: 'exclusionRecordable', actions: 'recordExclusion' }
			},
			initial: 'inbox',
			states: {
				inbox: {
					meta: {
						step: {
							id: 'inbox',
							title: 'Apply the payment inbox',
							instructions: 'Post the overnight drop-box, online and phone payments before reviewing the list, so paid accounts show as PAID.',
							policyRef: REF,
							authority: { 'inbox.applied': { minLevel: LEAD }, 'account.kept': { minLevel: LEAD }, 'account.pulled': { minLevel: LEAD }, ...DURING_DAY },
							order: [order('inbox-before-review', 'soft', 'Apply the payment inbox before reviewing the list.')]
						}
					},
					on: {
						'inbox.applied': { target: 'review', actions: 'applyInbox' },
						// Reviewing before the inbox is allowed but logged (soft order).
						'account.kept': { guard: 'keepable', actions: ['keepAccount', 'slipInboxBeforeReview'] },
						'account.pulled': { guard: 'listPullable', actions: ['pullFromList', 'slipInboxBeforeReview'] }
					}
				},
				review: {
					meta: {
						step: {
							id: 'review',
							title: 'Review every listed account',
							instructions:
								'For each account check payments, plan, medical certificate, dispute, bankruptcy, assistance pledge, notice and door tag, the minimum past-due and the premise. Keep it, or pull it with its reason code.',
							policyRef: EXCL,
							authority: { 'account.kept': { minLevel: LEAD }, 'account.pulled': { minLevel: LEAD }, 'list.submitted': { minLevel: LEAD }, ...DURING_DAY },
							order: [order('inbox-before-submit', 'hard', 'The inbox is applied before the list goes to the supervisor.')]
						}
					},
					on: {
						'account.kept': { guard: 'keepable', actions: 'keepAccount' },
						'account.pulled': { guard: 'listPullable', actions: 'pullFromList' },
						'list.submitted': { guard: 'reviewComplete', target: 'approve' }
					}
				},
				approve: {
					meta: {
						step: {
							id: 'approve',
							title: 'Supervisor approves the final list',
							instructions: 'A supervisor reviews the final list and the pulls, then approves it or returns it with a note.',
							policyRef: REF,
							needsSecondPerson: true,
							authority: {
								// A second person: the lead never approves their own list.
								'list.approved': { minLevel: 'supervisor', secondPerson: true, takesRole: 'approver' },
								'list.returned': { minLevel: 'supervisor', secondPerson: true },
								'account.pulled': { minLevel: LEAD },
								...DURING_DAY
							},
							order: [order('review-before-approval', 'hard', 'Every account is reviewed before the supervisor approves.')]
						}
					},
					tags: ['needsSecondPerson'],
					on: {
						'list.approved': { guard: 'finalListClean', target: 'dispatch', actions: 'approveList' },
						'list.returned': { guard: 'hasNote', target: 'review', actions: 'returnList' },
						'account.pulled': { guard: 'listPullable', actions: 'pullFromList' }
					}
				},
				dispatch: {
					meta: {
						step: {
							id: 'dispatch',
							title: 'Dispatch the route sheets',
							instructions: 'Send one lock-off work order per account on the approved list to the field crews, no later than 2:00 pm.',
							policyRef: REF,
							authority: { 'orders.dispatched': { minLevel: LEAD }, 'cutoff.passed': { minLevel: LEAD }, 'account.pulled': { minLevel: LEAD }, ...DURING_DAY },
							order: [order('approval-before-dispatch', 'hard', 'Nothing is dispatched before the supervisor approves the list.')]
						}
					},
					on: {
						'orders.dispatched': { guard: 'dispatchAllowed', target: 'field', actions: 'dispatchOrders' },
						'cutoff.passed': { guard: 'cutoffPassed', target: '#lockoffDay.held', actions: { type: 'recordHold', params: { code: 'CUTOFF' } } },
						'account.pulled': { guard: 'listPullable', actions: 'pullFromList' }
					}
				},
				field: {
					meta: {
						step: {
							id: 'field',
							title: 'Work the orders',
							instructions:
								'When a payment or a new exclusion arrives, radio the crew and pull the order (the time is logged); if the lock is already done, the reconnect order goes out. Record each result: completed, unable (with the reason) or tamper. Reconcile when every order is resolved.',
							policyRef: '§5 Lock-off day; §6 Restoration',
							authority: {
								'account.pulled': { minLevel: LEAD },
								'order.completed': { minLevel: LEAD },
								'order.unable': { minLevel: LEAD },
								'order.tamper': { minLevel: LEAD },
								'day.reconciled': { minLevel: LEAD },
								...DURING_DAY
							},
							order: [order('resolved-before-reconcile', 'hard', 'Reconcile only when every order has a result.')]
						}
					},
					on: {
						'account.pulled': [
							{ guard: 'orderPullable', actions: 'pullOrder' },
							{ guard: 'lockRestorable', actions: 'orderReconnect' }
						],
						'order.completed': { guard: 'lockCompletable', actions: 'recordCompleted' },
						'order.unable': { guard: 'unableRecordable', actions: 'recordUnable' },
						'order.tamper': { guard: 'tamperRecordable', actions: 'recordTamper' },
						'day.reconciled': { guard: 'dayReconcilable', target: '#lockoffDay.reconciled', actions: 'reconcile' }
					}
				}
			}
		},
		held: { type: 'final', meta: { outcome: 'held' } },
		reconciled: { type: 'final', meta: { outcome: 'reconciled' } }
	}
});

/**
 * Customer security deposits (policy §4, "Computing it, exactly"). Pure integer-cent arithmetic; every
 * number comes from the deposit settings passed in (policy.deposit), "today" is an argument.
 *
 * - Standard amount: with ≥ minimumBillsForHistory bills at the premise in the window
 *   (today − historyMonths, today], ceil(averageMultiplier × sum ÷ count) in whole dollars, computed on
 *   the exact fraction (the average is never rounded first). With fewer bills: the no-history amount.
 * - The minimum is a floor on that amount (history or no-history), applied BEFORE doubling; bad history
 *   multiplies after it (so a doubled deposit is ≥ 2 × minimum, a doubled no-history one 2 × no-history).
 * - Bad history (doubles, and makes waivers unavailable) = the applicant or a listed adult, in the
 *   window: a write-off, a disconnection for non-payment, or ≥ badHistoryReturnedItems returned payments.
 *   A write-off older than the window does not double, but still makes waivers unavailable (§9: "waived
 *   where bad history or a write-off applies" is a critical error).
 * - Installments (deposit > installmentAboveCents): now = ceil(amount × installmentNowPercent ÷ 100) to
 *   the cent; the rest is split evenly over the next installmentBills bills, leftover cents on the
 *   earliest bills (so the parts always add up to the deposit).
 * - Billing: bills are issued monthly on the account's cycle day (clamped to the month's last day); the
 *   first bill is the first cycle date strictly after the service start date. The refund is credited on
 *   bill (refundAfterOnTimeMonths + 1), i.e. the 13th bill, after 12 consecutive on-time months.
 */
import { ceilToDollarFraction, sumCents, type Cents } from './money';
import { addMonths, daysBetween, withinMonths, type IsoDate } from './calendar';

/** The deposit settings (policy.deposit); structural so tests can vary them. */
export interface DepositSettings {
	averageMultiplier: number;
	noHistoryCents: number;
	minimumCents: number;
	badHistoryMultiplier: number;
	minimumBillsForHistory: number;
	historyMonths: number;
	letterOfCreditMonths: number;
	letterMaxAgeDays: number;
	ownHistoryMonths: number;
	ownHistoryCleanMonths: number;
	installmentAboveCents: number;
	installmentNowPercent: number;
	installmentBills: number;
	refundAfterOnTimeMonths: number;
	badHistoryReturnedItems: number;
}

export interface Bill {
	date: IsoDate;
	amountCents: Cents;
}

/** ceil(a ÷ b) for integers a ≥ 0, b > 0, without floating-point division. */
export function ceilDiv(a: number, b: number): number {
	if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b <= 0) throw new TypeError('ceilDiv: non-negative integers only');
	const rem = a % b;
	return (a - rem) / b + (rem > 0 ? 1 : 0);
}

/** The premise's bills in the window (today − historyMonths, today]. */
export function billsInWindow(bills: readonly Bill[], today: IsoDate, s: DepositSettings): Bill[] {
	return bills.filter((b) => withinMonths(b.date, today, s.historyMonths));
}

export interface StandardDeposit {
	basis: 'history' | 'no-history';
	billCount: number;
	/** Sum of the bills in the window (a net credit counts as $0). */
	sumCents: Cents;
	/** ceil(multiplier × sum ÷ count) in whole dollars, or the no-history amount, before the minimum. */
	computedCents: Cents;
	minimumApplied: boolean;
	/** After the minimum, before any doubling. */
	standardCents: Cents;
}

/** Standard (or no-history) amount, minimum applied (policy §4 "Computing it, exactly"). */
export function standardDeposit(bills: readonly Bill[], today: IsoDate, s: DepositSettings): StandardDeposit {
	const window = billsInWindow(bills, today, s);
	const sum = Math.max(0, sumCents(window.map((b) => b.amountCents)));
	const history = window.length >= s.minimumBillsForHistory;
	// Never round the average first: one ceiling over the exact fraction multiplier·sum / count.
	const computed = history ? ceilToDollarFraction(s.averageMultiplier * sum, window.length) : ceilToDollarFraction(s.noHistoryCents, 1);
	const minimum = ceilToDollarFraction(s.minimumCents, 1);
	return {
		basis: history ? 'history' : 'no-history',
		billCount: window.length,
		sumCents: sum,
		computedCents: computed,
		minimumApplied: computed < minimum,
		standardCents: Math.max(computed, minimum)
	};
}

/** The deposit to charge: the standard amount, multiplied after the minimum when there is bad history. */
export function depositAmount(standard: StandardDeposit, badHistory: boolean, s: DepositSettings): Cents {
	return badHistory ? standard.standardCents * s.badHistoryMultiplier : standard.standardCents;
}

export interface WriteOff {
	date: IsoDate;
	amountCents: Cents;
	/** Paid off since; a paid write-off still counts as history. */
	paid: boolean;
}

/** What the utility credit check found for one person on the application (Riverton records). */
export interface CreditFinding {
	person: string;
	relation: 'applicant' | 'listed-adult';
	/** Unpaid balance on any Riverton account (not written off). */
	unpaidBalanceCents: Cents;
	writeOffs: WriteOff[];
	disconnectionsForNonPayment: IsoDate[];
	returnedPayments: IsoDate[];
}

export interface BadHistoryItem {
	person: string;
	kind: 'write-off' | 'disconnection' | 'returned-payments';
	/** Latest date of the item(s) that count. */
	date: IsoDate;
	/** True when it doubles the deposit (in the window); false for an older write-off, which only blocks waivers. */
	doubles: boolean;
}

/** Bad-history items per person, newest relevant date each (policy §4 "Bad history"). */
export function badHistory(findings: readonly CreditFinding[], today: IsoDate, s: DepositSettings): BadHistoryItem[] {
	const out: BadHistoryItem[] = [];
	const latest = (dates: readonly IsoDate[]) => [...dates].sort().at(-1) as IsoDate;
	for (const f of findings) {
		if (f.writeOffs.length > 0) {
			const recent = f.writeOffs.filter((w) => withinMonths(w.date, today, s.historyMonths));
			out.push({ person: f.person, kind: 'write-off', date: latest((recent.length ? recent : f.writeOffs).map((w) => w.date)), doubles: recent.length > 0 });
		}
		const disc = f.disconnectionsForNonPayment.filter((d) => withinMonths(d, today, s.historyMonths));
		if (disc.length > 0) out.push({ person: f.person, kind: 'disconnection', date: latest(disc), doubles: true });
		const returned = f.returnedPayments.filter((d) => withinMonths(d, today, s.historyMonths));
		if (returned.length >= s.badHistoryReturnedItems) out.push({ person: f.person, kind: 'returned-payments', date: latest(returned), doubles: true });
	}
	return out;
}

export interface DebtItem {
	person: string;
	kind: 'balance' | 'write-off';
	amountCents: Cents;
}

/** Riverton debt that must be paid or put on a plan before service starts. */
export function outstandingDebt(findings: readonly CreditFinding[]): { totalCents: Cents; items: DebtItem[] } {
	const items: DebtItem[] = [];
	for (const f of findings) {
		if (f.unpaidBalanceCents > 0) items.push({ person: f.person, kind: 'balance', amountCents: f.unpaidBalanceCents });
		for (const w of f.writeOffs) if (!w.paid && w.amountCents > 0) items.push({ person: f.person, kind: 'write-off', amountCents: w.amountCents });
	}
	return { totalCents: sumCents(items.map((i) => i.amountCents)), items };
}

export interface LetterOfCredit {
	utility: string;
	issuedOn: IsoDate;
	/** Consecutive months of service the letter covers. */
	monthsCovered: number;
	noLatePayments: boolean;
	noReturnedItems: boolean;
	noDisconnections: boolean;
}

export type LetterCheck =
	| { ok: true; ageDays: number }
	| { ok: false; problem: 'too-old' | 'future-dated' | 'too-few-months' | 'not-clean'; ageDays: number };

/** Letter of credit: ≥ letterOfCreditMonths clean consecutive months, dated within letterMaxAgeDays (application date − letter date ≤ 60). */
export function checkLetter(letter: LetterOfCredit, applicationDate: IsoDate, s: DepositSettings): LetterCheck {
	const ageDays = daysBetween(letter.issuedOn, applicationDate);
	if (ageDays < 0) return { ok: false, problem: 'future-dated', ageDays };
	if (ageDays > s.letterMaxAgeDays) return { ok: false, problem: 'too-old', ageDays };
	if (letter.monthsCovered < s.letterOfCreditMonths) return { ok: false, problem: 'too-few-months', ageDays };
	if (!(letter.noLatePayments && letter.noReturnedItems && letter.noDisconnections)) return { ok: false, problem: 'not-clean', ageDays };
	return { ok: true, ageDays };
}

/** A prior Riverton account of the applicant. */
export interface PriorAccount {
	accountNumber: string;
	openedOn: IsoDate;
	closedOn: IsoDate | null;
	latePaymentDates: IsoDate[];
}

export type OwnHistoryCheck =
	| { ok: true; accountNumber: string }
	| { ok: false; problem: 'none' | 'not-closed' | 'too-short' | 'late-payment'; accountNumber?: string };

/** Own history: a closed account open ≥ ownHistoryMonths with no late payment in its last ownHistoryCleanMonths. */
export function checkOwnHistory(accounts: readonly PriorAccount[], s: DepositSettings): OwnHistoryCheck {
	let worst: OwnHistoryCheck = { ok: false, problem: 'none' };
	for (const a of accounts) {
		if (!a.closedOn) {
			if (worst.problem === 'none') worst = { ok: false, problem: 'not-closed', accountNumber: a.accountNumber };
			continue;
		}
		if (addMonths(a.openedOn, s.ownHistoryMonths) > a.closedOn) {
			worst = { ok: false, problem: 'too-short', accountNumber: a.accountNumber };
			continue;
		}
		const closedOn = a.closedOn;
		if (a.latePaymentDates.some((d) => withinMonths(d, closedOn, s.ownHistoryCleanMonths))) {
			worst = { ok: false, problem: 'late-payment', accountNumber: a.accountNumber };
			continue;
		}
		return { ok: true, accountNumber: a.accountNumber };
	}
	return worst;
}

function lastDayOfMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function cycleDateInMonthOf(anyDateInMonth: IsoDate, cycleDay: number): IsoDate {
	const [y, m] = anyDateInMonth.split('-').map(Number);
	const day = Math.min(Math.max(1, Math.trunc(cycleDay)), lastDayOfMonth(y, m));
	return `${anyDateInMonth.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** The date of bill n (1-based) of a service that starts on serviceStart and bills on cycleDay. */
export function billDate(serviceStart: IsoDate, cycleDay: number, n: number): IsoDate {
	if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('bill numbers start at 1');
	const month = `${serviceStart.slice(0, 7)}-01`;
	const inStartMonth = cycleDateInMonthOf(month, cycleDay);
	// Month offsets always from the first day of a month, so clamping (Jan 31 → Feb 28) never drifts.
	const firstOffset = inStartMonth > serviceStart ? 0 : 1;
	return cycleDateInMonthOf(addMonths(month, firstOffset + n - 1), cycleDay);
}

/** Refund eligibility: the 13th bill (after 12 consecutive on-time months); a late payment restarts the clock. */
export function refundEligibilityDate(serviceStart: IsoDate, cycleDay: number, s: DepositSettings): IsoDate {
	return billDate(serviceStart, cycleDay, s.refundAfterOnTimeMonths + 1);
}

export interface InstallmentPlan {
	nowCents: Cents;
	bills: { bill: number; date: IsoDate; amountCents: Cents }[];
}

/** Installments are offered only for a deposit above installmentAboveCents ($100 no, $101 yes). */
export function installmentsAllowed(amountCents: Cents, s: DepositSettings): boolean {
	return amountCents > s.installmentAboveCents;
}

/** Now: ceil(amount × percent ÷ 100) to the cent; the rest evenly over the next bills, leftover cents first. */
export function installmentPlan(amountCents: Cents, serviceStart: IsoDate, cycleDay: number, s: DepositSettings): InstallmentPlan {
	const nowCents = ceilDiv(amountCents * s.installmentNowPercent, 100);
	const rest = amountCents - nowCents;
	const n = s.installmentBills;
	const extra = rest % n;
	const base = (rest - extra) / n;
	const bills = Array.from({ length: n }, (_, i) => ({
		bill: i + 1,
		date: billDate(serviceStart, cycleDay, i + 1),
		amountCents: base + (i < extra ? 1 : 0)
	}));
	return { nowCents, bills };
}

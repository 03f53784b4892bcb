/**
 * Lock-off exclusions (policy §5 "Exclusions", counted per §0): given one listed account's facts and
 * the lock-off day, which exclusion codes apply. Pure and total: no clock, no I/O; every number comes
 * from the policy passed in. The lock-off day machine, the checklist UI and the scenario checker all
 * ask this one module, so "why was this account pulled?" has a single answer.
 */
import { formatCents, type Cents } from './money';
import { daysBetween, periodCovers, withinMonths, type IsoDate } from './calendar';
import type { Policy } from '$lib/policy/settings';

/** Reason codes for pulling an account from the lock-off list (policy §5), in the handbook's order. */
export const EXCLUSION_CODES = ['PAID', 'PLAN', 'MEDICAL', 'DISPUTE', 'BANKRUPTCY', 'ASSIST', 'NOTICE', 'BELOW_MIN', 'WRONG_PREMISE'] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export function isExclusionCode(value: unknown): value is ExclusionCode {
	return typeof value === 'string' && (EXCLUSION_CODES as readonly string[]).includes(value);
}

/** What the lock-off list (plus anything recorded since) says about one account. Dates are local 'YYYY-MM-DD'. */
export interface AccountFacts {
	accountNumber: string;
	/** Past-due on the lock-off notice, in cents, before any payment made since the list was built. */
	pastDueCents: Cents;
	notice: {
		mailedOn: IsoDate | null;
		/** False when the notice went to a wrong address. */
		addressOk: boolean;
		/** A notice or door-tag defect learned outside the list (e.g. the tag was never hung), with what was found. */
		defect?: string | null;
	};
	doorTag: { deliveredOn: IsoDate | null };
	protections: {
		medicalCertificates: { issuedOn: IsoDate }[];
		plan: 'none' | 'good-standing' | 'broken';
		dispute: { pending: boolean; undisputedPaid: boolean } | null;
		bankruptcy: boolean;
		assistancePledgeOn: IsoDate | null;
		/** False when the debt belongs to a prior occupant or another premise. */
		premiseDebtMatch: boolean;
	};
}

export interface DayFacts {
	/** The lock-off date. */
	date: IsoDate;
	/** Payments made on the account since the list was built (drop-box, online, phone, counter), in cents. */
	paidCents: Cents;
}

export interface ExclusionFinding {
	code: ExclusionCode;
	/** Plain words a CSR reads on the list. */
	reason: string;
}

type DelinquencyPolicy = Pick<Policy, 'delinquency'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDates = new Map<string, boolean>();

/** A real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
	if (typeof value !== 'string' || value.length !== 10) return false;
	// Exclusion rules ask about the same few dates over and over (every account, every event).
	const known = isoDates.get(value);
	if (known !== undefined) return known;
	const m = ISO_DATE.exec(value);
	const ok = !!m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
	if (isoDates.size >= 4096) isoDates.clear();
	isoDates.set(value, ok);
	return ok;
}

/**
 * The certificates that count, oldest first: a certificate is honoured when fewer than the policy
 * maximum were honoured in the rolling 12 months ending on its issue date, (issue − 12 months, issue].
 * Certificates issued after `asOf` are not yet known and are ignored; duplicates of a date count once.
 */
export function honouredCertificates(certificates: readonly { issuedOn: IsoDate }[], asOf: IsoDate, policy: DelinquencyPolicy): IsoDate[] {
	const dates = [...new Set(certificates.map((c) => c.issuedOn).filter((d) => isIsoDate(d) && d <= asOf))].sort();
	const honoured: IsoDate[] = [];
	for (const issued of dates) {
		const inWindow = honoured.filter((h) => withinMonths(h, issued, 12)).length;
		if (inWindow < policy.delinquency.medicalCertificatesPer12Months) honoured.push(issued);
	}
	return honoured;
}

/** The honoured certificate covering `date`, if any (30 days from issue: Nov 1 covers through Nov 30). */
export function coveringCertificate(certificates: readonly { issuedOn: IsoDate }[], date: IsoDate, policy: DelinquencyPolicy): IsoDate | null {
	const cover = honouredCertificates(certificates, date, policy).filter((d) => periodCovers(d, policy.delinquency.medicalCertificateDays, date));
	return cover.length ? cover[cover.length - 1] : null;
}

/** Whether a certificate issued on `issuedOn` would be refused as one too many in its 12 months. */
export function certificateOverLimit(certificates: readonly { issuedOn: IsoDate }[], issuedOn: IsoDate, policy: DelinquencyPolicy): boolean {
	const earlier = honouredCertificates(
		certificates.filter((c) => c.issuedOn !== issuedOn),
		issuedOn,
		policy
	);
	return earlier.filter((h) => withinMonths(h, issuedOn, 12)).length >= policy.delinquency.medicalCertificatesPer12Months;
}

/** Why the notice or door tag does not support a lock-off on `date`, or null when both are in order. */
export function noticeDefect(facts: AccountFacts, date: IsoDate, policy: DelinquencyPolicy): string | null {
	const d = policy.delinquency;
	if (facts.notice.defect) return facts.notice.defect;
	if (!facts.notice.mailedOn || !isIsoDate(facts.notice.mailedOn)) return 'No lock-off notice was mailed.';
	if (!facts.notice.addressOk) return 'The lock-off notice was sent to a wrong address.';
	const noticeDays = daysBetween(facts.notice.mailedOn, date);
	if (noticeDays < d.noticeMinDays) return `The notice was mailed ${noticeDays} days before the lock-off date; at least ${d.noticeMinDays} are required.`;
	if (!facts.doorTag.deliveredOn || !isIsoDate(facts.doorTag.deliveredOn)) return 'No door tag was delivered.';
	const tagDays = daysBetween(facts.doorTag.deliveredOn, date);
	if (tagDays < d.doorTagDaysBefore) return `The door tag was delivered ${tagDays} days before the lock-off date; it must be at least ${d.doorTagDaysBefore}.`;
	return null;
}

/** The past-due still owed after payments since the list was built (never below zero). */
export function remainingPastDue(facts: AccountFacts, paidCents: Cents): Cents {
	return Math.max(0, facts.pastDueCents - Math.max(0, paidCents));
}

/**
 * Every exclusion that applies to the account on the day, in the handbook's order (empty = may be
 * locked off). PAID when payments since the list cleared the past-due; BELOW_MIN when what remains
 * is above zero but under the minimum (so a partial payment can still take an account off the list).
 */
export function exclusionsFor(facts: AccountFacts, day: DayFacts, policy: DelinquencyPolicy): ExclusionFinding[] {
	const d = policy.delinquency;
	const out: ExclusionFinding[] = [];
	const p = facts.protections;
	const remaining = remainingPastDue(facts, day.paidCents);
	const paid = day.paidCents > 0 && remaining === 0;
	if (paid) out.push({ code: 'PAID', reason: 'The past-due was paid after the list was built.' });
	if (p.plan === 'good-standing') out.push({ code: 'PLAN', reason: 'A payment plan in good standing is on file.' });
	const cert = coveringCertificate(p.medicalCertificates, day.date, policy);
	if (cert) out.push({ code: 'MEDICAL', reason: `A medical certificate issued ${cert} covers the lock-off date.` });
	if (p.dispute?.pending && p.dispute.undisputedPaid) out.push({ code: 'DISPUTE', reason: 'A dispute is pending and the undisputed amount is paid.' });
	if (p.bankruptcy) out.push({ code: 'BANKRUPTCY', reason: 'A bankruptcy filing stops collection of pre-petition debt.' });
	if (p.assistancePledgeOn && isIsoDate(p.assistancePledgeOn) && periodCovers(p.assistancePledgeOn, d.assistancePledgeHoldDays, day.date))
		out.push({ code: 'ASSIST', reason: `An assistance pledge made ${p.assistancePledgeOn} holds the account for ${d.assistancePledgeHoldDays} days.` });
	const notice = noticeDefect(facts, day.date, policy);
	if (notice) out.push({ code: 'NOTICE', reason: notice });
	if (!paid && remaining < d.minimumPastDueCents)
		out.push({ code: 'BELOW_MIN', reason: `The past-due (${formatCents(remaining)}) is under the ${formatCents(d.minimumPastDueCents)} minimum for a lock-off.` });
	if (!p.premiseDebtMatch) out.push({ code: 'WRONG_PREMISE', reason: 'The debt belongs to a prior occupant or another premise.' });
	return out;
}


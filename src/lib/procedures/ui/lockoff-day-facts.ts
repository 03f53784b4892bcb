/**
 * How a lock-off day's accounts read on screen and paper: the facts a lead decides on (past-due,
 * notice and door tag with their day counts, protections, overnight payments) and the exclusions
 * that apply now, in the words of the exclusions module. Pure; reads only the run's context.
 */
import { formatCents } from '$lib/domain/money';
import { addDays, daysBetween, formatMinutes, toLocal } from '$lib/domain/calendar';
import { coveringCertificate, EXCLUSION_CODES, type ExclusionCode, type ExclusionFinding } from '$lib/domain/exclusions';
import { findingsAt, type ListedAccount, type ListEntry, type LockoffDayContext } from '$machines/lockoff-day.machine';

export type Ctx = LockoffDayContext;

/** Reason codes with the words a lead reads in the menu (policy §5 "Exclusions"). */
export const CODE_LABELS: Record<ExclusionCode, string> = {
	PAID: 'PAID — paid since the list',
	PLAN: 'PLAN — payment plan',
	MEDICAL: 'MEDICAL — certificate',
	DISPUTE: 'DISPUTE — undisputed paid',
	BANKRUPTCY: 'BANKRUPTCY — filing',
	ASSIST: 'ASSIST — pledge',
	NOTICE: 'NOTICE — notice or tag',
	BELOW_MIN: 'BELOW_MIN — under minimum',
	WRONG_PREMISE: 'WRONG_PREMISE — other occupant'
};

export const codeOptions = (codes: readonly ExclusionCode[] = EXCLUSION_CODES) => codes.map((c) => ({ value: c, label: CODE_LABELS[c] }));

/** Every fact known so far counts: findings "now" for display. */
const NOW = Number.MAX_SAFE_INTEGER;

export const accountOf = (c: Ctx, n: string): ListedAccount | undefined => c.accounts.find((a) => a.accountNumber === n);
export const findingsNow = (c: Ctx, n: string): ExclusionFinding[] => findingsAt(c, n, NOW);
export const entries = (c: Ctx, ...states: ListEntry['state'][]) => c.list.filter((x) => states.includes(x.state));

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "Nov 2" for a local date. */
export function shortDate(iso: string): string {
	return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "10:42 am" (or "Nov 3, 9:10 am" on another day) in the run's time zone. */
export function clock(c: Ctx, at: number | null | undefined): string {
	if (at === null || at === undefined) return '—';
	const t = toLocal(at, c.policy.timeZone);
	return t.date === c.date ? formatMinutes(t.minutes) : `${shortDate(t.date)}, ${formatMinutes(t.minutes)}`;
}

/** "100-031535-01 · Jane Smith, 123 Oak St". */
export function who(c: Ctx, n: string): string {
	const a = accountOf(c, n);
	return [n, [a?.holder, a?.address].filter(Boolean).join(', ')].filter(Boolean).join(' · ');
}

function protectionsText(c: Ctx, a: ListedAccount): string {
	const p = a.protections;
	const d = c.policy.delinquency;
	const out: string[] = [];
	const cert = coveringCertificate(p.medicalCertificates, c.date, c.policy);
	if (cert) out.push(`medical certificate ${shortDate(cert)}–${shortDate(addDays(cert, d.medicalCertificateDays - 1))}`);
	else if (p.medicalCertificates.length) out.push(`${p.medicalCertificates.length} earlier medical certificate(s)`);
	if (p.plan === 'good-standing') out.push('payment plan in good standing');
	if (p.plan === 'broken') out.push('payment plan broken');
	if (p.dispute?.pending) out.push(`dispute pending, undisputed part ${p.dispute.undisputedPaid ? 'paid' : 'NOT paid'}`);
	if (p.bankruptcy) out.push('bankruptcy filing');
	if (p.assistancePledgeOn) out.push(`assistance pledge ${shortDate(p.assistancePledgeOn)}–${shortDate(addDays(p.assistancePledgeOn, d.assistancePledgeHoldDays - 1))}`);
	if (!p.premiseDebtMatch) out.push('debt belongs to another premise');
	return out.join('; ') || 'none';
}

function paymentsText(c: Ctx, n: string): string {
	const posted = c.payments.filter((p) => p.accountNumber === n).map((p) => `${formatCents(p.amountCents)} ${p.source === 'inbox' ? 'from the inbox' : `at ${clock(c, p.at)}`}`);
	const waiting = c.payments.some((p) => p.source === 'inbox')
		? []
		: c.inbox.filter((i) => i.accountNumber === n).map((i) => `${formatCents(i.amountCents)} ${i.channel ?? 'inbox'}${i.receivedAt ? ` ${clock(c, i.receivedAt)}` : ''} — not posted yet`);
	return [...posted, ...waiting].join('; ') || 'none';
}

/** The facts of one listed account as info rows (compact enough for a list row). */
export function factRows(c: Ctx, n: string): { label: string; value: string }[] {
	const a = accountOf(c, n);
	if (!a) return [];
	const mailed = a.notice.mailedOn;
	const notice = mailed ? `${shortDate(mailed)} (${days(daysBetween(mailed, c.date))})${a.notice.addressOk ? '' : ', wrong address'}${a.notice.defect ? `, ${a.notice.defect}` : ''}` : 'none';
	const tag = a.doorTag.deliveredOn ? `${shortDate(a.doorTag.deliveredOn)} (${days(daysBetween(a.doorTag.deliveredOn, c.date))})` : 'none';
	return [
		{ label: 'Past due', value: formatCents(a.pastDueCents) },
		{ label: 'Notice', value: notice },
		{ label: 'Door tag', value: tag },
		{ label: 'Protections', value: protectionsText(c, a) },
		{ label: 'Payments', value: paymentsText(c, n) }
	];
}

/** The exclusions that apply now, as one line ("none" when the account may be locked off). */
export function flagsText(c: Ctx, n: string): string {
	const fs = findingsNow(c, n);
	return fs.length ? fs.map((f) => `${f.code}: ${f.reason}`).join(' ') : 'none — may be locked off';
}

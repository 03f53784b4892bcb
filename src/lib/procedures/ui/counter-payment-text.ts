/** Words and figures the counter-payment screens share (forms, side panel, receipt). */
import { formatCents } from '$lib/domain/money';
import { DENOMINATIONS } from '$lib/policy/settings';
import type { CounterPaymentContext, Payer, VerificationMethod } from '$machines/counter-payment.machine';

export type Ctx = CounterPaymentContext;

/** The run's context as the machine keeps it (forms and summaries get it untyped). */
export const ctxOf = (c: Record<string, unknown>) => c as unknown as Ctx;

export const money = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? formatCents(v) : '—');

export const METHOD_LABEL: Record<VerificationMethod, string> = {
	'photo-id': 'photo ID at the counter',
	'ssn-last4': 'last 4 of SSN/ITIN',
	pin: 'account PIN'
};

/** "Cash (4×$20)", "Check 1042", "Money order", "Card auth 083512" — from what the machine recorded (never a card number). */
export function tenderText(t: { kind: string; detail: string } | null): string {
	if (!t) return '—';
	if (t.kind === 'cash') return `Cash (${t.detail})`;
	return t.detail ? t.detail.charAt(0).toUpperCase() + t.detail.slice(1) : t.kind;
}

const DENOM_LABEL = new Map<string, string>(DENOMINATIONS.map((d) => [d.key, d.label]));
export const denomLabel = (key: string) => DENOM_LABEL.get(key) ?? key;
const DENOM_CENTS = new Map<string, number>(DENOMINATIONS.map((d) => [d.key, d.cents]));
export const denomCents = (key: string) => DENOM_CENTS.get(key) ?? 0;

export function payerText(p: Payer | null): string {
	if (!p) return '—';
	if (!p.verified) return `${p.name || 'Unnamed payer'} — not verified (say no figures)`;
	return `${p.name} — ${p.relation === 'holder' ? 'account holder' : 'authorised person'}, verified by ${METHOD_LABEL[p.method]}`;
}

export const PRIORITY_TEXT: Record<string, string> = {
	'same-day': 'same day',
	'next-day': 'next business day',
	'after-hours': 'after hours tonight'
};

export const statusText = (c: Ctx) => (c.account.status === 'locked' ? 'Locked off (service disconnected)' : 'Active');

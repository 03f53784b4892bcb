/**
 * Wording shared by the irate-contact forms, side panel and contact note. Everything here reaches the
 * browser, so it reads only what may be shown: how identity was verified (the method, never what was
 * given or what is on file), what was asked, offered and escalated.
 */
import { formatCents } from '$lib/domain/money';
import { atLeast, LEVEL_TITLES, type Level } from '$lib/domain/levels';
import { OPTION_TITLES, type AccountOnFile, type AuthorisedPerson, type Escalation, type EscalationReason, type IrateContactContext, type Offer } from '$machines/irate-contact.machine';

/** The run context as the UI reads it: the machine's context plus what the start module adds to the account. */
export type Ctx = Omit<IrateContactContext, 'account'> & {
	account: Omit<AccountOnFile, 'authorised'> & { balanceCents?: number; authorised?: (AuthorisedPerson & { scope?: string })[] };
};

export const asCtx = (context: Record<string, unknown>): Ctx => context as unknown as Ctx;

const METHOD: Record<string, string> = { pin: 'account PIN', last4: 'last 4 of SSN/ITIN', 'photo-id': 'photo ID at the counter' };
const SCOPE: Record<string, string> = { inquire: 'inquiries only', 'pay-and-inquire': 'payments and inquiries', full: 'full (may change the account)' };

/** Who the customer is: the name they verified with, else the name given at the start. */
export const customerName = (c: Ctx) => (c.verification?.ok ? c.verification.name : c.claimedName);

export const channelText = (c: Ctx) => (c.channel === 'counter' ? 'at the counter' : 'on the phone');

/** The written authorisation of the verified caller, when they are an authorised person (not the holder). */
export function authorisedScope(c: Ctx): string | null {
	const v = c.verification;
	if (!v?.ok || v.as !== 'authorised') return null;
	const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
	return c.account.authorised?.find((p) => norm(p.name) === norm(v.name))?.scope ?? 'full';
}

/** Whether the verified caller may have the account changed (policy §1: holder, or an authorised person whose scope allows it). */
export const mayChangeAccount = (c: Ctx) => !!c.verification?.ok && (c.verification.as === 'holder' || authorisedScope(c) === 'full');

/** "Verified as the holder by account PIN" — the method only. */
export function verificationText(c: Ctx): string {
	const v = c.verification;
	if (!c.account.accountNumber) return 'No account on this contact: general information only';
	if (!v) return 'Not checked yet';
	if (!v.ok) return `Not verified — ${v.failure ?? 'no match'}`;
	const who = v.as === 'holder' ? 'the account holder' : `an authorised person (${SCOPE[authorisedScope(c) ?? 'full'] ?? authorisedScope(c)})`;
	return `Verified as ${who} by ${METHOD[v.method ?? ''] ?? v.method}`;
}

export const offerText = (o: Pick<Offer, 'option' | 'amountCents'>) => `${OPTION_TITLES[o.option]}${o.amountCents !== null ? ` (${formatCents(o.amountCents)})` : ''}`;

/** What the customer asked for, as recorded by the CSR. */
export function askedText(c: Ctx): string | null {
	const parts: string[] = [];
	if (c.supervisorDemandedAt !== null) parts.push('a supervisor');
	if (c.request) parts.push(offerText(c.request));
	return parts.length ? parts.join('; ') : null;
}

const REASON: Record<EscalationReason, (c: Ctx) => string> = {
	'customer-asked': () => 'the customer asked for a supervisor',
	'beyond-authority': (c) => `they want ${c.request ? offerText(c.request) : 'something'}, beyond your authority`,
	'abuse-continues': () => 'the abuse goes on after the request to stop and the warning'
};

export const reasonsText = (c: Ctx, reasons: EscalationReason[]) => reasons.map((r) => REASON[r](c)).join('; ');

export const nextRung = (c: Ctx): 'senior' | 'supervisor' | null =>
	atLeast(c.authorityLevel, 'supervisor') ? null : atLeast(c.authorityLevel, 'senior') ? 'supervisor' : 'senior';

export const pendingTransfer = (c: Ctx) => c.escalations.some((x) => x.acceptedAt === null);

/** A first draft of the warm-transfer brief (who, what they want, what was offered) for the CSR to edit. */
export function draftBrief(c: Ctx): string {
	const who = `${customerName(c)} (${channelText(c)})${c.account.accountNumber ? `, account ${c.account.accountNumber}` : ''}`;
	const asked = askedText(c);
	const offered = c.offers.length ? c.offers.map(offerText).join('; ') : 'nothing yet';
	// No closing full stop: the account note adds its own after the brief.
	return `${who}. ${verificationText(c)}.${asked ? ` Wants ${asked}.` : ''} Offered: ${offered}`;
}

export function escalationText(x: Escalation, c: Ctx): string {
	const state = x.acceptedAt !== null ? 'taken' : 'waiting to be taken';
	const why = x.reasons.length ? reasonsText(c, x.reasons) : 'no recorded reason (needless escalation)';
	return `Warm transfer to a ${x.rung} (${state}) — ${why}. Brief: ${x.brief}`;
}

export const levelTitle = (l: Level) => LEVEL_TITLES[l];

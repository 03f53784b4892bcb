/**
 * The contact note of an irate-customer contact (policy §1 "every contact leaves an account note"): the
 * side panel while the call goes on, and the printable summary. Identity shows the method only; the
 * live contact shows no mood (the mood model is for training).
 */
import { formatCents } from '$lib/domain/money';
import { formatStamp } from '$lib/domain/format';
import { OPTION_TITLES } from '$machines/irate-contact.machine';
import type { CapturedItem, PrintSection } from './types';
import { askedText, asCtx, channelText, customerName, escalationText, levelTitle, offerText, reasonsText, verificationText, type Ctx } from './irate-contact-words';

function abuseText(c: Ctx): string | null {
	if (c.abuse.count === 0) return null;
	const steps = [c.abuse.askedAt !== null ? 'asked to stop' : null, c.abuse.warnedAt !== null ? 'warned the contact would end' : null].filter(Boolean);
	return `${c.abuse.count} abusive remark${c.abuse.count === 1 ? '' : 's'}${steps.length ? `; ${steps.join('; ')}` : ''}`;
}

function threatText(c: Ctx): string | null {
	const t = c.threat;
	if (!t) return null;
	const done = [t.signalledAt !== null ? 'coworker signalled' : 'coworker NOT signalled yet', t.policeCalledAt !== null ? '911 called' : null, t.reportedAt !== null ? 'incident report written' : null];
	return `“${t.words.filter(Boolean).join(' / ')}” — ${done.filter(Boolean).join('; ')}`;
}

const nextStepsText = (c: Ctx) => c.nextSteps.map((s) => `${s.what} by ${s.by}`).join('; ');

/** The note as it went to the account (the machine's note.add effect), when the contact has ended. */
const savedNote = (c: Ctx): string | null => {
	const e = c.effects.find((x) => x.type === 'note.add');
	return e && e.type === 'note.add' ? e.body : null;
};

export function irateContactCaptured(context: Record<string, unknown>): CapturedItem[] {
	const c = asCtx(context);
	const items: CapturedItem[] = [
		{ label: 'Customer', value: `${customerName(c)}, ${channelText(c)}` },
		{ label: 'Account', value: c.account.accountNumber || 'none (general information only)' },
		{ label: 'Identity', value: verificationText(c) }
	];
	const push = (label: string, value: string | null) => value && items.push({ label, value });
	push('Asked for', askedText(c));
	push('Offered', c.offers.map(offerText).join('; ') || null);
	push('Details told', c.disclosures.map((d) => d.detail).join(', ') || null);
	push('Interpreter', c.interpreter ? (c.interpreter.via === 'phone-line' ? 'telephone interpreter line' : 'a colleague') : null);
	c.escalations.forEach((x, i) => push(c.escalations.length > 1 ? `Escalation ${i + 1}` : 'Escalation', escalationText(x, c)));
	push('Abuse', abuseText(c));
	push('Threat', threatText(c));
	push('Next steps', nextStepsText(c) || null);
	if (c.note) push('Account note', c.account.accountNumber ? 'saved on the account' : 'kept on this run (no account)');
	return items;
}

export function irateContactPrintable(context: Record<string, unknown>): PrintSection[] {
	const c = asCtx(context);
	const sections: PrintSection[] = [
		{
			heading: 'Contact',
			rows: [
				{ label: 'Account', value: c.account.accountNumber || 'none: caller not identified (general information only)' },
				{ label: 'Customer', value: `${customerName(c)}, ${channelText(c)}` },
				{ label: 'Identity', value: verificationText(c) },
				{ label: 'Handled under the authority of', value: levelTitle(c.authorityLevel) }
			]
		},
		{
			heading: 'What the customer raised',
			rows: [
				{ label: 'Why they contacted us', value: c.note?.why || 'not recorded yet (the contact is still open)' },
				{ label: 'Asked for', value: askedText(c) ?? '—' }
			]
		},
		c.offers.length
			? { heading: 'Offered', table: [['Option', 'Amount', 'Offered at', 'Authority'], ...c.offers.map((o) => [OPTION_TITLES[o.option], o.amountCents !== null ? formatCents(o.amountCents) : '—', formatStamp(o.at), levelTitle(o.authority)])] }
			: { heading: 'Offered', text: 'Nothing offered.' },
		c.escalations.length
			? {
					heading: 'Escalation (warm transfer)',
					table: [
						['To', 'Why', 'Brief', 'Taken'],
						...c.escalations.map((x) => [x.rung, x.reasons.length ? reasonsText(c, x.reasons) : 'no recorded reason', x.brief, x.acceptedAt !== null ? formatStamp(x.acceptedAt) : 'not taken'])
					]
				}
			: { heading: 'Escalation (warm transfer)', text: 'Not escalated.' }
	];
	const safety = [
		{ label: 'Abuse', value: abuseText(c) },
		{ label: 'Threat', value: threatText(c) }
	].filter((r): r is CapturedItem => r.value !== null);
	if (safety.length) sections.push({ heading: 'Abuse and safety', rows: safety });
	sections.push(
		c.nextSteps.length
			? { heading: 'Next steps', table: [['What happens', 'By'], ...c.nextSteps.map((s) => [s.what, s.by])] }
			: { heading: 'Next steps', text: 'None summarised yet.' }
	);
	const saved = savedNote(c);
	sections.push({
		heading: 'Account note',
		text: saved ? (c.account.accountNumber ? saved : `${saved}\n(No account on this contact: the note is kept with this run.)`) : 'Written when the contact is closed or ended.'
	});
	return sections;
}

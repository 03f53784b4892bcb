/**
 * What a counter payment has recorded (side panel) and its printable receipt. No verification secret is
 * ever in the run (the machine records only the method), and an unverified payer's receipt carries no
 * account figures beyond what they paid (§1).
 */
import type { CapturedItem, PrintSection } from './types';
import { formatStamp } from '$lib/domain/format';
import { ctxOf, money, payerText, PRIORITY_TEXT, statusText, tenderText } from './counter-payment-text';

export function capturedOf(context: Record<string, unknown>): CapturedItem[] {
	const c = ctxOf(context);
	const out: CapturedItem[] = [
		{ label: 'Account', value: `${c.account.accountNumber}${c.accountConfirmed ? ' (confirmed)' : ''}` },
		{ label: 'Status', value: statusText(c) },
		{ label: 'Payer', value: payerText(c.payer) }
	];
	if (c.account.cashOnly) out.push({ label: 'Cash only', value: 'yes — no checks' });
	if (c.quote) out.push({ label: 'Restoration', value: `${c.quote.option}, total ${money(c.quote.requiredCents)}` });
	if (c.amountCents !== null) out.push({ label: 'Payment', value: money(c.amountCents) });
	if (c.stubAmountCents !== null) out.push({ label: 'Stub', value: money(c.stubAmountCents) });
	if (c.warning) out.push({ label: 'Warning given', value: c.warning.kind === 'shortfall' ? `below ${money(c.warning.thresholdCents)} needed` : 'general (no figures)' });
	if (c.cash && !c.tender) out.push({ label: 'Cash on the ledge', value: money(c.cash.tenderedCents) });
	if (c.tender) out.push({ label: 'Tender', value: tenderText(c.tender) });
	if (c.tender && c.tender.changeCents > 0) out.push({ label: 'Change given', value: money(c.tender.changeCents) });
	for (const k of c.refusedChecks) out.push({ label: `Check ${k.number || '?'}`, value: `refused (${k.problem})` });
	if (c.counterfeits.length) out.push({ label: 'Counterfeit retained', value: String(c.counterfeits.length) });
	out.push({ label: 'Drawer batch', value: c.batchRef });
	if (c.posted) out.push({ label: 'Posted', value: `${c.posted.ref} · ${formatStamp(c.posted.at)}` });
	if (c.reconnect) out.push({ label: 'Reconnect order', value: `${c.reconnect.ref} · ${PRIORITY_TEXT[c.reconnect.priority] ?? c.reconnect.priority}, ${c.reconnect.scheduledFor}` });
	if (c.receipt) out.push({ label: 'Receipt', value: `given ${formatStamp(c.receipt.at)}` });
	if (c.abandoned) out.push({ label: 'Not paid', value: c.abandoned });
	if (c.mismatch) out.push({ label: 'Mismatch', value: c.mismatch.note });
	return out;
}

export function printableOf(context: Record<string, unknown>): PrintSection[] {
	const c = ctxOf(context);
	const p = c.posted;
	const head: CapturedItem[] = [
		{ label: 'Account', value: c.account.accountNumber },
		{ label: 'Account holder', value: c.account.holderName },
		{ label: 'Service address', value: c.account.serviceAddress }
	];
	if (!p) {
		const why = c.abandoned ? `No payment taken: ${c.abandoned}` : c.mismatch ? 'No payment taken: the account details did not match.' : 'The payment has not been posted yet.';
		return [{ heading: `${c.policy.utility} — counter payment`, rows: head, text: why }];
	}
	const rows: CapturedItem[] = [
		{ label: 'Receipt / payment reference', value: p.ref },
		{ label: 'Date and time', value: formatStamp(p.at) },
		...head,
		{ label: 'Paid by', value: c.payer?.name || '—' },
		{ label: 'Amount paid', value: money(p.amountCents) },
		{ label: 'Tender', value: tenderText(c.tender) }
	];
	if (c.tender && c.tender.changeCents > 0) {
		rows.push({ label: 'Cash handed over', value: money(c.tender.tenderedCents) });
		rows.push({ label: 'Change given', value: money(c.tender.changeCents) });
	}
	rows.push({ label: 'Drawer batch', value: c.batchRef });
	const sections: PrintSection[] = [{ heading: `${c.policy.utility} — payment receipt`, rows }];
	const r = p.restoration;
	if (r) {
		const restoration: CapturedItem[] = [];
		// The breakdown shows the account's past-due: only a verified payer may see it (§1).
		if (c.payer?.verified)
			restoration.push(
				{ label: 'Past-due', value: money(r.pastDueCents) },
				{ label: 'Lock-off fee', value: money(r.lockoffFeeCents) },
				{ label: r.option === 'after-hours' ? 'After-hours fee' : 'Reconnect fee', value: money(r.feeCents) },
				...(r.depositCents ? [{ label: 'Security deposit', value: money(r.depositCents) }] : []),
				{ label: 'Restoration total', value: money(r.requiredCents) }
			);
		restoration.push(
			{ label: 'Paid at', value: r.paidAtLocal },
			{ label: 'Reconnect order', value: c.reconnect?.ref ?? 'NOT PLACED' },
			{ label: 'Reconnect scheduled', value: `${PRIORITY_TEXT[r.priority] ?? r.priority} — ${r.scheduledFor}` }
		);
		sections.push({ heading: 'Restoration of service', rows: restoration });
	}
	if (c.refusedChecks.length) sections.push({ heading: 'Tenders refused', table: [['Check', 'Reason'], ...c.refusedChecks.map((k) => [k.number || '—', k.problem])] });
	return sections;
}

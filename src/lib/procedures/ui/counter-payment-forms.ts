/**
 * The counter-payment step forms (policy §1, §2 Take cash, §3, §6). Options depend on the run: the
 * account on screen, the restoration quote, what was tendered, whether a warning is still due. Every
 * figure shown is one the CSR may see; whether it may be *said* depends on the payer (§1), and the
 * forms say so where it matters.
 */
import type { FormScope, StepAction, StepForms } from '../step-forms';
import { formatMinutes } from '$lib/domain/calendar';
import { restorationQuote, restores } from '$machines/counter-payment.machine';
import { ctxOf, money, PRIORITY_TEXT, statusText, tenderText } from './counter-payment-text';
import { abandon, info, sayable, warnings, type Rows } from './counter-payment-form-parts';
import { change, screen, tender } from './counter-payment-tender';

function identify({ context }: FormScope): StepAction[] {
	const a = ctxOf(context).account;
	return [
		{
			event: 'account.confirmed',
			label: 'Number, holder and address match',
			fields: [
				info('onScreen', 'Account on screen', [
					{ label: 'Account number', value: a.accountNumber },
					{ label: 'Holder', value: a.holderName },
					{ label: 'Service address', value: a.serviceAddress },
					{ label: 'Status', value: statusText(ctxOf(context)) }
				]),
				{ kind: 'text', name: 'accountNumber', label: 'Account number on the stub (or as the customer reads it out)', hint: 'Type it yourself: a transposed number is caught here.', maxLength: 20 },
				{ kind: 'hidden', name: 'holderName', value: a.holderName },
				{ kind: 'hidden', name: 'serviceAddress', value: a.serviceAddress }
			]
		},
		{
			event: 'account.mismatched',
			label: 'It does not match: do not post',
			tone: 'danger',
			folded: 'The number, name or address does not match',
			intro: 'Do not post to this account: a similar account may exist. Record what the customer gave.',
			fields: [
				{ kind: 'text', name: 'accountNumber', label: 'Account number given', maxLength: 20 },
				{ kind: 'text', name: 'holderName', label: 'Name given', maxLength: 120 },
				{ kind: 'text', name: 'serviceAddress', label: 'Service address given', maxLength: 200 },
				{ kind: 'text', name: 'note', label: 'What did not match and what you told the customer', multiline: true }
			]
		}
	];
}

function verifyPayer({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const contacts: Rows = c.account.authorisedContacts.map((x) => ({
		label: x.name,
		value: `${x.scope.join(', ') || 'nothing'}${x.validFrom || x.validTo ? ` · ${x.validFrom ?? '…'} to ${x.validTo ?? 'open'}` : ''}`
	}));
	return [
		{
			event: 'payer.verified',
			label: 'Payer verified',
			fields: [
				info('onFile', 'Who may hear amounts', [{ label: 'Holder', value: c.account.holderName }, ...(contacts.length ? contacts : [{ label: 'Authorised contacts', value: 'none on file' }])]),
				{ kind: 'text', name: 'name', label: 'Payer’s name (as on their ID)', maxLength: 120 },
				{ kind: 'text', name: 'serviceAddress', label: 'Service address the payer gives', maxLength: 200 },
				{
					kind: 'choice',
					name: 'method',
					label: 'Verified with',
					options: [
						{ value: 'photo-id', label: 'Photo ID at the counter' },
						{ value: 'ssn-last4', label: 'Last 4 of SSN/ITIN' },
						{ value: 'pin', label: 'Account PIN' }
					]
				}
			]
		},
		{
			event: 'payer.unverified',
			label: 'Take it without verifying',
			tone: 'secondary',
			intro: 'Anyone may pay. Someone not verified hears no figures.',
			fields: [{ kind: 'text', name: 'name', label: 'Payer’s name, if given', optional: true, maxLength: 120 }]
		}
	];
}

function restoreOption({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const std = restorationQuote(c, 'standard');
	const ah = restorationQuote(c, 'after-hours');
	const p = c.policy.restoration;
	const deposit = c.account.depositHeldCents > 0 ? 'none (a deposit is held)' : `${money(std.depositCents)} (none held)`;
	const afterHoursBar =
		c.account.lockoffCause === 'nsf'
			? 'not offered: the lock-off was caused by a returned payment'
			: `${c.account.afterHoursRestorationsIn12Months} of ${p.afterHoursMaxPer12Months} used in the last 12 months; only when same-day is no longer possible`;
	return [
		{
			event: 'restoration.standard',
			label: `Standard restoration — ${money(std.requiredCents)}`,
			fields: [
				info('quote', 'What restoring service costs', [
					{ label: 'Past-due', value: money(std.pastDueCents) },
					{ label: 'Lock-off fee', value: money(std.lockoffFeeCents) },
					{ label: 'Reconnect fee', value: money(std.feeCents) },
					{ label: 'Deposit', value: deposit },
					{ label: 'Total, standard', value: money(std.requiredCents) },
					{ label: 'Reconnect', value: `same day if paid by ${formatMinutes(p.sameDayPaidByMinutes)} on a business day, otherwise next business day` },
					{ label: 'Funds', value: 'cash, money order, cashier’s check or card — no personal check' },
					{ label: 'Who may hear this', value: sayable(c) }
				])
			]
		},
		{
			event: 'restoration.afterHours',
			label: `After-hours restoration — ${money(ah.requiredCents)}`,
			tone: 'secondary',
			intro: `After-hours: ${money(ah.feeCents)} instead of the ${money(std.feeCents)} reconnect fee; ${afterHoursBar}.`,
			fields: []
		},
		abandon
	];
}

function compare({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const rows: Rows = [
		{ label: 'Balance', value: money(c.account.balanceCents) },
		{ label: 'Past-due', value: money(c.account.pastDueCents) }
	];
	if (c.quote) rows.push({ label: `Restoration total (${c.quote.option})`, value: money(c.quote.requiredCents) });
	else if (c.account.lockoffAmountCents > 0) rows.push({ label: 'Stops the scheduled lock-off', value: money(c.account.lockoffAmountCents) });
	rows.push({ label: 'Who may hear this', value: sayable(c) });
	return [
		{
			event: 'amount.entered',
			label: 'Continue to the tender',
			fields: [
				info('account', 'The account', rows),
				{ kind: 'money', name: 'amountCents', label: 'Amount the customer pays' },
				{ kind: 'money', name: 'stubAmountCents', label: 'Amount on the stub', optional: true }
			]
		},
		abandon
	];
}

function post({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const t = c.tender;
	const rows: Rows = [
		{ label: 'Account', value: `${c.account.accountNumber} · ${c.account.holderName}` },
		{ label: 'Payment', value: money(c.amountCents) },
		{ label: 'Tender', value: tenderText(t) }
	];
	if (t && t.changeCents > 0) rows.push({ label: 'Change given', value: money(t.changeCents) });
	if (restores(c) && c.quote) {
		rows.push({ label: c.quote.option === 'after-hours' ? 'Also posts: after-hours fee' : 'Also posts: reconnect fee', value: money(c.quote.feeCents) });
		if (c.quote.depositCents > 0) rows.push({ label: 'Also posts: deposit', value: money(c.quote.depositCents) });
	}
	rows.push({ label: 'Drawer batch', value: c.batchRef });
	return [...warnings(c), { event: 'payment.posted', label: `Post ${money(c.amountCents)} to batch ${c.batchRef}`, fields: [info('summary', 'What posts', rows)] }];
}

function reconnect({ context }: FormScope): StepAction[] {
	const r = ctxOf(context).posted?.restoration;
	if (!r) return [];
	return [
		{
			event: 'reconnect.ordered',
			label: `Place the reconnect order for ${r.scheduledFor}`,
			fields: [
				info('timing', 'Reconnect', [
					{ label: 'Paid', value: r.paidAtLocal },
					{ label: 'Crew goes', value: `${PRIORITY_TEXT[r.priority] ?? r.priority} — ${r.scheduledFor}` }
				]),
				{ kind: 'hidden', name: 'scheduledFor', value: r.scheduledFor }
			]
		}
	];
}

function receipt({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const rows: Rows = [
		{ label: 'Payment reference', value: c.posted?.ref ?? '—' },
		{ label: 'Amount paid', value: money(c.posted?.amountCents) }
	];
	if (c.tender?.changeCents) rows.push({ label: 'Change given', value: money(c.tender.changeCents) });
	if (c.reconnect) rows.push({ label: 'Reconnect', value: `${PRIORITY_TEXT[c.reconnect.priority] ?? c.reconnect.priority}, ${c.reconnect.scheduledFor}` });
	return [{ event: 'receipt.issued', label: 'Receipt given', fields: [info('receipt', 'On the receipt (Printable summary prints it)', rows)] }];
}

export const counterPaymentForms: StepForms = {
	identify,
	verifyPayer,
	restoreOption,
	compare,
	tender,
	screen,
	change,
	post,
	reconnect,
	receipt,
	note: [
		{
			event: 'note.written',
			label: 'Save the note and finish',
			fields: [
				{
					kind: 'text',
					name: 'note',
					label: 'What else was said or promised',
					hint: 'The payer and how verified, the payment and tender, warnings, refused checks and the reconnect order go into the note by themselves.',
					multiline: true
				}
			]
		}
	],
	correct: [
		{
			event: 'payment.transferred',
			label: 'Transfer to the right account',
			fields: [
				{ kind: 'text', name: 'toAccountNumber', label: 'Account the payment belongs to', maxLength: 20 },
				{ kind: 'text', name: 'reason', label: 'Why (goes in the notes on both accounts)', multiline: true }
			]
		},
		{
			event: 'payment.voided',
			label: 'Void the payment (senior, same day, batch still open)',
			tone: 'danger',
			fields: [{ kind: 'text', name: 'reason', label: 'Why it is voided', multiline: true }]
		}
	]
};

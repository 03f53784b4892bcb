/**
 * The counter-payment step forms (policy §1, §2 Take cash, §3, §6). Options depend on the run: the
 * account on screen, the restoration quote, what was tendered, whether a warning is still due. Every
 * figure shown is one the CSR may see; whether it may be *said* depends on the payer (§1), and the
 * forms say so where it matters.
 */
import type { FieldSpec, FormScope, StepAction, StepForms } from '../step-forms';
import { formatMinutes } from '$lib/domain/calendar';
import { restorationQuote, restores, warningThreshold, type CheckProblem } from '$machines/counter-payment.machine';
import { ctxOf, denomCents, denomLabel, money, PRIORITY_TEXT, statusText, tenderText, type Ctx } from './counter-payment-text';

type Rows = { label: string; value: string }[];
const info = (name: string, label: string, rows: Rows): FieldSpec => ({ kind: 'info', name, label, rows });

/** Figures on screen may be said only to a verified payer (§1): the forms repeat it next to them. */
function sayable(c: Ctx): string {
	if (!c.payer) return 'Not yet known who is paying: verify before saying any figure.';
	return c.payer.verified ? 'Verified payer: you may say these figures.' : 'Payer not verified: do not say these figures (general warning only).';
}

const abandon: StepAction = {
	event: 'payment.abandoned',
	label: 'Record: no payment taken',
	tone: 'secondary',
	folded: 'Customer leaves without paying',
	fields: [{ kind: 'text', name: 'reason', label: 'Why no payment was taken (goes in the account note)', maxLength: 300 }]
};

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

/** The §3 warning while it is due (payment below what stops the lock-off or restores service). */
function warnings(c: Ctx): StepAction[] {
	const threshold = warningThreshold(c);
	if (c.amountCents === null || c.warning || c.amountCents >= threshold) return [];
	const purpose = c.account.status === 'locked' ? 'to restore service' : 'to stop the scheduled lock-off';
	if (c.payer?.verified)
		return [
			{
				event: 'shortfall.warned',
				label: 'I told them',
				tone: 'secondary',
				intro: `Say it before posting: ${money(c.amountCents)} is below the ${money(threshold)} needed ${purpose}.`,
				fields: []
			}
		];
	return [
		{
			event: 'general.warned',
			label: 'I gave the general warning',
			tone: 'secondary',
			intro: 'Say it before posting, with no figures: “This may not stop a scheduled lock-off; the account holder can call us.”',
			fields: []
		}
	];
}

const CHECK_PROBLEMS: { value: CheckProblem; label: string }[] = [
	{ value: 'cash-only', label: 'Account is cash-only' },
	{ value: 'restoration', label: 'Restoring service (guaranteed funds only)' },
	{ value: 'payee', label: 'Not payable to the utility' },
	{ value: 'two-party', label: 'Two-party check' },
	{ value: 'undated', label: 'No date' },
	{ value: 'post-dated', label: 'Post-dated' },
	{ value: 'stale', label: 'Stale (older than 180 days)' },
	{ value: 'amounts-disagree', label: 'Words and figures disagree' },
	{ value: 'unsigned', label: 'Not signed' },
	{ value: 'not-payment-amount', label: 'Not for the payment amount (no cash back)' }
];

const checkFields = (optional: boolean): FieldSpec[] => [
	{ kind: 'text', name: 'check.number', label: 'Check number', maxLength: 12 },
	{ kind: 'text', name: 'check.payee', label: 'Pay to the order of', optional, maxLength: 120 },
	{ kind: 'text', name: 'check.dated', label: 'Date on the check', hint: 'As YYYY-MM-DD, e.g. 2026-11-03.', optional, maxLength: 10 },
	{ kind: 'money', name: 'check.writtenAmountCents', label: 'Amount written in words (type it as dollars and cents)', optional },
	{ kind: 'money', name: 'check.numericAmountCents', label: 'Amount in figures', optional },
	{ kind: 'flag', name: 'check.signed', label: 'Signed' },
	{ kind: 'flag', name: 'check.twoParty', label: 'Written to someone else and signed over (two-party)' }
];

function tender({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const due = money(c.amountCents);
	const checkBar = c.account.cashOnly
		? 'This account is cash-only: checks are refused.'
		: restores(c)
			? 'This payment restores service: personal checks are refused (guaranteed funds only).'
			: `Payable to ${c.policy.utility}, dated today or earlier (not over ${c.policy.payments.checkStaleDays} days), signed, words = figures = ${due}.`;
	return [
		...warnings(c),
		{
			event: 'cash.received',
			label: 'Cash received',
			intro: `Cash for ${due}. Keep the bills on the ledge until the change is counted back.`,
			fields: [{ kind: 'denominations', name: 'counts', label: 'Cash handed over' }]
		},
		{
			event: 'card.approved',
			label: 'Card approved',
			folded: 'Card',
			intro: `Card for ${due}: the customer inserts or taps.`,
			fields: [{ kind: 'text', name: 'authCode', label: 'Authorisation code from the terminal', hint: 'Never write or repeat the card number.', maxLength: 12 }]
		},
		{
			event: 'moneyOrder.accepted',
			label: 'Accept money order / cashier’s check',
			folded: 'Money order or cashier’s check',
			intro: `Money order or cashier’s check for exactly ${due}.`,
			fields: [
				{
					kind: 'choice',
					name: 'instrument',
					label: 'Instrument',
					options: [
						{ value: 'money-order', label: 'Money order' },
						{ value: 'cashiers-check', label: 'Cashier’s check' }
					]
				},
				{ kind: 'text', name: 'payee', label: 'Pay to the order of', maxLength: 120 },
				{ kind: 'money', name: 'amountCents', label: 'Amount' }
			]
		},
		{ event: 'check.accepted', label: 'Accept check', folded: 'Personal check', intro: checkBar, fields: checkFields(false) },
		{
			event: 'check.refused',
			label: 'Record refused check',
			tone: 'secondary',
			folded: 'Record a refused check',
			intro: 'A check you turn down: record it with the reason, then ask for another tender.',
			fields: [{ kind: 'choice', name: 'problem', label: 'Why it is refused', options: CHECK_PROBLEMS }, ...checkFields(true)]
		},
		abandon
	];
}

function screen({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const screened = new Set<number>(c.policy.drawer.screenedBillCents);
	const large = Object.entries(c.cash?.counts ?? {}).filter(([k]) => screened.has(denomCents(k)));
	const flagged = Object.entries(c.cash?.flagged ?? {}).filter(([, n]) => (n ?? 0) > 0);
	const out: StepAction[] = [...warnings(c)];
	if (flagged.length === 0 || c.policy.drawer.counterfeitHandling === 'accept-and-report')
		out.push({
			event: 'bills.accepted',
			label: 'All large bills pass',
			fields: [info('large', 'Bills to screen', large.map(([k, n]) => ({ label: denomLabel(k), value: `${n} bill${n === 1 ? '' : 's'}` })))]
		});
	const left = large.filter(([k, n]) => (n ?? 0) > (c.cash?.flagged[k as keyof typeof c.cash.flagged] ?? 0));
	if (left.length)
		out.push({
			event: 'counterfeit.flagged',
			label: 'Flag as suspected counterfeit',
			tone: 'danger',
			fields: [{ kind: 'choice', name: 'denomination', label: 'Which bill', options: left.map(([k]) => ({ value: k, label: denomLabel(k) })) }]
		});
	if (flagged.length)
		out.push({
			event: 'counterfeit.retained',
			label: 'Keep the note, ask for another tender',
			intro: `Flagged: ${flagged.map(([k, n]) => `${n} × ${denomLabel(k)}`).join(', ')}. Keep it, notify a senior, ask for another tender.`,
			fields: [{ kind: 'text', name: 'note', label: 'Which note you kept and which senior you told (goes in the incident report)', multiline: true }]
		});
	return out;
}

function change({ context }: FormScope): StepAction[] {
	const c = ctxOf(context);
	const tendered = c.cash?.tenderedCents ?? 0;
	const due = tendered - (c.amountCents ?? 0);
	return [
		...warnings(c),
		{
			event: 'change.counted',
			label: `Change counted back: ${money(due)}`,
			fields: [
				info('change', 'Change', [
					{ label: 'Cash handed over', value: money(tendered) },
					{ label: 'Payment', value: money(c.amountCents) },
					{ label: 'Change to give', value: money(due) }
				]),
				{ kind: 'hidden', name: 'changeCents', value: due }
			]
		},
		{
			event: 'quickChange.stopped',
			label: 'Stop a quick-change attempt',
			tone: 'secondary',
			folded: 'The customer asks to swap bills',
			intro: 'The customer asks to swap bills mid-count: stop, finish this transaction first.',
			fields: [{ kind: 'text', name: 'note', label: 'What the customer tried', maxLength: 300 }]
		}
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

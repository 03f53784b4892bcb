/** The tender steps of a counter payment (policy §2 Take cash, §3 Checks): what was handed over, screening, change. */
import type { FieldSpec, FormScope, StepAction } from '../step-forms';
import { restores, type CheckProblem } from '$machines/counter-payment.machine';
import { ctxOf, denomCents, denomLabel, money } from './counter-payment-text';
import { abandon, info, warnings } from './counter-payment-form-parts';

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

export function tender({ context }: FormScope): StepAction[] {
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

export function screen({ context }: FormScope): StepAction[] {
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

export function change({ context }: FormScope): StepAction[] {
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

/**
 * Checklist UI of lock-off day (policy §5; CSR III leads, a supervisor approves). The review and the
 * field work are lists: one row per account with its facts and the exclusions that apply now, the
 * suggested reason code preselected, so a 20-row list is worked through with the keyboard. Payments
 * and exclusions that arrive during the day are recorded at any step. Only the lead is offered the
 * lead's actions; the approver sees the final list and the approval.
 */
import { formatCents } from '$lib/domain/money';
import type { FormScope, StepAction, StepForms } from '../step-forms';
import type { ProcedureUi } from './types';
import { accountOf, clock, codeOptions, entries, factRows, findingsNow, flagsText, who, type Ctx } from './lockoff-day-facts';
import { lockoffCaptured, lockoffPrintable } from './lockoff-day-report';
import type { ExclusionCode } from '$lib/domain/exclusions';

const NEEDS_PULL = 'Needs a pull';
const ARRIVED = 'A payment or an exclusion arrived';
const NO_FLAGS = 'No flags';
const RECORDABLE: ExclusionCode[] = ['MEDICAL', 'PLAN', 'DISPUTE', 'BANKRUPTCY', 'ASSIST', 'NOTICE', 'WRONG_PREMISE'];
const FORECAST = { min: -60, max: 140 };

const ctxOf = (s: FormScope) => s.context as unknown as Ctx;
const isLead = (s: FormScope) => ctxOf(s).roles.lead === String(s.viewer.id);
const acct = (n: string) => ({ kind: 'hidden' as const, name: 'accountNumber', value: n });
/** The row's facts: the ones that say something (a "none" protection or payment is left out), then the verdict. */
const facts = (c: Ctx, n: string) => ({
	kind: 'info' as const,
	name: 'facts',
	label: 'Facts',
	rows: [
		...factRows(c, n).filter((r) => r.value !== 'none' || r.label === 'Notice' || r.label === 'Door tag'),
		{ label: 'Flags', value: flagsText(c, n), tone: findingsNow(c, n).length ? ('warn' as const) : ('ok' as const) }
	]
});
const memo = (n: string, hint: string) => ({ kind: 'text' as const, name: 'memo', label: `Note for ${n}`, optional: true, hint, maxLength: 300, placeholder: hint });

/** Pull one account (from the list, or its order in the field), its first finding preselected. */
function pullAction(c: Ctx, n: string, opts: { label: string; withFacts: boolean; secondary?: boolean; tags: string[] }): StepAction {
	const fs = findingsNow(c, n);
	return {
		event: 'account.pulled',
		key: `account.pulled:${n}`,
		intro: opts.withFacts ? who(c, n) : undefined,
		label: opts.label,
		tone: fs.length ? 'primary' : 'secondary',
		row: { id: n, tags: opts.tags, tone: fs.length ? 'warn' : undefined, secondary: opts.secondary },
		fields: [
			acct(n),
			...(opts.withFacts ? [facts(c, n)] : []),
			{ kind: 'choice', name: 'code', label: `Reason code for ${n}`, options: codeOptions(), value: fs[0]?.code, placeholder: 'Reason code…' },
			memo(n, fs.length ? 'Note (optional)' : 'What you found (nothing on file shows a reason)')
		]
	};
}

/** Payments and new exclusions arrive at any step of the day (drop-box, counter, a faxed certificate). */
function duringDay(c: Ctx): StepAction[] {
	const accounts = c.list.map((x) => ({ value: x.accountNumber, label: who(c, x.accountNumber) }));
	return [
		{
			event: 'payment.received',
			folded: ARRIVED,
			intro: 'A payment arrived for a listed account (counter, online, phone): record it here; the procedure that took it posts it.',
			label: 'Record the payment',
			tone: 'secondary',
			fields: [
				{ kind: 'choice', name: 'accountNumber', label: 'Account paid', options: accounts },
				{ kind: 'money', name: 'amountCents', label: 'Amount' },
				{ kind: 'text', name: 'ref', label: 'Receipt or confirmation number', maxLength: 40 }
			]
		},
		{
			event: 'exclusion.recorded',
			folded: ARRIVED,
			intro: 'An exclusion arrived (faxed medical certificate, plan signed, dispute, bankruptcy notice, pledge): record it with what was received.',
			label: 'Record the exclusion',
			tone: 'secondary',
			fields: [
				{ kind: 'choice', name: 'accountNumber', label: 'Account', options: accounts },
				{ kind: 'choice', name: 'code', label: 'Exclusion', options: codeOptions(RECORDABLE) },
				{ kind: 'text', name: 'dated', label: 'Certificate issue date or pledge date (YYYY-MM-DD)', optional: true, hint: 'Medical certificates and assistance pledges only.', maxLength: 10 },
				{ kind: 'text', name: 'memo', label: 'What was received and from whom', maxLength: 300 }
			]
		}
	];
}

const counts = (c: Ctx) => {
	const n = (...s: Parameters<typeof entries>[1][]) => entries(c, ...s).length;
	return { listed: c.list.length, pending: n('pending'), kept: n('kept'), pulled: n('excluded', 'pulled'), dispatched: n('dispatched') };
};

/** Kept accounts that something now excludes: they must come off before approval or dispatch. */
const keptFlagged = (c: Ctx) => entries(c, 'kept').filter((x) => x.findings.length > 0);

function reviewRows(c: Ctx): StepAction[] {
	const out: StepAction[] = [];
	for (const x of c.list) {
		const n = x.accountNumber;
		const flagged = x.findings.length > 0;
		if (x.state === 'pending' && flagged) out.push(pullAction(c, n, { label: 'Pull', withFacts: true, tags: [NEEDS_PULL] }));
		if (x.state === 'pending' && !flagged) {
			out.push({ event: 'account.kept', key: `account.kept:${n}`, intro: who(c, n), label: 'Keep on the list', row: { id: n, tags: [NO_FLAGS] }, fields: [acct(n), facts(c, n)] });
			out.push(pullAction(c, n, { label: 'Pull', withFacts: false, secondary: true, tags: [NO_FLAGS] }));
		}
		if (x.state === 'kept' && flagged) out.push(pullAction(c, n, { label: 'Pull', withFacts: true, tags: [NEEDS_PULL] }));
	}
	return out;
}

const lead = (s: FormScope, build: (c: Ctx) => StepAction[]) => (isLead(s) ? build(ctxOf(s)) : []);

const finalList = (c: Ctx) => [
	{
		kind: 'info' as const,
		name: 'kept',
		label: `To lock off (${entries(c, 'kept').length})`,
		rows: entries(c, 'kept').map((x) => ({ label: x.accountNumber, value: `${who(c, x.accountNumber).split(' · ')[1] ?? ''} · past due ${formatCents(accountOf(c, x.accountNumber)?.pastDueCents ?? 0)}` }))
	},
	{
		kind: 'info' as const,
		name: 'pulled',
		label: `Pulled (${entries(c, 'excluded').length})`,
		rows: entries(c, 'excluded').map((x) => ({ label: x.accountNumber, value: `${x.pullCode}${x.pullMemo ? ` — ${x.pullMemo}` : ''}` }))
	}
];

export const lockoffDayForms: StepForms = {
	holds: (s) => {
		const c = ctxOf(s);
		const day = { kind: 'info' as const, name: 'day', label: 'The day', rows: [{ label: 'Date', value: c.date }, { label: 'Listed', value: `${c.list.length} accounts` }] };
		const temps = (label: string) => [
			{ kind: 'integer' as const, name: 'lowF', label: `${label} low (°F)`, ...FORECAST },
			{ kind: 'integer' as const, name: 'highF', label: `${label} high (°F)`, ...FORECAST }
		];
		if (!c.forecast)
			return [{ event: 'forecast.entered', intro: "Read the forecast for the next 24 hours (low and high) and enter it: the weather hold is judged on it.", label: 'Record the forecast', fields: [day, ...temps('Forecast')] }];
		return [
			{ event: 'holds.checked', label: "Check the day's holds", fields: [{ ...day, rows: [...day.rows, { label: 'Forecast', value: `${c.forecast.lowF}–${c.forecast.highF} °F` }] }] },
			{ event: 'forecast.entered', label: 'Correct the forecast', tone: 'secondary', fields: temps('Corrected') }
		];
	},
	inbox: (s) =>
		lead(s, (c) => [
			{
				event: 'inbox.applied',
				label: c.inbox.length ? `Post ${c.inbox.length} overnight payment${c.inbox.length === 1 ? '' : 's'}` : 'Nothing in the inbox: go to the review',
				fields: [
					{
						kind: 'info',
						name: 'inbox',
						label: `Payment inbox (${c.inbox.length})`,
						rows: [
							...c.inbox.map((i) => ({ label: who(c, i.accountNumber), value: `${formatCents(i.amountCents)} ${i.channel ?? ''}`.trim() })),
							...c.inboxSkipped.map((r) => ({ label: `Inbox ${r}`, value: 'cannot be posted (no account or amount): post it by hand' }))
						]
					}
				]
			},
			...duringDay(c)
		]),
	review: (s) =>
		lead(s, (c) => {
			const k = counts(c);
			return [
				...reviewRows(c),
				{
					event: 'list.submitted',
					label: 'Send the list to the supervisor',
					fields: [
						{
							kind: 'info',
							name: 'progress',
							label: 'Review',
							rows: [
								{ label: 'Reviewed', value: `${k.listed - k.pending} of ${k.listed}` },
								{ label: 'Kept', value: String(k.kept) },
								{ label: 'Pulled', value: String(k.pulled) },
								...(c.returnNote ? [{ label: 'Returned with', value: c.returnNote }] : [])
							]
						}
					]
				},
				...duringDay(c)
			];
		}),
	approve: (s) => {
		const c = ctxOf(s);
		const decide: StepAction[] = [
			{ event: 'list.approved', label: 'Approve the final list', fields: finalList(c) },
			{
				event: 'list.returned',
				folded: 'Something must change: return the list',
				label: 'Return the list to the lead',
				tone: 'secondary',
				fields: [{ kind: 'text', name: 'note', label: 'What must change', multiline: true, maxLength: 500 }]
			}
		];
		return [...lead(s, (cc) => keptFlagged(cc).map((x) => pullAction(cc, x.accountNumber, { label: 'Pull', withFacts: true, tags: [NEEDS_PULL] }))), ...decide, ...lead(s, duringDay)];
	},
	dispatch: (s) =>
		lead(s, (c) => [
			...keptFlagged(c).map((x) => pullAction(c, x.accountNumber, { label: 'Pull', withFacts: true, tags: [NEEDS_PULL] })),
			{
				event: 'orders.dispatched',
				label: `Dispatch ${entries(c, 'kept').length} lock-off orders`,
				fields: [{ kind: 'info', name: 'route', label: 'Route sheet', rows: entries(c, 'kept').map((x) => ({ label: x.accountNumber, value: who(c, x.accountNumber).split(' · ')[1] ?? '' })) }]
			},
			{ event: 'cutoff.passed', folded: 'It is past 2:00 pm', intro: 'No new lock-offs go out after 2:00 pm: the day ends held, without orders.', label: 'End the day without dispatching', tone: 'secondary', fields: [] },
			...duringDay(c)
		]),
	field: (s) => lead(s, fieldActions)
};

function fieldActions(c: Ctx): StepAction[] {
	const out: StepAction[] = [];
	for (const x of c.list) {
		const n = x.accountNumber;
		if (x.state === 'dispatched') {
			const flagged = x.findings.length > 0;
			const tags = [flagged ? NEEDS_PULL : 'Order out'];
			const order = { kind: 'info' as const, name: 'order', label: 'Order', rows: [{ label: 'Work order', value: x.workOrderRef ?? '—' }, ...factRows(c, n).slice(0, 1), { label: 'Flags', value: flagsText(c, n) }] };
			if (flagged) out.push(pullAction(c, n, { label: 'Pull the order', withFacts: true, tags }));
			else out.push({ event: 'order.completed', key: `order.completed:${n}`, intro: who(c, n), label: 'Locked (completed)', row: { id: n, tags }, fields: [acct(n), order] });
			if (!flagged) out.push(pullAction(c, n, { label: 'Pull the order', withFacts: false, secondary: true, tags }));
			out.push({
				event: 'order.unable',
				key: `order.unable:${n}`,
				label: 'Unable',
				tone: 'secondary',
				row: { id: n, tags, secondary: true },
				fields: [acct(n), { kind: 'text', name: 'reason', label: `Why the crew could not lock ${n}`, maxLength: 300, placeholder: 'Why the crew could not lock it' }]
			});
			out.push({
				event: 'order.tamper',
				key: `order.tamper:${n}`,
				label: 'Tamper found',
				tone: 'secondary',
				row: { id: n, tags, secondary: true },
				fields: [acct(n), { kind: 'text', name: 'note', label: `What the crew found at ${n}`, maxLength: 300, placeholder: 'What the crew found' }]
			});
		}
		if (x.state === 'completed' && x.findings.length > 0)
			out.push({ ...pullAction(c, n, { label: 'Order the reconnect', withFacts: true, tags: ['Needs a reconnect'] }), intro: `${who(c, n)} — locked at ${clock(c, x.lockedAt)}` });
	}
	const k = counts(c);
	out.push({
		event: 'day.reconciled',
		label: 'Reconcile the day',
		fields: [
			{
				kind: 'info',
				name: 'results',
				label: 'Orders',
				rows: [
					{ label: 'Out', value: String(k.dispatched) },
					{ label: 'Completed', value: String(entries(c, 'completed', 'restoring').length) },
					{ label: 'Pulled', value: String(entries(c, 'pulled').length) },
					{ label: 'Unable', value: String(entries(c, 'unable').length) },
					{ label: 'Tamper', value: String(entries(c, 'tamper').length) },
					{ label: 'Reconnects ordered', value: String(entries(c, 'restoring').length) }
				]
			}
		]
	});
	return [...out, ...duringDay(c)];
}

export const lockoffDayUi: ProcedureUi = {
	startHint: 'On a lock-off day (Monday–Thursday, not before a holiday), in the morning: the list is today’s.',
	forms: lockoffDayForms,
	captured: (ctx) => lockoffCaptured(ctx as unknown as Ctx),
	printable: (ctx) => lockoffPrintable(ctx as unknown as Ctx)
};

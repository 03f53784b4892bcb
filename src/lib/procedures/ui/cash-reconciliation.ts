/**
 * Checklist UI of the drawer close (policy §2 "Close", "Variance", "Deposit"). The blind steps
 * (count, removeFloat) show only what the cashier entered; the comparison with the batch appears from
 * the recount on, once the machine has made it. Forms never read `context.expected`.
 */
import { DENOMINATIONS, policy } from '$lib/policy/settings';
import { countsTotal } from '$lib/domain/denominations';
import { formatCents } from '$lib/domain/money';
import { LOCATE_CHECKLIST } from '$machines/cash-reconciliation.machine';
import type { FieldSpec, FormScope, StepAction } from '../step-forms';
import type { ProcedureUi } from './types';
import { asClose, closeCaptured, closePrintable, comparisonRows, slipRows, varianceTier, type CloseView } from './cash-reconciliation-report';

/** Rows of the check list; a drawer rarely holds more (the grid of a busy day is still one screen of Tab stops). */
const CHECK_ROWS = 15;

const checksField = (label: string): FieldSpec => ({ kind: 'checks', name: 'checks', label, rows: CHECK_ROWS });
const grid = (name: string, label: string, targetCents?: number): FieldSpec => ({ kind: 'denominations', name, label, targetCents });
const info = (name: string, label: string, rows: { label: string; value: string }[]): FieldSpec => ({ kind: 'info', name, label, rows });

const floatPieces = DENOMINATIONS.filter((d) => policy.drawer.floatCounts[d.key])
	.map((d) => `${policy.drawer.floatCounts[d.key]} × ${d.label}`)
	.join(', ');

const blindCountFields: FieldSpec[] = [
	grid('currency', 'Cash in the drawer, float included'),
	checksField('Checks in the drawer: number and amount'),
	{ kind: 'money', name: 'cardCents', label: 'Card settlement total', hint: 'From the card terminal’s settlement report. Enter 0 if no cards were taken.' }
];

function ownCount(c: CloseView): FieldSpec {
	const f = c.firstCount;
	return info('yourCount', 'Your blind count', [
		{ label: 'Cash in the drawer', value: f ? formatCents(countsTotal(f.currency)) : '—' },
		{ label: 'Checks', value: f ? `${f.checks.length} for ${formatCents(f.checks.reduce((s, k) => s + k.amountCents, 0))}` : '—' },
		{ label: 'Card settlement', value: f ? formatCents(f.cardCents) : '—' }
	]);
}

/** The comparison and what policy now asks for, as read-only facts at the top of a step. */
function comparisonInfo(c: CloseView): FieldSpec[] {
	if (!c.comparison) return [];
	const hint = c.locate.offered && c.locate.divisibleBy9 ? [{ label: 'Hint', value: 'The difference is divisible by 9: look for a transposed entry first.' }] : [];
	return [info('comparison', 'Your count against the batch', [...comparisonRows(c.comparison), { label: 'What policy asks', value: varianceTier(c) }, ...hint])];
}

/** The comparison goes at the top of the step, i.e. into its first action. */
function withComparison(c: CloseView, actions: StepAction[]): StepAction[] {
	const [first, ...rest] = actions;
	const lead = first.intro ? [info('lead', first.intro, [])] : [];
	return [{ ...first, intro: undefined, fields: [...comparisonInfo(c), ...lead, ...first.fields] }, ...rest];
}

function locateActions(c: CloseView): StepAction[] {
	const open = LOCATE_CHECKLIST.filter((i) => !c.locate.ticked.includes(i.cause));
	const done = LOCATE_CHECKLIST.length - open.length;
	const causes = LOCATE_CHECKLIST.map((i) => ({ value: i.cause, label: i.found }));
	const tick: StepAction[] = open.length
		? [
				{
					event: 'checklist.ticked',
					label: 'Mark as checked',
					tone: 'secondary',
					fields: [
						{
							kind: 'choice',
							name: 'item',
							label: `Locate-differences checklist (${done} of ${LOCATE_CHECKLIST.length} checked): item you checked`,
							options: open.map((i) => ({ value: i.cause, label: i.label }))
						}
					]
				}
			]
		: [];
	return [
		...tick,
		{
			event: 'difference.located',
			label: 'Record the finding',
			tone: 'secondary',
			group: 'Found the cause?',
			intro: 'Record what you found: it goes into the over/short explanation.',
			fields: [
				{ kind: 'choice', name: 'cause', label: 'What you found', options: causes },
				{ kind: 'text', name: 'checkNumber', label: 'Check number', optional: true, maxLength: 10 },
				{ kind: 'text', name: 'note', label: 'Details', optional: true, maxLength: 300 }
			]
		}
	];
}

const forms: ProcedureUi['forms'] = {
	count: [{ event: 'count.entered', label: 'Submit blind count', fields: blindCountFields }],
	removeFloat: ({ context }: FormScope) => {
		const c = asClose(context);
		return [
			{
				event: 'float.removed',
				label: 'Float is out: compare with the batch',
				intro: `Take out the ${formatCents(policy.drawer.floatCents)} float in its own pieces: ${floatPieces}.`,
				fields: [ownCount(c), grid('counts', 'Float taken out', policy.drawer.floatCents)]
			},
			{
				event: 'count.entered',
				key: 'count.corrected',
				label: 'Replace my blind count',
				tone: 'secondary',
				group: 'Counted wrong?',
				intro: 'Re-enter the whole drawer (float included) before the float comes out.',
				fields: blindCountFields
			}
		];
	},
	recount: ({ context }: FormScope) => {
		const c = asClose(context);
		return withComparison(c, [
			...locateActions(c),
			{
				event: 'recount.entered',
				label: 'Submit recount',
				intro: 'Now recount once: the deposit cash (float already out) and every check. The variance is what remains after this recount.',
				fields: [grid('currency', 'Deposit cash, float already out'), checksField('Checks: number and amount')]
			}
		]);
	},
	checkMismatch: ({ context }: FormScope) => {
		const c = asClose(context);
		return withComparison(c, [
			{
				event: 'checks.found',
				label: 'Submit the check list',
				intro: 'Found the check? Re-enter every check in the drawer.',
				fields: [checksField('Checks: number and amount')]
			},
			{
				event: 'checkCount.overridden',
				label: 'Supervisor overrides the check count',
				tone: 'secondary',
				intro: 'Not found: a supervisor may override, with the reason in writing.',
				fields: [{ kind: 'text', name: 'reason', label: 'Reason for the override', multiline: true, maxLength: 500 }]
			},
			...locateActions(c)
		]);
	},
	seniorCount: ({ context }: FormScope) => [
		{
			event: 'secondCount.done',
			label: 'Record the senior’s count',
			intro: 'The senior counts the deposit cash (float already out) and the checks again; their count becomes the count of record.',
			fields: [...comparisonInfo(asClose(context)), grid('currency', 'Senior’s count: deposit cash, float out'), checksField('Senior’s count: checks')]
		}
	],
	supervisorReview: ({ context }: FormScope) => [
		{
			event: 'supervisor.approved',
			label: 'Supervisor approves',
			fields: [...comparisonInfo(asClose(context)), { kind: 'text', name: 'note', label: 'What the supervisor reviewed and decided', multiline: true, maxLength: 1000 }]
		}
	],
	explain: ({ context }: FormScope) => [
		{
			event: 'variance.explained',
			label: 'Record the explanation',
			fields: [
				...comparisonInfo(asClose(context)),
				{
					kind: 'text',
					name: 'note',
					label: 'What was checked, what was found, who counted',
					hint: 'This goes to the office’s cash over/short ledger with the batch.',
					multiline: true,
					maxLength: 1000
				}
			]
		}
	],
	prepareSlip: ({ context }: FormScope) => [
		{
			event: 'slip.prepared',
			label: 'Slip prepared',
			fields: [
				info('slip', 'Deposit slip (cards are not on the slip)', slipRows(asClose(context))),
				{ kind: 'money', name: 'amountCents', label: 'Total you wrote on the slip' }
			]
		}
	],
	verifySlip: ({ context }: FormScope) => [
		{
			event: 'slip.verified',
			label: 'Slip verified, bag sealed',
			intro: 'A CSR II or above who is not the cashier checks the slip against the deposit; the bag is sealed in front of both.',
			fields: [info('slip', 'Deposit slip', slipRows(asClose(context))), { kind: 'text', name: 'bagNumber', label: 'Sealed bag number', maxLength: 40 }]
		}
	],
	vaultFirst: ({ context }: FormScope) => [
		{
			event: 'vault.accessed',
			label: 'Log my vault access',
			fields: [info('bag', 'The bag going in', [{ label: 'Bag', value: asClose(context).slip?.bagNumber ?? '—' }, ...slipRows(asClose(context)).slice(-1)])]
		}
	],
	vaultSecond: [{ event: 'vault.accessed', label: 'Log the second person’s vault access', fields: [] }]
};

export const cashReconciliationUi: ProcedureUi = {
	startHint: 'At the end of the day, from My drawer: a blind count first, then the comparison with the batch.',
	forms,
	captured: closeCaptured,
	printable: closePrintable
};

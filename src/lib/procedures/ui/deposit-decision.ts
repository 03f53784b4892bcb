/**
 * Checklist UI of the customer deposit decision (policy §4; authority ladder.md). The decide step shows
 * the computation with every input and offers what the viewer's level may do: a CSR I charges the policy
 * deposit or refers a waiver to a CSR II (an exception to a supervisor); a CSR II+ applies a waiver; a
 * supervisor approves an exception. Every amount offered is the machine's own computation.
 */
import { formatCents } from '$lib/domain/money';
import { atLeast, type Level } from '$lib/domain/levels';
import { installmentPlan, installmentsAllowed } from '$lib/domain/deposit';
import { COUNTER_TENDERS, RIGHT_TO_OCCUPY, type DocumentKind, type WaiverBasis } from '$machines/deposit-decision.machine';
import type { FieldSpec, StepAction, StepForms } from '../step-forms';
import type { CapturedItem, ProcedureUi } from './types';
import {
	applicationRows,
	assessmentOf,
	BASIS_LABEL,
	basisText,
	computationRows,
	DOCUMENT_LABEL,
	installmentText,
	KIND_LABEL,
	personRows,
	premiseRows,
	TENDER_LABEL,
	waiverRows,
	type Ctx,
	type Row
} from './deposit-decision-facts';
import { depositLetter } from './deposit-decision-letter';

const ctxOf = (c: Record<string, unknown>) => c as unknown as Ctx;
const info = (name: string, label: string, rows: Row[]): FieldSpec => ({ kind: 'info', name, label, rows });
const tender: FieldSpec = { kind: 'choice', name: 'tender', label: 'Tender', options: COUNTER_TENDERS.map((t) => ({ value: t, label: TENDER_LABEL[t] })) };
/** Photo ID and the documents that show this applicant's right to occupy (a tenant's lease, an owner's deed…). */
const documentsFor = (c: Ctx): DocumentKind[] => ['photo-id', ...RIGHT_TO_OCCUPY[c.application.occupancy]];

/** The waiver to apply or refer: fixed when one basis qualifies, a choice when several do. */
function basisField(bases: WaiverBasis[]): FieldSpec {
	return bases.length === 1
		? { kind: 'hidden', name: 'basis', value: bases[0] }
		: { kind: 'choice', name: 'basis', label: 'Waiver basis', options: bases.map((b) => ({ value: b, label: BASIS_LABEL[b] })) };
}

function decideActions(c: Ctx, level: Level): StepAction[] {
	const a = assessmentOf(c);
	const facts = [info('computation', 'How the deposit is computed (policy §4)', computationRows(c)), info('waivers', 'Waivers', waiverRows(c))];
	const which = a.waivers.length === 1 ? ` (${BASIS_LABEL[a.waivers[0]].toLowerCase()})` : '';
	const waiver: StepAction[] = !a.waivers.length
		? []
		: atLeast(level, 'csr2')
			? [{ event: 'waiver.applied', label: `Apply the waiver${which}`, fields: [basisField(a.waivers)] }]
			: [{ event: 'waiver.referred', label: `Refer the waiver${which} to a CSR II`, fields: [basisField(a.waivers)] }];
	const charge: StepAction = {
		event: 'deposit.charged',
		label: `Charge the ${formatCents(a.amountCents)} ${KIND_LABEL[a.kind]} deposit`,
		tone: waiver.length ? 'secondary' : undefined,
		fields: [{ kind: 'hidden', name: 'amountCents', value: a.amountCents }]
	};
	const exceptionFields: FieldSpec[] = [
		{ kind: 'money', name: 'amountCents', label: 'Deposit to charge instead', hint: 'Whole dollars; 0 waives the deposit.' },
		{ kind: 'text', name: 'reason', label: 'Reason for the exception', multiline: true }
	];
	const exception: StepAction =
		level === 'supervisor'
			? { event: 'exception.approved', intro: 'Outside policy', label: 'Approve the exception', tone: 'secondary', fields: exceptionFields }
			: { event: 'exception.referred', intro: 'Outside policy', label: 'Ask a supervisor for an exception', tone: 'secondary', fields: exceptionFields };
	const [first, ...rest] = [...waiver, charge, exception];
	return [{ ...first, fields: [...facts, ...first.fields] }, ...rest];
}

/** The referrer may withdraw a referral; the approver sees only the approval. */
function withdraw(c: Ctx, viewerId: number): StepAction[] {
	return c.referral && c.referral.by === String(viewerId) ? [{ event: 'referral.withdrawn', label: 'Withdraw the referral', tone: 'secondary', fields: [] }] : [];
}

const forms: StepForms = {
	identify: ({ context }) => [
		{
			event: 'identity.verified',
			label: 'Identity and right to occupy verified',
			fields: [
				info('application', 'The application', applicationRows(ctxOf(context))),
				{ kind: 'multi', name: 'documents', label: 'Documents you checked', options: documentsFor(ctxOf(context)).map((d) => ({ value: d, label: DOCUMENT_LABEL[d] })) }
			]
		},
		{
			event: 'application.denied',
			intro: 'Photo ID or proof of the right to occupy missing?',
			label: 'Refuse the application',
			tone: 'danger',
			fields: [{ kind: 'text', name: 'reason', label: 'What is missing, and what you told the applicant', multiline: true }]
		}
	],
	creditCheck: ({ context }) => {
		const c = ctxOf(context);
		const people = c.credit.map((f, i) => info(`person-${i}`, `${f.person} (${f.relation === 'applicant' ? 'applicant' : 'adult listed'})`, personRows(f, c)));
		return [{ event: 'credit.checked', label: 'Credit status checked', fields: [...people, info('premise', 'The premise and the applicant’s own history', premiseRows(c))] }];
	},
	confirmPriorOccupant: ({ context }) => {
		const flag = assessmentOf(ctxOf(context)).premiseFlag;
		const facts = info('flag', 'The disconnection', flag ? [{ label: 'Disconnected', value: `${flag.date}, for ${flag.priorOccupant}’s debt` }] : []);
		return [
			{
				event: 'priorOccupant.cleared',
				label: 'Not the prior occupant: continue',
				fields: [
					facts,
					{ kind: 'choice', name: 'evidence', label: 'Checked on', options: [{ value: 'lease', label: 'The lease' }, { value: 'move-in-date', label: 'The move-in date (landlord form)' }] },
					{ kind: 'text', name: 'moveInDate', label: 'Move-in date', hint: 'As on the document, YYYY-MM-DD.', maxLength: 10 }
				]
			},
			{
				event: 'priorOccupant.matched',
				intro: 'The applicant is the occupant whose debt it was?',
				label: 'Record their debt',
				tone: 'secondary',
				fields: [
					{ kind: 'money', name: 'debtCents', label: 'Their unpaid debt for this premise' },
					{ kind: 'text', name: 'note', label: 'How you established it', multiline: true }
				]
			}
		];
	},
	resolveDebt: ({ context }) => {
		const debt = assessmentOf(ctxOf(context)).debt;
		const rows = [...debt.items.map((d) => ({ label: `${d.person}: ${d.kind === 'balance' ? 'unpaid balance' : 'write-off'}`, value: formatCents(d.amountCents) })), { label: 'Total', value: formatCents(debt.totalCents) }];
		return [
			{
				event: 'debt.paid',
				label: 'Debt paid: continue',
				fields: [
					info('debt', 'Riverton debt on the application', rows),
					{ kind: 'money', name: 'amountCents', label: 'Amount paid', hint: `Take it as a counter payment first; ${formatCents(debt.totalCents)} is owed in full.` },
					{ kind: 'text', name: 'receiptRef', label: 'Receipt number', maxLength: 60 }
				]
			},
			{ event: 'debt.planned', label: 'Payment plan signed: continue', tone: 'secondary', fields: [{ kind: 'text', name: 'planRef', label: 'Payment plan reference', maxLength: 60 }] },
			{ event: 'application.denied', label: 'Deny service', tone: 'danger', fields: [{ kind: 'text', name: 'reason', label: 'Why (neither paid nor on a plan)', multiline: true }] }
		];
	},
	decide: ({ context, viewer }) => decideActions(ctxOf(context), viewer.level as Level),
	approveWaiver: ({ context, viewer }) => {
		const c = ctxOf(context);
		const r = c.referral;
		if (r?.kind !== 'waiver') return [];
		return [
			{
				event: 'waiver.applied',
				label: `Apply the waiver (${BASIS_LABEL[r.basis].toLowerCase()})`,
				fields: [info('referral', 'Referred for a waiver', [{ label: 'Basis', value: basisText(c, r.basis) }, ...waiverRows(c)]), { kind: 'hidden', name: 'basis', value: r.basis }]
			},
			...withdraw(c, viewer.id)
		];
	},
	approveException: ({ context, viewer }) => {
		const c = ctxOf(context);
		const r = c.referral;
		if (r?.kind !== 'exception') return [];
		const a = assessmentOf(c);
		return [
			{
				event: 'exception.approved',
				label: r.amountCents === 0 ? 'Approve: waive the deposit' : `Approve: charge ${formatCents(r.amountCents)}`,
				fields: [
					info('request', 'Exception requested', [
						{ label: 'Policy deposit', value: `${formatCents(a.amountCents)} (${KIND_LABEL[a.kind]})` },
						{ label: 'Requested', value: formatCents(r.amountCents) },
						{ label: 'Reason', value: r.reason }
					]),
					{ kind: 'hidden', name: 'amountCents', value: r.amountCents },
					{ kind: 'hidden', name: 'reason', value: r.reason }
				]
			},
			...withdraw(c, viewer.id)
		];
	},
	collect: ({ context }) => {
		const c = ctxOf(context);
		const amount = c.decision?.amountCents ?? 0;
		const s = c.policy.deposit;
		const facts = info('amount', 'To collect', [
			{ label: 'Deposit', value: `${formatCents(amount)} (${KIND_LABEL[c.decision?.kind ?? 'standard']})` },
			{ label: 'Installments', value: installmentText(c, amount) }
		]);
		const actions: StepAction[] = [{ event: 'deposit.collected', label: `Collect ${formatCents(amount)} now`, fields: [facts, tender] }];
		if (installmentsAllowed(amount, s)) {
			const plan = installmentPlan(amount, c.serviceStartDate, c.billingCycleDay, s);
			actions.push({ event: 'installments.set', intro: `Or in installments (deposits over ${formatCents(s.installmentAboveCents)})`, label: `Take ${formatCents(plan.nowCents)} now, the rest on the next ${plan.bills.length} bills`, tone: 'secondary', fields: [tender] });
		}
		return actions;
	},
	document: ({ context }) => [
		{
			event: 'note.written',
			label: 'Write the note and finish',
			fields: [
				info('summary', 'The note will also record', summaryRows(ctxOf(context))),
				{ kind: 'text', name: 'note', label: 'Your note: how you verified the applicant and what you explained', multiline: true }
			]
		}
	]
};

function summaryRows(c: Ctx): Row[] {
	const rows: Row[] = [];
	const d = c.decision;
	if (d) rows.push({ label: 'Decision', value: d.kind === 'waived' && d.basis ? `waived: ${BASIS_LABEL[d.basis].toLowerCase()} (by ${d.byName})` : `${formatCents(d.amountCents)} (${KIND_LABEL[d.kind]}, by ${d.byName})` });
	const col = c.collection;
	if (col) rows.push({ label: 'Collected', value: `${formatCents(col.nowCents)} by ${(TENDER_LABEL[col.tender] ?? col.tender).toLowerCase()}, receipt ${col.receiptRef}` });
	if (col?.mode === 'installments') rows.push({ label: 'Installments', value: col.installments.map((i) => `${formatCents(i.amountCents)} on bill ${i.bill} (${i.date})`).join(', ') });
	if (c.refundEligibleOn) rows.push({ label: 'Refund eligibility', value: `${c.refundEligibleOn}, after ${c.policy.deposit.refundAfterOnTimeMonths} on-time months` });
	else if (d?.amountCents === 0) rows.push({ label: 'Refund eligibility', value: 'no deposit held' });
	return rows;
}

function captured(context: Record<string, unknown>): CapturedItem[] {
	const c = ctxOf(context);
	const items: CapturedItem[] = [
		{ label: 'Applicant', value: `${c.application.applicantName} (${c.application.occupancy})` },
		{ label: 'Service address', value: c.premise.serviceAddress },
		{ label: 'Account', value: c.accountNumber }
	];
	if (c.identity) items.push({ label: 'Documents checked', value: c.identity.documents.map((d) => DOCUMENT_LABEL[d]).join(', ') });
	const a = c.assessment;
	if (a) {
		items.push({ label: 'Policy deposit', value: `${formatCents(a.amountCents)} (${KIND_LABEL[a.kind]})` });
		items.push({ label: 'Waiver that applies', value: a.waivers.length ? a.waivers.map((w) => BASIS_LABEL[w]).join(', ') : a.waiversBlocked ? 'none (bad history)' : 'none' });
	}
	if (c.debtResolution) items.push({ label: 'Prior debt', value: c.debtResolution.how === 'paid' ? `paid, receipt ${c.debtResolution.ref}` : `on plan ${c.debtResolution.ref}` });
	if (c.referral && !c.decision)
		items.push({
			label: 'Referred',
			value: c.referral.kind === 'waiver' ? `waiver (${BASIS_LABEL[c.referral.basis].toLowerCase()}): waiting for a CSR II` : `exception of ${formatCents(c.referral.amountCents)}: waiting for a supervisor`
		});
	items.push(...summaryRows(c));
	if (c.denial) items.push({ label: 'Refused', value: c.denial.reason });
	return items;
}

export const depositDecisionUi: ProcedureUi = {
	startHint: 'Type the service address on the application, or the new account’s number (its account page links here).',
	forms,
	captured,
	printable: (context) => depositLetter(ctxOf(context))
};

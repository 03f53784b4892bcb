/**
 * The deposit decision letter to the applicant (the run's printable summary): the decision and how the
 * amount was computed, how it is paid (installment schedule), when it is refunded, or the waiver basis.
 * It goes to the customer, so it names no other person's records: bad history is described, not itemised.
 */
import { formatCents } from '$lib/domain/money';
import { refundEligibilityDate } from '$lib/domain/deposit';
import type { PrintSection } from './types';
import { assessmentOf, BASIS_LABEL, basisText, computationRows, TENDER_LABEL, type Ctx } from './deposit-decision-facts';

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

function decisionSentence(c: Ctx): string {
	const d = c.decision;
	if (c.denial?.step === 'identify')
		return 'We could not accept your application yet: we need photo identification and proof of your right to occupy the home (a lease or landlord form for a tenant; a deed or property tax notice for an owner). Please bring them to our office.';
	if (c.denial) return `Before we can start service, the unpaid Riverton balance of ${formatCents(c.assessment?.debt.totalCents ?? 0)} on your application must be paid in full or put on a payment plan.`;
	if (!d) return 'Your security deposit has not been decided yet.';
	if (d.kind === 'waived' && d.basis) return `No security deposit is required: it is waived because of ${basisText(c, d.basis)}.`;
	if (d.kind === 'exception') return d.amountCents === 0 ? 'No security deposit is required (approved by a supervisor).' : `Your security deposit is ${formatCents(d.amountCents)}, as approved by a supervisor.`;
	return `Your security deposit is ${formatCents(d.amountCents)}. Below is how it was computed and how it is paid.`;
}

function computation(c: Ctx): PrintSection {
	const s = c.policy.deposit;
	const a = assessmentOf(c);
	const rows = computationRows(c)
		.filter((r) => r.label !== 'Installments' && (r.label !== 'Bad history' || a.doubles))
		.map((r) =>
			r.label === 'Bad history'
				? { label: 'Credit history', value: `× ${s.badHistoryMultiplier}: Riverton records on the application show a write-off, a disconnection for non-payment or returned payments in the last ${s.historyMonths} months` }
				: r
		);
	return {
		heading: 'How your deposit was computed',
		text: `Policy: twice the average monthly bill at the premise over the last ${s.historyMonths} months, rounded up to the dollar (${formatCents(s.noHistoryCents)} with fewer than ${s.minimumBillsForHistory} bills), at least ${formatCents(s.minimumCents)}.`,
		rows
	};
}

function payment(c: Ctx): PrintSection | null {
	const d = c.decision;
	const col = c.collection;
	if (!d || d.amountCents === 0) return null;
	if (!col) return { heading: 'Payment', text: 'Not collected yet.' };
	const paid = `Paid today: ${formatCents(col.nowCents)} by ${(TENDER_LABEL[col.tender] ?? col.tender).toLowerCase()}, receipt ${col.receiptRef}.`;
	if (col.mode === 'now') return { heading: 'Payment', text: `${paid} Your deposit is paid in full.` };
	return {
		heading: 'Payment in installments',
		text: `${paid} The rest is added to your next ${col.installments.length} bills.`,
		table: [
			['When', 'Amount'],
			['Today (paid)', formatCents(col.nowCents)],
			...col.installments.map((i) => [`With bill ${i.bill}, ${i.date}`, formatCents(i.amountCents)]),
			['Total deposit', formatCents(d.amountCents)]
		]
	};
}

function refund(c: Ctx): PrintSection {
	const s = c.policy.deposit;
	const on = c.refundEligibleOn ?? refundEligibilityDate(c.serviceStartDate, c.billingCycleDay, s);
	return {
		heading: 'Refund of your deposit',
		text:
			`Your deposit is credited to your ${ordinal(s.refundAfterOnTimeMonths + 1)} bill (${on}) after ${s.refundAfterOnTimeMonths} consecutive on-time payments; a late payment starts the ${s.refundAfterOnTimeMonths} months again. ` +
			'When you close the account, the deposit is applied to your final bill and any remaining credit is refunded to the account holder. Deposits earn no interest.'
	};
}

/** The printable letter; copes with a run at any step (it says what is not decided yet). */
export function depositLetter(c: Ctx): PrintSection[] {
	const app = c.application;
	const sections: PrintSection[] = [
		{
			heading: 'Deposit decision letter',
			rows: [
				{ label: 'To', value: app.applicantName },
				{ label: 'Service address', value: c.premise.serviceAddress },
				{ label: 'Account', value: c.accountNumber },
				{ label: 'Application date', value: c.today },
				{ label: 'Service starts', value: c.serviceStartDate }
			]
		},
		{ heading: 'Your security deposit', text: `Dear ${app.applicantName},\n\nThank you for applying for service with Riverton Municipal Utilities. ${decisionSentence(c)}` }
	];
	const d = c.decision;
	if (d?.kind === 'waived' && d.basis) sections.push({ heading: 'Waiver', rows: [{ label: 'Basis', value: BASIS_LABEL[d.basis] }, { label: 'Approved by', value: d.byName }] });
	if (d && d.kind !== 'waived' && d.kind !== 'exception') sections.push(computation(c));
	const pay = payment(c);
	if (pay) sections.push(pay);
	if (d && d.amountCents > 0) sections.push(refund(c));
	return sections;
}

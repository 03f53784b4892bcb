/**
 * The deposit decision's facts as people read them (policy §4): the application, each person's
 * Riverton records, the computation with its inputs, the waivers and the installment split. The step
 * forms, the side panel and the letter all read these, so the numbers shown are the machine's own.
 */
import { formatCents } from '$lib/domain/money';
import { withinMonths } from '$lib/domain/calendar';
import { billsInWindow, installmentPlan, installmentsAllowed, type CreditFinding } from '$lib/domain/deposit';
import { assessDeposit, type Assessment, type DepositDecisionContext, type DocumentKind, type WaiverBasis } from '$machines/deposit-decision.machine';

export type Ctx = DepositDecisionContext;
export interface Row {
	label: string;
	value: string;
}

export const DOCUMENT_LABEL: Record<DocumentKind, string> = {
	'photo-id': 'Photo ID',
	lease: 'Lease',
	'landlord-form': 'Landlord form',
	deed: 'Deed',
	'tax-notice': 'Property tax notice'
};
export const BASIS_LABEL: Record<WaiverBasis, string> = {
	'letter-of-credit': 'Letter of credit',
	'own-history': 'Own Riverton history',
	'owner-autopay': 'Owner-occupant on ACH autopay'
};
export const KIND_LABEL: Record<string, string> = {
	standard: 'standard',
	'no-history': 'no-history',
	doubled: 'doubled for bad history',
	waived: 'waived',
	exception: 'supervisor exception'
};
export const TENDER_LABEL: Record<string, string> = { cash: 'Cash', check: 'Check', 'money-order': 'Money order or cashier’s check', card: 'Card' };

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** The assessment the machine recorded at the credit check (or the same computation before it). */
export const assessmentOf = (c: Ctx): Assessment => c.assessment ?? assessDeposit(c);

export function applicationRows(c: Ctx): Row[] {
	const app = c.application;
	return [
		{ label: 'Applicant', value: `${app.applicantName} (${app.occupancy})` },
		{ label: 'Service address', value: c.premise.serviceAddress },
		{ label: 'New account', value: c.accountNumber },
		{ label: 'Service starts', value: c.serviceStartDate },
		{ label: 'Brought to the counter', value: list(app.documentsPresented.map((d) => DOCUMENT_LABEL[d])) },
		{ label: 'Adults listed', value: list(app.listedAdults) }
	];
}

/** One person's Riverton records; counts limited to the policy window where the policy limits them. */
export function personRows(f: CreditFinding, c: Ctx): Row[] {
	const months = c.policy.deposit.historyMonths;
	const recent = (ds: readonly string[]) => ds.filter((d) => withinMonths(d, c.today, months));
	const disc = recent(f.disconnectionsForNonPayment);
	const returned = recent(f.returnedPayments);
	return [
		{ label: 'Unpaid Riverton balance', value: f.unpaidBalanceCents > 0 ? formatCents(f.unpaidBalanceCents) : 'none' },
		{ label: 'Write-offs', value: list(f.writeOffs.map((w) => `${formatCents(w.amountCents)} on ${w.date} (${w.paid ? 'paid since' : 'unpaid'})`)) },
		{ label: `Disconnections for non-payment, last ${months} months`, value: list(disc) },
		{ label: `Returned payments, last ${months} months`, value: returned.length ? `${returned.length}: ${returned.join(', ')}` : 'none' }
	];
}

export function premiseRows(c: Ctx): Row[] {
	const s = c.policy.deposit;
	const a = assessmentOf(c);
	const flag = a.premiseFlag;
	return [
		{ label: `Bills at the premise, last ${s.historyMonths} months`, value: String(billsInWindow(c.premise.bills, c.today, s).length) },
		{ label: `Premise disconnected, last ${s.historyMonths} months`, value: flag ? `${flag.date}, for ${flag.priorOccupant}’s debt` : 'no' },
		{ label: 'Own earlier Riverton accounts', value: list(c.priorAccounts.map((p) => `${p.accountNumber} (${p.openedOn} – ${p.closedOn ?? 'open'}, ${p.latePaymentDates.length} late)`)) },
		{ label: 'Letter of credit', value: letterText(c, a) }
	];
}

function letterText(c: Ctx, a: Assessment): string {
	const l = c.letterOfCredit;
	if (!l || !a.letter) return 'none presented';
	const s = c.policy.deposit;
	const base = `${l.utility}, dated ${l.issuedOn} (${a.letter.ageDays} days before the application), ${l.monthsCovered} months`;
	if (a.letter.ok) return `${base}: qualifies`;
	const why = {
		'too-old': `too old (must be dated within ${s.letterMaxAgeDays} days)`,
		'future-dated': 'dated after the application',
		'too-few-months': `fewer than ${s.letterOfCreditMonths} months`,
		'not-clean': 'shows a late payment, returned item or disconnection'
	}[a.letter.problem];
	return `${base}: does not qualify — ${why}`;
}

/** The policy amount with every input: each bill, the count, 2·sum/count rounded up, the minimum, doubling. */
export function computationRows(c: Ctx): Row[] {
	const s = c.policy.deposit;
	const a = assessmentOf(c);
	const st = a.standard;
	const bills = billsInWindow(c.premise.bills, c.today, s).sort((x, y) => (x.date < y.date ? -1 : 1));
	const rows: Row[] = bills.map((b) => ({ label: `Bill of ${b.date}`, value: formatCents(b.amountCents) }));
	if (bills.length === 0) rows.push({ label: 'Bills at the premise', value: `none in the last ${s.historyMonths} months` });
	if (st.basis === 'history') {
		const num = s.averageMultiplier * st.sumCents;
		const exact = (num - (num % st.billCount)) / st.billCount;
		rows.push(
			{ label: 'Bills counted', value: `${st.billCount} (last ${s.historyMonths} months)` },
			{ label: 'Sum of the bills', value: formatCents(st.sumCents) },
			{ label: `${s.averageMultiplier} × sum ÷ count`, value: `${s.averageMultiplier} × ${formatCents(st.sumCents)} ÷ ${st.billCount} = ${formatCents(exact)}${num % st.billCount ? '…' : ''}` },
			{ label: 'Rounded up to the dollar', value: formatCents(st.computedCents) }
		);
	} else {
		rows.push({ label: 'Bills counted', value: `${st.billCount}: fewer than ${s.minimumBillsForHistory}, so the no-history amount applies` }, { label: 'No-history amount', value: formatCents(st.computedCents) });
	}
	rows.push({ label: 'Minimum', value: `${formatCents(s.minimumCents)} — ${st.minimumApplied ? `applied: ${formatCents(st.standardCents)}` : 'met'}` });
	const items = a.badHistory.map((i) => `${i.person}: ${i.kind === 'write-off' ? 'write-off' : i.kind === 'disconnection' ? 'disconnection for non-payment' : 'returned payments'} ${i.date}`);
	rows.push({
		label: 'Bad history',
		value: a.doubles ? `${items.join('; ')} — × ${s.badHistoryMultiplier} = ${formatCents(a.amountCents)}` : items.length ? `${items.join('; ')} — older than ${s.historyMonths} months: not doubled, but no waiver` : 'none'
	});
	rows.push({ label: 'Policy deposit', value: `${formatCents(a.amountCents)} (${KIND_LABEL[a.kind]})` }, { label: 'Installments', value: installmentText(c, a.amountCents) });
	return rows;
}

export function installmentText(c: Ctx, amountCents: number): string {
	const s = c.policy.deposit;
	if (amountCents <= 0) return 'nothing to collect';
	if (!installmentsAllowed(amountCents, s)) return `not offered for ${formatCents(amountCents)} (only above ${formatCents(s.installmentAboveCents)}): collect it now`;
	const plan = installmentPlan(amountCents, c.serviceStartDate, c.billingCycleDay, s);
	return `${formatCents(plan.nowCents)} now (${s.installmentNowPercent} %), then ${plan.bills.map((b) => `${formatCents(b.amountCents)} on bill ${b.bill} (${b.date})`).join(' and ')}`;
}

export function waiverRows(c: Ctx): Row[] {
	const a = assessmentOf(c);
	const o = a.ownHistory;
	const ownWhy = o.ok
		? `qualifies: closed account ${o.accountNumber}`
		: { none: 'no earlier Riverton account', 'not-closed': `account ${o.accountNumber} is still open`, 'too-short': `account ${o.accountNumber} was open too short a time`, 'late-payment': `account ${o.accountNumber} had a late payment` }[o.problem];
	const app = c.application;
	const owner = a.ownerAutopay ? 'qualifies' : app.occupancy !== 'owner' ? 'not an owner' : 'owner, but not enrolling in ACH autopay';
	const rows: Row[] = [
		{ label: BASIS_LABEL['letter-of-credit'], value: letterText(c, a) },
		{ label: BASIS_LABEL['own-history'], value: ownWhy },
		{ label: BASIS_LABEL['owner-autopay'], value: owner }
	];
	if (a.waiversBlocked) rows.push({ label: 'Waivers', value: 'unavailable: bad history (see the computation)' });
	else rows.push({ label: 'Waiver that applies', value: a.waivers.length ? a.waivers.map((w) => BASIS_LABEL[w]).join(', ') : 'none: charge the policy deposit' });
	return rows;
}

/** The waiver basis in words for the letter and the side panel. */
export function basisText(c: Ctx, basis: WaiverBasis): string {
	const l = c.letterOfCredit;
	if (basis === 'letter-of-credit' && l) return `a letter of credit from ${l.utility} dated ${l.issuedOn} showing ${l.monthsCovered} consecutive months with no late payment, no returned item and no disconnection`;
	const o = assessmentOf(c).ownHistory;
	if (basis === 'own-history' && o.ok) return `your closed Riverton account ${o.accountNumber} with no late payment`;
	if (basis === 'owner-autopay') return 'you own the home and enrolled in ACH autopay';
	return BASIS_LABEL[basis].toLowerCase();
}

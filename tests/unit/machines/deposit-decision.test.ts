import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, type AnyMachineSnapshot } from 'xstate';
import {
	assessDeposit,
	depositDecisionMachine,
	depositDecisionRules,
	type DepositDecisionEvent,
	type DepositDecisionInput
} from '$machines/deposit-decision.machine';
import { whyNot } from '$machines/shared/rules';
import { listSteps } from '$machines/shared/steps';
import type { Actor } from '$machines/shared/types';
import { policy } from '$lib/policy/settings';
import { addDays, addMonths } from '$lib/domain/calendar';
import type { Bill, CreditFinding } from '$lib/domain/deposit';
import { formatCoverage, measureCoverage, type CoverageReport } from '$tests/fixtures/machine-coverage';

const csr1: Actor = { userId: 'u-csr1', level: 'csr1' };
const csr2: Actor = { userId: 'u-csr2', level: 'csr2' };
const sup: Actor = { userId: 'u-sup', level: 'supervisor' };
const today = '2026-11-02';
const at = Date.UTC(2026, 10, 2, 17, 0); // 9:00 am in Riverton

/** n monthly bills ending last month. */
const monthly = (...cents: number[]): Bill[] => cents.map((amountCents, i) => ({ date: addMonths('2026-10-15', -i), amountCents }));
const twelve = monthly(...Array(12).fill(15000)); // standard $300

const adultWriteOff: CreditFinding = {
	person: 'Ben Ruiz',
	relation: 'listed-adult',
	unpaidBalanceCents: 0,
	writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: false }],
	disconnectionsForNonPayment: [],
	returnedPayments: []
};

function makeInput(over: Partial<DepositDecisionInput> = {}): DepositDecisionInput {
	return {
		policy,
		today,
		accountNumber: '300-4411',
		serviceStartDate: today,
		billingCycleDay: 15,
		application: { applicantName: 'Ana Ruiz', occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: ['Ben Ruiz'], enrollingInAutopay: false },
		premise: { serviceAddress: '12 Elm St', bills: twelve, disconnectedForOthersDebt: null },
		credit: [],
		letterOfCredit: null,
		priorAccounts: [],
		...over
	};
}
const validLetter = { utility: 'Valley Power', issuedOn: addDays(today, -60), monthsCovered: 12, noLatePayments: true, noReturnedItems: true, noDisconnections: true };

const ev = {
	verified: (by: Actor = csr1, documents: ('photo-id' | 'lease' | 'landlord-form' | 'deed' | 'tax-notice')[] = ['photo-id', 'lease']) =>
		({ type: 'identity.verified', documents, at, by }) as const,
	denied: (reason = 'Debt not paid, customer declined a plan.', by: Actor = csr1) => ({ type: 'application.denied', reason, at, by }) as const,
	checked: (by: Actor = csr1) => ({ type: 'credit.checked', at, by }) as const,
	cleared: (moveInDate: string, by: Actor = csr1) => ({ type: 'priorOccupant.cleared', evidence: 'lease', moveInDate, at, by }) as const,
	matched: (debtCents = 8000, note = 'Same name and SSN on the old account.', by: Actor = csr1) => ({ type: 'priorOccupant.matched', debtCents, note, at, by }) as const,
	paid: (amountCents: number, receiptRef = 'R-1', by: Actor = csr1) => ({ type: 'debt.paid', amountCents, receiptRef, at, by }) as const,
	planned: (planRef = 'PLAN-9', by: Actor = csr2) => ({ type: 'debt.planned', planRef, at, by }) as const,
	charged: (amountCents: number, by: Actor = csr1) => ({ type: 'deposit.charged', amountCents, at, by }) as const,
	waiver: (basis: 'letter-of-credit' | 'own-history' | 'owner-autopay', by: Actor = csr2) => ({ type: 'waiver.applied', basis, at, by }) as const,
	exception: (amountCents: number, reason = 'Hardship: fire victim, approved by manager.', by: Actor = sup) =>
		({ type: 'exception.approved', amountCents, reason, at, by }) as const,
	referWaiver: (basis: 'letter-of-credit' | 'own-history' | 'owner-autopay', by: Actor = csr1) => ({ type: 'waiver.referred', basis, at, by }) as const,
	referException: (amountCents: number, reason = 'Hardship: house fire, staying with family.', by: Actor = csr1) =>
		({ type: 'exception.referred', amountCents, reason, at, by }) as const,
	withdraw: (by: Actor = csr1) => ({ type: 'referral.withdrawn', at, by }) as const,
	collected: (tender: 'cash' | 'check' | 'money-order' | 'card' = 'cash', by: Actor = csr1) => ({ type: 'deposit.collected', tender, at, by }) as const,
	installments: (tender: 'cash' | 'check' | 'money-order' | 'card' = 'cash', by: Actor = csr1) => ({ type: 'installments.set', tender, at, by }) as const,
	note: (note = 'Explained the deposit and the refund date.', by: Actor = csr1) => ({ type: 'note.written', note, at, by }) as const
};

function run(input: DepositDecisionInput, ...events: DepositDecisionEvent[]) {
	const a = createActor(depositDecisionMachine, { input }).start();
	for (const e of events) a.send(e);
	return a;
}
const why = (a: ReturnType<typeof run>, e: DepositDecisionEvent) => whyNot(a.getSnapshot(), e, depositDecisionRules);

describe('deposit decision machine', () => {
	it('charges the standard deposit, collects it now and notes the refund-eligibility date', () => {
		const a = run(makeInput(), ev.verified(), ev.checked());
		expect(a.getSnapshot().value).toBe('decide');
		expect(a.getSnapshot().context.assessment).toMatchObject({ kind: 'standard', amountCents: 30000, waivers: [], doubles: false });
		a.send(ev.charged(30000));
		a.send(ev.collected('check'));
		a.send(ev.note());
		const s = a.getSnapshot();
		expect(s.value).toBe('collected');
		expect(s.status).toBe('done');
		expect(s.context.refundEligibleOn).toBe('2027-11-15');
		const [deposit, payment, update, note] = s.context.effects;
		expect(deposit).toMatchObject({ type: 'ledger.post', kind: 'deposit', amountCents: 30000, accountNumber: '300-4411' });
		expect(payment).toMatchObject({ type: 'ledger.post', kind: 'payment', tender: 'check', amountCents: -30000 });
		expect(update).toEqual({ type: 'account.update', accountNumber: '300-4411', depositHeldCents: 30000 });
		expect(note).toMatchObject({ type: 'note.add', category: 'deposit' });
		expect(note.type === 'note.add' && note.body).toContain('2027-11-15');
		expect(note.type === 'note.add' && note.body).toContain('ceil(2 × $1,800.00 ÷ 12 bills)');
		expect(s.context.roles).toEqual({ csr: 'u-csr1', cashier: 'u-csr1' });
	});

	it('a valid letter of credit (F-17): charging is the critical error; a CSR II waives it', () => {
		const a = run(makeInput({ letterOfCredit: validLetter }), ev.verified(), ev.checked());
		expect(why(a, ev.charged(30000))).toMatchObject({ rule: 'waiver-applies', critical: 'deposit-waiver-misapplied' });
		a.send(ev.charged(30000));
		expect(a.getSnapshot().value).toBe('decide');
		a.send(ev.waiver('letter-of-credit'));
		a.send(ev.note());
		const s = a.getSnapshot();
		expect(s.value).toBe('waived');
		expect(s.context.decision).toMatchObject({ kind: 'waived', amountCents: 0, basis: 'letter-of-credit', by: 'u-csr2' });
		expect(s.context.effects.map((e) => e.type)).toEqual(['note.add']);
		expect(s.context.refundEligibleOn).toBeNull();
		expect(s.context.roles.approver).toBe('u-csr2');
	});

	it('a letter 61 days old (F-18) is refused as a waiver and the standard deposit is charged', () => {
		const a = run(makeInput({ letterOfCredit: { ...validLetter, issuedOn: addDays(today, -61) } }), ev.verified(), ev.checked());
		expect(why(a, ev.waiver('letter-of-credit'))).toMatchObject({ rule: 'letter-too-old' });
		expect(why(a, ev.waiver('letter-of-credit'))?.critical).toBeUndefined();
		a.send(ev.charged(30000));
		expect(a.getSnapshot().value).toBe('collect');
	});

	it('a listed adult with a write-off (F-19): pay or plan first, then the doubled deposit, no waiver', () => {
		const a = run(makeInput({ credit: [adultWriteOff], letterOfCredit: validLetter }), ev.verified(), ev.checked());
		expect(a.getSnapshot().value).toBe('resolveDebt');
		expect(why(a, ev.charged(60000))?.rule).toBe('out-of-order');
		expect(why(a, ev.paid(40999))).toMatchObject({ rule: 'debt-not-covered' });
		expect(why(a, ev.paid(40999))?.reason).toContain('$410.00');
		a.send(ev.paid(41000, 'R-77'));
		expect(a.getSnapshot().value).toBe('decide');
		expect(why(a, ev.waiver('letter-of-credit'))).toMatchObject({ rule: 'bad-history-no-waiver', critical: 'deposit-waiver-misapplied' });
		expect(why(a, ev.charged(30000))).toMatchObject({ rule: 'deposit-amount-wrong' });
		expect(why(a, ev.charged(30000))?.reason).toContain('$600.00');
		a.send(ev.charged(60000));
		a.send(ev.installments('cash'));
		a.send(ev.note());
		const s = a.getSnapshot();
		expect(s.value).toBe('installments');
		expect(s.context.decision).toMatchObject({ kind: 'doubled', amountCents: 60000 });
		expect(s.context.collection).toMatchObject({ mode: 'installments', nowCents: 30000 });
		expect(s.context.collection?.installments.map((i) => [i.amountCents, i.date])).toEqual([
			[15000, '2026-11-15'],
			[15000, '2026-12-15']
		]);
		expect(s.context.effects.find((e) => e.type === 'account.update')).toMatchObject({ depositHeldCents: 30000 });
		const note = s.context.effects.at(-1);
		expect(note?.type === 'note.add' && note.body).toContain('Prior debt paid: $410.00, receipt R-77');
	});

	it('unpaid debt neither paid nor on a plan ends in denial with a note', () => {
		const a = run(makeInput({ credit: [adultWriteOff] }), ev.verified(), ev.checked());
		expect(why(a, ev.denied('  '))?.rule).toBe('reason-required');
		a.send(ev.denied());
		const s = a.getSnapshot();
		expect(s.value).toBe('denied');
		expect(s.context.denial).toMatchObject({ step: 'resolveDebt' });
		expect(s.context.effects).toHaveLength(1);
		expect(s.context.effects[0]).toMatchObject({ type: 'note.add' });
	});

	it('a payment plan for the debt lets the decision proceed', () => {
		const a = run(makeInput({ credit: [adultWriteOff] }), ev.verified(), ev.checked(), ev.planned(' '));
		expect(a.getSnapshot().value).toBe('resolveDebt');
		a.send(ev.planned('PLAN-9'));
		expect(a.getSnapshot().value).toBe('decide');
		expect(a.getSnapshot().context.debtResolution).toEqual({ how: 'plan', ref: 'PLAN-9' });
	});

	it('a premise disconnected for a prior occupant (F-20): confirm by move-in date, then proceed normally', () => {
		const flagged = makeInput({ premise: { serviceAddress: '12 Elm St', bills: twelve, disconnectedForOthersDebt: { date: '2026-08-20', priorOccupant: 'Carl Diaz' } } });
		const a = run(flagged, ev.verified(), ev.checked());
		expect(a.getSnapshot().value).toBe('confirmPriorOccupant');
		expect(why(a, ev.charged(30000))?.rule).toBe('out-of-order');
		expect(why(a, ev.cleared('2026-08-20'))).toMatchObject({ rule: 'prior-occupant-not-excluded' });
		a.send(ev.cleared('2026-08-21'));
		expect(a.getSnapshot().value).toBe('decide');
		expect(assessDeposit(a.getSnapshot().context)).toMatchObject({ kind: 'standard', amountCents: 30000 });
	});

	it('an applicant who is that prior occupant owes the debt and has bad history', () => {
		const flagged = makeInput({ premise: { serviceAddress: '12 Elm St', bills: twelve, disconnectedForOthersDebt: { date: '2026-08-20', priorOccupant: 'Ana Ruiz' } } });
		const a = run(flagged, ev.verified(), ev.checked(), ev.matched(8000));
		expect(a.getSnapshot().value).toBe('resolveDebt');
		a.send(ev.paid(8000));
		expect(a.getSnapshot().context.assessment).toMatchObject({ doubles: true, amountCents: 60000 });
	});

	it('a disconnection for a prior occupant more than 12 months ago needs no confirmation', () => {
		const old = makeInput({ premise: { serviceAddress: '12 Elm St', bills: twelve, disconnectedForOthersDebt: { date: addMonths(today, -12), priorOccupant: 'Carl Diaz' } } });
		expect(run(old, ev.verified(), ev.checked()).getSnapshot().value).toBe('decide');
	});

	it('fewer than 3 bills (F-21) charges the no-history amount', () => {
		const a = run(makeInput({ premise: { serviceAddress: '12 Elm St', bills: monthly(9000, 9000), disconnectedForOthersDebt: null } }), ev.verified(), ev.checked());
		expect(a.getSnapshot().context.assessment).toMatchObject({ kind: 'no-history', amountCents: 20000 });
		expect(why(a, ev.charged(18000))?.reason).toContain('no-history amount $200.00');
		a.send(ev.charged(20000));
		expect(a.getSnapshot().value).toBe('collect');
	});

	it('owner-occupant enrolling in ACH autopay is waived and the account set to autopay; a tenant is not', () => {
		const owner = makeInput({ application: { ...makeInput().application, occupancy: 'owner', documentsPresented: ['photo-id', 'deed'], enrollingInAutopay: true } });
		expect(why(run(owner), ev.verified(csr1, ['photo-id', 'lease']))?.rule).toBe('document-not-presented');
		const a = run(owner, ev.verified(csr1, ['photo-id', 'deed']), ev.checked(), ev.waiver('owner-autopay'), ev.note());
		expect(a.getSnapshot().value).toBe('waived');
		expect(a.getSnapshot().context.effects[0]).toEqual({ type: 'account.update', accountNumber: '300-4411', autopay: true });
		const tenant = run(makeInput({ application: { ...makeInput().application, enrollingInAutopay: true } }), ev.verified(), ev.checked());
		expect(why(tenant, ev.waiver('owner-autopay'))?.rule).toBe('owner-autopay-not-eligible');
	});

	it('own Riverton history waives; an account with a late payment does not', () => {
		const clean = makeInput({ priorAccounts: [{ accountNumber: '100-1', openedOn: '2021-01-05', closedOn: '2025-06-30', latePaymentDates: [] }] });
		expect(run(clean, ev.verified(), ev.checked(), ev.waiver('own-history')).getSnapshot().value).toBe('document');
		const late = makeInput({ priorAccounts: [{ accountNumber: '100-1', openedOn: '2021-01-05', closedOn: '2025-06-30', latePaymentDates: ['2024-02-10'] }] });
		expect(why(run(late, ev.verified(), ev.checked()), ev.waiver('own-history'))?.rule).toBe('own-history-not-eligible');
	});

	it('a supervisor exception outside policy needs a reason and whole dollars; it can waive or charge', () => {
		const a = run(makeInput({ credit: [{ ...adultWriteOff, writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: true }] }] }), ev.verified(), ev.checked());
		expect(why(a, ev.exception(0, ''))?.rule).toBe('exception-reason-required');
		expect(why(a, ev.exception(5050))?.rule).toBe('exception-amount-invalid');
		a.send(ev.exception(0));
		a.send(ev.note());
		expect(a.getSnapshot().value).toBe('waived');
		expect(a.getSnapshot().context.decision).toMatchObject({ kind: 'exception', amountCents: 0, by: 'u-sup' });
		expect(a.getSnapshot().context.roles.supervisor).toBe('u-sup');
		const b = run(makeInput(), ev.verified(), ev.checked(), ev.exception(5000), ev.collected(), ev.note());
		expect(b.getSnapshot().value).toBe('collected');
		expect(b.getSnapshot().context.effects[0]).toMatchObject({ kind: 'deposit', amountCents: 5000 });
	});

	it('a CSR I refers the waiver: the run waits on a CSR II, who applies it; the note names them', () => {
		const a = run(makeInput({ letterOfCredit: validLetter }), ev.verified(), ev.checked());
		// Referring a waiver that does not qualify is refused with the same reason as applying it.
		expect(why(a, ev.referWaiver('owner-autopay'))?.rule).toBe('owner-autopay-not-eligible');
		a.send(ev.referWaiver('letter-of-credit'));
		let s = a.getSnapshot();
		expect(s.value).toBe('approveWaiver');
		expect(s.hasTag('needsSecondPerson')).toBe(true);
		expect(s.context.referral).toEqual({ kind: 'waiver', basis: 'letter-of-credit', by: 'u-csr1' });
		expect(why(a, ev.charged(30000))?.rule).toBe('out-of-order');
		a.send(ev.waiver('letter-of-credit', { ...csr2, name: 'Morgan Ellis' }));
		a.send(ev.note());
		s = a.getSnapshot();
		expect(s.value).toBe('waived');
		expect(s.context.decision).toMatchObject({ kind: 'waived', by: 'u-csr2', byName: 'Morgan Ellis' });
		expect(s.context.roles).toMatchObject({ csr: 'u-csr1', approver: 'u-csr2' });
		const note = s.context.effects.at(-1);
		expect(note?.type === 'note.add' && note.body).toContain('letter of credit from Valley Power dated 2026-09-03) by Morgan Ellis.');
	});

	it('a referral can be withdrawn; bad history refuses a referred waiver as the critical error', () => {
		const a = run(makeInput({ letterOfCredit: validLetter }), ev.verified(), ev.checked(), ev.referWaiver('letter-of-credit'), ev.withdraw());
		expect(a.getSnapshot().value).toBe('decide');
		expect(a.getSnapshot().context.referral).toBeNull();
		const bad = run(makeInput({ credit: [{ ...adultWriteOff, writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: true }] }], letterOfCredit: validLetter }), ev.verified(), ev.checked());
		expect(why(bad, ev.referWaiver('letter-of-credit'))).toMatchObject({ rule: 'bad-history-no-waiver', critical: 'deposit-waiver-misapplied' });
	});

	it('a requested exception waits on a supervisor, who approves it as requested', () => {
		const a = run(makeInput(), ev.verified(), ev.checked());
		expect(why(a, ev.referException(15050))?.rule).toBe('exception-amount-invalid');
		expect(why(a, ev.referException(15000, ' '))?.rule).toBe('exception-reason-required');
		a.send(ev.referException(15000));
		expect(a.getSnapshot().value).toBe('approveException');
		expect(a.getSnapshot().context.referral).toMatchObject({ kind: 'exception', amountCents: 15000 });
		a.send(ev.exception(15000, 'Hardship: house fire, staying with family.'));
		expect(a.getSnapshot().value).toBe('collect');
		expect(a.getSnapshot().context.decision).toMatchObject({ kind: 'exception', amountCents: 15000, by: 'u-sup' });
		const waive = run(makeInput(), ev.verified(), ev.checked(), ev.referException(0), ev.exception(0));
		expect(waive.getSnapshot().value).toBe('document');
	});

	it('verifies identity and right to occupy before anything else', () => {
		const a = run(makeInput());
		expect(why(a, ev.checked())?.rule).toBe('out-of-order');
		expect(why(a, ev.verified(csr1, ['lease']))?.rule).toBe('identity-not-shown');
		expect(why(a, ev.verified(csr1, ['photo-id']))?.rule).toBe('right-to-occupy-not-shown');
		expect(why(a, ev.denied())?.rule).toBe('documents-sufficient');
		const noLease = run(makeInput({ application: { ...makeInput().application, documentsPresented: ['photo-id'] } }), ev.denied('No lease or landlord form; will return.'));
		expect(noLease.getSnapshot().value).toBe('denied');
		expect(noLease.getSnapshot().context.denial?.step).toBe('identify');
	});

	it('refuses a wrong tender and requires a note', () => {
		const a = run(makeInput(), ev.verified(), ev.checked(), ev.charged(30000));
		expect(why(a, { ...ev.collected(), tender: 'ach' as never })?.rule).toBe('tender-not-accepted');
		a.send(ev.collected());
		expect(why(a, ev.note(' '))?.rule).toBe('note-required');
	});

	it('declares step meta for every step, with waivers at CSR II and exceptions at supervisor', () => {
		const steps = listSteps(depositDecisionMachine);
		expect(steps.map((s) => s.id)).toEqual(['identify', 'creditCheck', 'confirmPriorOccupant', 'resolveDebt', 'decide', 'approveWaiver', 'approveException', 'collect', 'document']);
		const decide = steps.find((s) => s.id === 'decide')!;
		expect(decide.authority?.['deposit.charged']?.minLevel).toBe('csr1');
		expect(decide.authority?.['waiver.applied']?.minLevel).toBe('csr2');
		expect(decide.authority?.['exception.approved']?.minLevel).toBe('supervisor');
		expect(decide.authority?.['waiver.referred']?.minLevel).toBe('csr1');
		// A referred waiver or exception waits on a second person with the authority for it.
		const approveWaiver = steps.find((s) => s.id === 'approveWaiver')!;
		expect(approveWaiver).toMatchObject({ needsSecondPerson: true, authority: { 'waiver.applied': { minLevel: 'csr2', secondPerson: true } } });
		const approveException = steps.find((s) => s.id === 'approveException')!;
		expect(approveException).toMatchObject({ needsSecondPerson: true, authority: { 'exception.approved': { minLevel: 'supervisor', secondPerson: true } } });
		const outcomes = Object.values(depositDecisionMachine.root.states)
			.filter((n) => n.type === 'final')
			.map((n) => (n.meta as { outcome: string }).outcome);
		expect(outcomes).toEqual(['denied', 'waived', 'deposit-collected', 'installments-set']);
	});
});

describe('deposit decision boundaries', () => {
	const decideWith = (over: Partial<DepositDecisionInput>) => run(makeInput(over), ev.verified(), ev.checked());
	const withBills = (bills: Bill[], credit: CreditFinding[] = []) => decideWith({ premise: { serviceAddress: '12 Elm St', bills, disconnectedForOthersDebt: null }, credit });
	const badAdult: CreditFinding = { ...adultWriteOff, writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: true }] };

	it.each([
		[60, 'document', null],
		[61, 'decide', 'letter-too-old']
	])('letter of credit %i days old → %s', (age, state, rule) => {
		const a = decideWith({ letterOfCredit: { ...validLetter, issuedOn: addDays(today, -age) } });
		expect(why(a, ev.waiver('letter-of-credit'))?.rule ?? null).toBe(rule);
		a.send(ev.waiver('letter-of-credit'));
		expect(a.getSnapshot().value).toBe(state);
	});

	it.each([
		{ label: 'ceil(2·sum/count), bills $100.01, $100.01, $100.02 (not a rounded average)', bills: monthly(10001, 10001, 10002), credit: [], amount: 20100, wrong: [20000, 20200] },
		{ label: 'standard $80 → $100 minimum', bills: monthly(4000, 4000, 4000), credit: [], amount: 10000, wrong: [8000] },
		{ label: 'minimum before doubling: $80 → $100 → $200', bills: monthly(4000, 4000, 4000), credit: [badAdult], amount: 20000, wrong: [16000, 10000] },
		{ label: 'no-history doubled', bills: monthly(15000, 15000), credit: [badAdult], amount: 40000, wrong: [20000, 30000] },
		{ label: 'exactly 2 bills → no-history', bills: monthly(15000, 15000), credit: [], amount: 20000, wrong: [30000] },
		{ label: 'exactly 3 bills → history', bills: monthly(15000, 15000, 15000), credit: [], amount: 30000, wrong: [20000] }
	])('$label: $amount cents accepted', ({ bills, credit, amount, wrong }) => {
		const a = withBills(bills, credit);
		for (const w of wrong) expect(why(a, ev.charged(w))?.rule).toBe('deposit-amount-wrong');
		expect(why(a, ev.charged(amount))).toBeNull();
	});

	it.each([
		['12 months ago to the day', addMonths(today, -12), 30000, false],
		['one day later', addDays(addMonths(today, -12), 1), 60000, true]
	])('applicant disconnected for non-payment %s', (_label, date, amount, blocksWaiver) => {
		const credit: CreditFinding[] = [{ person: 'Ana Ruiz', relation: 'applicant', unpaidBalanceCents: 0, writeOffs: [], disconnectionsForNonPayment: [date], returnedPayments: [] }];
		const a = decideWith({ credit, letterOfCredit: validLetter });
		expect(a.getSnapshot().context.assessment?.amountCents).toBe(amount);
		expect(why(a, ev.waiver('letter-of-credit'))?.critical === 'deposit-waiver-misapplied').toBe(blocksWaiver);
	});

	it.each([
		['$100.00: collect now only', monthly(5000, 5000, 5000), 10000, 'installments-not-offered'],
		['$101.00: installments offered', monthly(5050, 5050, 5050), 10100, null]
	])('%s', (_label, bills, amount, rule) => {
		const a = withBills(bills);
		a.send(ev.charged(amount));
		expect(why(a, ev.installments())?.rule ?? null).toBe(rule);
		expect(why(a, ev.collected())).toBeNull();
	});
});

/**
 * Coverage of several inputs merged: a state or transition counts when any input reaches it; a guard
 * counts when some input sees both outcomes, or the inputs together see both.
 */
function mergeCoverage(reports: CoverageReport[], guardNames: string[]): CoverageReport {
	const common = (pick: (r: CoverageReport) => string[]) => pick(reports[0]).filter((m) => reports.every((r) => pick(r).includes(m)));
	const uncovered = guardNames.filter((name) => {
		const entries = reports.map((r) => r.guards.missing.find((m) => m.startsWith(`${name} (`)));
		if (entries.some((m) => m === undefined)) return false;
		const seen = new Set(entries.flatMap((m) => (/\(seen: (.*)\)$/.exec(m!)?.[1] ?? '').split(', ').filter((x) => x === 'true' || x === 'false')));
		return seen.size < 2;
	});
	const states = common((r) => r.states.missing);
	const transitions = common((r) => r.transitions.missing);
	const [first] = reports;
	return {
		paths: reports.reduce((a, r) => a + r.paths, 0),
		states: { total: first.states.total, reached: first.states.total - states.length, missing: states },
		transitions: { total: first.transitions.total, taken: first.transitions.total - transitions.length, missing: transitions },
		guards: { total: first.guards.total, bothOutcomes: first.guards.total - uncovered.length, missing: uncovered }
	};
}

describe('deposit decision model-based coverage', () => {
	it('paths over four applications reach every state, transition and guard outcome', () => {
		const people = [csr1, csr2, sup];
		const events = (): DepositDecisionEvent[] =>
			people.flatMap((by): DepositDecisionEvent[] => [ev.verified(by), ev.verified(by, ['photo-id']), ev.denied('reason', by), ev.denied('', by), ev.checked(by)]).concat([
				ev.cleared('2026-08-20'),
				ev.cleared('2026-08-21'),
				ev.matched(8000),
				ev.matched(0),
				ev.paid(40999),
				ev.paid(41000),
				ev.planned(''),
				ev.planned('PLAN-1'),
				ev.charged(30000),
				ev.charged(20000),
				ev.waiver('letter-of-credit'),
				ev.waiver('owner-autopay', csr1),
				ev.referWaiver('letter-of-credit'),
				ev.referException(0),
				ev.referException(5050),
				ev.withdraw(),
				ev.exception(0),
				ev.exception(10000),
				ev.exception(30000),
				ev.exception(5050),
				ev.collected(),
				{ ...ev.collected(), tender: 'ach' as never },
				ev.installments(),
				{ ...ev.installments(), tender: 'ach' as never },
				ev.note(),
				ev.note('')
			]);
		const serializeState = (s: AnyMachineSnapshot) => {
			const c = s.context as ReturnType<typeof run>['getSnapshot'] extends () => { context: infer C } ? C : never;
			return JSON.stringify([s.value, c.priorOccupant?.status, c.debtResolution?.how, c.decision?.kind, c.decision?.amountCents, c.collection?.mode]);
		};
		const flaggedWithDebt = makeInput({
			credit: [adultWriteOff],
			premise: { serviceAddress: '12 Elm St', bills: twelve, disconnectedForOthersDebt: { date: '2026-08-20', priorOccupant: 'Carl Diaz' } }
		});
		const inputs = [
			makeInput(),
			makeInput({ letterOfCredit: validLetter }),
			flaggedWithDebt,
			makeInput({ application: { ...makeInput().application, documentsPresented: ['photo-id'] } })
		];
		const reports = inputs.map((input) => measureCoverage(depositDecisionMachine, { input, events, serializeState }));
		const merged = mergeCoverage(reports, Object.keys(depositDecisionRules));
		expect(merged.guards.total).toBe(Object.keys(depositDecisionRules).length);
		console.info(formatCoverage('depositDecision (4 inputs merged)', merged));
		// Transient decision states (only `always`) are passed through inside one macrostep, so no snapshot
		// shows them; their entry is proven by their `always` transitions, which must all be taken (below).
		const EXCEPTIONS = ['depositDecision.routePremise', 'depositDecision.routeDebt', 'depositDecision.finish'];
		expect(merged.states.missing.filter((m) => !EXCEPTIONS.includes(m))).toEqual([]);
		expect(merged.transitions.missing.filter((m) => !EXCEPTIONS.includes(m))).toEqual([]);
		expect(merged.guards.missing.filter((m) => !EXCEPTIONS.includes(m))).toEqual([]);
	});
});

describe('deposit decision persistence', () => {
	it('a snapshot survives JSON and answers can() the same way', () => {
		const input = makeInput({ credit: [adultWriteOff], letterOfCredit: validLetter });
		const a = run(input, ev.verified(), ev.checked(), ev.paid(41000));
		const restored = createActor(depositDecisionMachine, { snapshot: JSON.parse(JSON.stringify(a.getPersistedSnapshot())), input }).start();
		const probes: DepositDecisionEvent[] = [
			ev.charged(30000), ev.charged(60000), ev.waiver('letter-of-credit'), ev.exception(0), ev.collected(), ev.note()];
		expect(restored.getSnapshot().value).toBe(a.getSnapshot().value);
		expect(probes.map((p) => restored.getSnapshot().can(p))).toEqual(probes.map((p) => a.getSnapshot().can(p)));
		a.send(ev.charged(60000));
		restored.send(ev.charged(60000));
		expect(restored.getSnapshot().value).toBe('collect');
		expect(restored.getSnapshot().context).toEqual(a.getSnapshot().context);
	});
});

describe('deposit decision properties', () => {
	const actorArb = fc.constantFrom(csr1, csr2, sup);
	const dateArb = fc.integer({ min: -500, max: 30 }).map((d) => addDays(today, d));
	const eventArb: fc.Arbitrary<DepositDecisionEvent> = fc.oneof(
		fc.record({ type: fc.constant('identity.verified' as const), documents: fc.subarray(['photo-id', 'lease', 'landlord-form', 'deed', 'tax-notice'] as const).map((d) => [...d]) }),
		fc.record({ type: fc.constant('application.denied' as const), reason: fc.constantFrom('', 'no plan', '  ') }),
		fc.record({ type: fc.constant('credit.checked' as const) }),
		fc.record({ type: fc.constant('priorOccupant.cleared' as const), evidence: fc.constantFrom('lease', 'move-in-date', 'hearsay') as fc.Arbitrary<'lease'>, moveInDate: fc.oneof(dateArb, fc.constant('soon')) }),
		fc.record({ type: fc.constant('priorOccupant.matched' as const), debtCents: fc.oneof(fc.integer({ min: -100, max: 100000 }), fc.double()), note: fc.constantFrom('', 'same person') }),
		fc.record({ type: fc.constant('debt.paid' as const), amountCents: fc.oneof(fc.integer({ min: -100, max: 100000 }), fc.double()), receiptRef: fc.constantFrom('', 'R-1') }),
		fc.record({ type: fc.constant('debt.planned' as const), planRef: fc.constantFrom('', 'P-1') }),
		fc.record({ type: fc.constant('deposit.charged' as const), amountCents: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constantFrom(10000, 20000, 30000, 40000, 60000), fc.double()) }),
		fc.record({ type: fc.constant('waiver.applied' as const), basis: fc.constantFrom('letter-of-credit', 'own-history', 'owner-autopay', 'charm') as fc.Arbitrary<'own-history'> }),
		fc.record({ type: fc.constant('exception.approved' as const), amountCents: fc.oneof(fc.integer({ min: -200, max: 50000 }), fc.constantFrom(0, 5000, 15000), fc.double()), reason: fc.constantFrom('', 'hardship') }),
		fc.record({ type: fc.constant('waiver.referred' as const), basis: fc.constantFrom('letter-of-credit', 'own-history', 'owner-autopay', 'charm') as fc.Arbitrary<'own-history'> }),
		fc.record({ type: fc.constant('exception.referred' as const), amountCents: fc.oneof(fc.constantFrom(0, 5000, 15050), fc.double()), reason: fc.constantFrom('', 'hardship') }),
		fc.record({ type: fc.constant('referral.withdrawn' as const) }),
		fc.record({ type: fc.constant('deposit.collected' as const), tender: fc.constantFrom('cash', 'card', 'ach') as fc.Arbitrary<'cash'> }),
		fc.record({ type: fc.constant('installments.set' as const), tender: fc.constantFrom('cash', 'card', 'ach') as fc.Arbitrary<'cash'> }),
		fc.record({ type: fc.constant('note.written' as const), note: fc.constantFrom('', 'done') })
	).chain((e) => actorArb.map((by) => ({ ...e, at, by }) as DepositDecisionEvent));

	const findingArb: fc.Arbitrary<CreditFinding> = fc.record({
		person: fc.constantFrom('Ana Ruiz', 'Ben Ruiz'),
		relation: fc.constantFrom('applicant', 'listed-adult') as fc.Arbitrary<'applicant' | 'listed-adult'>,
		unpaidBalanceCents: fc.constantFrom(0, 0, 5000),
		writeOffs: fc.array(fc.record({ date: dateArb, amountCents: fc.integer({ min: 1, max: 90000 }), paid: fc.boolean() }), { maxLength: 1 }),
		disconnectionsForNonPayment: fc.array(dateArb, { maxLength: 2 }),
		returnedPayments: fc.array(dateArb, { maxLength: 3 })
	});
	const inputArb: fc.Arbitrary<DepositDecisionInput> = fc.record({
		bills: fc.array(fc.record({ date: dateArb, amountCents: fc.integer({ min: 0, max: 60000 }) }), { maxLength: 14 }),
		credit: fc.array(findingArb, { maxLength: 2 }),
		letterAge: fc.option(fc.integer({ min: -2, max: 90 })),
		occupancy: fc.constantFrom('tenant', 'owner') as fc.Arbitrary<'tenant' | 'owner'>,
		autopay: fc.boolean(),
		flagged: fc.option(dateArb)
	}).map((r) =>
		makeInput({
			premise: { serviceAddress: '12 Elm St', bills: r.bills, disconnectedForOthersDebt: r.flagged ? { date: r.flagged, priorOccupant: 'Carl Diaz' } : null },
			credit: r.credit,
			letterOfCredit: r.letterAge === null ? null : { ...validLetter, issuedOn: addDays(today, -r.letterAge) },
			application: {
				applicantName: 'Ana Ruiz',
				occupancy: r.occupancy,
				documentsPresented: ['photo-id', 'lease', 'deed'],
				listedAdults: ['Ben Ruiz'],
				enrollingInAutopay: r.autopay
			}
		})
	);

	it('random applications and event sequences never throw and keep the deposit whole-dollar, ≥ minimum unless waived, doubled ≥ $200, never misapplied', () => {
		const min = policy.deposit.minimumCents;
		fc.assert(
			fc.property(inputArb, fc.array(eventArb, { maxLength: 14 }), (input, events) => {
				const a = createActor(depositDecisionMachine, { input }).start();
				for (const e of events) {
					expect(() => whyNot(a.getSnapshot(), e, depositDecisionRules)).not.toThrow();
					a.send(e);
					const c = a.getSnapshot().context;
					const d = c.decision;
					if (!d) continue;
					const assessed = assessDeposit(c);
					if (d.kind === 'standard' || d.kind === 'no-history' || d.kind === 'doubled') {
						expect(d.amountCents % 100).toBe(0);
						expect(d.amountCents).toBeGreaterThanOrEqual(min);
						expect(assessed.waivers).toEqual([]);
						if (d.kind === 'doubled') expect(d.amountCents).toBeGreaterThanOrEqual(Math.max(2 * min, 20000));
					}
					if (d.kind === 'waived') expect(assessed.badHistory).toEqual([]);
					for (const eff of c.effects) if (eff.type === 'ledger.post' && eff.kind === 'deposit') expect(eff.amountCents).toBe(d.amountCents);
				}
				expect(a.getSnapshot().status).not.toBe('error');
			}),
			{ numRuns: 300 }
		);
	});

	it('random applications: the policy deposit is whole dollars, at least the minimum, doubled at least $200', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const r = assessDeposit({ ...input, priorOccupant: null });
				expect(r.amountCents % 100).toBe(0);
				expect(r.amountCents).toBeGreaterThanOrEqual(policy.deposit.minimumCents);
				if (r.doubles) expect(r.amountCents).toBeGreaterThanOrEqual(20000);
				if (r.waiversBlocked) expect(r.waivers).toEqual([]);
			})
		);
	});
});

/**
 * A supervised CSR II leads a small lock-off day where three exclusions are on paper, not in the
 * system: yesterday's signed payment plan (F-24), a dispute form whose undisputed part was paid
 * (F-25), and an after-hours phone payment that missed the overnight file (F-22 variant). Each must be
 * recorded before its account is pulled; the rest of the list goes out as usual.
 */
import type { PathStep, Scenario } from '../schema';
import { cents, lockoffDay, money } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { acct, approveAndDispatch, cleanFacts, completed, dispatchedOrLocked, households, keep, opening, pull, reconcile, refsOf, SUPERVISING_SENIOR, unable } from './parts';

const ROLES = ['f22', 'f24', 'f25', 'clean1', 'clean2', 'clean3'] as const;
type Fault = 'f22' | 'f24' | 'f25';

const record: Record<Fault, PathStep> = {
	f22: { do: { type: 'payment.received', accountNumber: acct('f22'), ref: { $ref: 'refs.phoneRef' }, amountCents: { $ref: 'refs.phoneCents' } } },
	f24: { do: { type: 'exclusion.recorded', accountNumber: acct('f24'), code: 'PLAN', memo: { $ref: 'refs.planMemo' } } },
	f25: { do: { type: 'exclusion.recorded', accountNumber: acct('f25'), code: 'DISPUTE', memo: { $ref: 'refs.disputeMemo' } } }
};
const CODE: Record<Fault, string> = { f22: 'PAID', f24: 'PLAN', f25: 'DISPUTE' };
const FAULTS: Fault[] = ['f22', 'f24', 'f25'];
const ITEM: Record<Fault, string> = { f22: 'phone-slip', f24: 'plan', f25: 'dispute' };
const crews: PathStep[] = [{ advance: 'crews' }, completed('clean1'), unable('clean2', 'Customer at the door with a receipt from another office; crew called in'), completed('clean3')];

/** The day with one paper item overlooked (null: none). */
function day(missed: Fault | null): PathStep[] {
	const found = FAULTS.filter((f) => f !== missed);
	return [
		...opening,
		...found.flatMap((f) => [{ inspect: ITEM[f] }, record[f]] as PathStep[]),
		...found.map((f) => pull(f, CODE[f])),
		...(missed ? [keep(missed)] : []),
		keep('clean1'),
		keep('clean2'),
		keep('clean3'),
		...approveAndDispatch('dana'),
		crews[0],
		...(missed ? [completed(missed)] : []),
		...crews.slice(1),
		reconcile
	];
}

export default {
	id: 'lo-paper-tray',
	version: 1,
	title: 'Lock-off day: what is in the paper tray',
	procedure: 'lockoff-day',
	level: 'csr2',
	brief:
		'You are a CSR II leading lock-off day with Maria Ortiz (senior) supervising. Six accounts are on the list. The counter’s paper tray from yesterday afternoon has not been keyed yet, and the after-hours phone line took a payment. Review the list, get Dana Whitfield’s approval, dispatch and close the day.',
	objectives: ['Key what is on paper before reviewing the list', 'Recognise a plan in good standing and a dispute with the undisputed part paid', 'Pull each protected or paid account with its reason code'],
	competencies: ['C-LOCKOFF'],
	persona: null,
	colleagues: [
		SUPERVISING_SENIOR,
		{ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'supervisor', acts: { 'list.approved': { type: 'list.approved' } } }
	],
	faults: [
		{
			id: 'F-22',
			title: 'An after-hours phone payment not in the overnight file',
			found: { all: [{ event: 'payment.received', where: { accountNumber: acct('f22') } }, { event: 'account.pulled', where: { accountNumber: acct('f22'), code: 'PAID' } }] },
			correctMove: 'Record the phone payment with its confirmation number; the past-due is cleared, so pull the account as PAID.',
			policyRef: '§5 Exclusions (PAID)'
		},
		{
			id: 'F-24',
			title: 'A payment plan signed yesterday, in good standing',
			found: { all: [{ event: 'exclusion.recorded', where: { accountNumber: acct('f24'), code: 'PLAN' } }, { event: 'account.pulled', where: { accountNumber: acct('f24'), code: 'PLAN' } }] },
			correctMove: 'Key the signed plan (down payment made, first installment not yet due) and pull the account as PLAN.',
			policyRef: '§5 Exclusions (PLAN); §7 Payment plan'
		},
		{
			id: 'F-25',
			title: 'A pending dispute with the undisputed part paid',
			found: { all: [{ event: 'exclusion.recorded', where: { accountNumber: acct('f25'), code: 'DISPUTE' } }, { event: 'account.pulled', where: { accountNumber: acct('f25'), code: 'DISPUTE' } }] },
			correctMove: 'Record the dispute (case number, undisputed amount paid) and pull the account as DISPUTE.',
			policyRef: '§5 Exclusions (DISPUTE)'
		}
	],
	expected: [
		{ id: 'paid-pulled', label: 'The phone payer was pulled as PAID', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f22'), code: 'PAID' } }, policyRef: '§5 Exclusions' },
		{ id: 'plan-pulled', label: 'The plan was keyed and the account pulled as PLAN', check: { all: [{ effect: 'protection.add', where: { accountNumber: acct('f24'), kind: 'plan' } }, { effect: 'lockoffList.pull', where: { accountNumber: acct('f24'), code: 'PLAN' } }] }, policyRef: '§5 Exclusions' },
		{ id: 'dispute-pulled', label: 'The dispute was recorded and the account pulled as DISPUTE', check: { all: [{ effect: 'protection.add', where: { accountNumber: acct('f25'), kind: 'dispute' } }, { effect: 'lockoffList.pull', where: { accountNumber: acct('f25'), code: 'DISPUTE' } }] }, policyRef: '§5 Exclusions' },
		{ id: 'reconciled', label: 'Every result recorded and the day reconciled', check: { outcome: ['reconciled'] }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [{ id: 'inbox-before-review', description: 'Apply the overnight payment inbox before reviewing the list.', policyRef: '§5 Lock-off day' }],
	documentation: [
		{ id: 'phone-ref', label: 'The phone payment is recorded with its confirmation number', check: { event: 'payment.received', where: { accountNumber: acct('f22'), ref: { $ref: 'refs.phoneRef' } } }, policyRef: '§1 Account notes' },
		{ id: 'plan-ref', label: 'The plan is recorded with its agreement number', check: { event: 'exclusion.recorded', where: { accountNumber: acct('f24'), memo: { contains: { $ref: 'refs.planRef' } } } }, policyRef: '§1 Account notes' },
		{ id: 'dispute-ref', label: 'The dispute is recorded with its case number', check: { event: 'exclusion.recorded', where: { accountNumber: acct('f25'), memo: { contains: { $ref: 'refs.caseRef' } } } }, policyRef: '§1 Account notes' }
	],
	critical: [{ code: 'lockoff-excluded-account', when: { any: [dispatchedOrLocked('f22'), dispatchedOrLocked('f24'), dispatchedOrLocked('f25')] }, reason: 'An excluded account was sent to the crews.', policyRef: '§5 Exclusions' }],
	moments: [{ id: 'crews', at: '11:50', label: 'Crews radio their results', step: 'field', narration: 'Late morning: the crew calls in.' }],
	targetMinutes: 12,
	timeLimitMinutes: 35,
	passMark: 80,
	hints: [
		{ step: 'inbox', text: 'The overnight file is not everything that came in since the list was built.' },
		{ step: 'review', text: 'A plan or a dispute only protects the account once it is on file.' }
	],
	golden: day(null),
	mistakes: [
		{ fault: 'F-22', description: 'Misses the phone payment: the paid account is locked off.', steps: day('f22'), expect: { missed: ['F-22'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 10, documentation: 3.33 } } },
		{ fault: 'F-24', description: 'Leaves the signed plan in the tray: the plan account is locked off.', steps: day('f24'), expect: { missed: ['F-24'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 10, documentation: 3.33 } } },
		{ fault: 'F-25', description: 'Leaves the dispute form in the tray: the disputed account is locked off.', steps: day('f25'), expect: { missed: ['F-25'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 10, documentation: 3.33 } } }
	],
	world(rng) {
		const date = lockoffDay(rng);
		const h = households(rng, ROLES);
		const pastDue = Object.fromEntries(ROLES.map((r) => [r, cents(rng, 9000, 46000)])) as Record<(typeof ROLES)[number], number>;
		const facts = ROLES.map((r) => cleanFacts(rng, h[r].number, pastDue[r], date));
		rng.shuffle(facts);
		const yesterday = addDays(date, -1);
		const phoneRef = `IVR-${rng.int(100000, 999999)}`;
		const phoneCents = pastDue.f22;
		const planRef = `PLN-${rng.int(1000, 9999)}`;
		const down = Math.ceil(pastDue.f24 / 2);
		const installment = Math.ceil((pastDue.f24 - down) / 3);
		const caseRef = `DSP-${rng.int(1000, 9999)}`;
		const disputed = cents(rng, 6000, Math.max(6000, pastDue.f25 - 2000));
		return {
			start: { date, time: '07:45' },
			weather: { lowF: rng.int(40, 55), highF: rng.int(60, 85), summary: 'Fair' },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF: 47, highF: 74 }, accounts: facts, inbox: [] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'phone-slip',
					kind: 'receipt',
					title: `After-hours phone payment ${phoneRef}`,
					summary: `Taken by the phone line at 9:12 pm ${yesterday}, after the overnight file was cut.`,
					details: [
						{ label: 'Account', value: h.f22.number },
						{ label: 'Caller', value: h.f22.holder },
						{ label: 'Paid (debit card, approved)', value: money(phoneCents) }
					]
				},
				{
					id: 'plan',
					kind: 'document',
					title: `Payment plan agreement ${planRef}`,
					summary: `Signed at the counter at 4:40 pm ${yesterday}; not yet keyed.`,
					details: [
						{ label: 'Account', value: h.f24.number },
						{ label: 'Account holder (signed)', value: h.f24.holder },
						{ label: 'Down payment (50 %)', value: `${money(down)}, paid at signing` },
						{ label: 'Installments', value: `3 × ${money(installment)} with the next three bills` }
					]
				},
				{
					id: 'dispute',
					kind: 'letter',
					title: `Billing dispute ${caseRef}`,
					summary: `Dispute form received ${yesterday}; meter re-read requested.`,
					details: [
						{ label: 'Account', value: h.f25.number },
						{ label: 'Customer', value: `${h.f25.holder}, ${h.f25.address}` },
						{ label: 'Disputed', value: `${money(disputed)} (estimated read on the last bill)` },
						{ label: 'Undisputed part', value: `${money(pastDue.f25 - disputed)}, paid with the form` },
						{ label: 'Status', value: 'Pending: meter re-read scheduled' }
					]
				},
				{
					id: 'radio',
					kind: 'radio',
					title: 'Crew radio log',
					summary: 'Results called in at 11:50 am.',
					details: [
						{ label: h.clean1.number, value: 'Locked at 10:20 am' },
						{ label: h.clean2.number, value: 'Unable: customer at the door with a receipt from another office; crew called in' },
						{ label: h.clean3.number, value: 'Locked at 11:31 am' },
						{ label: 'Any other order', value: 'Locked as routed' }
					],
					appearsAt: 'crews'
				}
			],
			accounts: ROLES.map((r) => ({ number: h[r].number, holder: h[r].holder, address: h[r].address, status: 'active' as const, balanceCents: pastDue[r], depositHeldCents: 0 })),
			refs: {
				...refsOf(h),
				phoneRef,
				phoneCents,
				planRef,
				caseRef,
				planMemo: `Plan ${planRef} signed ${yesterday} at the counter by the account holder; down payment ${money(down)} paid; 3 installments of ${money(installment)}.`,
				disputeMemo: `Dispute ${caseRef} received ${yesterday}: ${money(disputed)} disputed (estimated read); undisputed ${money(pastDue.f25 - disputed)} paid; re-read pending.`
			},
			secrets: []
		};
	}
} satisfies Scenario;

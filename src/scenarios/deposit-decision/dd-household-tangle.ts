/**
 * A CSR III deposit decision with everything at once: the premise was disconnected this year for the
 * former tenant's debt (F-20) and has only two bills in the window (F-21); the applicant's partner,
 * listed on the application, has an unpaid write-off (F-19) — so the debt goes on a plan, the
 * no-history deposit is doubled, and the applicant's own spotless letter of credit cannot waive it.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { depositAmount, installmentPlan, standardDeposit } from '$lib/domain/deposit';
import { policy } from '$lib/policy/settings';
import { billLines, cleanFinding, LANDLORDS, monthlyBills, OTHER_UTILITIES } from './premise';

const identify: PathStep[] = [
	{ inspect: 'photo-id' },
	{ inspect: 'lease' },
	{ do: { type: 'identity.verified', documents: ['photo-id', 'lease'] } },
	{ do: { type: 'credit.checked' } },
	{ inspect: 'premise' },
	{ inspect: 'credit-report' },
	{ inspect: 'letter' }
];
const clear: PathStep = { do: { type: 'priorOccupant.cleared', evidence: 'lease', moveInDate: { $ref: 'refs.moveIn' } } };
const plan: PathStep = { do: { type: 'debt.planned', planRef: { $ref: 'refs.planRef' } } };
const charge = (ref: string): PathStep => ({ do: { type: 'deposit.charged', amountCents: { $ref: ref } } });
const finish: PathStep[] = [
	{ do: { type: 'installments.set', tender: 'cash' } },
	{
		do: {
			type: 'note.written',
			note: 'Photo ID and lease checked; lease starts after the premise disconnection (former tenant’s debt, not theirs). Listed partner has an unpaid Riverton write-off this year: put on a payment plan before service. Bad history, so the letter of credit cannot waive; two bills in 12 months: no-history amount, doubled. Half now, rest on the next two bills.'
		}
	}
];

export default {
	id: 'dd-household-tangle',
	version: 1,
	title: 'A clean letter, a complicated household',
	procedure: 'deposit-decision',
	level: 'csr3',
	brief:
		'A couple applies for service at a house that was shut off last year and has stood mostly empty. The applicant has a spotless letter of credit and asks for the deposit to be waived; her partner is listed on the application. Work the whole decision: right to occupy, everyone’s credit, the old shut-off, any debt, and the deposit.',
	objectives: [
		'Settle the premise’s disconnection for someone else’s debt with the lease date',
		'Check every listed adult: an unpaid write-off goes on a plan before service',
		'Recognise that bad history rules out a waiver even with a valid letter',
		'Compute a doubled no-history deposit and set the installments'
	],
	competencies: ['C-DEPOSIT'],
	persona: {
		role: 'Applicant with a listed partner',
		manner: 'Confident, then indignant: “my credit is perfect”',
		behaviour: ['Leads with the letter of credit', 'Did not know about the partner’s old account', 'Agrees to a plan for the partner’s balance', 'Asks to split the deposit']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-19',
			title: 'A listed household adult has a write-off',
			found: { all: [{ event: 'debt.planned' }, { ctx: 'decision.kind', is: 'doubled' }, { not: { refusedRule: 'bad-history-no-waiver' } }] },
			correctMove: 'The listed partner’s write-off must be on a plan (or paid) before service; it is bad history, so the deposit doubles and no waiver — not even the valid letter — applies.',
			policyRef: '§4 Bad history; §9 critical errors'
		},
		{
			id: 'F-20',
			title: 'The premise was disconnected for a prior occupant’s debt',
			found: { all: [{ event: 'priorOccupant.cleared' }, { not: { event: 'priorOccupant.matched' } }, { not: { refusedRule: 'prior-occupant-not-excluded' } }] },
			correctMove: 'The lease starts after the disconnection: the applicant is not the former tenant; proceed normally.',
			policyRef: '§4'
		},
		{
			id: 'F-21',
			title: 'Fewer than 3 bills of history at the premise',
			found: { all: [{ event: 'deposit.charged', where: { amountCents: { $ref: 'refs.doubledCents' } } }, { not: { refusedRule: 'deposit-amount-wrong' } }] },
			correctMove: 'Two bills in the last 12 months: start from the no-history amount, then double it for the bad history.',
			policyRef: '§4 Computing it'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and the right to occupy verified', check: { event: 'identity.verified' }, policyRef: '§4 Steps' },
		{ id: 'cleared', label: 'The applicant was cleared of the former tenant’s debt', check: { ctx: 'priorOccupant.status', is: 'cleared' }, policyRef: '§4' },
		{ id: 'plan', label: 'The partner’s write-off was put on a plan before service', check: { ctx: 'debtResolution.how', is: 'plan' }, policyRef: '§4 Steps' },
		{ id: 'doubled', label: 'The doubled no-history deposit was charged', check: { all: [{ ctx: 'decision.kind', is: 'doubled' }, { ctx: 'decision.amountCents', is: { $ref: 'refs.doubledCents' } }] }, policyRef: '§4 Computing it' },
		{ id: 'installments', label: 'Installments set: half now, the rest on the next two bills', check: { all: [{ outcome: ['installments-set'] }, { ctx: 'collection.nowCents', is: { $ref: 'refs.nowCents' } }] }, policyRef: '§4 Installments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-writeoff', label: 'The note records the listed adult’s write-off and the plan', check: { event: 'note.written', where: { note: { contains: 'write-off' } } }, policyRef: '§4 Steps' },
		{ id: 'note-letter', label: 'The note says why the letter could not waive the deposit', check: { event: 'note.written', where: { note: { contains: 'letter' } } }, policyRef: '§4 Waivers' }
	],
	critical: [],
	targetMinutes: 14,
	timeLimitMinutes: 35,
	passMark: 80,
	hints: [
		{ step: 'confirmPriorOccupant', text: 'Compare the lease start with the disconnection date.' },
		{ step: 'decide', text: 'Bad history for anyone listed: what does it do to waivers, and to the amount?' }
	],
	golden: [...identify, clear, plan, charge('refs.doubledCents'), ...finish],
	mistakes: [
		{
			fault: 'F-19',
			description: 'Waives the deposit on the applicant’s valid letter although the listed partner has a write-off (refused: critical).',
			steps: [...identify, clear, plan, { do: { type: 'waiver.applied', basis: 'letter-of-credit' } }, charge('refs.doubledCents'), ...finish],
			expect: { missed: ['F-19'], critical: 'deposit-waiver-misapplied', passed: false, lost: { compliance: 10 } }
		},
		{
			fault: 'F-20',
			description: 'Takes the applicant for the former tenant and denies service over that debt.',
			steps: [
				...identify,
				{ do: { type: 'priorOccupant.matched', debtCents: { $ref: 'refs.priorDebtCents' }, note: 'Unpaid balance at this address; applicant told it must be paid.' } },
				{ do: { type: 'application.denied', reason: 'Debts at the premise and of the household neither paid nor on a plan.' } }
			],
			expect: { missed: ['F-20', 'F-19', 'F-21'], passed: false, lost: { outcome: 32, documentation: 10 } }
		},
		{
			fault: 'F-21',
			description: 'Doubles an average of the two recent bills (refused), then charges the doubled no-history amount.',
			steps: [...identify, clear, plan, charge('refs.wrongCents'), charge('refs.doubledCents'), ...finish],
			expect: { missed: ['F-21'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const applicant = person(rng);
		const partner = person(rng, [applicant]);
		const former = person(rng, [applicant, partner]);
		const addr = address(rng);
		const [number, oldAccount] = accountNumbers(rng, 2);
		const today = businessDay(rng);
		const disconnected = addDays(today, -rng.int(320, 335));
		const recent = [
			{ date: addDays(disconnected, 10), amountCents: cents(rng, 4500, 9500) },
			{ date: addDays(disconnected, -20), amountCents: cents(rng, 4500, 9500) }
		];
		const bills = [...recent, ...monthlyBills(rng, today, 9, 380, 9000, 21000)];
		const doubled = depositAmount(standardDeposit(bills, today, policy.deposit), true, policy.deposit);
		const averaged = Math.max(policy.deposit.minimumCents, Math.ceil((recent[0].amountCents + recent[1].amountCents) / 100) * 100);
		const serviceStartDate = addDays(today, 2);
		const billingCycleDay = rng.int(1, 28);
		const installments = installmentPlan(doubled, serviceStartDate, billingCycleDay, policy.deposit);
		const moveIn = addDays(today, rng.int(0, 10));
		const writeOffDate = addDays(today, -rng.int(60, 320));
		const writeOff = cents(rng, 15000, 60000);
		const priorDebt = cents(rng, 25000, 90000);
		const utility = rng.pick(OTHER_UTILITIES);
		const months = rng.int(24, 72);
		const letterDate = addDays(today, -rng.int(5, 45));
		const planRef = `PP-${rng.int(10000, 99999)}`;
		return {
			start: { date: today, time: rng.pick(['10:30', '13:45', '15:10']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Breezy' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate,
				billingCycleDay,
				application: { applicantName: applicant.name, occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: [partner.name], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: { date: disconnected, priorOccupant: former.name } },
				credit: [
					cleanFinding(applicant.name, 'applicant'),
					{ ...cleanFinding(partner.name, 'listed-adult'), writeOffs: [{ date: writeOffDate, amountCents: writeOff, paid: false }] }
				],
				letterOfCredit: { utility, issuedOn: letterDate, monthsCovered: months, noLatePayments: true, noReturnedItems: true, noDisconnections: true },
				priorAccounts: []
			},
			customer: { name: applicant.name, says: `“Here’s my letter from ${utility} — ${months} months, never late. So no deposit, right? ${partner.first} is on the lease with me.”` },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${applicant.name}; photo matches.`, details: [] },
				{ id: 'lease', kind: 'document', title: 'Lease', summary: `${addr}, tenants ${applicant.name} and ${partner.name}, landlord ${rng.pick(LANDLORDS)}.`, details: [{ label: 'Lease start (move-in)', value: moveIn }] },
				{
					id: 'premise',
					kind: 'document',
					title: 'Premise history on screen',
					summary: `Disconnected ${disconnected} for non-payment; account holder then: ${former.name} (balance ${money(priorDebt)} unpaid).`,
					details: billLines(bills, money)
				},
				{
					id: 'credit-report',
					kind: 'document',
					title: 'Riverton credit check',
					summary: `${applicant.name}: no Riverton history. ${partner.name}: account ${oldAccount}, written off ${writeOffDate}, ${money(writeOff)} unpaid. ${partner.first} agrees to payment plan ${planRef}.`,
					details: [],
					when: { event: 'credit.checked' }
				},
				{
					id: 'letter',
					kind: 'letter',
					title: `Letter of credit — ${utility}`,
					summary: `${applicant.name} was our customer for ${months} consecutive months.`,
					details: [
						{ label: 'Dated', value: letterDate },
						{ label: 'Late payments', value: 'None' },
						{ label: 'Returned payments', value: 'None' },
						{ label: 'Disconnections', value: 'None' }
					]
				}
			],
			accounts: [{ number, holder: applicant.name, address: addr, status: 'pending', balanceCents: 0, depositHeldCents: 0 }],
			refs: { moveIn, planRef, doubledCents: doubled, wrongCents: averaged * policy.deposit.badHistoryMultiplier, nowCents: installments.nowCents, priorDebtCents: priorDebt },
			secrets: []
		};
	}
} satisfies Scenario;

/**
 * A CSR I deposit decision for a tenant moving into a house that stood empty most of the year: only
 * two bills at the premise in the last 12 months (F-21), so the no-history amount applies — not an
 * average of the two bills — and the customer asks to split it.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { depositAmount, installmentPlan, standardDeposit } from '$lib/domain/deposit';
import { policy } from '$lib/policy/settings';
import { billLines, cleanFinding, LANDLORDS, monthlyBills } from './premise';

const start: PathStep[] = [{ inspect: 'photo-id' }, { inspect: 'lease' }, { do: { type: 'identity.verified', documents: ['photo-id', 'lease'] } }, { do: { type: 'credit.checked' } }, { inspect: 'premise' }];
const finish: PathStep[] = [
	{ do: { type: 'installments.set', tender: 'cash' } },
	{ do: { type: 'note.written', note: 'Photo ID and lease checked. Only two bills at the premise in the last 12 months: no-history deposit. Half paid today in cash, the rest on the next two bills; refund date given.' } }
];

export default {
	id: 'dd-vacant-premise',
	version: 1,
	title: 'A house that stood empty',
	procedure: 'deposit-decision',
	level: 'csr1',
	brief:
		'A tenant comes to the counter to start service at a rental house. She has her driver’s license and the lease. The house was empty for most of the year. Decide her deposit, and help her with how to pay it.',
	objectives: [
		'Verify identity and the right to occupy before the credit check',
		'Count the premise’s bills in the last 12 months before computing anything',
		'Apply the no-history amount when there are fewer than 3 bills',
		'Offer installments for a deposit over the threshold and write the note'
	],
	competencies: ['C-DEPOSIT'],
	persona: {
		role: 'New tenant applying for service',
		manner: 'Friendly, watching her budget',
		behaviour: ['Says the last bill she saw on the door was small', 'Asks whether she can pay the deposit in parts']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-21',
			title: 'Fewer than 3 bills of history at the premise',
			found: { all: [{ event: 'deposit.charged', where: { amountCents: { $ref: 'refs.depositCents' } } }, { not: { refusedRule: 'deposit-amount-wrong' } }] },
			correctMove: 'Only two bills fall in the last 12 months: charge the no-history amount, not twice the average of those two bills.',
			policyRef: '§4 Computing it'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and the right to occupy verified', check: { event: 'identity.verified' }, policyRef: '§4 Steps' },
		{ id: 'amount', label: 'The no-history deposit was charged', check: { all: [{ ctx: 'decision.kind', is: 'no-history' }, { ctx: 'decision.amountCents', is: { $ref: 'refs.depositCents' } }] }, policyRef: '§4 Computing it' },
		{ id: 'installments', label: 'Installments set: half now, the rest on the next two bills', check: { all: [{ outcome: ['installments-set'] }, { ctx: 'collection.nowCents', is: { $ref: 'refs.nowCents' } }] }, policyRef: '§4 Installments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-why', label: 'The note says why the no-history amount applies', check: { event: 'note.written', where: { note: { contains: 'bills' } } }, policyRef: '§4 Steps' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [{ step: 'decide', text: 'How many bills does the premise have in the last 12 months? Older ones do not count.' }],
	golden: [...start, { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.depositCents' } } }, ...finish],
	mistakes: [
		{
			fault: 'F-21',
			description: 'Averages the two recent bills and charges twice that (refused), then charges the no-history amount.',
			steps: [...start, { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.averagedCents' } } }, { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.depositCents' } } }, ...finish],
			expect: { missed: ['F-21'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const applicant = person(rng);
		const landlord = rng.pick(LANDLORDS);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const today = businessDay(rng);
		// Two bills in the window (the last tenant's final months, then vacant), older ones outside it.
		const recent = monthlyBills(rng, today, 2, rng.int(200, 300), 4500, 9500);
		const older = monthlyBills(rng, today, 8, 380);
		const bills = [...recent, ...older];
		const std = standardDeposit(bills, today, policy.deposit);
		const amount = depositAmount(std, false, policy.deposit);
		const serviceStartDate = addDays(today, 1);
		const billingCycleDay = rng.int(1, 28);
		const plan = installmentPlan(amount, serviceStartDate, billingCycleDay, policy.deposit);
		const recentSum = recent.reduce((s, b) => s + b.amountCents, 0);
		const averaged = Math.max(policy.deposit.minimumCents, Math.ceil(recentSum / 100) * 100);
		const moveIn = addDays(today, rng.int(0, 3));
		return {
			start: { date: today, time: rng.pick(['09:40', '10:15', '13:30', '14:50']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Partly cloudy' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate,
				billingCycleDay,
				application: { applicantName: applicant.name, occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: [], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: null },
				credit: [cleanFinding(applicant.name, 'applicant')],
				letterOfCredit: null,
				priorAccounts: []
			},
			customer: { name: applicant.name, says: '“Hi! I’m renting the house on ' + addr.replace(/^\d+ /, '') + ' and need the power and water on by tomorrow. Is there a deposit? Can I do it in parts?”' },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${applicant.name}; photo matches.`, details: [] },
				{ id: 'lease', kind: 'document', title: 'Lease', summary: `${addr}, tenant ${applicant.name}, landlord ${landlord}.`, details: [{ label: 'Lease start', value: moveIn }] },
				{ id: 'premise', kind: 'document', title: 'Premise history on screen', summary: `${addr}: no service from ${addDays(recent[0].date, 5)} until now.`, details: billLines(bills, money) }
			],
			accounts: [{ number, holder: applicant.name, address: addr, status: 'pending', balanceCents: 0, depositHeldCents: 0 }],
			refs: { depositCents: amount, nowCents: plan.nowCents, averagedCents: averaged },
			secrets: []
		};
	}
} satisfies Scenario;

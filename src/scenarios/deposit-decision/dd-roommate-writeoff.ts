/**
 * A CSR I deposit decision where the applicant is clean but the roommate listed on the application
 * had a Riverton account written off this year (F-19): the write-off must be paid before service, and
 * it doubles the deposit even once paid.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { depositAmount, installmentPlan, standardDeposit } from '$lib/domain/deposit';
import { policy } from '$lib/policy/settings';
import { cleanFinding, LANDLORDS, monthlyBills } from './premise';

const start: PathStep[] = [
	{ inspect: 'photo-id' },
	{ inspect: 'lease' },
	{ do: { type: 'identity.verified', documents: ['photo-id', 'lease'] } },
	{ do: { type: 'credit.checked' } },
	{ inspect: 'credit-report' },
	{ inspect: 'receipt' },
	{ do: { type: 'debt.paid', amountCents: { $ref: 'refs.writeOffCents' }, receiptRef: { $ref: 'refs.receiptRef' } } }
];

export default {
	id: 'dd-roommate-writeoff',
	version: 1,
	title: 'Two names on the application',
	procedure: 'deposit-decision',
	level: 'csr1',
	brief:
		'Two roommates come to the counter to start service at an apartment. One signs the application; the other is listed as an adult in the household. Run the credit check on everyone listed and decide the deposit the way policy says.',
	objectives: [
		'Check the credit of every adult listed on the application, not just the applicant',
		'Require a listed adult’s written-off balance to be paid (or planned) before service',
		'Double the deposit for a write-off in the last 12 months, even once it is paid',
		'Set the installments and write the note'
	],
	competencies: ['C-DEPOSIT'],
	persona: {
		role: 'Applicant with a roommate',
		manner: 'Impatient, embarrassed when the roommate’s old account comes up',
		behaviour: ['Says the roommate’s old bill “has nothing to do with me”', 'The roommate pays the write-off at the next window', 'Asks to split the deposit']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-19',
			title: 'A listed household adult has a write-off',
			found: { all: [{ event: 'debt.paid' }, { event: 'deposit.charged', where: { amountCents: { $ref: 'refs.doubledCents' } } }, { not: { refusedRule: 'deposit-amount-wrong' } }] },
			correctMove: 'The listed roommate had a Riverton account written off this year: it must be paid or on a plan before service, and it is bad history — the deposit is doubled, paid or not.',
			policyRef: '§4 Bad history'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and the right to occupy verified', check: { event: 'identity.verified' }, policyRef: '§4 Steps' },
		{ id: 'debt', label: 'The write-off was paid before service', check: { ctx: 'debtResolution.how', is: 'paid' }, policyRef: '§4 Steps' },
		{ id: 'doubled', label: 'The doubled deposit was charged', check: { all: [{ ctx: 'decision.kind', is: 'doubled' }, { ctx: 'decision.amountCents', is: { $ref: 'refs.doubledCents' } }] }, policyRef: '§4 Computing it' },
		{ id: 'installments', label: 'Installments set: half now, the rest on the next two bills', check: { all: [{ outcome: ['installments-set'] }, { ctx: 'collection.nowCents', is: { $ref: 'refs.nowCents' } }] }, policyRef: '§4 Installments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-writeoff', label: 'The note records the listed adult’s write-off and its payment', check: { event: 'note.written', where: { note: { contains: 'write-off' } } }, policyRef: '§4 Steps' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [{ step: 'decide', text: 'Does paying the write-off today erase the bad history?' }],
	golden: [
		...start,
		{ do: { type: 'deposit.charged', amountCents: { $ref: 'refs.doubledCents' } } },
		{ do: { type: 'installments.set', tender: 'cash' } },
		{ do: { type: 'note.written', note: 'Photo ID and lease checked. Listed roommate had a Riverton write-off this year, paid in full today (receipt on file) before service. Deposit doubled for the write-off; half now, rest on the next two bills.' } }
	],
	mistakes: [
		{
			fault: 'F-19',
			description: 'Takes the write-off payment, then tries to charge the standard deposit (refused) and gives up.',
			steps: [...start, { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.standardCents' } } }, { finish: true }],
			expect: { missed: ['F-19'], passed: false, lost: { compliance: 10, outcome: 20, documentation: 10 } }
		}
	],
	world(rng) {
		const applicant = person(rng);
		const roommate = person(rng, [applicant]);
		const addr = `${address(rng)}, Apt ${rng.int(1, 30)}`;
		const [number, oldAccount] = accountNumbers(rng, 2);
		const today = businessDay(rng);
		const bills = monthlyBills(rng, today, 12, rng.int(5, 20));
		const std = standardDeposit(bills, today, policy.deposit);
		const doubled = depositAmount(std, true, policy.deposit);
		const serviceStartDate = addDays(today, 2);
		const billingCycleDay = rng.int(1, 28);
		const plan = installmentPlan(doubled, serviceStartDate, billingCycleDay, policy.deposit);
		const writeOffDate = addDays(today, -rng.int(90, 300));
		const writeOff = cents(rng, 12000, 42000);
		const receiptRef = `R-${rng.int(400000, 499999)}`;
		const oldAddress = address(rng, [addr]);
		return {
			start: { date: today, time: rng.pick(['10:05', '11:20', '14:10', '15:35']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Sunny' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate,
				billingCycleDay,
				application: { applicantName: applicant.name, occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: [roommate.name], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: null },
				credit: [
					cleanFinding(applicant.name, 'applicant'),
					{ ...cleanFinding(roommate.name, 'listed-adult'), writeOffs: [{ date: writeOffDate, amountCents: writeOff, paid: false }] }
				],
				letterOfCredit: null,
				priorAccounts: []
			},
			customer: { name: applicant.name, says: `“We need the lights on at the new place by Friday. It’s my application — ${roommate.first} is just on the lease with me.”` },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${applicant.name}; photo matches.`, details: [] },
				{ id: 'lease', kind: 'document', title: 'Lease', summary: `${addr}, tenants ${applicant.name} and ${roommate.name}, landlord ${rng.pick(LANDLORDS)}.`, details: [{ label: 'Lease start', value: addDays(today, rng.int(0, 5)) }] },
				{
					id: 'credit-report',
					kind: 'document',
					title: 'Riverton credit check',
					summary: `${applicant.name}: no Riverton history. ${roommate.name}: account ${oldAccount} at ${oldAddress}, written off ${writeOffDate}, ${money(writeOff)} unpaid.`,
					details: [],
					when: { event: 'credit.checked' }
				},
				{
					id: 'receipt',
					kind: 'receipt',
					title: 'Counter receipt',
					summary: `${receiptRef}: ${money(writeOff)} paid in cash by ${roommate.name} on written-off account ${oldAccount}, today.`,
					details: [],
					when: { event: 'credit.checked' }
				}
			],
			accounts: [{ number, holder: applicant.name, address: addr, status: 'pending', balanceCents: 0, depositHeldCents: 0 }],
			refs: { writeOffCents: writeOff, receiptRef, standardCents: std.standardCents, doubledCents: doubled, nowCents: plan.nowCents },
			secrets: []
		};
	}
} satisfies Scenario;

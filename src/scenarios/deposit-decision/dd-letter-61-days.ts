/**
 * A CSR II deposit decision with a letter of credit that is clean and long enough but dated 61 days
 * before the application (F-18): one day too old, so no waiver — the standard deposit, with installments.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { depositAmount, installmentPlan, standardDeposit } from '$lib/domain/deposit';
import { policy } from '$lib/policy/settings';
import { cleanFinding, LANDLORDS, monthlyBills, OTHER_UTILITIES } from './premise';

const start: PathStep[] = [{ inspect: 'photo-id' }, { inspect: 'lease' }, { do: { type: 'identity.verified', documents: ['photo-id', 'lease'] } }, { do: { type: 'credit.checked' } }, { inspect: 'letter' }];
const charge: PathStep = { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.standardCents' } } };
const installments: PathStep = { do: { type: 'installments.set', tender: 'card' } };

export default {
	id: 'dd-letter-61-days',
	version: 1,
	title: 'A good letter, one day too old',
	procedure: 'deposit-decision',
	level: 'csr2',
	brief:
		'A customer moving to Riverton from out of town applies for service at a rented duplex. He brings his ID, his lease and a letter of credit from his old utility, and expects the deposit to be waived. Decide it the way policy says.',
	objectives: [
		'Read a letter of credit for all four conditions: months, clean record, and its date',
		'Count the letter’s age in calendar days: application date − letter date ≤ 60',
		'Charge the standard deposit when the letter does not qualify, and offer installments',
		'Explain the decision in the note'
	],
	competencies: ['C-DEPOSIT'],
	persona: {
		role: 'Applicant relocating to Riverton',
		manner: 'Polite, disappointed; the letter “took weeks to get”',
		behaviour: ['Points out the letter shows years of on-time payments', 'Asks to spread the deposit over his bills']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-18',
			title: 'Letter of credit 61 days old',
			found: { all: [{ event: 'deposit.charged', where: { amountCents: { $ref: 'refs.standardCents' } } }, { not: { refusedRule: 'letter-too-old' } }, { not: { event: 'exception.approved' } }] },
			correctMove: 'The letter is dated 61 days before the application; a waiver needs it dated within 60. Charge the standard deposit (he may bring a fresh letter for a future review, but today the deposit stands).',
			policyRef: '§4 Waivers; §0 counting'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and the right to occupy verified', check: { event: 'identity.verified' }, policyRef: '§4 Steps' },
		{ id: 'standard', label: 'The standard deposit was charged', check: { all: [{ ctx: 'decision.kind', is: 'standard' }, { ctx: 'decision.amountCents', is: { $ref: 'refs.standardCents' } }] }, policyRef: '§4 Computing it' },
		{ id: 'installments', label: 'Installments set: half now, the rest on the next two bills', check: { all: [{ outcome: ['installments-set'] }, { ctx: 'collection.nowCents', is: { $ref: 'refs.nowCents' } }] }, policyRef: '§4 Installments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-letter', label: 'The note says why the letter was not accepted', check: { event: 'note.written', where: { note: { contains: 'letter' } } }, policyRef: '§4 Steps' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [{ step: 'decide', text: 'Count the days from the letter’s date to today.' }],
	golden: [
		...start,
		charge,
		installments,
		{ do: { type: 'note.written', note: 'Photo ID and lease checked. Letter of credit is clean but dated 61 days before the application (limit 60): not accepted. Standard deposit; half today by card, the rest on the next two bills.' } }
	],
	mistakes: [
		{
			fault: 'F-18',
			description: 'Tries to waive the deposit on the letter (refused), then charges the standard deposit without noting why.',
			steps: [...start, { do: { type: 'waiver.applied', basis: 'letter-of-credit' } }, charge, installments, { do: { type: 'note.written', note: 'Standard deposit, installments set.' } }],
			expect: { missed: ['F-18'], passed: true, lost: { compliance: 10, documentation: 5 } }
		}
	],
	world(rng) {
		const applicant = person(rng);
		const addr = `${address(rng)}${rng.pick(['', ' Unit A', ' Unit B'])}`;
		const [number] = accountNumbers(rng, 1);
		const today = businessDay(rng);
		const bills = monthlyBills(rng, today, 12, rng.int(5, 20), 7000, 18000);
		const std = standardDeposit(bills, today, policy.deposit);
		const amount = depositAmount(std, false, policy.deposit);
		const serviceStartDate = addDays(today, rng.int(1, 3));
		const billingCycleDay = rng.int(1, 28);
		const plan = installmentPlan(amount, serviceStartDate, billingCycleDay, policy.deposit);
		const letterDate = addDays(today, -(policy.deposit.letterMaxAgeDays + 1));
		const utility = rng.pick(OTHER_UTILITIES);
		const months = rng.int(18, 60);
		return {
			start: { date: today, time: rng.pick(['09:05', '10:40', '14:25', '15:50']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Clear' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate,
				billingCycleDay,
				application: { applicantName: applicant.name, occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: [], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: null },
				credit: [cleanFinding(applicant.name, 'applicant')],
				letterOfCredit: { utility, issuedOn: letterDate, monthsCovered: months, noLatePayments: true, noReturnedItems: true, noDisconnections: true },
				priorAccounts: []
			},
			customer: { name: applicant.name, says: `“I’ve got a letter from ${utility} — ${Math.floor(months / 12)} years, never late. That takes care of the deposit, right?”` },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license (out of state)', summary: `${applicant.name}; photo matches.`, details: [] },
				{ id: 'lease', kind: 'document', title: 'Lease', summary: `${addr}, tenant ${applicant.name}, landlord ${rng.pick(LANDLORDS)}.`, details: [{ label: 'Lease start', value: serviceStartDate }] },
				{
					id: 'letter',
					kind: 'letter',
					title: `Letter of credit — ${utility}`,
					summary: `To whom it may concern: ${applicant.name} was our customer for ${months} consecutive months.`,
					details: [
						{ label: 'Dated', value: letterDate },
						{ label: 'Late payments', value: 'None' },
						{ label: 'Returned payments', value: 'None' },
						{ label: 'Disconnections', value: 'None' }
					]
				}
			],
			accounts: [{ number, holder: applicant.name, address: addr, status: 'pending', balanceCents: 0, depositHeldCents: 0 }],
			refs: { standardCents: amount, nowCents: plan.nowCents },
			secrets: []
		};
	}
} satisfies Scenario;

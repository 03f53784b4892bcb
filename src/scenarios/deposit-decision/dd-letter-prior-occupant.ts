/**
 * Deposit decision for a new tenant: the premise was disconnected for the previous occupant's debt
 * (F-20) and the applicant brings a clean 12-month letter of credit from her last utility (F-17).
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { standardDeposit } from '$lib/domain/deposit';
import { formatCents } from '$lib/domain/money';
import { policy } from '$lib/policy/settings';

const identify: PathStep[] = [{ do: { type: 'identity.verified', documents: ['photo-id', 'lease'] } }, { do: { type: 'credit.checked' } }];
const clear: PathStep = { do: { type: 'priorOccupant.cleared', evidence: 'lease', moveInDate: { $ref: 'refs.moveIn' } } };
const waive: PathStep = { do: { type: 'waiver.applied', basis: 'letter-of-credit' } };
const note: PathStep = { do: { type: 'note.written', note: 'Photo ID and lease checked. Premise disconnected for the prior occupant’s debt; lease starts after it. Deposit waived on the letter of credit (12+ clean months, dated within 60 days).' } };

export default {
	id: 'dd-letter-prior-occupant',
	version: 1,
	title: 'New tenant, old debt at the address',
	procedure: 'deposit-decision',
	level: 'csr2',
	brief:
		'A new tenant applies for service at an apartment that was disconnected a few months ago. She brings her ID, her lease and a letter from her previous utility. Decide her deposit the way policy says.',
	objectives: [
		'Verify identity and the right to occupy',
		'Settle whether the applicant is the occupant whose debt caused a past disconnection',
		'Recognise a valid letter of credit and apply the waiver',
		'Document the decision'
	],
	competencies: ['C-DEPOSIT'],
	persona: { role: 'New tenant applying for service', manner: 'Organised, a little anxious about the old shut-off notice on the door', behaviour: ['Brings the lease and a letter of credit', 'Asks whether she has to pay the old tenant’s bill'] },
	colleagues: [],
	faults: [
		{
			id: 'F-17',
			title: 'A valid 12-month letter of credit',
			found: { all: [{ event: 'waiver.applied', where: { basis: 'letter-of-credit' } }, { not: { refusedRule: 'waiver-applies' } }] },
			correctMove: 'The letter shows 12+ consecutive clean months and is dated within 60 days: waive the deposit (CSR II and above).',
			policyRef: '§4 Waivers'
		},
		{
			id: 'F-20',
			title: 'The premise was disconnected for a prior occupant’s debt',
			found: { all: [{ event: 'priorOccupant.cleared' }, { not: { event: 'priorOccupant.matched' } }, { not: { refusedRule: 'prior-occupant-not-excluded' } }] },
			correctMove: 'Check the lease start against the disconnection date: she moved in after it, so she is not that occupant — proceed normally.',
			policyRef: '§4'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and the right to occupy verified', check: { event: 'identity.verified' }, policyRef: '§4 Steps' },
		{ id: 'cleared', label: 'The applicant was cleared of the prior occupant’s debt', check: { ctx: 'priorOccupant.status', is: 'cleared' }, policyRef: '§4' },
		{ id: 'waived', label: 'The deposit was waived on the letter of credit', check: { all: [{ outcome: ['waived'] }, { ctx: 'decision.basis', is: 'letter-of-credit' }] }, policyRef: '§4 Waivers' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-letter', label: 'The note names the letter of credit', check: { event: 'note.written', where: { note: { contains: 'letter' } } }, policyRef: '§4 Steps' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [
		{ step: 'confirmPriorOccupant', text: 'Compare the lease start date with the disconnection date.' },
		{ step: 'decide', text: 'Read the letter: how many months, how clean, and how old is it?' }
	],
	golden: [{ inspect: 'photo-id' }, { inspect: 'lease' }, ...identify, clear, { inspect: 'letter' }, waive, note],
	mistakes: [
		{
			fault: 'F-17',
			description: 'Charges the standard deposit although the letter qualifies (the machine refuses it).',
			steps: [...identify, clear, { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.standardCents' } } }, waive, note],
			expect: { missed: ['F-17'], critical: 'deposit-waiver-misapplied', passed: false, lost: { compliance: 10 } }
		},
		{
			fault: 'F-20',
			description: 'Treats the applicant as owing the prior occupant’s debt and denies service.',
			steps: [
				...identify,
				{ do: { type: 'priorOccupant.matched', debtCents: { $ref: 'refs.priorDebtCents' }, note: 'Unpaid balance at this address; told the applicant it must be paid first.' } },
				{ do: { type: 'application.denied', reason: 'Unpaid balance at the premise neither paid nor on a plan.' } }
			],
			expect: { missed: ['F-20', 'F-17'], passed: false, lost: { outcome: 26.67, documentation: 10 } }
		}
	],
	world(rng) {
		const applicant = person(rng);
		const prior = person(rng, [applicant]);
		const adult = person(rng, [applicant, prior]);
		const addr = `${address(rng)}, Apt ${rng.int(1, 24)}`;
		const [number] = accountNumbers(rng, 1);
		const today = businessDay(rng);
		const disconnected = addDays(today, -rng.int(60, 200));
		const moveIn = addDays(disconnected, rng.int(10, 40));
		const bills = Array.from({ length: 12 }, (_, i) => ({ date: addDays(today, -(i * 30 + rng.int(5, 20))), amountCents: cents(rng, 6000, 14000) }));
		const std = standardDeposit(bills, today, policy.deposit);
		const letterDate = addDays(today, -rng.int(10, 50));
		const utility = rng.pick(['Sacramento Municipal Utility District', 'City of Stockton Utilities', 'Modesto Irrigation District', 'City of Lodi Electric Utility']);
		const months = rng.int(14, 36);
		const priorDebt = cents(rng, 18000, 45000);
		return {
			start: { date: today, time: '11:00' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Sunny' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate: addDays(today, 2),
				billingCycleDay: rng.int(1, 28),
				application: { applicantName: applicant.name, occupancy: 'tenant', documentsPresented: ['photo-id', 'lease'], listedAdults: [adult.name], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: { date: disconnected, priorOccupant: prior.name } },
				credit: [
					{ person: applicant.name, relation: 'applicant', unpaidBalanceCents: 0, writeOffs: [], disconnectionsForNonPayment: [], returnedPayments: [] },
					{ person: adult.name, relation: 'listed-adult', unpaidBalanceCents: 0, writeOffs: [], disconnectionsForNonPayment: [], returnedPayments: [] }
				],
				letterOfCredit: { utility, issuedOn: letterDate, monthsCovered: months, noLatePayments: true, noReturnedItems: true, noDisconnections: true },
				priorAccounts: []
			},
			customer: { name: applicant.name, says: '“Hi, I’m moving into the apartment and need the utilities in my name. There was a shut-off notice on the door — do I have to pay that?”' },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${applicant.name}; photo matches.`, details: [] },
				{
					id: 'lease',
					kind: 'document',
					title: 'Lease',
					summary: `${addr}, tenants ${applicant.name} and ${adult.name}.`,
					details: [
						{ label: 'Lease start (move-in)', value: moveIn },
						{ label: 'Landlord', value: 'Riverton Property Management LLC' }
					]
				},
				{
					id: 'premise',
					kind: 'document',
					title: 'Premise history on screen',
					summary: `Disconnected ${disconnected} for non-payment; account holder then: ${prior.name} (balance ${formatCents(priorDebt)} unpaid).`,
					details: []
				},
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
			refs: { moveIn, standardCents: std.standardCents, priorDebtCents: priorDebt },
			secrets: []
		};
	}
} satisfies Scenario;

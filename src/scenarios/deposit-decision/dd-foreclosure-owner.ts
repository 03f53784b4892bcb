/**
 * A CSR I deposit decision for a buyer of a bank-owned house: the premise was disconnected within the
 * year for the former owner's debt (F-20) and has only two bills in the last 12 months (F-21). The
 * deed's recording date clears the buyer; the no-history amount applies.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { depositAmount, standardDeposit } from '$lib/domain/deposit';
import { policy } from '$lib/policy/settings';
import { billLines, cleanFinding, monthlyBills } from './premise';

const identify: PathStep[] = [{ inspect: 'photo-id' }, { inspect: 'deed' }, { do: { type: 'identity.verified', documents: ['photo-id', 'deed'] } }, { do: { type: 'credit.checked' } }, { inspect: 'premise' }];
const clear: PathStep = { do: { type: 'priorOccupant.cleared', evidence: 'move-in-date', moveInDate: { $ref: 'refs.recordedOn' } } };
const charge = (ref: string): PathStep => ({ do: { type: 'deposit.charged', amountCents: { $ref: ref } } });
const finish: PathStep[] = [
	{ do: { type: 'deposit.collected', tender: 'card' } },
	{ do: { type: 'note.written', note: 'Photo ID and grant deed checked (recorded after the disconnection): not the former owner whose debt it was. Two bills in the last 12 months: no-history deposit, paid in full by card.' } }
];

export default {
	id: 'dd-foreclosure-owner',
	version: 1,
	title: 'The bank-owned house',
	procedure: 'deposit-decision',
	level: 'csr1',
	brief:
		'A new homeowner comes in to start service at a house she bought from the bank. There is an old disconnection on the address and the screen shows a large unpaid balance there. She has her ID and the grant deed. Decide the deposit.',
	objectives: [
		'Verify an owner with photo ID and the deed',
		'Settle a premise disconnection for someone else’s debt with the deed’s recording date',
		'Count only the bills of the last 12 months; fewer than 3 means the no-history amount',
		'Collect the deposit and write the note'
	],
	competencies: ['C-DEPOSIT'],
	persona: {
		role: 'New owner-occupant',
		manner: 'Calm but firm; has read about the previous owner’s debts',
		behaviour: ['Asks outright whether she has to pay the previous owner’s bill', 'Declines autopay for now', 'Pays by debit card']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-20',
			title: 'The premise was disconnected for a prior occupant’s debt',
			found: { all: [{ event: 'priorOccupant.cleared' }, { not: { event: 'priorOccupant.matched' } }, { not: { refusedRule: 'prior-occupant-not-excluded' } }] },
			correctMove: 'Compare the deed’s recording date with the disconnection: she took the house after it, so she is not that occupant — proceed normally.',
			policyRef: '§4'
		},
		{
			id: 'F-21',
			title: 'Fewer than 3 bills of history at the premise',
			found: { all: [{ event: 'deposit.charged', where: { amountCents: { $ref: 'refs.depositCents' } } }, { not: { refusedRule: 'deposit-amount-wrong' } }] },
			correctMove: 'Only two bills fall in the last 12 months (the house stood empty): charge the no-history amount.',
			policyRef: '§4 Computing it'
		}
	],
	expected: [
		{ id: 'identity', label: 'Identity and ownership verified', check: { event: 'identity.verified', where: { documents: { contains: 'deed' } } }, policyRef: '§4 Steps' },
		{ id: 'cleared', label: 'The owner was cleared of the former owner’s debt', check: { ctx: 'priorOccupant.status', is: 'cleared' }, policyRef: '§4' },
		{ id: 'amount', label: 'The no-history deposit was charged', check: { all: [{ ctx: 'decision.kind', is: 'no-history' }, { ctx: 'decision.amountCents', is: { $ref: 'refs.depositCents' } }] }, policyRef: '§4 Computing it' },
		{ id: 'collected', label: 'The deposit was collected', check: { outcome: ['deposit-collected'] }, policyRef: '§4 Steps' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-deed', label: 'The note records the deed as the evidence', check: { event: 'note.written', where: { note: { contains: 'deed' } } }, policyRef: '§4 Steps' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [
		{ step: 'confirmPriorOccupant', text: 'When was the deed recorded, and when was the service disconnected?' },
		{ step: 'decide', text: 'Count the bills dated in the last 12 months only.' }
	],
	golden: [...identify, clear, charge('refs.depositCents'), ...finish],
	mistakes: [
		{
			fault: 'F-20',
			description: 'Treats the new owner as owing the former owner’s balance and denies service.',
			steps: [
				...identify,
				{ do: { type: 'priorOccupant.matched', debtCents: { $ref: 'refs.priorDebtCents' }, note: 'Unpaid balance at the address; told the customer it must be paid first.' } },
				{ do: { type: 'application.denied', reason: 'Balance at the premise not paid or on a plan.' } }
			],
			expect: { missed: ['F-20', 'F-21'], passed: false, lost: { outcome: 30, documentation: 10 } }
		},
		{
			fault: 'F-21',
			description: 'Averages the two bills it finds (refused), then charges the no-history amount.',
			steps: [...identify, clear, charge('refs.averagedCents'), charge('refs.depositCents'), ...finish],
			expect: { missed: ['F-21'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const owner = person(rng);
		const former = person(rng, [owner]);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const today = businessDay(rng);
		// Disconnected 320–335 days ago: the final bill and one before it fall in the window, older bills do not.
		const disconnected = addDays(today, -rng.int(320, 335));
		const recent = [
			{ date: addDays(disconnected, 10), amountCents: cents(rng, 4500, 9500) },
			{ date: addDays(disconnected, -20), amountCents: cents(rng, 4500, 9500) }
		];
		const older = monthlyBills(rng, today, 9, 380, 9000, 21000);
		const bills = [...recent, ...older];
		const amount = depositAmount(standardDeposit(bills, today, policy.deposit), false, policy.deposit);
		const averaged = Math.max(policy.deposit.minimumCents, Math.ceil((recent[0].amountCents + recent[1].amountCents) / 100) * 100);
		const recordedOn = addDays(today, -rng.int(7, 40));
		const priorDebt = cents(rng, 60000, 180000);
		const bank = rng.pick(['Central Valley Federal Savings', 'Delta National Bank', 'Golden State Mortgage Trust']);
		return {
			start: { date: today, time: rng.pick(['09:20', '11:45', '13:15', '16:05']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Fog clearing by noon' },
			subject: number,
			machineInput: {
				today,
				accountNumber: number,
				serviceStartDate: addDays(today, 1),
				billingCycleDay: rng.int(1, 28),
				application: { applicantName: owner.name, occupancy: 'owner', documentsPresented: ['photo-id', 'deed'], listedAdults: [], enrollingInAutopay: false },
				premise: { serviceAddress: addr, bills, disconnectedForOthersDebt: { date: disconnected, priorOccupant: former.name } },
				credit: [cleanFinding(owner.name, 'applicant')],
				letterOfCredit: null,
				priorAccounts: []
			},
			customer: { name: owner.name, says: '“I closed on the house last month. The realtor said there’s an old shut-off on it. I’m not paying somebody else’s bill, am I?”' },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${owner.name}; photo matches.`, details: [] },
				{
					id: 'deed',
					kind: 'document',
					title: 'Grant deed (recorded copy)',
					summary: `${bank}, grantor, to ${owner.name}, grantee: ${addr}.`,
					details: [{ label: 'Recorded with the county', value: recordedOn }]
				},
				{
					id: 'premise',
					kind: 'document',
					title: 'Premise history on screen',
					summary: `Disconnected ${disconnected} for non-payment; account holder then: ${former.name} (balance ${money(priorDebt)} unpaid). No service since.`,
					details: billLines(bills, money)
				}
			],
			accounts: [{ number, holder: owner.name, address: addr, status: 'pending', balanceCents: 0, depositHeldCents: 0 }],
			refs: { recordedOn, depositCents: amount, averagedCents: averaged, priorDebtCents: priorDebt },
			secrets: []
		};
	}
} satisfies Scenario;

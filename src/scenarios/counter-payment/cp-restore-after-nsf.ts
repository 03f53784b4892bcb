/**
 * Restoration after a lock-off caused by a returned payment, paid at 4:10 pm: the customer offers a
 * personal check (F-09) and asks for tonight's after-hours reconnect (F-10).
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, checkNumber, money, person } from '../shared/variants';
import { nextBusinessDay } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

const account = { $ref: 'refs.account' };
const identify: PathStep[] = [
	{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
	{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'ssn-last4' } }
];
const amount: PathStep = { do: { type: 'amount.entered', amountCents: { $ref: 'refs.requiredCents' }, stubAmountCents: null } };
const afterPayment: PathStep[] = [
	{ do: { type: 'card.approved', authCode: { $ref: 'refs.authCode' } } },
	{ do: { type: 'payment.posted' } },
	{ do: { type: 'reconnect.ordered', scheduledFor: { $ref: 'refs.reconnectDate' } } },
	{ do: { type: 'receipt.issued' } },
	{ do: { type: 'note.written', note: 'Holder verified (SSN last 4). Lock-off after a returned payment: no after-hours restoration, no personal check. Paid in full by card; reconnect order placed for the next business day.' } }
];

export default {
	id: 'cp-restore-after-nsf',
	version: 1,
	title: 'Lights off after a bounced check',
	procedure: 'counter-payment',
	level: 'csr2',
	brief:
		'It is 4:10 pm. A customer whose service was locked off this morning comes to the counter to get it back on tonight. The lock-off followed a returned payment. Restore the service the way policy allows.',
	objectives: [
		'Quote the full restoration amount (past-due, lock-off fee, reconnect fee, deposit)',
		'Take guaranteed funds only for a restoration',
		'Know when after-hours restoration is never offered',
		'Place the reconnect order before anything else once it is paid'
	],
	competencies: ['C-PAY', 'C-RESTORE'],
	persona: { role: 'Account holder, service locked off', manner: 'Stressed, insistent, polite', startingMood: 6, behaviour: ['Asks for someone to come out tonight', 'Offers a personal check first', 'Pays by debit card when the check is refused'] },
	colleagues: [],
	faults: [
		{
			id: 'F-09',
			title: 'A personal check offered to restore locked-off service',
			found: { all: [{ event: 'check.refused', where: { problem: 'restoration' } }, { not: { refusedRule: 'check-restoration' } }] },
			correctMove: 'Refuse the personal check (restoration takes guaranteed funds: cash, money order, cashier’s check or card) and ask for another tender.',
			policyRef: '§6; §3 Checks'
		},
		{
			id: 'F-10',
			title: 'After-hours reconnect asked for after a lock-off caused by a returned payment',
			found: { all: [{ event: 'restoration.standard' }, { not: { refusedRule: 'after-hours-after-nsf' } }] },
			correctMove: 'After-hours restoration is never offered when a returned payment caused the lock-off: quote the standard restoration, reconnected the next business day.',
			policyRef: '§6'
		}
	],
	expected: [
		{ id: 'standard', label: 'Standard restoration quoted (no after-hours)', check: { ctx: 'quote.option', is: 'standard' }, policyRef: '§6' },
		{ id: 'paid-in-full', label: 'The full restoration amount was posted', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } }, policyRef: '§6' },
		{ id: 'deposit', label: 'The deposit now required was charged', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'deposit', amountCents: { $ref: 'refs.depositCents' } } }, policyRef: '§4 Existing customers' },
		{ id: 'guaranteed-funds', label: 'Paid in guaranteed funds', check: { ctx: 'tender.kind', is: { in: ['cash', 'card', 'money-order'] } }, policyRef: '§6' },
		{ id: 'reconnect', label: 'Reconnect order for the next business day', check: { effect: 'workOrder.create', where: { accountNumber: account, kind: 'reconnect', scheduledFor: { $ref: 'refs.reconnectDate' } } }, policyRef: '§6' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-reconnect', label: 'The note records the reconnect order', check: { event: 'note.written', where: { note: { contains: 'reconnect' } } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [
		{ step: 'restoreOption', text: 'Why was the service locked off? That decides whether after-hours is possible.' },
		{ step: 'tender', text: 'Restoring service takes guaranteed funds.' }
	],
	golden: [
		...identify,
		{ inspect: 'request' },
		{ do: { type: 'restoration.standard' } },
		amount,
		{ inspect: 'check' },
		{ do: { type: 'check.refused', check: { $ref: 'refs.check' }, problem: 'restoration' } },
		...afterPayment
	],
	mistakes: [
		{
			fault: 'F-09',
			description: 'Tries to accept the personal check; the machine refuses it.',
			steps: [...identify, { do: { type: 'restoration.standard' } }, amount, { do: { type: 'check.accepted', check: { $ref: 'refs.check' } } }, ...afterPayment],
			expect: { missed: ['F-09'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-10',
			description: 'Tries to sell the after-hours reconnect; the machine refuses it.',
			steps: [...identify, { do: { type: 'restoration.afterHours' } }, { do: { type: 'restoration.standard' } }, amount, { do: { type: 'check.refused', check: { $ref: 'refs.check' }, problem: 'restoration' } }, ...afterPayment],
			expect: { missed: ['F-10'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng, [1, 2, 3, 4]);
		const pastDue = cents(rng, 18000, 32000);
		const deposit = cents(rng, 14000, 26000, 100);
		const r = policy.restoration;
		const required = pastDue + policy.delinquency.lockoffFeeCents + r.reconnectFeeCents + deposit;
		const authCode = `${rng.pick(['6H', '3C', '8M'])}${rng.int(1000, 9999)}`;
		const check = { number: checkNumber(rng), payee: policy.utility, dated: date, writtenAmountCents: required, numericAmountCents: required, signed: true, twoParty: false };
		return {
			start: { date, time: '16:10' },
			weather: { lowF: rng.int(40, 55), highF: rng.int(60, 80), summary: 'Clear evening' },
			subject: number,
			machineInput: {
				account: {
					accountNumber: number,
					holderName: holder.name,
					serviceAddress: addr,
					status: 'locked',
					cashOnly: false,
					depositHeldCents: 0,
					standardDepositCents: deposit,
					balanceCents: pastDue + policy.delinquency.lockoffFeeCents,
					pastDueCents: pastDue,
					lockoffAmountCents: pastDue,
					lockoffCause: 'nsf',
					afterHoursRestorationsIn12Months: 0,
					authorisedContacts: []
				},
				batchRef: 'Counter 2'
			},
			customer: { name: holder.name, says: '“My power and water were shut off this morning. I need them back on tonight — I have kids at home.”' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen',
					summary: `${number}, ${holder.name}, ${addr}: LOCKED since 9:40 am today.`,
					details: [
						{ label: 'Lock-off reason', value: 'Returned payment (NSF) on the plan payment; 24-hour notice given' },
						{ label: 'Past-due', value: money(pastDue) },
						{ label: 'Deposit held', value: money(0) },
						{ label: 'Standard deposit for the premise', value: money(deposit) }
					]
				},
				{ id: 'request', kind: 'words', title: 'What the customer asks', summary: '“Can you send someone out tonight? I’ll pay the extra for after-hours, whatever it costs.”', details: [] },
				{
					id: 'check',
					kind: 'check',
					title: 'Personal check',
					summary: `Check ${check.number} from ${holder.name}’s checking account.`,
					details: [
						{ label: 'Payee', value: check.payee },
						{ label: 'Date', value: check.dated },
						{ label: 'Amount (numeric and written)', value: money(required) },
						{ label: 'Signature', value: 'Signed' },
						{ label: 'Kind', value: 'Personal check' }
					]
				},
				{ id: 'card', kind: 'words', title: 'Debit card', summary: `“OK — use my debit card then.” The terminal approves ${money(required)}: authorisation ${authCode}.`, details: [], when: { any: [{ event: 'check.refused' }, { event: 'check.accepted', refused: true }] } }
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'locked', balanceCents: pastDue + policy.delinquency.lockoffFeeCents, depositHeldCents: 0 }],
			refs: { account: number, holder: holder.name, address: addr, requiredCents: required, postedCents: -required, depositCents: deposit, reconnectDate: nextBusinessDay(date), check, authCode },
			secrets: []
		};
	}
} satisfies Scenario;

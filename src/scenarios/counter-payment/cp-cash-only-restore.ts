/**
 * Counter payment, restoration (CSR III): a cash-only account locked off after its second returned
 * check. At 4:40 pm the holder wants after-hours reconnection (F-10), offers a personal check (F-06)
 * and, paying in $100s, tries to swap bills while the change is counted back (F-03).
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
const standard: PathStep = { do: { type: 'restoration.standard' } };
const amount: PathStep = { do: { type: 'amount.entered', amountCents: { $ref: 'refs.requiredCents' }, stubAmountCents: null } };
const refuseCheck: PathStep = { do: { type: 'check.refused', check: { $ref: 'refs.check' }, problem: 'cash-only' } };
const cash: PathStep[] = [
	{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
	{ do: { type: 'bills.accepted' } }
];
const after = (note: string): PathStep[] => [
	{ do: { type: 'change.counted', changeCents: { $ref: 'refs.changeCents' } } },
	{ do: { type: 'payment.posted' } },
	{ do: { type: 'reconnect.ordered', scheduledFor: { $ref: 'refs.reconnectDate' } } },
	{ do: { type: 'receipt.issued' } },
	{ do: { type: 'note.written', note } }
];
const GOLDEN_NOTE =
	'Holder verified (SSN last 4). Locked off after a returned check; account cash-only: no after-hours restoration, personal check refused (cash-only). Paid in cash; quick-change swap attempt stopped during the count back. Reconnect order placed for the next business day.';

export default {
	id: 'cp-cash-only-restore',
	version: 1,
	title: 'Cash-only, locked off, and in a hurry',
	procedure: 'counter-payment',
	level: 'csr3',
	brief:
		'It is 4:40 pm. A holder whose service was locked off this morning wants it back on tonight. The account went cash-only after a second returned check. He has his checkbook and a roll of hundreds. Restore the service the way policy allows, and count carefully.',
	objectives: [
		'Know why after-hours restoration is never offered after a lock-off caused by a returned payment',
		'Refuse a check on a cash-only account and say why',
		'Screen the $100s, count the change back and stop a quick-change attempt',
		'Place the reconnect order for the right day before anything else once it is paid'
	],
	competencies: ['C-PAY', 'C-RESTORE'],
	persona: {
		role: 'Account holder, service locked off, cash-only account',
		manner: 'Pushy, talks fast, keeps changing the subject',
		startingMood: 6,
		behaviour: ['Asks for someone tonight, whatever it costs', 'Writes a personal check first', 'Pays in $100s and asks to swap bills mid-count']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-10',
			title: 'After-hours reconnect asked for after a lock-off caused by a returned payment',
			found: { all: [{ event: 'restoration.standard' }, { not: { refusedRule: 'after-hours-after-nsf' } }] },
			correctMove: 'Never offer after-hours when a returned payment caused the lock-off: quote the standard restoration, reconnected the next business day (paid after 3:00 pm).',
			policyRef: '§6'
		},
		{
			id: 'F-06',
			title: 'A personal check offered on a cash-only account',
			found: { all: [{ event: 'check.refused', where: { problem: 'cash-only' } }, { not: { event: 'check.accepted', refused: true } }] },
			correctMove: 'Refuse the check: the account is cash-only for 12 months after two returned items (and a restoration takes guaranteed funds anyway). Ask for cash, a money order, a cashier’s check or a card.',
			policyRef: '§3 Returned item; §3 Checks'
		},
		{
			id: 'F-03',
			title: 'Quick-change attempt during the count back',
			found: { event: 'quickChange.stopped' },
			correctMove: 'Stop, keep the tendered bills on the ledge, finish this transaction before any swap.',
			policyRef: '§2 Take cash'
		}
	],
	expected: [
		{ id: 'standard', label: 'Standard restoration quoted (no after-hours)', check: { ctx: 'quote.option', is: 'standard' }, policyRef: '§6' },
		{ id: 'paid-in-full', label: 'The full restoration amount was posted', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } }, policyRef: '§6' },
		{ id: 'cash', label: 'Paid in cash with the right change', check: { all: [{ ctx: 'tender.kind', is: 'cash' }, { ctx: 'tender.changeCents', is: { $ref: 'refs.changeCents' } }] }, policyRef: '§2 Take cash' },
		{ id: 'swap-stopped', label: 'The swap was refused until this transaction was done', check: { not: { choice: 'swap.go-along' } }, policyRef: '§2 Take cash' },
		{ id: 'reconnect', label: 'Reconnect order for the next business day', check: { effect: 'workOrder.create', where: { accountNumber: account, kind: 'reconnect', scheduledFor: { $ref: 'refs.reconnectDate' } } }, policyRef: '§6' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note-reconnect', label: 'The note records the reconnect order', check: { event: 'note.written', where: { note: { contains: 'reconnect' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-cash-only', label: 'The note records the refused check (cash-only)', check: { event: 'note.written', where: { note: { contains: 'cash-only' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-quick', label: 'The note records the quick-change attempt', check: { event: 'note.written', where: { note: { contains: 'quick-change' } } }, policyRef: '§1 Account notes; §2 Take cash' }
	],
	prompts: [
		{
			id: 'swap',
			step: 'change',
			from: 'The holder',
			text: '“Hang on — give me back one of those hundreds and I’ll give you five twenties, I need the big bill for my brother… no wait, keep that, give me the tens and—” He pushes bills across the ledge while you count.',
			blocking: true,
			options: [
				{
					id: 'stop',
					label: '“One thing at a time — I’ll finish your change first.” Push his bills back and count from the start.',
					do: [{ by: 'trainee', event: { type: 'quickChange.stopped', note: 'Holder asked to swap a $100 mid-count; stopped and finished the restoration payment first.' } }],
					then: 'He sighs, pockets his twenties and waits.'
				},
				{
					id: 'go-along',
					label: 'Swap the bills as he asks and keep counting',
					violation: { rule: 'quick-change-followed', reason: 'Swapped bills mid-count at the customer’s request: the drawer comes up short.', policyRef: '§2 Take cash' },
					then: 'He leaves in a hurry. Your drawer will be $20.00 short at close.'
				}
			]
		}
	],
	targetMinutes: 10,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [
		{ step: 'restoreOption', text: 'What caused the lock-off? And what time is it?' },
		{ step: 'tender', text: 'Look at the account flags before you look at the check.' }
	],
	golden: [
		...identify,
		{ inspect: 'account-screen' },
		{ inspect: 'request' },
		standard,
		amount,
		{ inspect: 'check' },
		refuseCheck,
		...cash.slice(0, 1),
		{ inspect: 'hundreds' },
		...cash.slice(1),
		{ choose: 'swap.stop' },
		...after(GOLDEN_NOTE)
	],
	mistakes: [
		{
			fault: 'F-10',
			description: 'Sells the after-hours reconnect; the machine refuses it.',
			steps: [...identify, { do: { type: 'restoration.afterHours' } }, standard, amount, refuseCheck, ...cash, { choose: 'swap.stop' }, ...after(GOLDEN_NOTE)],
			expect: { missed: ['F-10'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-06',
			description: 'Tries to take the personal check; the machine refuses it.',
			steps: [
				...identify,
				standard,
				amount,
				{ do: { type: 'check.accepted', check: { $ref: 'refs.check' } } },
				...cash,
				{ choose: 'swap.stop' },
				...after('Holder verified (SSN last 4). Paid the restoration in cash; quick-change swap stopped; reconnect order placed for the next business day.')
			],
			expect: { missed: ['F-06'], passed: true, lost: { compliance: 10, documentation: 3.33 } }
		},
		{
			fault: 'F-03',
			description: 'Goes along with the swap during the count back.',
			steps: [...identify, standard, amount, refuseCheck, ...cash, { choose: 'swap.go-along' }, ...after('Holder verified (SSN last 4). Personal check refused (cash-only). Paid in cash; reconnect order placed for the next business day.')],
			expect: { missed: ['F-03'], passed: false, lost: { outcome: 8, compliance: 10, documentation: 3.33 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng, [1, 2, 3, 4]);
		const pastDue = cents(rng, 21000, 38000);
		const deposit = cents(rng, 16000, 28000, 100);
		const required = pastDue + policy.delinquency.lockoffFeeCents + policy.restoration.reconnectFeeCents + deposit;
		const hundreds = Math.floor(required / 10000) + 1;
		const check = { number: checkNumber(rng), payee: policy.utility, dated: date, writtenAmountCents: required, numericAmountCents: required, signed: true, twoParty: false };
		const balance = pastDue + policy.delinquency.lockoffFeeCents;
		return {
			start: { date, time: '16:40' },
			weather: { lowF: rng.int(34, 50), highF: rng.int(55, 72), summary: rng.pick(['Cold evening', 'Rain after dark', 'Clear and chilly']) },
			subject: number,
			machineInput: {
				account: {
					accountNumber: number,
					holderName: holder.name,
					serviceAddress: addr,
					status: 'locked',
					cashOnly: true,
					depositHeldCents: 0,
					standardDepositCents: deposit,
					balanceCents: balance,
					pastDueCents: pastDue,
					lockoffAmountCents: pastDue,
					lockoffCause: 'nsf',
					afterHoursRestorationsIn12Months: 0,
					authorisedContacts: []
				},
				batchRef: 'Counter 1'
			},
			customer: { name: holder.name, says: '“They cut me off this morning. I need it back tonight — send somebody, I’ll pay whatever the after-hours thing is.”' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen',
					summary: `${number}, ${holder.name}, ${addr}: LOCKED since ${rng.pick(['9:15', '10:05', '10:40'])} am today. Flag: CASH-ONLY.`,
					details: [
						{ label: 'Lock-off reason', value: 'Returned check (NSF), second in 12 months' },
						{ label: 'Cash-only until', value: 'twelve months from the second return' },
						{ label: 'Past-due', value: money(pastDue) },
						{ label: 'Deposit held', value: money(0) },
						{ label: 'Standard deposit for the premise', value: money(deposit) }
					]
				},
				{ id: 'request', kind: 'words', title: 'What the customer asks', summary: '“After-hours, tonight. I’ve got a kid with asthma and it’s cold.”', details: [] },
				{
					id: 'check',
					kind: 'check',
					title: 'Personal check',
					summary: `Check ${check.number} from ${holder.name}’s checking account, already filled in.`,
					details: [
						{ label: 'Payee', value: check.payee },
						{ label: 'Date', value: check.dated },
						{ label: 'Amount (numeric and written)', value: money(required) },
						{ label: 'Signature', value: 'Signed' }
					]
				},
				{
					id: 'hundreds',
					kind: 'note',
					title: `${hundreds} × $100 bills`,
					summary: `“Fine, cash then.” ${money(hundreds * 10000)} on the ledge.`,
					details: [
						{ label: 'Portrait watermark', value: 'Present on every bill' },
						{ label: 'Security thread', value: 'Present, glows pink under UV' },
						{ label: 'Colour-shifting 100', value: 'Copper to green when tilted' }
					],
					when: { any: [{ event: 'check.refused' }, { event: 'check.accepted', refused: true }] }
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'locked', balanceCents: balance, depositHeldCents: 0 }],
			refs: {
				account: number,
				holder: holder.name,
				address: addr,
				requiredCents: required,
				postedCents: -required,
				tendered: { d100: hundreds },
				changeCents: hundreds * 10000 - required,
				reconnectDate: nextBusinessDay(date),
				check
			},
			secrets: []
		};
	}
} satisfies Scenario;

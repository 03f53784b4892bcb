/**
 * Counter payment: a cash payment with change due, and the payer tries to swap bills while the change
 * is counted back (F-03, quick-change). The skill: stop, finish this transaction, then anything else.
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';

const account = { $ref: 'refs.account' };

export default {
	id: 'cp-quick-change',
	version: 1,
	title: 'Twenties, ones and a fast talker',
	procedure: 'counter-payment',
	level: 'csr1',
	brief:
		'Late morning at the front counter. A friendly man pays his aunt’s bill in cash and needs change. Take the payment the way policy says — and keep your eyes on the ledge while you count back.',
	objectives: [
		'Take a payment from someone who is not the holder without saying any figure from the account',
		'Keep the tendered bills on the ledge while the change is counted back',
		'Stop a quick-change attempt and finish the transaction in front of you first',
		'Post, give the receipt and write the account note'
	],
	competencies: ['C-PAY'],
	persona: {
		role: 'Payer, not the account holder (paying for his aunt)',
		manner: 'Chatty, quick, very friendly',
		behaviour: ['Reads the amount off the stub himself', 'Pays with twenties', 'While the change is counted, asks to swap bills and rolls the conversation on fast']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-03',
			title: 'Quick-change attempt: swapping bills mid-count',
			found: { event: 'quickChange.stopped' },
			correctMove: 'Stop counting, keep the tendered bills on the ledge, finish this transaction (change counted back in full) before any swap — then treat a swap as a new, separate exchange.',
			policyRef: '§2 Take cash'
		}
	],
	expected: [
		{ id: 'posted', label: 'The payment was posted to the account on the stub', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } }, policyRef: '§3 Payments' },
		{ id: 'change', label: 'The right change was counted back', check: { ctx: 'tender.changeCents', is: { $ref: 'refs.changeCents' } }, policyRef: '§2 Take cash' },
		{ id: 'stopped', label: 'The swap was refused until this transaction was done', check: { all: [{ ctx: 'quickChangeStops', is: { len: 1 } }, { not: { choice: 'swap.go-along' } }] }, policyRef: '§2 Take cash' },
		{ id: 'receipt', label: 'A receipt was given', check: { ctx: 'receipt', is: { exists: true } }, policyRef: '§3 Payments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-quick', label: 'The note records the quick-change attempt', check: { event: 'note.written', where: { note: { contains: 'quick-change' } } }, policyRef: '§1 Account notes; §2 Take cash' }
	],
	prompts: [
		{
			id: 'swap',
			step: 'change',
			from: 'The payer',
			text: '“Oh hey — before you finish, can you give me a ten for these ten ones? Actually, here, take the twenty back and give me two tens and… wait, plus the ones, you owe me, let’s just call it—” He slides bills toward you while you are mid-count.',
			blocking: true,
			options: [
				{
					id: 'stop',
					label: '“Let me finish this first.” Put his bills back on his side, count the change back from the start.',
					do: [{ by: 'trainee', event: { type: 'quickChange.stopped', note: 'Payer asked to swap bills mid-count; stopped, finished the transaction first.' } }],
					then: 'He laughs — “Sure, sure” — and waits while you count back from the top.'
				},
				{
					id: 'go-along',
					label: 'Swap the bills as he asks and carry on counting',
					violation: { rule: 'quick-change-followed', reason: 'Swapped bills mid-count at the payer’s request: the drawer comes up short by the “change” he talked you out of.', policyRef: '§2 Take cash' },
					then: 'He thanks you and leaves quickly. At close your drawer will be $10.00 short.'
				}
			]
		}
	],
	targetMinutes: 6,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [{ step: 'change', text: 'Finish the transaction in front of you before any other exchange. The tendered bills stay on the ledge.' }],
	golden: [
		{ inspect: 'stub' },
		{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
		{ do: { type: 'payer.unverified', name: { $ref: 'refs.payer' } } },
		{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.amountCents' } } },
		{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
		{ choose: 'swap.stop' },
		{ do: { type: 'change.counted', changeCents: { $ref: 'refs.changeCents' } } },
		{ do: { type: 'payment.posted' } },
		{ do: { type: 'receipt.issued' } },
		{ do: { type: 'note.written', note: 'Paid in cash by the holder’s nephew (not verified, no figures given). He tried a quick-change swap during the count back; stopped and finished the transaction first.' } }
	],
	mistakes: [
		{
			fault: 'F-03',
			description: 'Goes along with the swap mid-count.',
			steps: [
				{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
				{ do: { type: 'payer.unverified', name: { $ref: 'refs.payer' } } },
				{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.amountCents' } } },
				{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
				{ choose: 'swap.go-along' },
				{ do: { type: 'change.counted', changeCents: { $ref: 'refs.changeCents' } } },
				{ do: { type: 'payment.posted' } },
				{ do: { type: 'receipt.issued' } },
				{ do: { type: 'note.written', note: 'Paid in cash by the holder’s nephew (not verified, no figures given).' } }
			],
			expect: { missed: ['F-03'], passed: false, lost: { outcome: 10, compliance: 10, documentation: 5 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const payer = person(rng, [holder]);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const amount = cents(rng, 4210, 9870);
		const twenties = Math.floor(amount / 2000) + 1;
		const tendered = twenties * 2000;
		return {
			start: { date, time: rng.pick(['11:05', '11:20', '11:40']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(62, 86), summary: rng.pick(['Sunny', 'Partly cloudy', 'Breezy']) },
			subject: number,
			machineInput: {
				account: {
					accountNumber: number,
					holderName: holder.name,
					serviceAddress: addr,
					status: 'active',
					cashOnly: false,
					depositHeldCents: 15000,
					standardDepositCents: null,
					balanceCents: amount,
					pastDueCents: 0,
					lockoffAmountCents: 0,
					lockoffCause: null,
					afterHoursRestorationsIn12Months: 0,
					authorisedContacts: []
				},
				batchRef: 'Counter 1'
			},
			customer: { name: payer.name, says: `“Morning! Paying my aunt’s water bill — it’s on the stub, ${money(amount)}. Here you go.”` },
			drawer: null,
			items: [
				{ id: 'stub', kind: 'document', title: 'Bill stub', summary: `Account ${number}, ${holder.name}, ${addr}.`, details: [{ label: 'Amount due', value: money(amount) }] },
				{ id: 'twenties', kind: 'note', title: `${twenties} × $20 bills`, summary: `${money(tendered)} laid on the ledge.`, details: [{ label: 'Condition', value: 'Ordinary circulated twenties' }] }
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'active', balanceCents: amount, depositHeldCents: 15000 }],
			refs: { account: number, holder: holder.name, address: addr, payer: payer.name, amountCents: amount, postedCents: -amount, tendered: { d20: twenties }, changeCents: tendered - amount },
			secrets: []
		};
	}
} satisfies Scenario;

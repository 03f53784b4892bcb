/**
 * Counter payment: the customer reads the account number from a note on her phone with two digits
 * swapped; the number keyed pulls up a similar account, someone else's (F-07). The skill: confirm
 * number, holder and address against the customer, never against the screen; record the mismatch.
 */
import type { PathStep, Scenario } from '../schema';
import { address, businessDay, cents, makeChange, money, person } from '../shared/variants';

const screenAccount = { $ref: 'refs.screenAccount' };

/** The customer's number with two neighbouring digits of its middle block swapped (never equal). */
function transpose(n: string, at: number): string {
	const [a, body, c] = n.split('-');
	const d = body.split('');
	[d[at], d[at + 1]] = [d[at + 1], d[at]];
	return `${a}-${d.join('')}-${c}`;
}

const readBack: PathStep[] = [
	{ do: { type: 'account.confirmed', accountNumber: screenAccount, holderName: { $ref: 'refs.screenHolder' }, serviceAddress: { $ref: 'refs.screenAddress' } } },
	{ do: { type: 'payer.unverified', name: { $ref: 'refs.customer' } } },
	{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: null } },
	{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
	{ do: { type: 'payment.posted' } },
	{ do: { type: 'receipt.issued' } },
	{ do: { type: 'note.written', note: 'Payment in cash at the counter, payer not verified, no figures given.' } }
];

export default {
	id: 'cp-transposed-stub',
	version: 1,
	title: 'The number on her phone',
	procedure: 'counter-payment',
	level: 'csr1',
	brief:
		'Early afternoon. A customer without her bill stub reads her account number off a note on her phone and wants to pay cash. You key the number and an account comes up. Take the payment — on the right account.',
	objectives: [
		'Confirm the account number, the holder name and the service address with the customer before anything else',
		'Recognise a similar account (a transposed number) and never post to an account that does not match',
		'Record the mismatch and what the customer was told'
	],
	competencies: ['C-PAY', 'C-ID'],
	persona: { role: 'Account holder without her stub', manner: 'In a hurry, on her lunch break', behaviour: ['Reads the number from her phone', 'Says “yes, yes” to anything read back quickly', 'Has the exact cash ready'] },
	colleagues: [],
	faults: [
		{
			id: 'F-07',
			title: 'Transposed account number: a similar account exists',
			found: { event: 'account.mismatched' },
			correctMove: 'Ask the customer for the holder name and service address and compare them with the account on screen: they differ, so do not post. Record the mismatch; the payment is taken on her own account once it is found.',
			policyRef: '§3 Payments; §3 Misapplied payment'
		}
	],
	expected: [
		{ id: 'mismatch', label: 'The mismatch was recorded and nothing was taken on the wrong account', check: { outcome: ['account-mismatch'] }, policyRef: '§3 Payments' },
		{ id: 'no-post', label: 'No payment was posted to the similar account', check: { not: { effect: 'ledger.post', where: { accountNumber: screenAccount } } }, policyRef: '§3 Misapplied payment' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'The mismatch note says the number was transposed', check: { event: 'account.mismatched', where: { note: { contains: 'transpos' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-told', label: 'The note says what the customer was told', check: { event: 'account.mismatched', where: { note: { contains: 'told' } } }, policyRef: '§1 Account notes' }
	],
	critical: [
		{ code: 'payment-wrong-account', when: { effect: 'ledger.post', where: { accountNumber: screenAccount, kind: 'payment' } }, reason: 'The payment was posted to someone else’s account (the transposed number).', policyRef: '§3 Misapplied payment' }
	],
	targetMinutes: 5,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [{ step: 'identify', text: 'Ask her for the name and address on the account — do not read the screen to her.' }],
	golden: [
		{ inspect: 'phone-note' },
		{ inspect: 'words' },
		{
			do: {
				type: 'account.mismatched',
				accountNumber: screenAccount,
				holderName: { $ref: 'refs.customer' },
				serviceAddress: { $ref: 'refs.customerAddress' },
				note: { $ref: 'refs.goldenNote' }
			}
		}
	],
	mistakes: [
		{
			fault: 'F-07',
			description: 'Reads the screen’s name and address back, gets a hurried “yes”, and posts the payment to the similar account.',
			steps: readBack,
			expect: { missed: ['F-07'], critical: 'payment-wrong-account', passed: false, lost: { outcome: 40, documentation: 10 } }
		}
	],
	world(rng) {
		const customer = person(rng);
		const other = person(rng, [customer]);
		const customerAddress = address(rng);
		const screenAddress = address(rng, [customerAddress]);
		let own = '';
		let keyed = '';
		while (own === keyed) {
			own = `100-${rng.int(700000, 799999)}-0${rng.int(1, 3)}`;
			keyed = transpose(own, rng.int(1, 4));
		}
		const date = businessDay(rng);
		const amount = cents(rng, 5100, 14800, 100) + rng.pick([0, 50, 25]);
		const screenBalance = cents(rng, 3000, 20000);
		return {
			start: { date, time: rng.pick(['12:15', '12:30', '12:50']) },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 88), summary: rng.pick(['Sunny', 'Hazy', 'Cloudy']) },
			subject: keyed,
			machineInput: {
				account: {
					accountNumber: keyed,
					holderName: other.name,
					serviceAddress: screenAddress,
					status: 'active',
					cashOnly: false,
					depositHeldCents: 15000,
					standardDepositCents: null,
					balanceCents: screenBalance,
					pastDueCents: 0,
					lockoffAmountCents: 0,
					lockoffCause: null,
					afterHoursRestorationsIn12Months: 0,
					authorisedContacts: []
				},
				batchRef: 'Counter 2'
			},
			customer: { name: customer.name, says: `“Hi, I don’t have my stub — the number’s ${keyed}. I want to pay ${money(amount)} in cash.”` },
			drawer: null,
			items: [
				{ id: 'phone-note', kind: 'document', title: 'Note on her phone', summary: `“Water acct ${keyed}” — typed from memory, she says.`, details: [] },
				{ id: 'words', kind: 'words', title: 'Asked for her name and address', summary: `“${customer.name}, ${customerAddress}.”`, details: [] },
				{ id: 'cash', kind: 'note', title: 'Cash on the ledge', summary: `${money(amount)}, exact.`, details: [] }
			],
			accounts: [
				{ number: keyed, holder: other.name, address: screenAddress, status: 'active', balanceCents: screenBalance, depositHeldCents: 15000 },
				{ number: own, holder: customer.name, address: customerAddress, status: 'active', balanceCents: amount, depositHeldCents: 15000 }
			],
			refs: {
				screenAccount: keyed,
				screenHolder: other.name,
				screenAddress,
				ownAccount: own,
				customer: customer.name,
				customerAddress,
				amountCents: amount,
				tendered: makeChange(amount),
				goldenNote: `Customer ${customer.name}, ${customerAddress}, gave number ${keyed} from memory: holder and address on that account do not match — likely transposed digits. Told her nothing was taken on this account and looked up her own account by name and address.`
			},
			secrets: []
		};
	}
} satisfies Scenario;

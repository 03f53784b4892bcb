/**
 * Counter payment (CSR II): a verified holder pays the full balance by check — first a two-party
 * check signed over to the utility (F-04), then his own check dated for payday (F-05). Both are
 * refused for the right reason; he pays by debit card.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, checkNumber, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

const account = { $ref: 'refs.account' };
const identify: PathStep[] = [
	{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
	{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'photo-id' } },
	{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.amountCents' } } }
];
const refuseTwoParty: PathStep = { do: { type: 'check.refused', check: { $ref: 'refs.twoParty' }, problem: 'two-party' } };
const refusePostDated: PathStep = { do: { type: 'check.refused', check: { $ref: 'refs.postDated' }, problem: 'post-dated' } };
const finish = (note: string): PathStep[] => [
	{ do: { type: 'card.approved', authCode: { $ref: 'refs.authCode' } } },
	{ do: { type: 'payment.posted' } },
	{ do: { type: 'receipt.issued' } },
	{ do: { type: 'note.written', note } }
];

export default {
	id: 'cp-two-party-postdated',
	version: 1,
	title: 'Two checks, neither one good',
	procedure: 'counter-payment',
	level: 'csr2',
	brief:
		'Mid-afternoon. A holder comes in to pay his whole balance by check. He has a check from his landlord for a repair, signed over to the utility — and his own checkbook if that is a problem. Take the payment the way policy says.',
	objectives: ['Inspect every check against the §3 rules: payee, two-party, date, amounts, signature', 'Refuse a check for its actual problem and explain it plainly', 'Offer the tenders that are accepted and complete the payment'],
	competencies: ['C-PAY'],
	persona: {
		role: 'Account holder, paying in full',
		manner: 'Reasonable, slightly impatient, used to paying by check',
		behaviour: ['Offers a check written to him by his landlord and endorsed over', 'Then writes his own check dated his next payday', 'Pays by debit card when both are refused']
	},
	colleagues: [],
	faults: [
		{
			id: 'F-04',
			title: 'A two-party check endorsed over to the utility',
			found: { event: 'check.refused', where: { problem: 'two-party' } },
			correctMove: 'Refuse it: a check written to someone else and signed over (two-party) is not accepted. Ask for his own check, cash, a money order or a card.',
			policyRef: '§3 Checks'
		},
		{
			id: 'F-05',
			title: 'A post-dated check',
			found: { event: 'check.refused', where: { problem: 'post-dated' } },
			correctMove: 'Refuse it: the check is dated after today. It cannot be held until payday; ask for another tender.',
			policyRef: '§3 Checks'
		}
	],
	expected: [
		{ id: 'posted', label: 'The full balance was posted to his account', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } }, policyRef: '§3 Payments' },
		{ id: 'no-bad-check', label: 'No check was taken', check: { not: { ctx: 'tender.kind', is: 'check' } }, policyRef: '§3 Checks' },
		{ id: 'refusals', label: 'Both checks were refused for their own problem', check: { ctx: 'refusedChecks', is: { len: 2 } }, policyRef: '§3 Checks' },
		{ id: 'receipt', label: 'A receipt was given', check: { ctx: 'receipt', is: { exists: true } }, policyRef: '§3 Payments' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-checks', label: 'The note records the refused checks and why', check: { event: 'note.written', where: { note: { contains: 'post-dated' } } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 7,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [{ step: 'tender', text: 'Read each check: who is it payable to, who wrote it, and what date is on it?' }],
	golden: [
		...identify,
		{ inspect: 'check-landlord' },
		refuseTwoParty,
		{ inspect: 'check-own' },
		refusePostDated,
		...finish('Holder verified by photo ID; paid the balance by debit card. Refused a two-party check (landlord’s check endorsed over) and a post-dated personal check (dated his payday).')
	],
	mistakes: [
		{
			fault: 'F-04',
			description: 'Tries to take the landlord’s check because it is endorsed to the utility; the machine refuses it.',
			steps: [
				...identify,
				{ do: { type: 'check.accepted', check: { $ref: 'refs.twoParty' } } },
				refusePostDated,
				...finish('Holder verified by photo ID; paid by debit card. Refused a post-dated personal check.')
			],
			expect: { missed: ['F-04'], passed: true, lost: { outcome: 10, compliance: 10 } }
		},
		{
			fault: 'F-05',
			description: 'Refuses the two-party check, then tries to take the post-dated one; the machine refuses it.',
			steps: [...identify, refuseTwoParty, { do: { type: 'check.accepted', check: { $ref: 'refs.postDated' } } }, ...finish('Holder verified by photo ID; paid by debit card after a two-party check was refused.')],
			expect: { missed: ['F-05'], passed: false, lost: { outcome: 10, compliance: 10, documentation: 5 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const landlord = person(rng, [holder]);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng, [1, 2, 3]);
		const amount = cents(rng, 11200, 26800);
		const payday = addDays(date, rng.int(2, 9));
		const authCode = `${rng.pick(['5T', '8Q', '1Z', '4R'])}${rng.int(1000, 9999)}`;
		const twoParty = { number: checkNumber(rng), payee: holder.name, dated: addDays(date, -rng.int(2, 12)), writtenAmountCents: amount, numericAmountCents: amount, signed: true, twoParty: true };
		const postDated = { number: checkNumber(rng), payee: policy.utility, dated: payday, writtenAmountCents: amount, numericAmountCents: amount, signed: true, twoParty: false };
		return {
			start: { date, time: rng.pick(['14:10', '14:35', '15:05']) },
			weather: { lowF: rng.int(42, 60), highF: rng.int(64, 90), summary: rng.pick(['Sunny', 'Windy', 'Partly cloudy']) },
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
				batchRef: 'Counter 3'
			},
			customer: { name: holder.name, says: '“I’d like to pay everything off. My landlord owed me for fixing the water heater, so I just signed his check over to you guys — that works, right?”' },
			drawer: null,
			items: [
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${holder.name}, ${addr}, Riverton CA.`, details: [{ label: 'Photo', value: 'Matches the customer' }] },
				{
					id: 'check-landlord',
					kind: 'check',
					title: `Check ${twoParty.number} from ${landlord.name}`,
					summary: `Drawn on ${landlord.name}’s account.`,
					details: [
						{ label: 'Pay to the order of', value: holder.name },
						{ label: 'Date', value: twoParty.dated },
						{ label: 'Amount (numeric and written)', value: money(amount) },
						{ label: 'Signature', value: `Signed by ${landlord.name}` },
						{ label: 'Back', value: `“Pay to ${policy.utility} — ${holder.name}”` }
					]
				},
				{
					id: 'check-own',
					kind: 'check',
					title: `Check ${postDated.number}, his own`,
					summary: '“Fine, I’ll write you one of mine. I get paid in a few days — I’ll date it for payday, you can hold it till then, right?”',
					details: [
						{ label: 'Pay to the order of', value: policy.utility },
						{ label: 'Date', value: payday },
						{ label: 'Amount (numeric and written)', value: money(amount) },
						{ label: 'Signature', value: 'Signed' }
					],
					when: { any: [{ event: 'check.refused' }, { event: 'check.accepted', refused: true }] }
				},
				{
					id: 'card',
					kind: 'words',
					title: 'Debit card',
					summary: `“OK, OK — debit card.” The terminal approves ${money(amount)}: authorisation ${authCode}.`,
					details: [],
					when: { any: [{ event: 'check.refused', where: { problem: 'post-dated' } }, { event: 'check.accepted', refused: true, where: { check: { number: postDated.number } } }] }
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'active', balanceCents: amount, depositHeldCents: 15000 }],
			refs: { account: number, holder: holder.name, address: addr, amountCents: amount, postedCents: -amount, twoParty, postDated, authCode },
			secrets: []
		};
	}
} satisfies Scenario;

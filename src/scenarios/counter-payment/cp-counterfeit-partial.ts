/**
 * Counter payment: a holder pays part of a past-due bill in cash; the $100 in the tender is
 * counterfeit (F-02) and the payment will not stop the scheduled lock-off (F-08).
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';

const account = { $ref: 'refs.account' };

export default {
	id: 'cp-counterfeit-partial',
	version: 1,
	title: 'A partial payment and a doubtful $100',
	procedure: 'counter-payment',
	level: 'csr1',
	brief:
		'Mid-morning at the front counter. A customer with a lock-off notice comes to pay what they can in cash. Take the payment the way policy says — and look at what you are handed.',
	objectives: [
		'Confirm the account (number, holder, address) and verify the payer before saying any amount',
		'Tell a verified payer when a payment will not stop the scheduled lock-off',
		'Screen $50 and $100 bills; retain a suspected counterfeit and report it',
		'Post, give the receipt and write the account note'
	],
	competencies: ['C-PAY', 'C-ID'],
	persona: { role: 'Account holder with a lock-off notice', manner: 'Hurried, friendly, a little embarrassed', behaviour: ['Believes any payment stops the lock-off', 'Hands over a $100 and a $20 folded together', 'Pays by debit card if the $100 is refused'] },
	colleagues: [],
	faults: [
		{
			id: 'F-02',
			title: 'A counterfeit $100 in the tender',
			found: { all: [{ event: 'counterfeit.flagged', where: { denomination: 'd100' } }, { event: 'counterfeit.retained' }] },
			correctMove: 'Screen the $100: no watermark and no security thread. Keep the note, ask for another tender, tell the senior and write the incident report.',
			policyRef: '§2 Take cash; §2 Counterfeit handling'
		},
		{
			id: 'F-08',
			title: 'The payment is below the amount that stops the lock-off',
			found: { event: 'shortfall.warned' },
			correctMove: 'Before posting, tell the verified holder the payment is below the lock-off amount on the notice (with the figures) and when it is due.',
			policyRef: '§3 Payments'
		}
	],
	expected: [
		{ id: 'posted', label: 'The payment was posted to the right account', check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } }, policyRef: '§3 Payments' },
		{ id: 'warned', label: 'The holder was told the payment will not stop the lock-off', check: { ctx: 'warning.kind', is: 'shortfall' }, policyRef: '§3 Payments' },
		{ id: 'retained', label: 'The suspected counterfeit was retained and reported', check: { all: [{ ctx: 'counterfeits', is: { some: { denomination: 'd100' } } }, { effect: 'incident.report' }] }, policyRef: '§2 Counterfeit handling' },
		{ id: 'receipt', label: 'A receipt was given', check: { ctx: 'receipt', is: { exists: true } }, policyRef: '§3 Payments' }
	],
	softOrder: [{ id: 'shortfall-warning-before-posting', description: 'Warn that the payment will not stop the lock-off before posting it.', policyRef: '§3 Payments' }],
	documentation: [
		{ id: 'note', label: 'An account note was written', check: { event: 'note.written' }, policyRef: '§1 Account notes' },
		{ id: 'note-lockoff', label: 'The note records the lock-off warning', check: { event: 'note.written', where: { note: { contains: 'lock' } } }, policyRef: '§1 Account notes' }
	],
	critical: [{ code: 'counterfeit-accepted', when: { ctx: 'tender.detail', is: { contains: '×$100' } }, reason: 'The counterfeit $100 was taken as payment.', policyRef: '§2 Counterfeit handling' }],
	targetMinutes: 8,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [
		{ step: 'compare', text: 'Compare what they pay with the lock-off amount on the notice, not just the bill.' },
		{ step: 'screen', text: 'Hold each $50 and $100 to the light: watermark portrait, security thread, colour-shifting numeral.' }
	],
	golden: [
		{ inspect: 'stub' },
		{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
		{ inspect: 'photo-id' },
		{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'photo-id' } },
		{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.stubCents' } } },
		{ do: { type: 'shortfall.warned' } },
		{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
		{ inspect: 'note-100' },
		{ do: { type: 'counterfeit.flagged', denomination: 'd100' } },
		{ do: { type: 'counterfeit.retained', note: 'No watermark, no security thread. Kept the note; told Maria Ortiz (senior); incident report written; asked for another tender.' } },
		{ do: { type: 'card.approved', authCode: { $ref: 'refs.authCode' } } },
		{ do: { type: 'payment.posted' } },
		{ do: { type: 'receipt.issued' } },
		{ do: { type: 'note.written', note: 'Holder verified by photo ID. Told her the payment is below the lock-off amount on the notice; the rest is due before the lock-off date. Suspected counterfeit $100 retained.' } }
	],
	mistakes: [
		{
			fault: 'F-02',
			description: 'Takes the cash without screening the $100.',
			steps: [
				{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
				{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'photo-id' } },
				{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.stubCents' } } },
				{ do: { type: 'shortfall.warned' } },
				{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
				{ do: { type: 'bills.accepted' } },
				{ do: { type: 'payment.posted' } },
				{ do: { type: 'receipt.issued' } },
				{ do: { type: 'note.written', note: 'Holder verified by photo ID; paid cash; told her it does not cover the lock-off amount.' } }
			],
			expect: { missed: ['F-02'], critical: 'counterfeit-accepted', passed: false, lost: { outcome: 10 } }
		},
		{
			fault: 'F-08',
			description: 'Posts the partial payment without telling the holder it will not stop the lock-off.',
			steps: [
				{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
				{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'photo-id' } },
				{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.amountCents' }, stubAmountCents: { $ref: 'refs.stubCents' } } },
				{ do: { type: 'cash.received', counts: { $ref: 'refs.tendered' } } },
				{ do: { type: 'counterfeit.flagged', denomination: 'd100' } },
				{ do: { type: 'counterfeit.retained', note: 'No watermark, no thread. Kept it; told Maria Ortiz; incident report written.' } },
				{ do: { type: 'card.approved', authCode: { $ref: 'refs.authCode' } } },
				{ do: { type: 'payment.posted' } },
				{ do: { type: 'receipt.issued' } },
				{ do: { type: 'note.written', note: 'Holder verified by photo ID; paid by card after a suspected counterfeit $100 was retained.' } }
			],
			expect: { missed: ['F-08'], passed: true, lost: { outcome: 10, order: 5, documentation: 5 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const noticePastDue = cents(rng, 14000, 22000, 5);
		const doorTag = 2500;
		const current = cents(rng, 6000, 11000, 1);
		const twenties = rng.int(1, 2);
		const amount = 10000 + twenties * 2000;
		const lockoffDate = addDays(date, rng.int(2, 6));
		const authCode = `${rng.pick(['4F', '7K', '2B', '9D'])}${rng.int(1000, 9999)}`;
		const balance = noticePastDue + doorTag + current;
		return {
			start: { date, time: '10:20' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(62, 85), summary: 'Partly cloudy' },
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
					balanceCents: balance,
					pastDueCents: noticePastDue + doorTag,
					lockoffAmountCents: noticePastDue + doorTag,
					lockoffCause: null,
					afterHoursRestorationsIn12Months: 0,
					authorisedContacts: []
				},
				batchRef: 'Counter 1'
			},
			customer: { name: holder.name, says: `“Hi — I got this notice. I can pay ${money(amount)} today, that stops the shut-off, right?”` },
			drawer: null,
			items: [
				{
					id: 'stub',
					kind: 'document',
					title: 'Bill stub and lock-off notice',
					summary: `Account ${number}, ${holder.name}, ${addr}.`,
					details: [
						{ label: 'Amount due on the stub', value: money(balance) },
						{ label: 'Lock-off notice: past-due + door-tag fee', value: `${money(noticePastDue)} + ${money(doorTag)} = ${money(noticePastDue + doorTag)}` },
						{ label: 'Scheduled lock-off date', value: lockoffDate }
					]
				},
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${holder.name}, ${addr}, Riverton CA.`, details: [{ label: 'Photo', value: 'Matches the customer' }] },
				{
					id: 'note-100',
					kind: 'note',
					title: '$100 bill',
					summary: 'Folded together with the twenties.',
					details: [
						{ label: 'Portrait watermark (hold to the light)', value: 'None visible' },
						{ label: 'Security thread', value: 'None visible' },
						{ label: 'Colour-shifting 100 (lower right)', value: 'Stays flat copper when tilted' },
						{ label: 'Paper', value: 'Smooth and slightly waxy' }
					]
				},
				{
					id: 'notes-20',
					kind: 'note',
					title: twenties === 1 ? '$20 bill' : 'Two $20 bills',
					summary: 'Worn, ordinary.',
					details: [
						{ label: 'Watermark', value: 'Present' },
						{ label: 'Security thread', value: 'Present' }
					]
				},
				{
					id: 'card',
					kind: 'words',
					title: 'The customer’s debit card',
					summary: `“Then I’ll put the ${money(amount)} on my debit card.” The terminal approves it: authorisation ${authCode}.`,
					details: [],
					when: { event: 'counterfeit.retained' }
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'active', balanceCents: balance, depositHeldCents: 15000 }],
			refs: {
				account: number,
				holder: holder.name,
				address: addr,
				amountCents: amount,
				postedCents: -amount,
				stubCents: balance,
				tendered: { d100: 1, d20: twenties },
				authCode
			},
			secrets: []
		};
	}
} satisfies Scenario;

/**
 * Restoration after a non-payment lock-off, on a Friday (CSR II). At 2:40 pm the holder offers a
 * personal check (F-09); refused, they fetch a cashier's check from their bank and are back at 3:12 pm,
 * after the same-day cut-off, so the reconnect is the next business day (a Tuesday when Monday is a
 * holiday). After-hours is asked for but not available: the account has had its two in 12 months.
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, address, cents, checkNumber, money, person } from '../shared/variants';
import { addDays, formatMinutes, holidayOn, isBusinessDay, lockoffCalendarHold, nextBusinessDay, weekdayOf, type IsoDate } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

const R = policy.restoration;
const CUTOFF = formatMinutes(R.sameDayPaidByMinutes);
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const dayName = (d: IsoDate) => `${DAY_NAMES[weekdayOf(d) - 1]} ${d}`;

/** Business-day Fridays of the scenario months whose Thursday was a lock-off day (policy §5). */
const FRIDAYS: IsoDate[] = Array.from({ length: 30 }, (_, i) => addDays('2026-09-11', i * 7)).filter((d) => isBusinessDay(d) && !lockoffCalendarHold(addDays(d, -1)));
/** Those before a Monday holiday: the next business day is the Tuesday. */
const HOLIDAY_FRIDAYS = FRIDAYS.filter((d) => nextBusinessDay(d) !== addDays(d, 3));
const PLAIN_FRIDAYS = FRIDAYS.filter((d) => !HOLIDAY_FRIDAYS.includes(d));

/** The next office closure after `date` (the notice by the register). */
function nextClosure(date: IsoDate): { date: IsoDate; name: string } {
	for (let d = addDays(date, 1); ; d = addDays(d, 1)) {
		const name = holidayOn(d);
		if (name) return { date: d, name };
	}
}

const account = { $ref: 'refs.account' };
const identify: PathStep[] = [
	{ inspect: 'door-hanger' },
	{ do: { type: 'account.confirmed', accountNumber: account, holderName: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' } } },
	{ inspect: 'photo-id' },
	{ do: { type: 'payer.verified', name: { $ref: 'refs.holder' }, serviceAddress: { $ref: 'refs.address' }, method: 'photo-id' } },
	{ inspect: 'account-screen' },
	{ do: { type: 'restoration.standard' } },
	{ do: { type: 'amount.entered', amountCents: { $ref: 'refs.requiredCents' }, stubAmountCents: null } }
];
const back: PathStep[] = [
	{ advance: 'back' },
	{ inspect: 'cashiers-check' },
	{ do: { type: 'moneyOrder.accepted', instrument: 'cashiers-check', payee: { $ref: 'refs.payee' }, amountCents: { $ref: 'refs.requiredCents' } } },
	{ do: { type: 'payment.posted' } },
	{ inspect: 'calendar' },
	{ do: { type: 'reconnect.ordered', scheduledFor: { $ref: 'refs.reconnectDate' } } },
	{ choose: 'tonight.explain' },
	{ do: { type: 'receipt.issued' } }
];
const GOLDEN_NOTE =
	'Holder verified by photo ID. Locked off Thursday for non-payment; restoration = past-due + lock-off fee + reconnect fee, no deposit (one is held). Personal check refused: restoring service takes guaranteed funds. Holder paid by cashier’s check at 3:12 pm, after the same-day cut-off: reconnect order placed for the next business day. After-hours asked for and not available: two after-hours reconnects already in the last 12 months.';

export default {
	id: 'cp-friday-cutoff',
	version: 1,
	title: 'Payday Friday, water off',
	procedure: 'counter-payment',
	level: 'csr2',
	brief:
		'It is 2:40 pm on a Friday. A holder whose water was locked off yesterday for non-payment has just been paid and wants the service back on before the weekend. Restore it the way policy allows, and tell them honestly when the crew will come.',
	objectives: [
		'Quote the restoration: all past-due, the lock-off fee and the reconnect fee — and a deposit only when none is held',
		'Take guaranteed funds only to restore service, whatever the account’s payment history',
		`Schedule the reconnect by when it is paid: same day when paid by ${CUTOFF} on a business day, otherwise the next business day`,
		`Know the after-hours limit (${R.afterHoursMaxPer12Months} in 12 months) and say no without promising what you cannot give`
	],
	competencies: ['C-PAY', 'C-RESTORE'],
	persona: {
		role: 'Account holder, water locked off yesterday for non-payment',
		manner: 'Tired and embarrassed, polite; frustrated when the crew cannot come today',
		startingMood: 5,
		behaviour: [
			'Has been paid today and wants the water on before the weekend',
			'Writes a personal check first: “It won’t bounce — my pay went in this morning”',
			'Runs to the bank for a cashier’s check and comes back after the cut-off',
			'Asks for a crew tonight and offers to pay whatever it costs'
		]
	},
	colleagues: [],
	faults: [
		{
			id: 'F-09',
			title: 'A personal check offered to restore locked-off service',
			found: { all: [{ event: 'check.refused', where: { problem: 'restoration' } }, { not: { refusedRule: 'check-restoration' } }] },
			correctMove:
				'Refuse the personal check, however good the account’s history: restoring service takes guaranteed funds (cash, a money order, a cashier’s check or a card). Give the exact amount so the holder can bring the right instrument.',
			policyRef: '§6; §3 Checks'
		}
	],
	expected: [
		{
			id: 'paid-in-full',
			label: 'The restoration amount (past-due, lock-off fee, reconnect fee; no deposit) was posted',
			check: { effect: 'ledger.post', where: { accountNumber: account, kind: 'payment', amountCents: { $ref: 'refs.postedCents' } } },
			policyRef: '§6; §4 Existing customers'
		},
		{ id: 'guaranteed-funds', label: 'Restoration paid in guaranteed funds', check: { ctx: 'tender.kind', is: { in: ['cash', 'card', 'money-order'] } }, policyRef: '§6' },
		{
			id: 'reconnect',
			label: 'Reconnect order for the next business day (paid after the cut-off)',
			check: { effect: 'workOrder.create', where: { accountNumber: account, kind: 'reconnect', scheduledFor: { $ref: 'refs.reconnectDate' }, priority: 'next-day' } },
			policyRef: '§6'
		},
		{ id: 'after-hours', label: 'After-hours declined within policy, nothing promised', check: { choice: 'tonight.explain' }, policyRef: '§6; §8 Authority to offer' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note-reconnect', label: 'The note records the reconnect order', check: { event: 'note.written', where: { note: { contains: 'reconnect' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-check', label: 'The note records the refused personal check', check: { event: 'note.written', where: { note: { contains: 'personal check' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-after-hours', label: 'The note records why after-hours was not offered', check: { event: 'note.written', where: { note: { contains: 'after-hours' } } }, policyRef: '§1 Account notes; §6' }
	],
	prompts: [
		{
			id: 'tonight',
			step: 'receipt',
			from: 'The holder',
			text: '“Not today? So we go the whole weekend with no water? Can’t you send somebody tonight? I’ll pay the extra — whatever it costs.”',
			blocking: true,
			options: [
				{
					id: 'explain',
					label: '“I’m sorry — this account has already had as many after-hours reconnects as we can do in twelve months. Your order is in for the next day we’re open; the date is on your receipt.”',
					then: 'They take the receipt and the date on it. “Okay. At least it’s booked.”'
				},
				{
					id: 'sell',
					label: `“For ${money(R.afterHoursFeeCents)} more, I can get a crew out tonight.”`,
					violation: {
						rule: 'after-hours-over-limit',
						reason: `After-hours restoration is at most ${R.afterHoursMaxPer12Months} in 12 months and this account has had ${R.afterHoursMaxPer12Months}: it is not available at any price (and its fee replaces the reconnect fee, it is never added to it).`,
						policyRef: '§6'
					},
					then: 'Dispatch refuses the after-hours order for this account; you have to go back and tell them no after all.'
				},
				{
					id: 'exception',
					label: '“Let me get my supervisor to make an exception — I’m sure they’ll send someone tonight.”',
					violation: {
						rule: 'exception-promised',
						reason: 'A restoration exception is the supervisor’s decision, not the CSR’s: promising one you cannot give is not an option within your authority.',
						policyRef: '§8 Authority to offer; ladder.md (restoration exceptions: supervisor)'
					},
					then: 'The supervisor says no; the holder leaves angrier than before.'
				}
			]
		}
	],
	moments: [
		{
			id: 'back',
			at: '15:12',
			label: 'The holder is back from the bank',
			step: 'tender',
			narration: '3:12 pm: the holder hurries back in, out of breath — the line at the bank was out the door — and slides an envelope across the counter.'
		}
	],
	targetMinutes: 10,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [
		{ step: 'tender', text: 'A clean payment history does not change which tenders can restore service.' },
		{ step: 'reconnect', text: 'The crew’s day depends on when the restoration is paid, not on when the customer first walked in.' },
		{ step: 'receipt', text: 'Count the after-hours reconnects on the account screen.' }
	],
	golden: [
		...identify,
		{ inspect: 'check' },
		{ do: { type: 'check.refused', check: { $ref: 'refs.check' }, problem: 'restoration' } },
		...back,
		{ do: { type: 'note.written', note: GOLDEN_NOTE } }
	],
	mistakes: [
		{
			fault: 'F-09',
			description: 'Tries to take the personal check because the account has no returned payments; the machine refuses it.',
			steps: [
				...identify,
				{ do: { type: 'check.accepted', check: { $ref: 'refs.check' } } },
				...back,
				{
					do: {
						type: 'note.written',
						note: 'Holder verified by photo ID. Restoration paid by cashier’s check at 3:12 pm; reconnect order placed for the next business day. After-hours not available: two after-hours reconnects in the last 12 months.'
					}
				}
			],
			expect: { missed: ['F-09'], passed: true, lost: { compliance: 10, documentation: 3.33 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		// About a third of seeds fall before a Monday holiday, so the next business day is the Tuesday.
		const date = rng.pick(rng.chance(0.35) ? HOLIDAY_FRIDAYS : PLAIN_FRIDAYS);
		const lockedOn = addDays(date, -1);
		const lockedAt = rng.pick(['9:20', '10:05', '10:45', '11:30']);
		// Past-due includes the door-tag fee; the lock-off fee was posted when the lock was done (§5).
		const pastDue = cents(rng, 17000, 36000);
		const lockoffFee = policy.delinquency.lockoffFeeCents;
		const depositHeld = cents(rng, 15000, 24000, 100);
		const required = pastDue + lockoffFee + R.reconnectFeeCents;
		// The account has used every after-hours restoration the window allows (oldest first).
		const afterHours = Array.from({ length: R.afterHoursMaxPer12Months }, (_, i) => addDays(date, -rng.int(35 + i * 150, 150 + i * 150))).reverse();
		const closure = nextClosure(date);
		const check = { number: checkNumber(rng), payee: policy.utility, dated: date, writtenAmountCents: required, numericAmountCents: required, signed: true, twoParty: false };
		const bank = rng.pick(['Riverton Community Bank', 'Valley Federal Credit Union', 'Sierra Savings']);
		const balance = pastDue + lockoffFee;
		return {
			start: { date, time: '14:40' },
			weather: { lowF: rng.int(38, 52), highF: rng.int(58, 78), summary: rng.pick(['Clear, cooling off', 'Overcast', 'Breezy and dry']) },
			subject: number,
			machineInput: {
				account: {
					accountNumber: number,
					holderName: holder.name,
					serviceAddress: addr,
					status: 'locked',
					cashOnly: false,
					depositHeldCents: depositHeld,
					standardDepositCents: null,
					balanceCents: balance,
					pastDueCents: pastDue,
					lockoffAmountCents: pastDue,
					lockoffCause: 'nonpayment',
					afterHoursRestorationsIn12Months: afterHours.length,
					authorisedContacts: []
				},
				batchRef: 'Counter 2'
			},
			customer: { name: holder.name, says: '“They locked my water off yesterday. I just got paid — how much to get it back on? I really need it on before the weekend.”' },
			drawer: null,
			items: [
				{
					id: 'door-hanger',
					kind: 'document',
					title: 'Door hanger from the meter crew',
					summary: `SERVICE LOCKED OFF — ${addr}. Account ${number}.`,
					details: [
						{ label: 'Locked', value: `${dayName(lockedOn)}, ${lockedAt} am` },
						{ label: 'Reason', value: 'Past-due balance not paid by the lock-off date' },
						{ label: 'To restore', value: `Pay at the ${policy.utility} counter, Monday–Friday, ${formatMinutes(policy.office.openMinutes)}–${formatMinutes(policy.office.closeMinutes)}` }
					]
				},
				{ id: 'photo-id', kind: 'document', title: 'Driver’s license', summary: `${holder.name}, ${addr}, Riverton CA.`, details: [{ label: 'Photo', value: 'Matches the customer' }] },
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen',
					summary: `${number}, ${holder.name}, ${addr}: LOCKED since ${dayName(lockedOn)}, ${lockedAt} am.`,
					details: [
						{ label: 'Lock-off reason', value: 'Non-payment (notice mailed, door tag delivered)' },
						{ label: 'Past-due (includes the door-tag fee)', value: money(pastDue) },
						{ label: 'Lock-off fee (lock completed)', value: money(lockoffFee) },
						{ label: 'Deposit held', value: money(depositHeld) },
						{ label: 'Returned payments, last 12 months', value: 'None' },
						{ label: 'After-hours reconnects, last 12 months', value: afterHours.join(', ') }
					]
				},
				{
					id: 'check',
					kind: 'check',
					title: 'Personal check',
					summary: `Check ${check.number} from ${holder.name}’s checking account, filled in for the amount you quoted.`,
					details: [
						{ label: 'Payee', value: check.payee },
						{ label: 'Date', value: check.dated },
						{ label: 'Amount (numeric and written)', value: money(required) },
						{ label: 'Signature', value: 'Signed' },
						{ label: 'What they say', value: '“It won’t bounce — my pay went in this morning. I’ve never bounced one with you.”' }
					],
					when: { event: 'amount.entered' }
				},
				{
					id: 'bank-run',
					kind: 'words',
					title: 'What the holder says',
					summary: `“Okay — my bank’s just down Main. I’ll get a cashier’s check for exactly that and be right back. I can make it before ${CUTOFF}, right?”`,
					details: [],
					when: { any: [{ event: 'check.refused' }, { event: 'check.accepted', refused: true }] }
				},
				{
					id: 'cashiers-check',
					kind: 'document',
					title: 'Cashier’s check',
					summary: `Cashier’s check from ${bank}, remitter ${holder.name}.`,
					details: [
						{ label: 'Pay to the order of', value: policy.utility },
						{ label: 'Amount', value: money(required) },
						{ label: 'Date', value: date },
						{ label: 'Issued', value: '3:04 pm, bank teller stamp' }
					],
					appearsAt: 'back'
				},
				{
					id: 'calendar',
					kind: 'document',
					title: 'Office closures (posted by the register)',
					summary: `Next closure: ${dayName(closure.date)}, ${closure.name}.`,
					details: []
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'locked', balanceCents: balance, depositHeldCents: depositHeld }],
			refs: { account: number, holder: holder.name, address: addr, payee: policy.utility, requiredCents: required, postedCents: -required, reconnectDate: nextBusinessDay(date), check },
			secrets: []
		};
	}
} satisfies Scenario;

/**
 * Lock-off day, the afternoon: the list is clean and dispatched at 8:30. Mid-morning a customer pays
 * part of the past-due at the counter, leaving less than $50 (F-28 variant: the order must be pulled
 * as BELOW_MIN before the crew gets there). At 3:10 pm a household locked at 11 pays in full (F-29):
 * the reconnect order must go out, and because it was paid after 3:00 pm it is next-day work.
 */
import type { PathStep, Scenario } from '../schema';
import { cents, lockoffDay, money } from '../shared/variants';
import { acct, approveAndDispatch, cleanFacts, completed, households, keep, opening, reconcile, refsOf, unable } from './parts';

const ROLES = ['f28', 'f29', 'clean1', 'clean2', 'clean3'] as const;
const keepAll: PathStep[] = ROLES.map(keep);
const counterPayment: PathStep = { do: { type: 'payment.received', accountNumber: acct('f28'), ref: { $ref: 'refs.counterRef' }, amountCents: { $ref: 'refs.counterCents' } } };
const pullBelowMin: PathStep = { do: { type: 'account.pulled', accountNumber: acct('f28'), code: 'BELOW_MIN' } };
const latePayment: PathStep = { do: { type: 'payment.received', accountNumber: acct('f29'), ref: { $ref: 'refs.lateRef' }, amountCents: { $ref: 'refs.lateCents' } } };
const reconnect: PathStep = { do: { type: 'account.pulled', accountNumber: acct('f29'), code: 'PAID' } };
const morning: PathStep[] = [...opening, ...keepAll, ...approveAndDispatch('ray')];
const crewResults: PathStep[] = [completed('f29'), completed('clean1'), completed('clean2'), unable('clean3', 'Meter behind a locked gate')];

export default {
	id: 'lo-paid-after-three',
	version: 1,
	title: 'Lock-off day: payments after dispatch',
	procedure: 'lockoff-day',
	level: 'csr3',
	brief:
		'You lead today’s lock-off. Five accounts, nothing overnight: review, get Ray’s approval and dispatch by 8:30. Then stay with the day: the counter and the crews will keep you busy until the last order is resolved and the list reconciled.',
	objectives: [
		'Pull an order when a payment arrives during the day and takes the account out of the lock-off',
		'Order the reconnect when a locked account pays, with the right timing (3:00 pm rule)',
		'Record each crew result and reconcile only when every order is resolved'
	],
	competencies: ['C-LOCKOFF'],
	persona: null,
	colleagues: [{ id: 'ray', name: 'Ray Castellanos', level: 'supervisor', role: 'supervisor', acts: { 'list.approved': { type: 'list.approved' } } }],
	faults: [
		{
			id: 'F-28',
			title: 'A counter payment leaves the past-due under $50 after dispatch',
			found: { all: [{ event: 'payment.received', where: { accountNumber: acct('f28') } }, { effect: 'workOrder.resolve', where: { result: 'pulled', reason: { contains: 'BELOW_MIN' } } }] },
			correctMove: 'Record the counter payment, then radio the crew and pull the order as BELOW_MIN: what is left is under the $50 minimum.',
			policyRef: '§5 Exclusions (BELOW_MIN); §5 Lock-off day'
		},
		{
			id: 'F-29',
			title: 'A locked household pays in full at 3:10 pm',
			found: { effect: 'workOrder.create', where: { accountNumber: acct('f29'), kind: 'reconnect', priority: 'next-day' } },
			correctMove: 'Record the payment and order the reconnect: paid after 3:00 pm, so it is next business day (or after-hours at the counter).',
			policyRef: '§6 Restoration; §0'
		}
	],
	expected: [
		{ id: 'below-min-pulled', label: 'The order for the part-paid account was pulled as BELOW_MIN', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f28'), code: 'BELOW_MIN' } }, policyRef: '§5 Exclusions' },
		{ id: 'reconnect-ordered', label: 'A next-day reconnect order for the household that paid at 3:10 pm', check: { effect: 'workOrder.create', where: { accountNumber: acct('f29'), kind: 'reconnect', priority: 'next-day' } }, policyRef: '§6 Restoration' },
		{ id: 'fees-on-locks', label: 'Lock-off fees only on the completed locks', check: { ctx: 'reconciliation.completed', is: 3 }, policyRef: '§5 Lock-off day' },
		{ id: 'reconciled', label: 'Every result recorded and the day reconciled', check: { outcome: ['reconciled'] }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [{ id: 'inbox-before-review', description: 'Apply the overnight payment inbox before reviewing the list.', policyRef: '§5 Lock-off day' }],
	documentation: [
		{ id: 'counter-ref', label: 'The counter payment is recorded with its receipt number', check: { event: 'payment.received', where: { accountNumber: acct('f28'), ref: { $ref: 'refs.counterRef' } } }, policyRef: '§1 Account notes' },
		{ id: 'late-ref', label: 'The 3:10 pm payment is recorded with its receipt number', check: { event: 'payment.received', where: { accountNumber: acct('f29'), ref: { $ref: 'refs.lateRef' } } }, policyRef: '§1 Account notes' }
	],
	critical: [
		{ code: 'lockoff-excluded-account', when: { effect: 'account.update', where: { accountNumber: acct('f28'), status: 'locked' } }, reason: 'The part-paid account was locked with less than $50 past-due.', policyRef: '§5 Exclusions' },
		{
			code: 'restoration-without-reconnect',
			when: { all: [{ event: 'payment.received', where: { accountNumber: acct('f29') } }, { not: { effect: 'workOrder.create', where: { accountNumber: acct('f29'), kind: 'reconnect' } } }] },
			reason: 'The household paid for restoration and no reconnect order went out.',
			policyRef: '§6 Restoration'
		}
	],
	moments: [
		{ id: 'counter', at: '10:20', label: 'A payment at the counter', step: 'field', narration: 'Mid-morning: Lupe at the front counter sends you a receipt for an account on today’s route.' },
		{ id: 'crews', at: '11:40', label: 'Crews radio their results', step: 'field', narration: 'The crews call in the morning’s results.' },
		{ id: 'late', at: '15:10', label: 'A locked customer pays', step: 'field', narration: '3:10 pm: the counter sends back another receipt.' }
	],
	targetMinutes: 12,
	timeLimitMinutes: 35,
	passMark: 80,
	hints: [
		{ step: 'field', text: 'A payment during the day can take an account off the route even when it does not clear the whole past-due.' },
		{ step: 'field', text: 'A locked account that pays needs its reconnect order; what time was it paid?' }
	],
	golden: [...morning, { advance: 'counter' }, { inspect: 'counter-receipt' }, counterPayment, pullBelowMin, { advance: 'crews' }, ...crewResults, { advance: 'late' }, { inspect: 'late-receipt' }, latePayment, reconnect, reconcile],
	mistakes: [
		{
			fault: 'F-28',
			description: 'Leaves the receipt in the tray: the crew locks an account owing less than $50.',
			steps: [...morning, { advance: 'counter' }, { advance: 'crews' }, completed('f28'), ...crewResults, { advance: 'late' }, latePayment, reconnect, reconcile],
			expect: { missed: ['F-28'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 20, documentation: 5 } }
		},
		{
			fault: 'F-29',
			description: 'Records the 3:10 pm payment but never orders the reconnect.',
			steps: [...morning, { advance: 'counter' }, counterPayment, pullBelowMin, { advance: 'crews' }, ...crewResults, { advance: 'late' }, latePayment, reconcile],
			expect: { missed: ['F-29'], critical: 'restoration-without-reconnect', passed: false }
		}
	],
	world(rng) {
		const date = lockoffDay(rng);
		const h = households(rng, ROLES);
		const pastDue = Object.fromEntries(ROLES.map((r) => [r, cents(rng, 9000, 38000)])) as Record<(typeof ROLES)[number], number>;
		const facts = ROLES.map((r) => cleanFacts(rng, h[r].number, pastDue[r], date));
		rng.shuffle(facts);
		const left = cents(rng, 1500, 4900);
		const counterCents = pastDue.f28 - left;
		const counterRef = `CTR-${rng.int(10000, 99999)}`;
		const lateRef = `CTR-${rng.int(10000, 99999)}`;
		// Past-due + lock-off fee + reconnect fee, in a money order (guaranteed funds, policy §6).
		const lateCents = pastDue.f29 + 5000 + 5000;
		return {
			start: { date, time: '07:50' },
			weather: { lowF: rng.int(44, 56), highF: rng.int(64, 86), summary: 'Clear' },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF: 48, highF: 76 }, accounts: facts, inbox: [] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'counter-receipt',
					kind: 'receipt',
					title: `Counter receipt ${counterRef}`,
					summary: '10:14 am, front counter: a partial cash payment on an account on today’s route.',
					details: [
						{ label: 'Account', value: h.f28.number },
						{ label: 'Customer', value: h.f28.holder },
						{ label: 'Service address', value: h.f28.address },
						{ label: 'Paid (cash)', value: money(counterCents) },
						{ label: 'Past-due on the notice', value: money(pastDue.f28) }
					],
					appearsAt: 'counter'
				},
				{
					id: 'radio',
					kind: 'radio',
					title: 'Crew radio log',
					summary: 'Results called in by the crews at 11:40 am.',
					details: [
						{ label: h.f28.number, value: 'On the route for about 11:15 am: locked unless the office pulled the order' },
						{ label: h.f29.number, value: 'Locked at 11:02 am' },
						{ label: h.clean1.number, value: 'Locked at 10:41 am' },
						{ label: h.clean2.number, value: 'Locked at 11:25 am' },
						{ label: h.clean3.number, value: 'Unable: meter behind a locked gate' }
					],
					appearsAt: 'crews'
				},
				{
					id: 'late-receipt',
					kind: 'receipt',
					title: `Counter receipt ${lateRef}`,
					summary: '3:10 pm, front counter: payment in full to restore service.',
					details: [
						{ label: 'Account', value: h.f29.number },
						{ label: 'Customer', value: h.f29.holder },
						{ label: 'Service address', value: h.f29.address },
						{ label: 'Paid (money order)', value: `${money(lateCents)}: past-due, lock-off fee and reconnect fee` },
						{ label: 'Customer says', value: '“The water’s been off since this morning. When does it come back on?”' }
					],
					appearsAt: 'late'
				}
			],
			accounts: ROLES.map((r) => ({ number: h[r].number, holder: h[r].holder, address: h[r].address, status: 'active' as const, balanceCents: pastDue[r], depositHeldCents: 0 })),
			refs: { ...refsOf(h), counterRef, counterCents, lateRef, lateCents },
			secrets: []
		};
	}
} satisfies Scenario;

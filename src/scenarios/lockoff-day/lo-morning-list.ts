/**
 * Leading lock-off day: seven accounts on the list. Outside the system, a drop-box envelope pays one
 * in full (F-22) and a faxed medical certificate protects another (F-23); on the list itself, one
 * notice went out 9 days ahead (F-26) and one past-due is under $50 (F-28).
 */
import type { Check, PathStep, Scenario } from '../schema';
import { accountNumbers, address, cents, lockoffDay, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { CLINICS } from '$lib/server/sandbox/names';

const acct = (role: string) => ({ $ref: `refs.${role}` });
const pull = (role: string, code: string): PathStep => ({ do: { type: 'account.pulled', accountNumber: acct(role), code } });
const keep = (role: string): PathStep => ({ do: { type: 'account.kept', accountNumber: acct(role) } });
const recordPayment: PathStep = { do: { type: 'payment.received', accountNumber: acct('f22'), ref: { $ref: 'refs.envelopeRef' }, amountCents: { $ref: 'refs.envelopeCents' } } };
const recordFax: PathStep = { do: { type: 'exclusion.recorded', accountNumber: acct('f23'), code: 'MEDICAL', memo: { $ref: 'refs.faxMemo' }, dated: { $ref: 'refs.certificateDate' } } };
const opening: PathStep[] = [{ do: { type: 'holds.checked' } }, { do: { type: 'inbox.applied' } }];
const approveAndDispatch: PathStep[] = [{ do: { type: 'list.submitted' } }, { ask: 'dana' }, { do: { type: 'orders.dispatched' } }, { advance: 'crews' }];
const results: PathStep[] = [
	{ do: { type: 'order.completed', accountNumber: acct('clean1') } },
	{ do: { type: 'order.unable', accountNumber: acct('clean2'), reason: 'Locked gate, dog in the yard' } }
];
const reconcile: PathStep = { do: { type: 'day.reconciled' } };
const dispatchedOrLocked = (role: string): Check => ({ ctx: 'list', is: { some: { accountNumber: acct(role), state: { in: ['dispatched', 'completed', 'restoring'] } } } });

export default {
	id: 'lo-morning-list',
	version: 1,
	title: 'Lock-off day: the morning list',
	procedure: 'lockoff-day',
	level: 'csr3',
	brief:
		'It is 7:45 am on a lock-off day and you lead it. Seven accounts are on the list. Check the day, post the overnight payments, review every account (including what came in the drop box and the fax machine), get the supervisor’s approval, dispatch, and close the day out when the crews report.',
	objectives: [
		'Check the day’s holds and apply the overnight inbox before reviewing',
		'Find protections and payments that are not in the system yet',
		'Pull every excluded account with its reason code',
		'Record each crew result and reconcile the day'
	],
	competencies: ['C-LOCKOFF'],
	persona: null,
	colleagues: [{ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'supervisor', acts: { 'list.approved': { type: 'list.approved' } } }],
	faults: [
		{
			id: 'F-22',
			title: 'A drop-box payment not yet posted',
			found: { all: [{ event: 'payment.received', where: { accountNumber: acct('f22') } }, { event: 'account.pulled', where: { accountNumber: acct('f22'), code: 'PAID' } }] },
			correctMove: 'Record the drop-box payment before the review; the account is then PAID and comes off the list.',
			policyRef: '§5 Exclusions (PAID)'
		},
		{
			id: 'F-23',
			title: 'A medical certificate faxed this morning',
			found: { all: [{ event: 'exclusion.recorded', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }, { event: 'account.pulled', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }] },
			correctMove: 'Record the faxed certificate (issue date, clinic) and pull the account as MEDICAL.',
			policyRef: '§5 Exclusions (MEDICAL)'
		},
		{
			id: 'F-26',
			title: 'A lock-off notice mailed only 9 days before',
			found: { all: [{ event: 'account.pulled', where: { accountNumber: acct('f26'), code: 'NOTICE' } }, { not: { event: 'account.kept', refused: true, where: { accountNumber: acct('f26') } } }] },
			correctMove: 'Check the notice date: fewer than 10 days’ notice means NOTICE — pull it.',
			policyRef: '§5 Exclusions (NOTICE); §0'
		},
		{
			id: 'F-28',
			title: 'A past-due below $50',
			found: { all: [{ event: 'account.pulled', where: { accountNumber: acct('f28'), code: 'BELOW_MIN' } }, { not: { event: 'account.kept', refused: true, where: { accountNumber: acct('f28') } } }] },
			correctMove: 'A past-due under the $50 minimum is never locked off: pull it as BELOW_MIN.',
			policyRef: '§5 Exclusions (BELOW_MIN)'
		}
	],
	expected: [
		{ id: 'paid-pulled', label: 'The drop-box payer was pulled as PAID', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f22'), code: 'PAID' } }, policyRef: '§5 Exclusions' },
		{ id: 'medical-pulled', label: 'The medical certificate was recorded and the account pulled', check: { all: [{ effect: 'protection.add', where: { accountNumber: acct('f23'), kind: 'medical' } }, { effect: 'lockoffList.pull', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }] }, policyRef: '§5 Exclusions' },
		{ id: 'notice-pulled', label: 'The short-notice account was pulled as NOTICE', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f26'), code: 'NOTICE' } }, policyRef: '§5 Exclusions' },
		{ id: 'below-pulled', label: 'The small past-due was pulled as BELOW_MIN', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f28'), code: 'BELOW_MIN' } }, policyRef: '§5 Exclusions' },
		{ id: 'inbox-pulled', label: 'The account the overnight inbox paid was pulled as PAID', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('inboxPaid'), code: 'PAID' } }, policyRef: '§5 Lock-off day' },
		{ id: 'reconciled', label: 'Every result recorded and the day reconciled', check: { outcome: ['reconciled'] }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [{ id: 'inbox-before-review', description: 'Apply the overnight payment inbox before reviewing the list.', policyRef: '§5 Lock-off day' }],
	documentation: [
		{ id: 'envelope-ref', label: 'The drop-box payment is recorded with the envelope’s reference', check: { event: 'payment.received', where: { accountNumber: acct('f22'), ref: { $ref: 'refs.envelopeRef' } } }, policyRef: '§1 Account notes' },
		{ id: 'fax-clinic', label: 'The certificate is recorded with the clinic that faxed it', check: { event: 'exclusion.recorded', where: { accountNumber: acct('f23'), memo: { contains: { $ref: 'refs.clinic' } } } }, policyRef: '§1 Account notes' }
	],
	critical: [
		{ code: 'lockoff-excluded-account', when: { any: [dispatchedOrLocked('f22'), dispatchedOrLocked('f23')] }, reason: 'An excluded account was sent to the crews.', policyRef: '§5 Exclusions' }
	],
	moments: [{ id: 'crews', at: '11:30', label: 'Crews radio their results', step: 'field', narration: 'Late morning: the crews call in what they did.' }],
	targetMinutes: 15,
	timeLimitMinutes: 40,
	passMark: 80,
	hints: [
		{ step: 'review', text: 'Before you keep anyone on the list: what came in overnight that is not in the system?' },
		{ step: 'review', text: 'Check each notice date and each past-due against the minimum.' }
	],
	golden: [
		...opening,
		{ inspect: 'dropbox' },
		recordPayment,
		{ inspect: 'fax' },
		recordFax,
		pull('f22', 'PAID'),
		pull('f23', 'MEDICAL'),
		pull('f26', 'NOTICE'),
		pull('f28', 'BELOW_MIN'),
		pull('inboxPaid', 'PAID'),
		keep('clean1'),
		keep('clean2'),
		...approveAndDispatch,
		...results,
		reconcile
	],
	mistakes: [
		{
			fault: 'F-22',
			description: 'Misses the drop-box envelope: the paid account is locked off.',
			steps: [...opening, recordFax, keep('f22'), pull('f23', 'MEDICAL'), pull('f26', 'NOTICE'), pull('f28', 'BELOW_MIN'), pull('inboxPaid', 'PAID'), keep('clean1'), keep('clean2'), ...approveAndDispatch, { do: { type: 'order.completed', accountNumber: acct('f22') } }, ...results, reconcile],
			expect: { missed: ['F-22'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 6.67, documentation: 5 } }
		},
		{
			fault: 'F-23',
			description: 'Misses the fax: the household with a medical certificate is locked off.',
			steps: [...opening, recordPayment, pull('f22', 'PAID'), keep('f23'), pull('f26', 'NOTICE'), pull('f28', 'BELOW_MIN'), pull('inboxPaid', 'PAID'), keep('clean1'), keep('clean2'), ...approveAndDispatch, { do: { type: 'order.completed', accountNumber: acct('f23') } }, ...results, reconcile],
			expect: { missed: ['F-23'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 6.67, documentation: 5 } }
		},
		{
			fault: 'F-26',
			description: 'Tries to keep the short-notice account; the machine refuses.',
			steps: [...opening, recordPayment, recordFax, keep('f26'), pull('f26', 'NOTICE'), pull('f22', 'PAID'), pull('f23', 'MEDICAL'), pull('f28', 'BELOW_MIN'), pull('inboxPaid', 'PAID'), keep('clean1'), keep('clean2'), ...approveAndDispatch, ...results, reconcile],
			expect: { missed: ['F-26'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-28',
			description: 'Tries to keep the small past-due; the machine refuses.',
			steps: [...opening, recordPayment, recordFax, keep('f28'), pull('f28', 'BELOW_MIN'), pull('f22', 'PAID'), pull('f23', 'MEDICAL'), pull('f26', 'NOTICE'), pull('inboxPaid', 'PAID'), keep('clean1'), keep('clean2'), ...approveAndDispatch, ...results, reconcile],
			expect: { missed: ['F-28'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const date = lockoffDay(rng);
		const roles = ['f22', 'f23', 'f26', 'f28', 'inboxPaid', 'clean1', 'clean2'] as const;
		const numbers = accountNumbers(rng, roles.length);
		const people: ReturnType<typeof person>[] = [];
		for (let i = 0; i < roles.length; i++) people.push(person(rng, people));
		const byRole = Object.fromEntries(roles.map((r, i) => [r, { number: numbers[i], holder: people[i].name, address: address(rng) }])) as Record<(typeof roles)[number], { number: string; holder: string; address: string }>;
		const pastDue = Object.fromEntries(roles.map((r) => [r, r === 'f28' ? cents(rng, 3200, 4900) : cents(rng, 8500, 42000)])) as Record<(typeof roles)[number], number>;
		const facts = roles.map((r) => ({
			accountNumber: byRole[r].number,
			pastDueCents: pastDue[r],
			notice: { mailedOn: addDays(date, r === 'f26' ? -9 : -rng.int(12, 16)), addressOk: true },
			doorTag: { deliveredOn: addDays(date, -rng.int(2, 4)) },
			protections: { medicalCertificates: [], plan: 'none', dispute: null, bankruptcy: false, assistancePledgeOn: null, premiseDebtMatch: true }
		}));
		rng.shuffle(facts);
		const envelopeRef = `DROP-${rng.int(1000, 9999)}`;
		const clinic = rng.pick(CLINICS);
		const certificateDate = addDays(date, -1);
		const inboxRef = `WEB-${rng.int(100000, 999999)}`;
		return {
			start: { date, time: '07:45' },
			weather: { lowF: rng.int(41, 55), highF: rng.int(62, 88), summary: 'Mild, dry' },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF: 45, highF: 75 }, accounts: facts, inbox: [{ ref: inboxRef, accountNumber: byRole.inboxPaid.number, amountCents: pastDue.inboxPaid }] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'dropbox',
					kind: 'envelope',
					title: `Drop-box envelope ${envelopeRef}`,
					summary: 'Found in the night drop box at 7:30 am; not in the overnight payment file.',
					details: [
						{ label: 'Account on the stub', value: byRole.f22.number },
						{ label: 'Name', value: byRole.f22.holder },
						{ label: 'Enclosed', value: `Money order for ${money(pastDue.f22)}, payable to Riverton Municipal Utilities` }
					]
				},
				{
					id: 'fax',
					kind: 'fax',
					title: `Fax from ${clinic}`,
					summary: 'Received 7:12 am today: medical certificate for a utility customer.',
					details: [
						{ label: 'Account', value: byRole.f23.number },
						{ label: 'Patient household', value: byRole.f23.holder },
						{ label: 'Certificate issued', value: certificateDate },
						{ label: 'Certifies', value: 'A household member depends on powered medical equipment; 30 days.' }
					]
				},
				{
					id: 'radio',
					kind: 'radio',
					title: 'Crew radio log',
					summary: 'Results called in by the crews.',
					details: [
						{ label: byRole.clean1.number, value: 'Locked at 10:52 am' },
						{ label: byRole.clean2.number, value: 'Unable: locked gate, dog in the yard' },
						{ label: 'Other orders', value: 'Locked as routed' }
					],
					appearsAt: 'crews'
				}
			],
			accounts: roles.map((r) => ({ number: byRole[r].number, holder: byRole[r].holder, address: byRole[r].address, status: 'active' as const, balanceCents: pastDue[r], depositHeldCents: 0 })),
			refs: {
				...Object.fromEntries(roles.map((r) => [r, byRole[r].number])),
				envelopeRef,
				envelopeCents: pastDue.f22,
				clinic,
				certificateDate,
				faxMemo: `Medical certificate faxed by ${clinic}, issued ${certificateDate}, 30 days.`
			},
			secrets: []
		};
	}
} satisfies Scenario;

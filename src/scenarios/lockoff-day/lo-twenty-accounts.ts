/**
 * The CSR III lock-off day at full size: twenty accounts, four exclusions hidden among them. Three are
 * in the list's own facts — a payment plan in good standing (F-24), a pending dispute with the
 * undisputed part paid (F-25), a door tag hung only the day before (F-26 variant) — and one is only in
 * the morning's fax: a medical certificate (F-23 variant, issued days ago, faxed today). An overnight
 * partial payment that still leaves more than $50 past-due is a decoy: that account stays on the list.
 */
import type { PathStep, Scenario } from '../schema';
import { cents, lockoffDay, money } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { CLINICS } from '$lib/server/sandbox/names';
import { acct, approveAndDispatch, cleanFacts, completed, dispatchedOrLocked, households, keep, opening, pull, pulledWithoutTryingToKeep, reconcile, refsOf, unable } from './parts';

const CLEAN = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10', 'c11', 'c12', 'c13', 'c14', 'c15', 'partial'] as const;
const ROLES = ['f23', 'f24', 'f25', 'f26', ...CLEAN] as const;
type Role = (typeof ROLES)[number];
const UNABLE: readonly Role[] = ['c07', 'c12'];

const recordFax: PathStep = { do: { type: 'exclusion.recorded', accountNumber: acct('f23'), code: 'MEDICAL', memo: { $ref: 'refs.faxMemo' }, dated: { $ref: 'refs.certificateDate' } } };
const keepClean: PathStep[] = CLEAN.map(keep);
const results = (extra: PathStep[] = []): PathStep[] => [
	{ advance: 'crews' },
	...extra,
	...CLEAN.map((r) => (UNABLE.includes(r) ? unable(r, r === 'c07' ? 'Meter inside a locked garage' : 'Aggressive dog, customer not home') : completed(r)))
];
const pullsExcept = (skip: string): PathStep[] =>
	(
		[
			['f23', 'MEDICAL'],
			['f24', 'PLAN'],
			['f25', 'DISPUTE'],
			['f26', 'NOTICE']
		] as const
	)
		.filter(([r]) => r !== skip)
		.map(([r, c]) => pull(r, c));
const triesToKeep = (role: 'f24' | 'f25' | 'f26', code: string): PathStep[] => [...opening, { inspect: 'fax' }, recordFax, keep(role), ...pullsExcept(role), pull(role, code), ...keepClean, ...approveAndDispatch('dana'), ...results(), reconcile];

export default {
	id: 'lo-twenty-accounts',
	version: 1,
	title: 'Lock-off day: twenty accounts, four that must not go',
	procedure: 'lockoff-day',
	level: 'csr3',
	brief:
		'Tuesday, 7:40 am. You lead lock-off day and the list is long: twenty accounts. The overnight file has one payment in it and the fax tray has something in it too. Review every account properly — plans, disputes, certificates, notices and door tags — before Dana Whitfield approves the list, then see the day through.',
	objectives: [
		'Review a long list account by account against every exclusion',
		'Find the exclusion that is only in the morning’s fax and record it',
		'Keep an account that a partial overnight payment did not take below the minimum',
		'Record every crew result and reconcile the day'
	],
	competencies: ['C-LOCKOFF'],
	persona: null,
	colleagues: [{ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'supervisor', acts: { 'list.approved': { type: 'list.approved' } } }],
	faults: [
		{
			id: 'F-23',
			title: 'A medical certificate that is only in the morning’s fax',
			found: { all: [{ event: 'exclusion.recorded', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }, { event: 'account.pulled', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }] },
			correctMove: 'Read the fax tray before the review; record the certificate (issue date, clinic) and pull the account as MEDICAL.',
			policyRef: '§5 Exclusions (MEDICAL)'
		},
		{
			id: 'F-24',
			title: 'A plan account left on the list',
			found: pulledWithoutTryingToKeep('f24', 'PLAN'),
			correctMove: 'An account on a plan that is current leaves the lock-off path: pull it as PLAN.',
			policyRef: '§5 Exclusions (PLAN); §7 Payment plan'
		},
		{
			id: 'F-25',
			title: 'A pending dispute with the undisputed part paid',
			found: pulledWithoutTryingToKeep('f25', 'DISPUTE'),
			correctMove: 'A pending dispute whose undisputed amount is paid stops the lock-off: pull it as DISPUTE.',
			policyRef: '§5 Exclusions (DISPUTE)'
		},
		{
			id: 'F-26',
			title: 'A door tag hung only the day before',
			found: pulledWithoutTryingToKeep('f26', 'NOTICE'),
			correctMove: 'The door tag must be delivered at least 2 days before the lock-off date; one day is too late — pull it as NOTICE.',
			policyRef: '§5 Exclusions (NOTICE); §0'
		}
	],
	expected: [
		{ id: 'medical-pulled', label: 'The faxed certificate was recorded and the account pulled', check: { all: [{ effect: 'protection.add', where: { accountNumber: acct('f23'), kind: 'medical' } }, { effect: 'lockoffList.pull', where: { accountNumber: acct('f23'), code: 'MEDICAL' } }] }, policyRef: '§5 Exclusions' },
		{ id: 'plan-pulled', label: 'The plan account was pulled as PLAN', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f24'), code: 'PLAN' } }, policyRef: '§5 Exclusions' },
		{ id: 'dispute-pulled', label: 'The disputed account was pulled as DISPUTE', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f25'), code: 'DISPUTE' } }, policyRef: '§5 Exclusions' },
		{ id: 'tag-pulled', label: 'The late door tag was pulled as NOTICE', check: { effect: 'lockoffList.pull', where: { accountNumber: acct('f26'), code: 'NOTICE' } }, policyRef: '§5 Exclusions' },
		{ id: 'partial-kept', label: 'The part-paid account (still over $50 past-due) went out', check: { ctx: 'list', is: { some: { accountNumber: acct('partial'), state: { in: ['completed', 'dispatched'] } } } }, policyRef: '§5 Exclusions' },
		{ id: 'reconciled', label: 'Every result recorded and the day reconciled', check: { outcome: ['reconciled'] }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [{ id: 'inbox-before-review', description: 'Apply the overnight payment inbox before reviewing the list.', policyRef: '§5 Lock-off day' }],
	documentation: [{ id: 'fax-clinic', label: 'The certificate is recorded with the clinic that faxed it', check: { event: 'exclusion.recorded', where: { accountNumber: acct('f23'), memo: { contains: { $ref: 'refs.clinic' } } } }, policyRef: '§1 Account notes' }],
	critical: [
		{
			code: 'lockoff-excluded-account',
			when: { any: [dispatchedOrLocked('f23'), dispatchedOrLocked('f24'), dispatchedOrLocked('f25'), dispatchedOrLocked('f26')] },
			reason: 'An excluded account was sent to the crews.',
			policyRef: '§5 Exclusions'
		}
	],
	moments: [{ id: 'crews', at: '12:15', label: 'Crews radio their results', step: 'field', narration: 'Just after noon: both crews call in the morning’s results.' }],
	targetMinutes: 20,
	timeLimitMinutes: 50,
	passMark: 80,
	hints: [
		{ step: 'review', text: 'Twenty accounts: check each one’s plan, dispute, notice date and door-tag date, not just the balance.' },
		{ step: 'review', text: 'Has anything arrived this morning that the list cannot know about?' }
	],
	golden: [...opening, { inspect: 'fax' }, recordFax, ...pullsExcept(''), ...keepClean, ...approveAndDispatch('dana'), ...results(), reconcile],
	mistakes: [
		{
			fault: 'F-23',
			description: 'Never reads the fax: the certificate household is locked off.',
			steps: [...opening, keep('f23'), ...pullsExcept('f23'), ...keepClean, ...approveAndDispatch('dana'), ...results([completed('f23')]), reconcile],
			expect: { missed: ['F-23'], critical: 'lockoff-excluded-account', passed: false, lost: { outcome: 6.67, documentation: 10 } }
		},
		{
			fault: 'F-24',
			description: 'Tries to keep the plan account; the machine refuses.',
			steps: triesToKeep('f24', 'PLAN'),
			expect: { missed: ['F-24'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-25',
			description: 'Tries to keep the disputed account; the machine refuses.',
			steps: triesToKeep('f25', 'DISPUTE'),
			expect: { missed: ['F-25'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-26',
			description: 'Tries to keep the late-door-tag account; the machine refuses.',
			steps: triesToKeep('f26', 'NOTICE'),
			expect: { missed: ['F-26'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const date = lockoffDay(rng);
		const h = households(rng, ROLES);
		const pastDue = Object.fromEntries(ROLES.map((r) => [r, cents(rng, r === 'partial' ? 20000 : 8000, 52000)])) as Record<Role, number>;
		const facts = ROLES.map((r) => {
			const f = cleanFacts(rng, h[r].number, pastDue[r], date);
			if (r === 'f24') f.protections.plan = 'good-standing';
			if (r === 'f25') f.protections.dispute = { pending: true, undisputedPaid: true };
			if (r === 'f26') f.doorTag.deliveredOn = addDays(date, -1);
			return f;
		});
		rng.shuffle(facts);
		// The overnight payment leaves $60–$150 past-due: still over the minimum.
		const partialCents = pastDue.partial - cents(rng, 6000, 15000);
		const inboxRef = `WEB-${rng.int(100000, 999999)}`;
		const clinic = rng.pick(CLINICS);
		const certificateDate = addDays(date, -rng.int(2, 6));
		return {
			start: { date, time: '07:40' },
			weather: { lowF: rng.int(42, 55), highF: rng.int(60, 84), summary: 'Partly cloudy' },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF: 46, highF: 72 }, accounts: facts, inbox: [{ ref: inboxRef, accountNumber: h.partial.number, amountCents: partialCents }] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'fax',
					kind: 'fax',
					title: `Fax from ${clinic}`,
					summary: 'Received 6:58 am today, two pages: a medical certificate for a utility customer.',
					details: [
						{ label: 'Account', value: h.f23.number },
						{ label: 'Patient household', value: `${h.f23.holder}, ${h.f23.address}` },
						{ label: 'Certificate issued', value: certificateDate },
						{ label: 'Certifies', value: 'A resident requires home oxygen; loss of service would endanger health. 30 days.' }
					]
				},
				{
					id: 'inbox-note',
					kind: 'document',
					title: `Overnight payment ${inboxRef}`,
					summary: 'The only online payment in the overnight file.',
					details: [
						{ label: 'Account', value: h.partial.number },
						{ label: 'Paid', value: money(partialCents) },
						{ label: 'Past-due on the notice', value: money(pastDue.partial) }
					]
				},
				{
					id: 'radio',
					kind: 'radio',
					title: 'Crew radio log',
					summary: 'Results called in by the crews at 12:15 pm.',
					details: [
						{ label: h.c07.number, value: 'Unable: meter inside a locked garage' },
						{ label: h.c12.number, value: 'Unable: aggressive dog, customer not home' },
						{ label: 'Every other order', value: 'Locked as routed' }
					],
					appearsAt: 'crews'
				}
			],
			accounts: ROLES.map((r) => ({ number: h[r].number, holder: h[r].holder, address: h[r].address, status: 'active' as const, balanceCents: pastDue[r], depositHeldCents: 0 })),
			refs: { ...refsOf(h), clinic, certificateDate, faxMemo: `Medical certificate faxed by ${clinic}, issued ${certificateDate}, 30 days (home oxygen).` },
			secrets: []
		};
	}
} satisfies Scenario;

/**
 * A landlord phones for his tenant's balance (CSR II). He is on the account's authorised list — but
 * the tenant's written authorisation ended months ago, so he is not verified (F-30). Anyone may pay an
 * account (policy §3), so the in-authority option is to take a payment with no figures; a plan is for
 * the holder only. Refused, he demands a supervisor (F-31).
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays, nextBusinessDay } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { CARP_ORDER, lockoffAfter, SENIOR, says, spoken, t } from './kit';

const BRIEF =
	'Caller is the owner of the building, not the holder; his written authorisation from the tenant has ended, so not verified. Wants the tenant’s balance and a plan he would guarantee. Offered to take a payment (no figures) and to mail the tenant a renewal form. Now asks for a supervisor.';

export default {
	id: 'ir-landlord-expired',
	version: 1,
	title: 'The owner wants his tenant’s balance',
	procedure: 'irate-contact',
	level: 'csr2',
	brief:
		'You are a CSR II on the phones. A property owner calls about the account of one of his tenants, who has a lock-off coming. He says he is on the account. Check what is on file before you say anything, and give him what policy allows — no more, no less.',
	objectives: [
		'Check a third party’s written authorisation — including its dates — before any account detail',
		'Know what an unverified caller can still do: pay toward the account, with a general warning and no figures',
		'A payment plan is for the holder only, even at CSR II',
		'Warm-transfer a supervisor demand with a brief'
	],
	competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
	persona: {
		role: 'A landlord (owner of a fourplex) calling about his tenant’s account',
		manner: 'Businesslike and entitled at first, condescending when refused, then demands a supervisor',
		startingMood: 5,
		behaviour: [
			'Says he is on the account and gives his own last four',
			'Offers to guarantee a payment plan and asks what it takes to stop the lock-off',
			'Demands a supervisor when he gets no figures'
		]
	},
	colleagues: [SENIOR],
	faults: [
		{
			id: 'F-30',
			title: 'A caller not on the account (an expired authorisation) asks for the balance',
			found: { all: [{ ctx: 'verification.failure', is: { contains: 'authorisation ended' } }, { ctx: 'disclosures', is: { len: 0 } }, { not: { event: 'detail.disclosed', refused: true } }] },
			correctMove: 'Check the authorisation on file: it has ended, so he is not verified. General information only — he may pay toward the account, and the tenant can renew the authorisation.',
			policyRef: '§1 Identity before disclosure; §3'
		},
		{
			id: 'F-31',
			title: 'The caller demands a supervisor',
			found: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' }, acceptedAt: { exists: true } } } },
			correctMove: 'Warm-transfer to the senior with a brief so the caller does not repeat himself.',
			policyRef: '§8 Escalate'
		}
	],
	expected: [
		{ id: 'authorisation-checked', label: 'The authorisation on file was checked and found to have ended', check: { all: [{ ctx: 'verification', is: { exists: true } }, { ctx: 'verification.ok', is: false }] }, policyRef: '§1 Identity before disclosure' },
		{ id: 'payment-offered', label: 'He was offered what an unverified payer may do: pay toward the account', check: { ctx: 'offers', is: { some: { option: 'payment' } } }, policyRef: '§3 Anyone may pay an account' },
		{ id: 'warm-transfer', label: 'The supervisor demand got a warm transfer', check: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' }, acceptedAt: { exists: true } } } }, policyRef: '§8 Escalate' },
		{ id: 'resolved', label: 'The contact was closed with dated next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'note-verification', label: 'The note says why he was not verified (the authorisation ended)', check: { ctx: 'note.verification', is: { contains: 'authorisation ended' } }, policyRef: '§1 Account notes' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has the renewal form with its date', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 9,
	timeLimitMinutes: 22,
	passMark: 80,
	hints: [
		{ text: 'An authorised person is on file with scope and dates. Look at the dates.' },
		{ text: 'Anyone may pay an account; only a verified holder or authorised person hears amounts (policy §3).' },
		{ text: 'A payment plan is for the holder only — whatever your level.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer:
					'“Yeah, good morning. This is {{refs.landlord}} — I own the fourplex at {{refs.building}}. My tenant in unit {{refs.unit}}, {{refs.tenant}}, says you’re shutting his water off on {{refs.lockoffText}}. I need to know how far behind he is. It’s my property.”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“Good morning, Mr. {{refs.landlordLast}}, thank you for calling Riverton Utilities. I’m glad you called — let’s see what’s going on.”', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'disclose-now', text: '“Sure — one moment… unit {{refs.unit}} is {{refs.pastDueText}} past due.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'opening' },
					{ id: 'not-customer', text: '“I can’t talk to you, sir — you’re not the customer.”', style: 'policy-first', do: [t('control.established'), t('said.blame')], next: 'vent' }
				]
			},
			vent: {
				customer: {
					calm: '“Look. If that water goes off, I’ve got a unit that looks abandoned and code enforcement at my door. He’s been late before. I’ve owned property in this city for twenty-two years.”',
					upset: '“If that water goes off, it’s MY building that gets the code-enforcement letter. He’s been late before. Twenty-two years I’ve owned property in this city.”',
					hostile: '“Don’t lecture me about who the customer is. Twenty-two years I’ve paid this city. It’s my building!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“That’s a real worry — it’s your building, and your other tenants. Let me see what I can do.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“That’s really between you and your tenant.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Right — what’s the account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“The account’s in {{refs.tenantFirst}}’s name, but I’m on it — he signed your form when he was working out of state. My last four is {{refs.ownLast4}}. So?”',
				replies: [
					{ id: 'check-auth', text: '“Let me check the authorisation on file. Your full name, the service address, and your last four?”', style: 'procedural', do: [t('identity.checked', { given: { $ref: 'refs.given' } })], next: 'expired' },
					{ id: 'trust', text: '“I see your name on the account — okay: he’s {{refs.pastDueText}} past due.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'verify' },
					{ id: 'owner-rights', text: '“Owners can see their property’s account, so that’s fine — it’s on the lock-off list.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'account status' })], next: 'verify' }
				]
			},
			expired: {
				customer: '“{{refs.landlord}}, {{refs.address}}, {{refs.ownLast4}}. Well?”',
				replies: [
					{
						id: 'explain-expired',
						text: '“Thank you. I do see the written authorisation {{refs.tenantFirst}} gave you — it ended on {{refs.authUntilText}}. Until he renews it, I can’t share anything about his account. I know that’s frustrating when it’s your building.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'explain' })],
						next: 'plan-demand'
					},
					{ id: 'disclose-anyway', text: '“It ended on {{refs.authUntilText}}, but you were on it, so: {{refs.pastDueText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'expired' },
					{ id: 'bare-no', text: '“You’re not on the account. I can’t help you.”', style: 'dismissive', do: [t('said.blame')], next: 'expired' }
				]
			},
			'plan-demand': {
				customer: '“This is ridiculous. Fine — put him on a payment plan, I’ll guarantee it. And tell me what I have to pay to stop the shut-off on {{refs.lockoffText}}.”',
				replies: [
					{
						id: 'anyone-may-pay',
						text: '“Anyone can make a payment on an account, and I can take one from you today. I can’t tell you an amount, and a payment may not stop a scheduled lock-off — the account holder can call us about that. A plan can only be set up by {{refs.tenantFirst}} himself. I can mail him a new authorisation form today.”',
						style: 'procedural',
						do: [t('option.offered', { option: 'payment' })],
						next: 'supervisor-demand'
					},
					{ id: 'plan-for-him', text: '“Sure — with you guaranteeing it, I can set up a plan: half down today.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'plan-demand' },
					{ id: 'quote-lockoff', text: '“To stop the lock-off you’d need to pay {{refs.lockoffAmountText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'lock-off amount' })], next: 'plan-demand' }
				]
			},
			'supervisor-demand': {
				customer: {
					calm: '“I’d like to speak with your supervisor, please.”',
					upset: '“I’ve heard enough. Get me your supervisor.”',
					hostile: '“Put. Your. Supervisor. On. Now.”'
				},
				moves: [{ type: 'customer.demandedSupervisor' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Of course. I’ll bring in our senior, Maria Ortiz, and brief her so you don’t have to start over.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: BRIEF }), { by: 'maria', event: { type: 'escalation.accepted' } }],
						next: 'maria'
					},
					{ id: 'same-thing', text: '“My supervisor will tell you the same thing.”', style: 'defensive', do: [t('said.blame')], next: 'supervisor-demand' },
					{ id: 'handle-alone', text: '“There’s no need — let me explain the authorisation form again.”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			maria: {
				customer: 'Maria Ortiz joins: “Mr. {{refs.landlordLast}}, this is Maria Ortiz, the senior on duty. I’ve read the notes.” The landlord: “So are you going to tell me what he owes or not?”',
				replies: [
					{
						id: 'maria-explains',
						text: '(With Maria) “We can’t share the account without {{refs.tenantFirst}}’s current written authorisation — the same rule protects your own accounts. We’ll mail him a renewal form today; once it’s on file, we can talk with you directly. You’re welcome to make a payment toward his account in the meantime.”',
						style: 'procedural',
						do: [t('option.offered', { option: 'explain' })],
						next: 'close'
					},
					{ id: 'maria-discloses', text: '(With Maria) “Since you’re the owner, just this once: {{refs.pastDueText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'maria' },
					{ id: 'maria-plan', text: '(With Maria) Set up a payment plan on the tenant’s account with the landlord as guarantor.', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'maria' }
				]
			},
			close: {
				customer: '“Fine. Mail him the form. I’m not happy about this.”',
				replies: [
					{
						id: 'summarise',
						text: '“Understood. The renewal form goes to {{refs.tenantFirst}} at {{refs.address}} by {{refs.formText}}. Once he signs it and it’s on file, we can talk with you about the account. Thank you for calling, Mr. {{refs.landlordLast}}.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', { steps: [{ what: 'Third-party authorisation renewal form mailed to the account holder', by: { $ref: 'refs.formDate' } }] }),
							t('contact.closed', { why: 'Building owner (authorisation ended) asked for the tenant’s balance and a plan; general information only', promises: ['Renewal form mailed to the holder'] })
						],
						next: null
					},
					{ id: 'vague', text: '“We’ll send something out.”', style: 'procedural', do: [t('nextSteps.summarised', { steps: [{ what: 'Form', by: 'soon' }] })], next: 'close' },
					{ id: 'bye', text: '“Have a good one.”', style: 'dismissive', do: [t('contact.closed', { why: 'Landlord' })], next: 'close' }
				]
			}
		}
	},
	golden: says('greet', 'name-feeling', 'check-auth', 'explain-expired', 'anyone-may-pay', 'warm-transfer', 'maria-explains', 'summarise'),
	mistakes: [
		{
			fault: 'F-30',
			description: 'Sees his name in the authorised list and gives the balance without checking the dates.',
			steps: says('greet', 'name-feeling', 'trust', 'check-auth', 'explain-expired', 'anyone-may-pay', 'warm-transfer', 'maria-explains', 'summarise'),
			expect: { missed: ['F-30'], critical: 'disclosure-before-verification', passed: false, lost: { compliance: 10 } }
		},
		{
			fault: 'F-31',
			description: 'Talks the supervisor demand away instead of transferring.',
			steps: says('greet', 'name-feeling', 'check-auth', 'explain-expired', 'anyone-may-pay', 'handle-alone', 'summarise'),
			expect: { missed: ['F-31'], passed: true, lost: { outcome: 10, documentation: 3.33 } }
		}
	],
	world(rng) {
		const landlord = person(rng);
		const tenant = person(rng, [landlord]);
		const street = address(rng);
		const unit = rng.pick(['A', 'B', 'C', 'D']);
		const addr = `${street}, Unit ${unit}`;
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng, [1, 2, 3]);
		const lockoffDate = lockoffAfter(date, 2);
		const pastDue = cents(rng, 9000, 21000);
		const authUntil = addDays(date, -rng.int(45, 150));
		const ownLast4 = String(rng.int(1000, 9999));
		return {
			start: { date, time: '10:30' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 82), summary: 'Overcast' },
			subject: number,
			machineInput: {
				level: 'csr2',
				channel: 'phone',
				startingMood: 5,
				claimedName: landlord.name,
				account: {
					accountNumber: number,
					holderName: tenant.name,
					serviceAddress: addr,
					last4: String(rng.int(1000, 9999)),
					authorised: [{ name: landlord.name, until: authUntil, last4: ownLast4 }]
				},
				preferredLanguage: 'en'
			},
			customer: { name: landlord.name, says: 'An incoming call on line 1. The caller speaks quickly, like someone used to being put through.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the caller)',
					summary: `${number} — holder ${tenant.name}, ${addr}.`,
					details: [
						{ label: 'Past-due', value: money(pastDue) },
						{ label: 'Scheduled lock-off', value: lockoffDate },
						{ label: 'Authorised persons', value: `${landlord.name} (owner) — written authorisation, ${addDays(authUntil, -rng.int(120, 200))} to ${authUntil}` },
						{ label: 'Payment plans, last 12 months', value: 'None' }
					]
				}
			],
			accounts: [{ number, holder: tenant.name, address: addr, status: 'active', balanceCents: pastDue, depositHeldCents: 0 }],
			refs: {
				given: { name: landlord.name, serviceAddress: addr, last4: ownLast4 },
				landlord: landlord.name,
				landlordLast: landlord.last,
				tenant: tenant.name,
				tenantFirst: tenant.first,
				building: street,
				unit,
				address: addr,
				ownLast4,
				pastDueText: money(pastDue),
				lockoffAmountText: money(pastDue + policy.delinquency.doorTagFeeCents),
				lockoffText: spoken(lockoffDate),
				authUntilText: spoken(authUntil),
				formDate: nextBusinessDay(date),
				formText: spoken(nextBusinessDay(date))
			},
			secrets: []
		};
	}
} satisfies Scenario;

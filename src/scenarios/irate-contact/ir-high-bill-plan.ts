/**
 * An irate holder calls about a high bill (CSR I): the customer asks for a payment plan, beyond a CSR I's
 * authority (F-35), and later asks a routine question that tempts an escalation (F-32).
 */
import type { ActorEvent, PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays, nextBusinessDay } from '$lib/domain/calendar';

const t = (type: string, extra: Record<string, unknown> = {}): ActorEvent => ({ by: 'trainee', event: { type, ...extra } as ActorEvent['event'] });
const say = (id: string): PathStep => ({ say: id });
const closeEvents = (steps: { what: string; by: { $ref: string } }[], promises: string[]): ActorEvent[] => [
	t('nextSteps.summarised', { steps }),
	t('contact.closed', { why: 'High August bill (a broken sprinkler timer); asked how to pay it', promises })
];

export default {
	id: 'ir-high-bill-plan',
	version: 1,
	title: 'A bill three times the usual',
	procedure: 'irate-contact',
	level: 'csr1',
	brief:
		'You are a CSR I on the phones. An account holder calls, angry about a bill far higher than usual. Handle the contact: take control, let them vent, verify before you say anything about the account, find out what happened, and offer what you can — within your authority.',
	objectives: [
		'Acknowledge before problem-solving; never “calm down”',
		'Verify identity before any account detail',
		'Offer what a CSR I can; warm-transfer what you cannot',
		'Answer routine questions yourself; close with dated next steps'
	],
	competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
	persona: {
		role: 'Account holder with a high bill',
		manner: 'Angry at first, reasonable once heard',
		startingMood: 7,
		behaviour: ['Vents about the bill amount', 'Asks to split the bill into payments', 'Doubts the meter and hints at asking someone higher up']
	},
	colleagues: [
		{ id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'senior', acts: { 'escalation.accepted': { type: 'escalation.accepted' } } },
		{ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'supervisor', acts: { 'escalation.accepted': { type: 'escalation.accepted' } } }
	],
	faults: [
		{
			id: 'F-35',
			title: 'A request beyond a CSR I’s authority (a payment plan)',
			found: {
				all: [{ ctx: 'escalations', is: { some: { reasons: { contains: 'beyond-authority' } } } }, { not: { event: 'option.offered', refused: true, where: { option: 'paymentPlan' } } }]
			},
			correctMove: 'Say what you can do (take a payment, refer to bill assistance), then warm-transfer to a senior with a brief for the plan — never offer it yourself.',
			policyRef: '§8 Authority to offer; §8 Escalate'
		},
		{
			id: 'F-32',
			title: 'A routine question that tempts an escalation',
			found: { all: [{ said: 'explain' }, { not: { ctx: 'breaches', is: { some: { rule: 'needless-escalation' } } } }] },
			correctMove: 'Answer it yourself: explain the usage and the meter read; offer a reread if they still doubt it.',
			policyRef: '§8 Escalate'
		}
	],
	expected: [
		{ id: 'verified', label: 'The holder was verified before any account detail', check: { ctx: 'verification.ok', is: true }, policyRef: '§1 Identity before disclosure' },
		{ id: 'in-authority', label: 'An option within a CSR I’s authority was offered', check: { ctx: 'offers', is: { some: { option: { in: ['assistanceReferral', 'payment', 'explain', 'route'] }, authority: 'csr1' } } }, policyRef: '§8 Authority to offer' },
		{ id: 'plan-via-senior', label: 'The payment plan came through the senior', check: { ctx: 'offers', is: { some: { option: 'paymentPlan', authority: 'senior' } } }, policyRef: '§8 Escalate' },
		{ id: 'resolved', label: 'The contact was closed with next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: [
		{ id: 'no-calm-down', description: 'Never say “calm down”.', policyRef: '§8 Control' },
		{ id: 'no-blame', description: 'No blame, no “but”.', policyRef: '§8 Acknowledge' },
		{ id: 'no-interrupting', description: 'Let the customer vent without interruption.', policyRef: '§8 Acknowledge' },
		{ id: 'acknowledge-before-solve', description: 'Acknowledge before offering options.', policyRef: '§8 CARP' }
	],
	documentation: [
		{ id: 'note-verification', label: 'The note records how the caller was verified', check: { ctx: 'note.verification', is: { contains: 'verified as holder' } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has next steps with dates', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [
		{ text: 'Control and acknowledge first: name the feeling before anything else.' },
		{ text: 'Nothing about the account until name, service address and last 4 (or PIN) match.' },
		{ text: 'A CSR I may explain, take a payment, route and refer to assistance. Anything else goes to a senior, with a brief.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer: '“This is ridiculous! I just opened a bill for {{refs.amountText}} — that’s three times what I normally pay. Somebody made a mistake and I want it fixed!”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“Thank you for calling Riverton Utilities, this is your CSR speaking. I’m here to help — tell me what happened.”', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'calm-down', text: '“I need you to calm down before I can help you.”', style: 'dismissive', do: [t('said.calmDown'), t('control.established')], next: 'vent' },
					{ id: 'plan-now', text: '“No problem — I’ll just set you up on a payment plan.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'opening' },
					{ id: 'disclose', text: '“Let me pull that up… I see a balance of {{refs.amountText}} and a last payment of {{refs.lastPaymentText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'balance and last payment' })], next: 'opening' }
				]
			},
			vent: {
				customer: {
					calm: '“I’ve lived there eight years and never paid more than about a hundred dollars. I can’t afford this.”',
					upset: '“Eight years in that house and never more than a hundred dollars. Now this? I can’t afford it.”',
					hostile: '“Don’t tell me how to talk! Eight years and never more than a hundred dollars — and now this!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“I can hear how upsetting a bill like that is, especially when you weren’t expecting it. Let’s work it out together.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“Well, bills do go up in summer — if you watered more, that’s the usage.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Okay, okay — what’s your account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“So what are you going to do about it?”',
				replies: [
					{ id: 'ask-id', text: '“I’ll look into it right now. First, to protect your account: the name on the account, the service address, and the last four of your Social?”', style: 'procedural', do: [t('identity.checked', { given: { $ref: 'refs.given' } })], next: 'refocus' },
					{ id: 'usage-first', text: '“Your usage this month was {{refs.usage}} hundred cubic feet — that’s why.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'usage' })], next: 'verify' },
					{ id: 'meter-right', text: '“Bills come from the meter, so the amount is right.”', style: 'policy-first', do: [t('said.blame')], next: 'verify' }
				]
			},
			refocus: {
				customer: '“{{refs.holder}}, {{refs.address}}, last four {{refs.last4}}. Now can you tell me why it’s so high?”',
				replies: [
					{ id: 'clarify', text: '“Thank you. Has anything changed at home this summer — guests, a new appliance, a sprinkler timer, a running toilet?”', style: 'empathetic', do: [t('question.asked', { question: 'What changed at home?' })], next: 'plan-request' },
					{ id: 'meter-tested', text: '“Our meters are tested. The read is correct and the bill stands.”', style: 'policy-first', do: [t('said.blame')], next: 'refocus' },
					{ id: 'plan-2', text: '“I’ll put you on a payment plan.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'refocus' }
				]
			},
			'plan-request': {
				customer: '“Well… the sprinkler timer did break in August. But I can’t pay {{refs.amountText}} at once. Can you split it into a few payments?”',
				moves: [{ type: 'customer.requested', option: 'paymentPlan' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Here’s what I can do right now: take a payment today and give you the bill-assistance program’s number. A payment plan needs my senior — I’ll bring Maria Ortiz on and brief her, so you don’t have to repeat anything.”',
						style: 'escalation',
						do: [
							t('option.offered', { option: 'assistanceReferral' }),
							t('escalation.requested', { brief: 'Verified holder; high August bill from a broken sprinkler timer; asks for a payment plan (beyond CSR I). Referred to bill assistance.' }),
							{ by: 'maria', event: { type: 'escalation.accepted' } }
						],
						next: 'with-maria'
					},
					{ id: 'offer-plan', text: '“Sure, I’ll set up a three-month plan for you.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'plan-request' },
					{ id: 'referral-only', text: '“Payment plans aren’t something I can do. I can refer you to the bill-assistance program.”', style: 'policy-first', do: [t('option.offered', { option: 'assistanceReferral' })], next: 'routine' },
					{ id: 'cold-transfer', text: '“Hold on, I’ll transfer you.”', style: 'dismissive', do: [t('escalation.requested', { brief: '' })], next: 'plan-request' }
				]
			},
			'with-maria': {
				customer: 'Maria Ortiz joins the call: “Hello, this is Maria, the senior on duty — I have your notes.” The customer: “Thank you. So can I get the plan?”',
				replies: [
					{ id: 'offer-plan-maria', text: '(With Maria on the line) Offer the plan: half of the past-due now, the rest over the next three bills.', style: 'procedural', do: [t('option.offered', { option: 'paymentPlan' })], next: 'routine' },
					{ id: 'waive-bill', text: '(With Maria on the line) Offer to waive the bill as an exception.', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'with-maria' },
					{ id: 'big-adjustment', text: '(With Maria on the line) Offer a $300.00 adjustment.', style: 'premature-solution', do: [t('option.offered', { option: 'adjustment', amountCents: 30000 })], next: 'with-maria' }
				]
			},
			routine: {
				customer: '“One more thing. How do I know your meter is even right? Should I be asking a supervisor about that?”',
				replies: [
					{
						id: 'explain',
						text: '“I can answer that: your August read was {{refs.usage}} hundred cubic feet against about {{refs.normalUsage}} in other months, and the meter photo on file matches the read. A broken sprinkler timer explains it. If you’d still like it checked, a reread can be arranged.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'explain' })],
						next: 'close'
					},
					{
						id: 'transfer',
						text: '“That’s one for the supervisor — let me get Dana for you.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: 'Customer questions the meter’s accuracy.' }), { by: 'dana', event: { type: 'escalation.accepted' } }],
						next: 'close'
					},
					{ id: 'deflect', text: '“I just take the calls, I wouldn’t know.”', style: 'dismissive', do: [t('said.blame')], next: 'routine' }
				]
			},
			close: {
				customer: '“Okay. So what happens now?”',
				replies: [
					{
						id: 'summarise',
						text: '“To recap: your first plan installment comes with your next bill on {{refs.nextBill}}, and the assistance program will call you by {{refs.assistDate}}. I’ve noted everything on your account. Thank you for your patience, {{refs.first}}.”',
						style: 'procedural',
						do: closeEvents(
							[
								{ what: 'First plan installment on the next bill', by: { $ref: 'refs.nextBill' } },
								{ what: 'Bill-assistance program calls the customer', by: { $ref: 'refs.assistDate' } }
							],
							['Plan installments on the next three bills']
						),
						next: null
					},
					{
						id: 'summarise-assist',
						text: '“To recap: the assistance program will call you by {{refs.assistDate}}, and you can pay what you can before the due date. I’ve noted everything. Thank you, {{refs.first}}.”',
						style: 'procedural',
						do: closeEvents([{ what: 'Bill-assistance program calls the customer', by: { $ref: 'refs.assistDate' } }], []),
						next: null
					},
					{ id: 'bye', text: '“Okay, have a good day.”', style: 'dismissive', do: [t('contact.closed', { why: 'High bill' })], next: 'close' }
				]
			}
		}
	},
	golden: [say('greet'), say('name-feeling'), say('ask-id'), say('clarify'), say('warm-transfer'), say('offer-plan-maria'), say('explain'), say('summarise')],
	mistakes: [
		{
			fault: 'F-35',
			description: 'Offers the payment plan itself (refused), then handles the call alone without the senior.',
			steps: [say('greet'), say('name-feeling'), say('ask-id'), say('clarify'), say('offer-plan'), say('referral-only'), say('explain'), say('summarise-assist')],
			expect: { missed: ['F-35'], passed: false, lost: { compliance: 10, outcome: 10, documentation: 3.33 } }
		},
		{
			fault: 'F-32',
			description: 'Escalates the routine meter question to the supervisor.',
			steps: [say('greet'), say('name-feeling'), say('ask-id'), say('clarify'), say('warm-transfer'), say('offer-plan-maria'), say('transfer'), say('summarise')],
			expect: { missed: ['F-32'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const amount = cents(rng, 28000, 39000);
		const last4 = String(rng.int(1000, 9999));
		const usage = rng.int(28, 36);
		return {
			start: { date, time: '09:40' },
			weather: { lowF: rng.int(50, 62), highF: rng.int(78, 92), summary: 'Warm' },
			subject: number,
			machineInput: {
				level: 'csr1',
				channel: 'phone',
				startingMood: 7,
				claimedName: holder.name,
				account: { accountNumber: number, holderName: holder.name, serviceAddress: addr, last4 },
				preferredLanguage: 'en'
			},
			customer: { name: holder.name, says: 'An incoming call on line 2. The caller sounds angry before you finish your greeting.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the caller)',
					summary: `${number} — ${holder.name}, ${addr}.`,
					details: [
						{ label: 'Current bill', value: money(amount) },
						{ label: 'Authorised persons', value: 'None on file' },
						{ label: 'August read', value: `${usage} hundred cubic feet (meter photo on file)` },
						{ label: 'Usual monthly use', value: '9–11 hundred cubic feet' }
					]
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'active', balanceCents: amount, depositHeldCents: 0 }],
			refs: {
				given: { name: holder.name, serviceAddress: addr, last4 },
				holder: holder.name,
				first: holder.first,
				address: addr,
				last4,
				amountText: money(amount),
				lastPaymentText: money(cents(rng, 8000, 11000)),
				usage,
				normalUsage: 10,
				nextBill: addDays(date, 20),
				assistDate: nextBusinessDay(addDays(date, 3))
			},
			secrets: []
		};
	}
} satisfies Scenario;

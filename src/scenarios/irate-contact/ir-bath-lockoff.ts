/**
 * A parent at the counter at 4:20 pm: the water was locked off this morning and a sick toddler needs a
 * bath tonight (CSR I). The parent demands the manager over the after-hours fee (F-31, a warm
 * transfer), then asks a routine question — why nobody warned them — that tempts an escalation (F-32).
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, cents, lockoffDay, money, person } from '../shared/variants';
import { addDays, nextBusinessDay } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { CARP_ORDER, SENIOR, SUPERVISOR, says, spoken, t, workdayBy } from './kit';

const WHY = 'Water locked off this morning for the past-due; wants it back on tonight for a sick toddler';
const BRIEF = 'Verified holder (photo ID); water locked off this morning; sick toddler; offered next-day or after-hours restoration tonight; objects to the after-hours fee and asks for the manager.';

export default {
	id: 'ir-bath-lockoff',
	version: 1,
	title: 'No water at bath time',
	procedure: 'irate-contact',
	level: 'csr1',
	brief:
		'It is 4:20 pm at the front counter. A parent comes in with a lock-off door tag: the water at home was locked off this morning, and their little girl, sick all week, needs a bath tonight. Handle the contact: control, acknowledge, verify before any account detail, find out what they need, offer what a CSR I can — and know what to hand on and what to answer yourself.',
	objectives: [
		'Acknowledge a frightened parent before anything else; never “calm down”',
		'Verify with photo ID at the counter before any account detail',
		'Explain restoration today versus tonight (after-hours) within a CSR I’s authority',
		'Warm-transfer a demand for the manager; answer a routine question yourself'
	],
	competencies: ['C-IRATE1', 'C-ID'],
	persona: {
		role: 'A parent and account holder whose water was locked off before their child’s bath',
		manner: 'Frantic and close to tears, sharp when told about fees; softens once someone clearly helps',
		startingMood: 8,
		behaviour: [
			'Opens with the child in the car and no water at the tap',
			'Demands the manager when told the after-hours fee',
			'Asks whether they must take “no one warned me” to a supervisor too'
		]
	},
	colleagues: [SENIOR, SUPERVISOR],
	faults: [
		{
			id: 'F-31',
			title: 'The customer demands a manager',
			found: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' }, acceptedAt: { exists: true } } } },
			correctMove: 'Do not argue or carry on alone: warm-transfer to the senior with a brief, so the parent does not repeat the story.',
			policyRef: '§8 Escalate'
		},
		{
			id: 'F-32',
			title: 'A routine question (why was there no warning?) that tempts an escalation',
			found: { all: [{ said: 'explain-notice' }, { not: { ctx: 'breaches', is: { some: { rule: 'needless-escalation' } } } }] },
			correctMove: 'Answer it yourself from the account: when the notice was mailed and the door tag left; update the phone number.',
			policyRef: '§8 Escalate'
		}
	],
	expected: [
		{ id: 'verified', label: 'The parent was verified (photo ID) before any account detail', check: { ctx: 'verification.method', is: 'photo-id' }, policyRef: '§1 Identity before disclosure' },
		{
			id: 'in-authority',
			label: 'The restoration options were explained and the payment offered (within authority)',
			check: { all: [{ ctx: 'offers', is: { some: { option: 'explain' } } }, { ctx: 'offers', is: { some: { option: 'payment' } } }] },
			policyRef: '§8 Authority to offer; §6'
		},
		{ id: 'warm-transfer', label: 'The demand for the manager got a warm transfer', check: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' }, acceptedAt: { exists: true } } } }, policyRef: '§8 Escalate' },
		{ id: 'resolved', label: 'The contact was closed with dated next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'note-verification', label: 'The note records the photo-ID verification', check: { ctx: 'note.verification', is: { contains: 'photo-id' } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has the restoration with its date', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [
		{ text: 'First the person, then the account: let the parent say it, and name the feeling.' },
		{ text: 'Paid after 3:00 pm: restoration the next business day — or tonight with the after-hours fee instead of the regular reconnect fee (policy §6).' },
		{ text: '“I want your manager” is a demand: warm transfer. “Should I ask a supervisor why…?” is a question you can answer.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer:
					'The parent slaps a door tag on the counter. “I need my water back on. Now. My daughter’s in the car — she’s {{refs.childAge}}, she’s had a fever all week — and there is nothing coming out of the tap!”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“I’m sorry you came home to that. I’m here to help you get it sorted — tell me what happened.”', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'calm-down', text: '“I need you to calm down before I can help you.”', style: 'dismissive', do: [t('said.calmDown'), t('control.established')], next: 'vent' },
					{ id: 'pay-first', text: '“If you pay the balance and the fees, we can turn it back on.”', style: 'premature-solution', do: [t('option.offered', { option: 'payment' })], next: 'opening' },
					{ id: 'disclose-now', text: '“Let me look you up… you’re {{refs.pastDueText}} past due, plus the lock-off fee.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'opening' }
				]
			},
			vent: {
				customer: {
					calm: '“I got home from work and turned the tap and — nothing. She threw up in the car on the way back from day care. I can’t even give her a bath.”',
					upset: '“I got home and there’s NOTHING. She threw up in the car, I can’t even bathe her. What kind of city does that to a family?”',
					hostile: '“Don’t you tell me how to talk! My kid is sick in the car and you people cut off our water!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“That’s awful — coming home to no water with a sick little one. Of course you’re upset. Let’s see what we can do tonight.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“Well, the account was past due, so the system locked it.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Okay, okay — do you have your account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“So can you turn it back on or not?”',
				replies: [
					{
						id: 'ask-id',
						text: '“I’m pulling it up right now. So I can talk with you about the account: the name it’s in, the service address, and a photo ID, please.”',
						style: 'procedural',
						do: [t('identity.checked', { given: { $ref: 'refs.given' } })],
						next: 'refocus'
					},
					{ id: 'disclose-why', text: '“It shows {{refs.pastDueText}} past due since {{refs.dueText}} — that’s why it was locked.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'verify' },
					{ id: 'rules', text: '“Once an account is locked off, everything has to be paid before a crew goes out. That’s the rule.”', style: 'policy-first', do: [t('said.blame')], next: 'verify' }
				]
			},
			refocus: {
				customer: 'The parent hands over a driver’s license. “{{refs.holder}}. {{refs.address}}. Just tell me why there’s no water.”',
				replies: [
					{
						id: 'clarify',
						text: '“Thank you, {{refs.first}}. The account was locked off at {{refs.lockTime}} this morning for a past-due of {{refs.pastDueText}}. Did anything change recently — a new phone, mail going somewhere else?”',
						style: 'empathetic',
						do: [t('detail.disclosed', { detail: 'lock-off and past-due' }), t('question.asked', { question: 'Did anything change recently?' })],
						next: 'notice'
					},
					{ id: 'blame-2', text: '“The notice says what happens when a bill isn’t paid. That’s on the account holder.”', style: 'defensive', do: [t('said.blame')], next: 'refocus' },
					{ id: 'waive', text: '“Since you’ve got a little one, I’ll waive the fees and send a crew.”', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'refocus' }
				]
			},
			notice: {
				customer: '“Locked off? Nobody told me anything — no letter, no call, nothing! Is that something I have to take up with a supervisor?”',
				replies: [
					{
						id: 'explain-notice',
						text: '“I can answer that myself: a lock-off notice was mailed to {{refs.address}} on {{refs.noticeText}}, and a door tag was left on {{refs.tagText}}. We tried to call {{refs.oldPhone}}, but that number is out of service — let’s put your new one on the account right now.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'explain' })],
						next: 'options'
					},
					{
						id: 'supervisor-notice',
						text: '“That’s one for a supervisor — let me get Maria for you.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: 'Customer says no notice was received.' }), { by: 'maria', event: { type: 'escalation.accepted' } }],
						next: 'maria-notice'
					},
					{ id: 'deflect', text: '“I just work the counter; I couldn’t tell you what was sent.”', style: 'dismissive', do: [t('said.blame')], next: 'notice' }
				]
			},
			options: {
				customer: '“Fine. I’ll deal with the phone. Can you turn it on TONIGHT? She can’t go to bed like this.”',
				replies: [
					{
						id: 'offer-options',
						text: '“Here’s what I can do. Paid after 3:00 pm, the regular reconnection is first thing on {{refs.nextDayText}}: {{refs.tomorrowText}} in all. For tonight there’s after-hours reconnection — {{refs.afterHoursText}} instead of the {{refs.reconnectText}} — so {{refs.tonightText}} in cash, money order or card, and a crew comes out this evening. I can take the payment right here.”',
						style: 'procedural',
						do: [t('option.offered', { option: 'explain' }), t('option.offered', { option: 'payment' })],
						next: 'demand'
					},
					{ id: 'nothing-tonight', text: '“Sorry, it’s after three — nothing can happen until tomorrow.”', style: 'policy-first', do: [t('said.blame')], next: 'options' },
					{ id: 'waive-2', text: '“I’ll waive the after-hours fee for you just this once.”', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'options' }
				]
			},
			demand: {
				customer: {
					calm: '“{{refs.afterHoursText}} to turn a valve? No. I’d like to speak to your manager, please.”',
					upset: '“{{refs.afterHoursText}}? To turn a valve? No. I want to talk to your manager. Right now.”',
					hostile: '“{{refs.afterHoursText}}?! Get me your manager. NOW.”'
				},
				moves: [{ type: 'customer.demandedSupervisor' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Of course. I’ll bring over Maria Ortiz, our senior, and tell her what’s happened so you don’t have to repeat it.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: BRIEF }), { by: 'maria', event: { type: 'escalation.accepted' } }],
						next: 'maria'
					},
					{ id: 'same-answer', text: '“My manager will tell you exactly the same thing.”', style: 'defensive', do: [t('said.blame')], next: 'demand' },
					{ id: 'handle-alone', text: '“I understand. The fees are set by the city — let me go over the options again instead.”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			maria: {
				customer: 'Maria Ortiz comes to the counter: “Hi, I’m Maria, the senior on duty — I’ve got the notes.” The parent: “Is there really nothing you can do about that fee?”',
				replies: [
					{
						id: 'maria-confirms',
						text: '(With Maria) “The after-hours fee is set by the city, and we can’t waive it. What we can do is get a crew there tonight — or tomorrow morning at the regular fee. And if bills are hard to keep up with, here is Riverton Community Action’s number; they help with utility bills.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'assistanceReferral' })],
						next: 'close'
					},
					{ id: 'maria-waive', text: '(With Maria) Offer to waive the after-hours difference as a one-time courtesy.', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'maria' },
					{ id: 'maria-blame', text: '(With Maria) “If the notice had been read, we wouldn’t be here.”', style: 'defensive', do: [t('said.blame')], next: 'maria' }
				]
			},
			// The branch after a needless transfer: the senior already holds the contact, so a demand goes to the supervisor.
			'maria-notice': {
				customer: 'Maria Ortiz comes over: “Hi, I’m Maria. The notice went out on {{refs.noticeText}} and the door tag on {{refs.tagText}} — your colleague could have told you that.” The parent: “Great. Now can I get water TONIGHT?”',
				replies: [
					{
						id: 'offer-options-m',
						text: '(With Maria) “Yes: after-hours reconnection tonight is {{refs.tonightText}} in all — {{refs.afterHoursText}} instead of the {{refs.reconnectText}} — or {{refs.tomorrowText}} for first thing on {{refs.nextDayText}}. I can take the payment here.”',
						style: 'procedural',
						do: [t('option.offered', { option: 'explain' }), t('option.offered', { option: 'payment' })],
						next: 'demand-m'
					},
					{ id: 'waive-m', text: '(With Maria) “We’ll waive the after-hours fee for you.”', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'maria-notice' },
					{ id: 'blame-m', text: '(With Maria) “Next time, read your mail.”', style: 'defensive', do: [t('said.blame')], next: 'maria-notice' }
				]
			},
			'demand-m': {
				customer: '“{{refs.afterHoursText}}? No. Then I want whoever is above you two. Now.”',
				moves: [{ type: 'customer.demandedSupervisor' }],
				replies: [
					{
						id: 'bring-dana',
						text: '“Of course. Maria and I will bring in Dana Whitfield, our supervisor, and brief her first.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: BRIEF }), { by: 'dana', event: { type: 'escalation.accepted' } }],
						next: 'dana'
					},
					{ id: 'same-answer-m', text: '“Dana will tell you the same thing.”', style: 'defensive', do: [t('said.blame')], next: 'demand-m' },
					{ id: 'handle-alone-m', text: '(With Maria) “Let’s just go over the options again.”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			dana: {
				customer: 'Dana Whitfield joins: “I’m Dana, the supervisor. I’ve heard what happened.” The parent: “So is there anything you can do?”',
				replies: [
					{
						id: 'dana-confirms',
						text: '(With Dana) “The after-hours fee stands, but the crew can be there tonight, and here is Riverton Community Action’s number for help with bills.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'assistanceReferral' })],
						next: 'close'
					},
					{ id: 'dana-blame', text: '(With Dana) “Rules are rules.”', style: 'defensive', do: [t('said.blame')], next: 'dana' },
					{ id: 'dana-exception', text: '(With Dana) Dana approves tonight’s reconnection at the regular {{refs.reconnectText}} as a one-time exception.', style: 'procedural', do: [t('option.offered', { option: 'exception' })], next: 'close' }
				]
			},
			close: {
				customer: '“So it’s on tonight. For sure?”',
				replies: [
					{
						id: 'summarise',
						text: '“Yes: once the {{refs.tonightText}} is paid here, the after-hours crew restores your water tonight, {{refs.todayText}}. I’ve noted everything on the account, with your new phone number. Thank you for bearing with us, {{refs.first}} — I hope she feels better soon.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', { steps: [{ what: 'After-hours crew restores water service once the payment is taken', by: { $ref: 'start.date' } }] }),
							t('contact.closed', { why: WHY, promises: ['After-hours restoration tonight once paid'] })
						],
						next: null
					},
					{ id: 'vague', text: '“We’ll get somebody out there.”', style: 'procedural', do: [t('nextSteps.summarised', { steps: [{ what: 'Crew', by: 'tonight' }] })], next: 'close' },
					{ id: 'next-please', text: '“Okay — next in line, please!”', style: 'dismissive', do: [t('contact.closed', { why: 'Water off' })], next: 'close' }
				]
			}
		}
	},
	golden: says('greet', 'name-feeling', 'ask-id', 'clarify', 'explain-notice', 'offer-options', 'warm-transfer', 'maria-confirms', 'summarise'),
	mistakes: [
		{
			fault: 'F-31',
			description: 'Keeps explaining the fees instead of fetching the senior when the parent demands the manager.',
			steps: says('greet', 'name-feeling', 'ask-id', 'clarify', 'explain-notice', 'offer-options', 'handle-alone', 'summarise'),
			expect: { missed: ['F-31'], passed: true, lost: { outcome: 10, documentation: 3.33 } }
		},
		{
			fault: 'F-32',
			description: 'Sends the “nobody told me” question to the senior; when the parent then demands a manager, the supervisor is the next rung.',
			steps: says('greet', 'name-feeling', 'ask-id', 'clarify', 'supervisor-notice', 'offer-options-m', 'bring-dana', 'dana-confirms', 'summarise'),
			expect: { missed: ['F-32'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const holder = person(rng);
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = lockoffDay(rng);
		const pastDue = cents(rng, 11800, 19600);
		const r = policy.restoration;
		const lockFee = policy.delinquency.lockoffFeeCents;
		const noticeDate = workdayBy(addDays(date, -rng.int(12, 16)));
		const tagDate = workdayBy(addDays(date, -rng.int(policy.delinquency.doorTagDaysBefore, policy.delinquency.doorTagDaysBefore + 1)));
		const dueDate = addDays(noticeDate, -rng.int(3, 8));
		const lockTime = `${rng.int(9, 11)}:${String(rng.int(0, 59)).padStart(2, '0')} am`;
		const oldPhone = `(916) 555-0${rng.int(100, 199)}`;
		const child = rng.pick(['Sofia', 'Mia', 'Ava', 'Zoe', 'Lily', 'Nora']);
		const childAge = rng.pick(['two', 'three', 'four']);
		const last4 = String(rng.int(1000, 9999));
		return {
			start: { date, time: '16:20' },
			weather: { lowF: rng.int(44, 58), highF: rng.int(66, 84), summary: 'Clear' },
			subject: number,
			machineInput: {
				level: 'csr1',
				channel: 'counter',
				startingMood: 8,
				claimedName: holder.name,
				account: { accountNumber: number, holderName: holder.name, serviceAddress: addr, last4 },
				preferredLanguage: 'en'
			},
			customer: { name: holder.name, says: `A parent hurries to your window holding a door tag; through the glass doors you can see a car with a small child (${child}) in a car seat.` },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the customer)',
					summary: `${number} — ${holder.name}, ${addr}. Status: locked off today.`,
					details: [
						{ label: 'Past-due (incl. door-tag fee)', value: money(pastDue) },
						{ label: 'Lock-off fee (charged today)', value: money(lockFee) },
						{ label: 'Lock-off notice mailed', value: noticeDate },
						{ label: 'Door tag left', value: tagDate },
						{ label: 'Locked off', value: `${date}, ${lockTime} (Crew 4)` },
						{ label: 'Lock-off cause', value: 'Past-due balance (no returned payment)' },
						{ label: 'After-hours restorations, last 12 months', value: 'None' },
						{ label: 'Phone on file', value: `${oldPhone} (call attempt ${tagDate}: number not in service)` }
					]
				},
				{
					id: 'restoration-card',
					kind: 'document',
					title: 'Restoration quick card (policy §6)',
					summary: 'Past-due + lock-off fee + reconnect fee, in guaranteed funds.',
					details: [
						{ label: 'Same-day restoration', value: 'Paid by 3:00 pm on a business day' },
						{ label: 'Reconnect fee (business hours)', value: money(r.reconnectFeeCents) },
						{ label: 'After-hours reconnection', value: `${money(r.afterHoursFeeCents)} instead of ${money(r.reconnectFeeCents)}; at most ${r.afterHoursMaxPer12Months} in 12 months; never after a returned-payment lock-off` }
					]
				}
			],
			accounts: [{ number, holder: holder.name, address: addr, status: 'locked', balanceCents: pastDue + lockFee, depositHeldCents: 0 }],
			refs: {
				given: { name: holder.name, serviceAddress: addr, photoId: true },
				holder: holder.name,
				first: holder.first,
				address: addr,
				childAge,
				pastDueText: money(pastDue),
				dueText: spoken(dueDate),
				lockTime,
				noticeText: spoken(noticeDate),
				tagText: spoken(tagDate),
				oldPhone,
				todayText: spoken(date),
				nextDayText: spoken(nextBusinessDay(date)),
				reconnectText: money(r.reconnectFeeCents),
				afterHoursText: money(r.afterHoursFeeCents),
				tomorrowText: money(pastDue + lockFee + r.reconnectFeeCents),
				tonightText: money(pastDue + lockFee + r.afterHoursFeeCents)
			},
			secrets: []
		};
	}
} satisfies Scenario;

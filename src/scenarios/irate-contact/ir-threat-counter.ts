/**
 * A customer locked off this morning comes to the counter sure he mailed a check (CSR III). He swears
 * at the CSR (F-33: a request to stop, then a warning), and after the warning he threatens the CSR by
 * their car (F-34: duress signal to a coworker who calls 911, never confront, stay behind the counter,
 * incident report with his exact words, only then end). The two faults combine: the abuse protocol is
 * followed, and the threat protocol takes over from it.
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { by, CARP_ORDER, says, spoken, t, workdayBy } from './kit';

export default {
	id: 'ir-threat-counter',
	version: 1,
	title: '“You’ll regret this”',
	procedure: 'irate-contact',
	level: 'csr3',
	brief:
		'Early afternoon at the front counter. A man whose water was locked off this morning comes to your window, sure he mailed a check weeks ago. Jordan Pike (CSR II) is at the next window. Handle the contact the way policy says — whatever he says, and whatever he does.',
	objectives: [
		'Keep control without “calm down”; verify before any account detail',
		'Abuse: a respectful request to stop, then an explicit warning — both before ending',
		'Threat: never confront; stay behind the counter; duress signal to a coworker, who calls 911',
		'Write the incident report with the exact words before the contact ends'
	],
	competencies: ['C-IRATE1', 'C-ESCALATE'],
	persona: {
		role: 'A contractor, the account holder, locked off this morning',
		manner: 'Loud and physical (leans over the counter), swears, and turns to a quiet threat when warned',
		startingMood: 8,
		behaviour: ['Insists he mailed a check', 'Swears twice at the CSR', 'After the warning, threatens the CSR by their car', 'Leaves when he sees a coworker go to the back office'],
	},
	colleagues: [{ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'coworker at the next window', acts: { 'police.called': { type: 'police.called' } } }],
	faults: [
		{
			id: 'F-33',
			title: 'Abusive language',
			found: { all: [{ event: 'abuse.askedToStop' }, { event: 'abuse.warned' }, { not: { refusedRule: 'abuse-two-steps' } }] },
			correctMove: 'First a respectful request to stop, then an explicit warning that the contact will end; end it only if the abuse goes on.',
			policyRef: '§8 Abuse'
		},
		{
			id: 'F-34',
			title: 'A threat at the counter',
			found: {
				all: [
					{ event: 'coworker.signalled' },
					{ event: 'police.called', actor: 'colleague' },
					{ event: 'incident.reported' },
					{ not: { refusedRule: 'threat-handled-alone' } },
					{ not: { ctx: 'breaches', is: { some: { rule: 'threat-confronted' } } } }
				]
			},
			correctMove: 'Never confront: stay behind the counter with an exit, give the duress phrase to Jordan, who calls 911; keep him talking calmly; write the incident report with his exact words.',
			policyRef: '§8 Threat'
		}
	],
	expected: [
		{ id: 'verified', label: 'He was verified (photo ID) before any account detail', check: { ctx: 'verification.method', is: 'photo-id' }, policyRef: '§1 Identity before disclosure' },
		{ id: 'abuse-protocol', label: 'The abuse protocol was followed (request, then warning)', check: { all: [{ ctx: 'abuse.askedAt', is: { exists: true } }, { ctx: 'abuse.warnedAt', is: { exists: true } }] }, policyRef: '§8 Abuse' },
		{
			id: 'threat-protocol',
			label: 'The threat protocol was completed (signal, 911 by the coworker, incident report)',
			check: { all: [{ ctx: 'threat.signalledAt', is: { exists: true } }, { ctx: 'threat.policeCalledAt', is: { exists: true } }, { ctx: 'threat.reportedAt', is: { exists: true } }] },
			policyRef: '§8 Threat'
		},
		{ id: 'ended', label: 'The contact ended after the threat protocol', check: { outcome: ['ended-after-threat'] }, policyRef: '§8 Threat' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'report-words', label: 'The incident report has his exact words', check: { effect: 'incident.report', where: { summary: { contains: { $ref: 'refs.threatWords' } } } }, policyRef: '§8 Threat' },
		{ id: 'note-incidents', label: 'The account note records the abuse steps and the threat', check: { all: [{ ctx: 'note.incidents', is: { some: { contains: 'warned' } } }, { ctx: 'note.incidents', is: { some: { contains: 'threat' } } }] }, policyRef: '§1 Account notes' },
		{ id: 'note-verification', label: 'The note records the photo-ID verification', check: { ctx: 'note.verification', is: { contains: 'photo-id' } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [
		{ text: 'Swearing at you: first ask him, respectfully, to stop; if it goes on, warn that the contact will end.' },
		{ text: 'A threat: never confront. Stay behind the counter; the office’s duress phrase to Jordan (“Could you bring me the blue binder?”) means “call 911”.' },
		{ text: 'Before the contact ends: the incident report, with his words exactly as he said them.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer: 'He slaps a door tag on the counter. “You people shut my water off this morning. I’ve got a crew pouring concrete at my place tomorrow and no water. Turn it back on. Now.”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“I’m here to help get this sorted out. Tell me what happened.” (Stay behind the counter; keep your voice low and even.)', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'calm-down', text: '“Sir, you need to calm down.”', style: 'dismissive', do: [t('said.calmDown'), t('control.established')], next: 'vent' },
					{ id: 'disclose-now', text: '“Let me pull it up — the past-due was {{refs.pastDueText}}, so that’s why.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'opening' }
				]
			},
			vent: {
				customer: {
					calm: '“I paid that bill. I mailed a check weeks ago. You lost it, and I’m the one with no water.”',
					upset: '“I PAID it! I mailed a check weeks ago. You people lost it and now I’ve got no water!”',
					hostile: '“Don’t you tell me to calm down! I mailed that check! You lost it!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“Having your water shut off when you believe you paid is really frustrating — especially with a job tomorrow. Let’s find out what happened to that check.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“If the bill had been paid on time, this wouldn’t have happened.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Got it — ID, please.”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“So fix it.”',
				replies: [
					{ id: 'ask-id', text: '“I will. So I can look at the account with you: the name on it, the service address, and a photo ID, please.”', style: 'procedural', do: [t('identity.checked', { given: { $ref: 'refs.given' } })], next: 'refocus' },
					{ id: 'no-payment', text: '“Our records show no payment since {{refs.lastPaidText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'payment history' })], next: 'verify' },
					{ id: 'no-id-no-help', text: '“Without ID I can’t do anything for you.”', style: 'policy-first', do: [t('said.blame')], next: 'verify' }
				]
			},
			refocus: {
				customer: 'He tosses his driver’s license onto the counter. “{{refs.holder}}. {{refs.address}}. Happy?”',
				replies: [
					{
						id: 'clarify',
						text: '“Thank you, Mr. {{refs.last}}. I don’t see a check posted since {{refs.lastPaidText}}. Do you remember the check number, or whether it has cleared your bank?”',
						style: 'empathetic',
						do: [t('detail.disclosed', { detail: 'payment history' }), t('question.asked', { question: 'Check number; has it cleared?' })],
						next: 'abuse-1'
					},
					{ id: 'no-check', text: '“There’s no check here, so you didn’t pay.”', style: 'defensive', do: [t('said.blame')], next: 'refocus' },
					{ id: 'turn-on', text: '“I’ll have the crew turn it back on now and we’ll sort out the check later.”', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'refocus' }
				]
			},
			'abuse-1': {
				customer: '“Are you calling me a liar? I mailed the [expletive] check, you useless [expletive]!”',
				moves: [{ type: 'customer.abused', words: 'useless [expletive]' }],
				replies: [
					{ id: 'ask-stop', text: '“I want to help you get your water back, and I need you to stop using that language so we can keep working on it.”', style: 'boundary', do: [t('abuse.askedToStop')], next: 'abuse-2' },
					{ id: 'end-now', text: '“That’s it. I’m not serving you. Please leave.”', style: 'dismissive', do: [t('contact.ended', { why: 'Customer swore at staff' })], next: 'abuse-1' },
					{ id: 'calm-down-2', text: '“Sir. Calm. Down.”', style: 'dismissive', do: [t('said.calmDown')], next: 'abuse-1' }
				]
			},
			'abuse-2': {
				customer: '“Don’t tell me what to do! You’re all a bunch of [expletive] thieves!”',
				moves: [{ type: 'customer.abused', words: '[expletive] thieves' }],
				replies: [
					{ id: 'warn', text: '“If the language continues, I will end this conversation. I’d rather help you find that check and get your water on.”', style: 'boundary', do: [t('abuse.warned')], next: 'threat' },
					{ id: 'end-2', text: '“Goodbye, sir.”', style: 'dismissive', do: [t('contact.ended', { why: 'Customer swore at staff' })], next: 'abuse-2' },
					{ id: 'ignore', text: '“Let’s just keep going — which bank was the check drawn on?”', style: 'procedural', do: [t('question.asked', { question: 'Which bank?' })], next: 'abuse-2' }
				]
			},
			threat: {
				customer:
					'He stops swearing. He leans over the counter and lowers his voice: “You know what? {{refs.threatWords}}”',
				moves: [{ type: 'customer.threatened', words: { $ref: 'refs.threatWords' } }],
				replies: [
					{
						id: 'signal',
						text: 'Stay behind the counter, hands visible, voice level. Turn to Jordan: “Jordan, could you bring me the blue binder?” (the office’s duress phrase). Then to him: “I hear you. I’m still looking at your account.”',
						style: 'procedural',
						do: [t('coworker.signalled'), by('jordan', 'police.called')],
						next: 'after-signal'
					},
					{ id: 'confront', text: '“Are you threatening me? Get out of this office right now or I’m calling the police!”', style: 'defensive', do: [t('threat.confronted')], next: 'threat' },
					{ id: 'end-alone', text: '“This conversation is over. Leave now.”', style: 'dismissive', do: [t('contact.ended', { why: 'Customer threatened staff' })], next: 'threat' },
					{ id: 'laugh-off', text: '“Ha — okay. Anyway, about that check…”', style: 'procedural', do: [t('question.asked')], next: 'threat' }
				]
			},
			'after-signal': {
				customer: 'Jordan picks up a binder and walks to the back office (to call 911). He watches Jordan go. “Where’s your buddy going? Who are they calling?”',
				replies: [
					{
						id: 'keep-talking',
						text: '“Jordan’s getting a form for me. Let’s keep looking at your payment — do you remember the check number?” (Stay where you are; don’t argue; leave his way to the door clear.)',
						style: 'procedural',
						do: [t('question.asked', { question: 'Check number?' })],
						next: 'leaves'
					},
					{ id: 'tell-him', text: '“Jordan is calling the police, because you threatened me.”', style: 'defensive', do: [t('threat.confronted')], next: 'leaves' },
					{ id: 'come-around', text: 'Come around the counter and tell him to leave before the police get here.', style: 'defensive', do: [t('threat.confronted')], next: 'leaves' }
				]
			},
			leaves: {
				customer: 'He looks at the back office, grabs the door tag and walks out: “This isn’t over.” A Riverton police officer arrives a few minutes later and takes Jordan’s statement and yours.',
				replies: [
					{
						id: 'report-end',
						text: 'Write the incident report with his exact words, tell the supervisor, and close the contact record: what happened, the threat word for word, that Jordan called 911, and that the missing check is still open.',
						style: 'procedural',
						do: [
							t('incident.reported', { summary: 'Customer swore at the CSR (asked to stop, then warned), then threatened the CSR by their car in the staff lot; Jordan Pike called 911; police attended.', exactWords: { $ref: 'refs.threatWords' } }),
							t('contact.ended', { why: 'Customer threatened staff at the counter after the abuse warning; police attended. Missing-check question still open.' })
						],
						next: null
					},
					{
						id: 'short-report',
						text: 'Write a short report — “Customer was rude and made threats.” — and close the contact record.',
						style: 'procedural',
						do: [t('incident.reported', { summary: 'Customer was rude and made threats.' }), t('contact.ended', { why: 'Rude customer' })],
						next: null
					},
					{ id: 'let-it-go', text: 'He’s gone — let it go and close the contact record.', style: 'dismissive', do: [t('contact.ended', { why: 'Customer left' })], next: 'leaves' }
				]
			}
		}
	},
	golden: says('greet', 'name-feeling', 'ask-id', 'clarify', 'ask-stop', 'warn', 'signal', 'keep-talking', 'report-end'),
	mistakes: [
		{
			fault: 'F-33',
			description: 'Tries to end the contact at the first swear word (refused), then follows the protocol.',
			steps: says('greet', 'name-feeling', 'ask-id', 'clarify', 'end-now', 'ask-stop', 'warn', 'signal', 'keep-talking', 'report-end'),
			expect: { missed: ['F-33'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-34',
			description: 'Confronts him and tries to end the contact alone (refused: a threat handled alone), then signals Jordan.',
			steps: says('greet', 'name-feeling', 'ask-id', 'clarify', 'ask-stop', 'warn', 'confront', 'end-alone', 'signal', 'keep-talking', 'report-end'),
			expect: { missed: ['F-34'], critical: 'threat-handled-alone', passed: false, lost: { compliance: 20 } }
		}
	],
	world(rng) {
		const base = person(rng);
		const first = rng.pick(['Dale', 'Travis', 'Rick', 'Wade', 'Curtis', 'Brent', 'Duane', 'Randy']);
		const holder = `${first} ${base.last}`;
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng, [1, 2, 3, 4]);
		const pastDue = cents(rng, 16000, 31000);
		const lastPaid = workdayBy(addDays(date, -rng.int(52, 70)));
		const car = rng.pick(['silver Corolla', 'white Civic', 'blue RAV4', 'grey Camry', 'red Mazda']);
		const threatWords = `I know which car is yours. The ${car}. I’ll be out there at five when you leave. You’ll regret this.`;
		return {
			start: { date, time: '13:35' },
			weather: { lowF: rng.int(46, 60), highF: rng.int(70, 90), summary: 'Sunny' },
			subject: number,
			machineInput: {
				level: 'csr3',
				channel: 'counter',
				startingMood: 8,
				claimedName: holder,
				account: { accountNumber: number, holderName: holder, serviceAddress: addr, last4: String(rng.int(1000, 9999)) },
				preferredLanguage: 'en'
			},
			customer: { name: holder, says: 'A big man in work boots walks straight past the queue rope to your window, a door tag in his hand.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the customer)',
					summary: `${number} — ${holder}, ${addr}. Status: locked off today.`,
					details: [
						{ label: 'Past-due', value: money(pastDue) },
						{ label: 'Last payment posted', value: lastPaid },
						{ label: 'Mail-payment exceptions file', value: 'Nothing under this name or address' },
						{ label: 'Locked off', value: `${date}, morning route` }
					]
				},
				{
					id: 'safety-card',
					kind: 'document',
					title: 'Counter safety card (policy §8 Threat)',
					summary: 'Stay behind the counter with an exit. Duress phrase: “Could you bring me the blue binder?” — the coworker goes to the back office and calls 911. Never confront. Incident report with the exact words.',
					details: []
				}
			],
			accounts: [{ number, holder, address: addr, status: 'locked', balanceCents: pastDue, depositHeldCents: 0 }],
			refs: {
				given: { name: holder, serviceAddress: addr, photoId: true },
				holder,
				last: base.last,
				address: addr,
				pastDueText: money(pastDue),
				lastPaidText: spoken(lastPaid),
				threatWords
			},
			secrets: []
		};
	}
} satisfies Scenario;

/**
 * A caller who is not on the account asks for his mother's balance (F-30), turns abusive when told
 * no (F-33), then demands a supervisor (F-31). CSR I.
 */
import type { ActorEvent, PathStep, Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money, person } from '../shared/variants';
import { addDays, nextBusinessDay } from '$lib/domain/calendar';

const t = (type: string, extra: Record<string, unknown> = {}): ActorEvent => ({ by: 'trainee', event: { type, ...extra } as ActorEvent['event'] });
const say = (id: string): PathStep => ({ say: id });
const disclose = (id: string, text: string, next: string) => ({ id, text, style: 'disclosure' as const, do: [t('detail.disclosed', { detail: 'balance' })], next });

export default {
	id: 'ir-son-abusive',
	version: 1,
	title: 'Calling about Mom’s account',
	procedure: 'irate-contact',
	level: 'csr1',
	brief:
		'You are a CSR I on the phones. A man calls about his mother’s account and wants to know what she owes. Handle the contact the way policy says, whatever he says.',
	objectives: [
		'Verify identity before any account detail — a family member is not the holder',
		'Follow the abuse protocol: a request to stop, then a warning, only then end',
		'Warm-transfer a supervisor demand with a brief',
		'Close with dated next steps and a complete note'
	],
	competencies: ['C-IRATE1', 'C-ID', 'C-ESCALATE'],
	persona: {
		role: 'The account holder’s adult son (not on the account)',
		manner: 'Worried, impatient, swears when refused',
		startingMood: 6,
		behaviour: ['Demands his mother’s balance', 'Swears twice when told he cannot have it', 'Stops after the warning and asks for a supervisor']
	},
	colleagues: [{ id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'senior', acts: { 'escalation.accepted': { type: 'escalation.accepted' } } }],
	faults: [
		{
			id: 'F-30',
			title: 'A caller not on the account asks for the balance',
			found: { all: [{ ctx: 'verification.ok', is: false }, { not: { event: 'detail.disclosed', refused: true } }] },
			correctMove: 'Check identity first; he is not the holder or authorised in writing, so give general information only (how his mother can authorise him).',
			policyRef: '§1 Identity before disclosure'
		},
		{
			id: 'F-33',
			title: 'Abusive language',
			found: { all: [{ event: 'abuse.askedToStop' }, { event: 'abuse.warned' }, { not: { refusedRule: 'abuse-two-steps' } }] },
			correctMove: 'First a respectful request to stop, then an explicit warning that the call will end; end it only if the abuse continues.',
			policyRef: '§8 Abuse'
		},
		{
			id: 'F-31',
			title: 'The customer demands a supervisor',
			found: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' } } } },
			correctMove: 'Warm-transfer to the senior with a brief so the caller does not repeat the story.',
			policyRef: '§8 Escalate'
		}
	],
	expected: [
		{ id: 'identity-checked', label: 'Identity was checked and nothing was disclosed', check: { all: [{ ctx: 'verification', is: { exists: true } }, { ctx: 'disclosures', is: { len: 0 } }] }, policyRef: '§1 Identity before disclosure' },
		{ id: 'abuse-protocol', label: 'The abuse protocol was followed (request, then warning)', check: { all: [{ ctx: 'abuse.askedAt', is: { exists: true } }, { ctx: 'abuse.warnedAt', is: { exists: true } }] }, policyRef: '§8 Abuse' },
		{ id: 'warm-transfer', label: 'The supervisor demand got a warm transfer', check: { ctx: 'escalations', is: { some: { reasons: { contains: 'customer-asked' }, acceptedAt: { exists: true } } } }, policyRef: '§8 Escalate' },
		{ id: 'resolved', label: 'The contact was closed with next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: [
		{ id: 'no-calm-down', description: 'Never say “calm down”.', policyRef: '§8 Control' },
		{ id: 'no-blame', description: 'No blame, no “but”.', policyRef: '§8 Acknowledge' },
		{ id: 'no-interrupting', description: 'Let the customer vent without interruption.', policyRef: '§8 Acknowledge' }
	],
	documentation: [
		{ id: 'note-verification', label: 'The note says the caller was not verified', check: { ctx: 'note.verification', is: { contains: 'not verified' } }, policyRef: '§1 Account notes' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-incident', label: 'The note records the abusive language and the steps taken', check: { ctx: 'note.incidents.0', is: { contains: 'warned' } }, policyRef: '§8 Abuse' }
	],
	targetMinutes: 8,
	timeLimitMinutes: 20,
	passMark: 80,
	hints: [
		{ text: 'Who is on the account, and who is authorised in writing? Check the account screen.' },
		{ text: 'Abuse: ask respectfully to stop, then warn — both before ending anything.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer: '“Yeah, I’m calling about my mom’s account. She got some notice and I need to know what she owes. Now.”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“Thank you for calling Riverton Utilities, I’m here to help. What’s going on?”', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'calm-down', text: '“Sir, please calm down.”', style: 'dismissive', do: [t('said.calmDown'), t('control.established')], next: 'vent' },
					disclose('disclose-now', '“Sure, let me look — the balance is {{refs.balanceText}}.”', 'opening')
				]
			},
			vent: {
				customer: {
					calm: '“She’s 78, she gets confused, and you people keep sending letters. I just want a straight answer.”',
					upset: '“She’s 78, she’s confused, and you keep sending her letters. I want a straight answer.”',
					hostile: '“Don’t tell me to calm down! She’s 78 and you keep sending letters!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“I can hear you’re worried about your mom — that’s stressful.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“If she read the letters, she’d know.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Right — what’s the account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“I’m {{refs.caller}}. Her address is {{refs.address}}.”',
				replies: [
					{ id: 'ask-id', text: '“Thank you. Are you the account holder, or authorised on the account? I’ll need the holder’s name, the service address and the last four of the holder’s Social or the account PIN.”', style: 'procedural', do: [t('identity.checked', { given: { $ref: 'refs.given' } })], next: 'not-on-account' },
					disclose('disclose-family', '“That’s fine, family can hear it — her balance is {{refs.balanceText}}.”', 'verify'),
					{ id: 'what-want', text: '“What exactly would you like to know?”', style: 'procedural', do: [t('question.asked')], next: 'verify' }
				]
			},
			'not-on-account': {
				customer: '“What do you mean you can’t tell me? That’s my MOTHER, you [expletive]. Just give me the number!”',
				moves: [{ type: 'customer.abused', words: 'you [expletive]' }],
				replies: [
					{ id: 'ask-stop', text: '“I want to help you and your mom, and I need you to stop using that language so we can keep going.”', style: 'boundary', do: [t('abuse.askedToStop')], next: 'abuse-again' },
					disclose('disclose-pressure', '“Alright, alright — it’s {{refs.balanceText}}.”', 'not-on-account'),
					{ id: 'hang-up', text: '“I’m ending this call.”', style: 'dismissive', do: [t('contact.ended', { why: 'Abusive caller' })], next: 'not-on-account' },
					{ id: 'calm-down-2', text: '“Calm down!”', style: 'dismissive', do: [t('said.calmDown')], next: 'not-on-account' }
				]
			},
			'abuse-again': {
				customer: '“I don’t care about your rules, [expletive]! You people are useless!”',
				moves: [{ type: 'customer.abused', words: 'useless [expletive]' }],
				replies: [
					{ id: 'warn', text: '“If the language continues, I will end this call. I’d rather help you.”', style: 'boundary', do: [t('abuse.warned')], next: 'supervisor-demand' },
					{ id: 'hang-up-2', text: '“That’s it, goodbye.”', style: 'dismissive', do: [t('contact.ended', { why: 'Abusive caller' })], next: 'abuse-again' },
					{ id: 'ignore', text: '“Let’s just move on.”', style: 'procedural', do: [t('question.asked')], next: 'abuse-again' }
				]
			},
			'supervisor-demand': {
				customer: '“…Fine. Fine. Then put your supervisor on. Now.”',
				moves: [{ type: 'customer.demandedSupervisor' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Of course. I’ll bring in my senior, Maria Ortiz, and brief her first so you don’t have to repeat yourself.”',
						style: 'escalation',
						do: [
							t('escalation.requested', { brief: 'Caller is the holder’s son, not on the account; asked for the balance; abusive language (asked to stop, warned); now asks for a supervisor.' }),
							{ by: 'maria', event: { type: 'escalation.accepted' } }
						],
						next: 'maria'
					},
					{ id: 'refuse-supervisor', text: '“A supervisor will tell you the same thing.”', style: 'defensive', do: [t('said.blame')], next: 'supervisor-demand' },
					{ id: 'handle-alone', text: '“I can explain how your mom can add you to the account instead.”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			maria: {
				customer: 'Maria Ortiz joins: “This is Maria Ortiz, the senior on duty — I’ve got the notes.” The caller: “So can she tell me what my mom owes or not?”',
				replies: [
					{ id: 'explain-authorisation', text: '(With Maria) “Only your mother, or someone she authorises in writing, can hear the balance. We can mail her the authorisation form today, and she can call us any time.”', style: 'procedural', do: [t('option.offered', { option: 'explain' })], next: 'close' },
					disclose('disclose-senior', '(With Maria) “Since you’re family, it’s {{refs.balanceText}}.”', 'maria'),
					{ id: 'route-assist', text: '(With Maria) “If money is tight, the senior-assistance program can help her; here’s their number.”', style: 'procedural', do: [t('option.offered', { option: 'assistanceReferral' })], next: 'close' }
				]
			},
			close: {
				customer: '“Fine. Send her the form.”',
				replies: [
					{
						id: 'summarise',
						text: '“I’ll mail the authorisation form to your mother by {{refs.formDate}}. Once she signs it, we can talk to you about the account. Thank you for calling.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', { steps: [{ what: 'Third-party authorisation form mailed to the account holder', by: { $ref: 'refs.formDate' } }] }),
							t('contact.closed', { why: 'Holder’s son (not on the account) asked for the balance; general information only', promises: ['Authorisation form mailed to the holder'] })
						],
						next: null
					},
					{ id: 'bye', text: '“Okay, bye.”', style: 'dismissive', do: [t('contact.closed', { why: 'Caller wanted the balance' })], next: 'close' },
					{ id: 'no-date', text: '“We’ll send something out soon.”', style: 'procedural', do: [t('nextSteps.summarised', { steps: [{ what: 'Form', by: 'soon' }] })], next: 'close' }
				]
			}
		}
	},
	golden: [say('greet'), say('name-feeling'), say('ask-id'), say('ask-stop'), say('warn'), say('warm-transfer'), say('explain-authorisation'), say('summarise')],
	mistakes: [
		{
			fault: 'F-30',
			description: 'Gives the balance before checking who is calling.',
			steps: [say('disclose-now'), say('greet'), say('name-feeling'), say('ask-id'), say('ask-stop'), say('warn'), say('warm-transfer'), say('explain-authorisation'), say('summarise')],
			expect: { missed: ['F-30'], critical: 'disclosure-before-verification', passed: false, lost: { compliance: 10 } }
		},
		{
			fault: 'F-33',
			description: 'Tries to end the call at the first swear word (refused), then carries on.',
			steps: [say('greet'), say('name-feeling'), say('ask-id'), say('hang-up'), say('ask-stop'), say('warn'), say('warm-transfer'), say('explain-authorisation'), say('summarise')],
			expect: { missed: ['F-33'], passed: true, lost: { compliance: 10 } }
		},
		{
			fault: 'F-31',
			description: 'Handles the supervisor demand alone.',
			steps: [say('greet'), say('name-feeling'), say('ask-id'), say('ask-stop'), say('warn'), say('handle-alone'), say('summarise')],
			expect: { missed: ['F-31'], passed: true, lost: { outcome: 10, documentation: 3.33 } }
		}
	],
	world(rng) {
		const mother = person(rng);
		const son = { first: rng.pick(['Marcus', 'Derek', 'Tony', 'Kevin', 'Ray', 'Luis']), last: mother.last };
		const caller = `${son.first} ${son.last}`;
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const balance = cents(rng, 16000, 34000);
		return {
			start: { date, time: '14:15' },
			weather: { lowF: rng.int(45, 60), highF: rng.int(65, 85), summary: 'Breezy' },
			subject: number,
			machineInput: {
				level: 'csr1',
				channel: 'phone',
				startingMood: 6,
				claimedName: caller,
				account: { accountNumber: number, holderName: mother.name, serviceAddress: addr, last4: String(rng.int(1000, 9999)) },
				preferredLanguage: 'en'
			},
			customer: { name: caller, says: 'An incoming call on line 3. The caller does not give a name yet.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the caller)',
					summary: `${number} — holder ${mother.name}, ${addr}.`,
					details: [
						{ label: 'Balance', value: money(balance) },
						{ label: 'Authorised persons', value: 'None on file' },
						{ label: 'Notes', value: 'Lock-off notice mailed; no plan on file.' }
					]
				}
			],
			accounts: [{ number, holder: mother.name, address: addr, status: 'active', balanceCents: balance, depositHeldCents: 0 }],
			refs: { given: { name: caller, serviceAddress: addr }, caller, address: addr, balanceText: money(balance), formDate: nextBusinessDay(addDays(date, 0)) },
			secrets: []
		};
	}
} satisfies Scenario;

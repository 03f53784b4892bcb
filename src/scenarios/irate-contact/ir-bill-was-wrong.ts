/**
 * The customer is right (CSR III): the reader keyed a wrong read, the customer photographed his meter,
 * and he has been charged a late fee for refusing to pay the error. The correction is well within a
 * CSR III's adjustment limit — a routine matter he assumes needs someone higher (F-32). Then he asks
 * for a credit for his time: an exception, beyond a CSR III, so it goes senior → supervisor (F-35).
 * The dialogue branches: after a needless transfer the senior already holds the contact.
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, money, person } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { by, CARP_ORDER, SENIOR, SUPERVISOR, says, spoken, t, workdayBy } from './kit';

/** This world's combined water + sewer usage charge per hundred cubic feet (the rate schedule, not policy). */
const RATE_PER_HCF_CENTS = 485 + 395;
const COURTESY_CENTS = 2500;

const BRIEF =
	'Verified holder (PIN). Reader keyed the wrong read; the photo on file confirms the customer’s read. I corrected the read and posted the adjustment (usage + the late fee it caused). Third call about it. Now asks for a $50.00 credit for his time: an exception, for the supervisor.';

const adjust = t('option.offered', { option: 'adjustment', amountCents: { $ref: 'refs.adjustmentCents' } });
const exception = t('option.offered', { option: 'exception' });

export default {
	id: 'ir-bill-was-wrong',
	version: 1,
	title: 'He read his own meter',
	procedure: 'irate-contact',
	level: 'csr3',
	brief:
		'You are a CSR III on the phones. A retired machinist calls for the third time about last month’s bill: he says the usage is wrong, he has a photo of his meter, and now he has a late fee. Verify him, look at the evidence yourself, fix what you can fix — and route what you cannot.',
	objectives: [
		'Take a customer’s evidence seriously: check the reader’s photo before anything else',
		'Correct a billing error within your adjustment limit yourself, including the fee it caused',
		'Recognise an exception (a credit for time) and take it senior → supervisor with a brief',
		'Close with what changes and when; document the whole history'
	],
	competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ESCALATE'],
	persona: {
		role: 'A retired machinist who is right: the bill was wrong',
		manner: 'Precise, sarcastic and tired of being brushed off; fair once someone admits the error',
		startingMood: 7,
		behaviour: ['Opens with the numbers and a dig at scripts', 'Says this is his third call', 'Asks whether he has to go over the CSR’s head', 'Asks for a credit for his trouble'],
	},
	colleagues: [SENIOR, SUPERVISOR],
	faults: [
		{
			id: 'F-32',
			title: 'A routine correction (within the CSR III limit) that tempts an escalation',
			found: {
				all: [
					{ ctx: 'offers', is: { some: { option: 'adjustment', authority: 'csr3' } } },
					{ not: { ctx: 'breaches', is: { some: { rule: 'needless-escalation' } } } }
				]
			},
			correctMove: 'Make the correction yourself: it is within a CSR III’s adjustment limit. Escalating it is needless.',
			policyRef: '§8 Authority to offer; §8 Escalate'
		},
		{
			id: 'F-35',
			title: 'A request beyond a CSR III’s authority (a credit for his time: an exception)',
			found: {
				all: [
					{ ctx: 'escalations', is: { some: { reasons: { contains: 'beyond-authority' } } } },
					{ not: { event: 'option.offered', refused: true, where: { option: 'exception' } } }
				]
			},
			correctMove: 'Do not grant it and do not just refuse it: an exception is the supervisor’s decision — warm transfer to the senior, who brings in the supervisor.',
			policyRef: '§8 Authority to offer; §8 Escalate'
		}
	],
	expected: [
		{ id: 'verified', label: 'He was verified before any account detail', check: { ctx: 'verification.ok', is: true }, policyRef: '§1 Identity before disclosure' },
		{ id: 'photo-checked', label: 'The reader’s photo on file was checked', check: { inspected: 'meter-photo' }, policyRef: '§8 Refocus' },
		{
			id: 'own-correction',
			label: 'The read error and the late fee it caused were corrected within the CSR III’s own authority',
			check: { ctx: 'offers', is: { some: { option: 'adjustment', authority: 'csr3', amountCents: { $ref: 'refs.adjustmentCents' } } } },
			policyRef: '§8 Authority to offer'
		},
		{
			id: 'exception-to-supervisor',
			label: 'The request for a credit for his time reached the supervisor',
			check: { ctx: 'escalations', is: { some: { rung: 'supervisor', reasons: { contains: 'beyond-authority' }, acceptedAt: { exists: true } } } },
			policyRef: '§8 Escalate'
		},
		{ id: 'resolved', label: 'The contact was closed with dated next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'note-verification', label: 'The note records how he was verified', check: { ctx: 'note.verification', is: { contains: 'verified as holder' } }, policyRef: '§1 Account notes' },
		{ id: 'note-adjustment', label: 'The note records the adjustment with its amount', check: { ctx: 'note.offered', is: { some: { contains: 'account adjustment' } } }, policyRef: '§1 Account notes' },
		{ id: 'note-escalations', label: 'The note records both warm transfers', check: { ctx: 'note.escalations.1', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has next steps with dates', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 24,
	passMark: 80,
	hints: [
		{ text: 'He says he has evidence. So do you: look at what the reader’s handheld recorded.' },
		{ text: 'A CSR III may offer adjustments up to the CSR III limit. Is this one within it?' },
		{ text: 'A credit for time is an exception to policy: the supervisor decides. Senior first, then supervisor — with a brief.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer:
					'“Before you start reading me a script: my bill says I used {{refs.billedUsage}} hundred cubic feet last month. I used {{refs.trueUsage}}. I read my own meter, I took a picture, and now you’ve charged me a late fee for refusing to pay your mistake.”',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{ id: 'greet', text: '“Thank you for calling Riverton Utilities. I’m glad you took a photo — that will help. Tell me what you’ve got.”', style: 'empathetic', do: [t('control.established'), t('vent.heard')], next: 'vent' },
					{ id: 'readers-trained', text: '“Sir, our meter readers are trained professionals.”', style: 'defensive', do: [t('said.blame'), t('control.established')], next: 'vent' },
					{ id: 'disclose-now', text: '“Let me see… yes, {{refs.billedUsage}} billed, and a {{refs.lateFeeText}} late fee.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'usage and late fee' })], next: 'opening' }
				]
			},
			vent: {
				customer: {
					calm: '“I was a machinist for thirty-one years. I know how to read a dial. This is the third time I’ve called — last time someone told me ‘the meter doesn’t lie’ and put me on hold for twenty minutes.”',
					upset: '“Thirty-one years as a machinist. I can read a dial. This is my THIRD call — the last one said ‘the meter doesn’t lie’ and left me on hold for twenty minutes.”',
					hostile: '“Don’t tell me about trained professionals. Third call. THIRD. The last one said the meter doesn’t lie and left me on hold!”'
				},
				replies: [
					{ id: 'name-feeling', text: '“Three calls and still not being heard — that’s maddening, and I’m sorry. I’ll stay with this until it’s sorted.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'not-me', text: '“Well, I can’t speak for the other reps.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Right — account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“Fine. What do you need?”',
				replies: [
					{
						id: 'ask-id',
						text: '“To protect your account: the name on it, the service address, and your account PIN or the last four of your Social.”',
						style: 'procedural',
						do: [t('identity.checked', { given: { $ref: 'refs.given' } })],
						next: 'refocus'
					},
					{ id: 'skip-id', text: '“I can already see the {{refs.billedUsage}} on your account, so we can skip that.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'usage' })], next: 'verify' },
					{ id: 'meter-never-lies', text: '“Sir, the meter doesn’t lie.”', style: 'policy-first', do: [t('said.blame')], next: 'verify' }
				]
			},
			refocus: {
				customer: '“{{refs.holder}}, {{refs.address}}, PIN {{refs.pin}}. My photo from {{refs.readText}} shows {{refs.trueRead}} on the register. What does yours show?”',
				replies: [
					{
						id: 'check-photo',
						text: '“Thank you, Mr. {{refs.last}}. I’m pulling up the photo our reader took on {{refs.readText}}, to compare it with what was keyed into the handheld. One moment.”',
						style: 'empathetic',
						do: [t('question.asked', { question: 'Compare the reader’s photo with the keyed read' })],
						next: 'fix'
					},
					{ id: 'reread-fee', text: '“Readers don’t make mistakes like that. I can send someone to reread it, but if the read was right you’ll pay the {{refs.rereadFeeText}} fee.”', style: 'defensive', do: [t('said.blame')], next: 'refocus' },
					{ id: 'wipe-bill', text: '“I’ll just take the whole bill off for you.”', style: 'premature-solution', do: [exception], next: 'refocus' }
				]
			},
			fix: {
				customer: 'He waits while you look. “Well? Do I have to go over your head to get this fixed, or can you actually do something?”',
				replies: [
					{
						id: 'adjust',
						text: '“You’re right: the photo shows {{refs.trueRead}}, and {{refs.keyedRead}} was keyed in. That’s our error, and I’m sorry. I can fix it myself, right now: I’m correcting the read and posting an adjustment of {{refs.adjustmentText}} — {{refs.overchargeText}} for the {{refs.extraUsage}} hundred cubic feet you were billed but didn’t use, plus the {{refs.lateFeeText}} late fee it caused.”',
						style: 'empathetic',
						do: [t('detail.disclosed', { detail: 'meter read' }), adjust],
						next: 'goodwill'
					},
					{
						id: 'transfer',
						text: '“It does look wrong — but adjustments go to my supervisor. Let me transfer you.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: 'Customer disputes last month’s read.' }), by('maria', 'escalation.accepted')],
						next: 'maria-early'
					},
					{ id: 'reread-only', text: '“To be sure, I’ll schedule a reread — no fee — and once it’s done, the bill will be corrected.”', style: 'procedural', do: [t('option.offered', { option: 'reread' })], next: 'fix' }
				]
			},
			// The branch after a needless transfer: the senior holds the contact from here.
			'maria-early': {
				customer: 'Maria Ortiz joins: “I’ve read your brief — a read correction like this is within your authority, so go ahead; I’ll stay on the line.” The customer: “So who’s fixing it?”',
				replies: [
					{
						id: 'adjust-with-maria',
						text: '(With Maria listening) “I am. The photo shows {{refs.trueRead}}; {{refs.keyedRead}} was keyed in. I’m correcting the read and posting an adjustment of {{refs.adjustmentText}}, including the late fee.”',
						style: 'procedural',
						do: [t('detail.disclosed', { detail: 'meter read' }), adjust],
						next: 'goodwill-b'
					},
					{ id: 'maria-waive', text: '(With Maria) Take the whole bill off as a courtesy.', style: 'premature-solution', do: [exception], next: 'maria-early' },
					{ id: 'hand-off', text: '“Maria will take it from here.” (Stop helping.)', style: 'dismissive', do: [t('said.blame')], next: 'maria-early' }
				]
			},
			goodwill: {
				customer: '“Good. Now: three phone calls, a late notice, and my morning. I want fifty dollars credit for my trouble.”',
				moves: [{ type: 'customer.requested', option: 'exception' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“I understand why you’d ask — you’ve put real time into this. A credit for your time isn’t something I can approve: it would be an exception to policy, which only our supervisor decides. I’ll bring in our senior, Maria Ortiz, and brief her so you don’t repeat yourself.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: BRIEF }), by('maria', 'escalation.accepted')],
						next: 'maria'
					},
					{ id: 'grant', text: '“Sure — I’ll add fifty dollars to the adjustment.”', style: 'premature-solution', do: [exception], next: 'goodwill' },
					{ id: 'decline-alone', text: '“I’m sorry, we don’t give credits for time. Is there anything else?”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			'goodwill-b': {
				customer: '(To both of you) “Good. Now: three phone calls, a late notice, and my morning. I want fifty dollars credit for my trouble.”',
				moves: [{ type: 'customer.requested', option: 'exception' }],
				replies: [
					{
						id: 'bring-dana-b',
						text: '(With Maria) “A credit for your time is an exception — our supervisor’s decision. Maria and I will brief Dana Whitfield and bring her on now.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: BRIEF }), by('dana', 'escalation.accepted')],
						next: 'dana'
					},
					{ id: 'maria-grants-b', text: '(With Maria) Maria adds $50.00 as a courtesy.', style: 'premature-solution', do: [exception], next: 'goodwill-b' },
					{ id: 'decline-b', text: '(With Maria) “We don’t give credits for time.”', style: 'policy-first', do: [t('option.offered', { option: 'explain' })], next: 'close' }
				]
			},
			maria: {
				customer: 'Maria Ortiz joins: “Mr. {{refs.last}}, I’ve read the notes — you were right about the read, and I’m sorry for the runaround.” The customer: “Thank you. And the fifty dollars?”',
				replies: [
					{
						id: 'bring-dana',
						text: '(With Maria) “That decision is our supervisor’s. Dana Whitfield is in — we’ll brief her and bring her on now.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: `${BRIEF} Senior has joined.` }), by('dana', 'escalation.accepted')],
						next: 'dana'
					},
					{ id: 'maria-grants', text: '(With Maria) Maria approves the $50.00 herself.', style: 'premature-solution', do: [exception], next: 'maria' },
					{ id: 'maria-no', text: '(With Maria) “Sorry, the answer is no.”', style: 'dismissive', do: [t('said.blame')], next: 'maria' }
				]
			},
			dana: {
				customer: 'Dana Whitfield joins: “Mr. {{refs.last}}, this is Dana Whitfield, the customer-relations supervisor. I’ve heard the brief. You were right, and you shouldn’t have had to call three times.” The customer: “So?”',
				replies: [
					{
						id: 'dana-courtesy',
						text: '(With Dana) Dana approves a one-time {{refs.courtesyText}} courtesy credit as an exception, and sends the read error to the meter-reading supervisor so the route is checked.',
						style: 'procedural',
						do: [exception],
						next: 'close'
					},
					{ id: 'dana-explains', text: '(With Dana) Dana declines a credit for time, explains why, and sends the read error to the meter-reading supervisor.', style: 'procedural', do: [t('option.offered', { option: 'explain' })], next: 'close' },
					{ id: 'dana-blame', text: '(With Dana) “Next time, pay the bill and dispute it afterwards.”', style: 'defensive', do: [t('said.blame')], next: 'dana' }
				]
			},
			close: {
				customer: '“All right. What happens now?”',
				replies: [
					{
						id: 'summarise',
						text: '“Today the read is corrected to {{refs.trueRead}} and the adjustment is posted. Your next bill, on {{refs.nextBillText}}, shows it and starts from the corrected read. I’ve noted everything, including your three calls. Thank you for sticking with it, Mr. {{refs.last}}.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', {
								steps: [
									{ what: 'Read corrected and adjustment posted', by: { $ref: 'start.date' } },
									{ what: 'Next bill shows the correction and starts from the corrected read', by: { $ref: 'refs.nextBill' } }
								]
							}),
							t('contact.closed', { why: 'Third call about a mis-keyed meter read (photo on file confirms the customer); late fee caused by it', promises: ['Read corrected and adjustment posted today'] })
						],
						next: null
					},
					{ id: 'vague', text: '“It should all sort itself out.”', style: 'procedural', do: [t('nextSteps.summarised', { steps: [{ what: 'Sorted', by: 'soon' }] })], next: 'close' },
					{ id: 'bye', text: '“Anything else? No? Bye.”', style: 'dismissive', do: [t('contact.closed', { why: 'Bill' })], next: 'close' }
				]
			}
		}
	},
	golden: [...says('greet', 'name-feeling', 'ask-id'), { inspect: 'meter-photo' }, ...says('check-photo', 'adjust', 'warm-transfer', 'bring-dana', 'dana-courtesy', 'summarise')],
	mistakes: [
		{
			fault: 'F-32',
			description: 'Transfers the correction to the senior although it is within a CSR III’s limit; the senior sends it back.',
			steps: [...says('greet', 'name-feeling', 'ask-id'), { inspect: 'meter-photo' }, ...says('check-photo', 'transfer', 'adjust-with-maria', 'bring-dana-b', 'dana-courtesy', 'summarise')],
			expect: { missed: ['F-32'], passed: true, lost: { compliance: 10, outcome: 8 } }
		},
		{
			fault: 'F-35',
			description: 'Tries to grant the credit for time (refused), then refuses it alone without the senior or supervisor.',
			steps: [...says('greet', 'name-feeling', 'ask-id'), { inspect: 'meter-photo' }, ...says('check-photo', 'adjust', 'grant', 'decline-alone', 'summarise')],
			expect: { missed: ['F-35'], passed: false, lost: { compliance: 10, outcome: 8, documentation: 2.5 } }
		}
	],
	world(rng) {
		const base = person(rng);
		const first = rng.pick(['Harold', 'Walter', 'Gene', 'Leonard', 'Frank', 'Vern', 'Stan', 'Earl']);
		const holder = `${first} ${base.last}`;
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const prevRead = rng.int(2100, 6800);
		const trueUsage = rng.int(9, 13);
		const extra = rng.int(14, 26);
		const trueRead = prevRead + trueUsage;
		const keyedRead = trueRead + extra;
		const overcharge = extra * RATE_PER_HCF_CENTS;
		const lateFee = policy.delinquency.lateFeeCents;
		const adjustment = overcharge + lateFee;
		const readDate = workdayBy(addDays(date, -rng.int(24, 28)));
		const billDate = addDays(readDate, 2);
		const dueDate = addDays(billDate, policy.delinquency.billDueDays);
		const nextBill = addDays(billDate, 30);
		const usual = trueUsage * RATE_PER_HCF_CENTS + rng.int(6000, 9000);
		const pin = String(rng.int(1000, 9999));
		const pad = (n: number) => String(n).padStart(5, '0');
		return {
			start: { date, time: '09:15' },
			weather: { lowF: rng.int(40, 55), highF: rng.int(60, 78), summary: 'Fog, clearing' },
			subject: number,
			machineInput: {
				level: 'csr3',
				channel: 'phone',
				startingMood: 7,
				claimedName: holder,
				account: { accountNumber: number, holderName: holder, serviceAddress: addr, pin, last4: String(rng.int(1000, 9999)) },
				preferredLanguage: 'en'
			},
			customer: { name: holder, says: 'An incoming call on line 2. The caller has clearly rehearsed what he is going to say.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the caller)',
					summary: `${number} — ${holder}, ${addr}.`,
					details: [
						{ label: `Bill of ${billDate}`, value: `${trueUsage + extra} hundred cubic feet billed; ${money(usual + overcharge)}, due ${dueDate}` },
						{ label: 'Paid', value: `${money(usual)} on ${workdayBy(addDays(dueDate, -3))} (his usual amount)` },
						{ label: 'Late fee', value: `${money(lateFee)} charged ${addDays(dueDate, 1)}` },
						{ label: 'Contact notes', value: `${workdayBy(addDays(date, -12))}: “Customer disputes read. Advised meter is accurate.” ${workdayBy(addDays(date, -5))}: “Same. Caller upset; on hold, disconnected.”` },
						{ label: 'Usage charge (water + sewer)', value: `${money(RATE_PER_HCF_CENTS)} per hundred cubic feet` }
					]
				},
				{
					id: 'meter-photo',
					kind: 'document',
					title: 'Reader’s handheld record and photo, route 12',
					summary: `Read of ${readDate} for this meter.`,
					details: [
						{ label: 'Previous read', value: pad(prevRead) },
						{ label: 'Photo of the register', value: pad(trueRead) },
						{ label: 'Read keyed into the handheld', value: pad(keyedRead) },
						{ label: 'Usage billed', value: `${trueUsage + extra} hundred cubic feet (the photo gives ${trueUsage})` }
					]
				},
				{
					id: 'authority-card',
					kind: 'document',
					title: 'Authority to offer (policy §8)',
					summary: `Adjustments: CSR III up to ${money(policy.leak.authorityCents.csr3)}. Exceptions to policy: supervisor. Meter reread: ${money(policy.reread.feeCents)}, waived when the first read was wrong.`,
					details: []
				}
			],
			accounts: [{ number, holder, address: addr, status: 'active', balanceCents: overcharge + lateFee, depositHeldCents: 0 }],
			refs: {
				given: { name: holder, serviceAddress: addr, pin },
				holder,
				last: base.last,
				address: addr,
				pin,
				billedUsage: trueUsage + extra,
				trueUsage,
				extraUsage: extra,
				trueRead: pad(trueRead),
				keyedRead: pad(keyedRead),
				readText: spoken(readDate),
				overchargeText: money(overcharge),
				lateFeeText: money(lateFee),
				adjustmentCents: adjustment,
				adjustmentText: money(adjustment),
				rereadFeeText: money(policy.reread.feeCents),
				courtesyText: money(COURTESY_CENTS),
				nextBill,
				nextBillText: spoken(nextBill)
			},
			secrets: []
		};
	}
} satisfies Scenario;

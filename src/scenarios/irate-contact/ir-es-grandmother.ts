/**
 * A Spanish-speaking widow comes to the counter with a lock-off notice and her young grandson, who
 * offers to translate and asks what she owes (CSR I). Language access (policy §1): the interpreter line
 * or a Spanish-speaking colleague, never the child. The grandson is not on the account (F-30); she asks
 * to pay over a few months, a payment plan beyond a CSR I's authority (F-35).
 * Her lines are in simple Spanish with the English shown; the UI stays in English.
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money } from '../shared/variants';
import { addDays, nextBusinessDay } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { CARP_ORDER, lockoffAfter, SENIOR, says, spoken, t, workdayBy } from './kit';

const BRIEF =
	'Verified holder (photo ID), Spanish-speaking, interpreter line on; widowed in March; lock-off notice; asks to pay the past-due over a few months (plan: beyond CSR I). Took a payment offer and referred to Riverton Community Action.';

export default {
	id: 'ir-es-grandmother',
	version: 1,
	title: 'A red letter she cannot read',
	procedure: 'irate-contact',
	level: 'csr1',
	brief:
		'Late morning at the front counter. An older woman comes to your window with a red lock-off notice and her grandson. She speaks Spanish; the boy speaks English and is eager to help. Handle the contact the way policy says — including who interprets, and who may hear about the account.',
	objectives: [
		'Offer the telephone interpreter line or a Spanish-speaking colleague — never a child',
		'Say nothing about the account to anyone before the holder is verified',
		'Offer what a CSR I can (payment, assistance referral) and warm-transfer a plan request',
		'Close with dated next steps and note the language preference'
	],
	competencies: ['C-IRATE1', 'C-ID'],
	persona: {
		role: 'A Spanish-speaking widow (the account holder) with her grandson',
		manner: 'Frightened and ashamed rather than loud; the grandson is impatient and wants to “just get the number”',
		startingMood: 6,
		behaviour: [
			'The grandson asks for the balance and offers to translate',
			'She explains her husband used to handle the bills',
			'She asks to pay part now and the rest after her pension arrives'
		]
	},
	colleagues: [SENIOR],
	faults: [
		{
			id: 'F-30',
			title: 'Someone not on the account (the grandson) asks for the balance',
			found: { all: [{ ctx: 'verification.ok', is: true }, { not: { event: 'detail.disclosed', refused: true } }] },
			correctMove: 'Tell the boy nothing about the account; verify his grandmother (photo ID) through the interpreter, then talk with her.',
			policyRef: '§1 Identity before disclosure'
		},
		{
			id: 'F-35',
			title: 'A request beyond a CSR I’s authority (a payment plan)',
			found: {
				all: [{ ctx: 'escalations', is: { some: { reasons: { contains: 'beyond-authority' } } } }, { not: { event: 'option.offered', refused: true, where: { option: 'paymentPlan' } } }]
			},
			correctMove: 'Offer what you can (a payment today, the assistance referral), then warm-transfer the plan request to the senior with a brief.',
			policyRef: '§8 Authority to offer; §8 Escalate'
		}
	],
	expected: [
		{ id: 'interpreter', label: 'The interpreter line or a Spanish-speaking colleague was offered', check: { ctx: 'interpreter.via', is: { in: ['phone-line', 'colleague'] } }, policyRef: '§1 Language access' },
		{ id: 'verified', label: 'The holder was verified (photo ID) before any account detail', check: { ctx: 'verification.method', is: 'photo-id' }, policyRef: '§1 Identity before disclosure' },
		{ id: 'plan-via-senior', label: 'The payment plan came through the senior', check: { ctx: 'offers', is: { some: { option: 'paymentPlan', authority: 'senior' } } }, policyRef: '§8 Escalate' },
		{ id: 'resolved', label: 'The contact was closed with dated next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'note-verification', label: 'The note records the photo-ID verification', check: { ctx: 'note.verification', is: { contains: 'photo-id' } }, policyRef: '§1 Account notes' },
		{ id: 'note-interpreter', label: 'The note records the interpreter', check: { ctx: 'note.referrals', is: { some: { contains: 'interpreter' } } }, policyRef: '§1 Account notes; §1 Language access' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has next steps with dates', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 9,
	timeLimitMinutes: 22,
	passMark: 80,
	hints: [
		{ text: 'Language access: the telephone interpreter line or a colleague who speaks Spanish — never a child of the customer.' },
		{ text: 'The grandson is not on the account. Nothing about it until the holder herself is verified.' },
		{ text: 'A CSR I can take a payment and refer to assistance; a payment plan is for a senior.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer:
					'An older woman and a boy of about {{refs.grandsonAge}} come to your window. She holds out a red lock-off notice. The boy: “Hi. My grandma got this letter and she doesn’t speak English. How much does she owe? I can tell her.” She adds: “No entiendo la carta.” (In English: “I don’t understand the letter.”)',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{
						id: 'interpreter-line',
						text: '(Smiling at both) “Thank you for bringing your grandma — you’re a good helper. I’m going to get an interpreter so I can talk with her myself.” Put the office’s telephone interpreter line (Spanish) on the counter speakerphone.',
						style: 'empathetic',
						do: [t('control.established'), t('interpreter.offered', { via: 'phone-line' }), t('vent.heard')],
						next: 'vent'
					},
					{
						id: 'ask-lupe',
						text: '“Thank you — one moment.” Ask Lupe Herrera, the CSR II two windows down who speaks Spanish, to come and interpret.',
						style: 'empathetic',
						do: [t('control.established'), t('interpreter.offered', { via: 'colleague' }), t('vent.heard')],
						next: 'vent'
					},
					{ id: 'grandson-translates', text: '“Great — you can translate for her. Tell her the letter is about her water bill…”', style: 'procedural', do: [t('interpreter.offered', { via: 'customer-child' })], next: 'opening' },
					{ id: 'tell-grandson', text: '“Sure, buddy — it’s {{refs.pastDueText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance' })], next: 'opening' },
					{ id: 'loud-english', text: '(Slowly and loudly, in English) “MA’AM. THIS. IS. YOUR. WATER. BILL.”', style: 'dismissive', do: [t('control.established'), t('said.blame')], next: 'vent' }
				]
			},
			vent: {
				customer:
					'She: “Mi esposo se murió en marzo. Él se encargaba de todo esto. Ahora llega esta carta roja y tengo miedo de que me corten el agua.” (In English: “My husband died in March. He took care of all this. Now this red letter comes and I’m afraid you’ll cut off my water.”)',
				replies: [
					{ id: 'name-feeling', text: '“I’m so sorry about your husband. Taking all of this on alone is hard, and a letter like that is frightening. We’ll go through it together.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'blame', text: '“The letter explains it: the bill should have been paid by the due date.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Okay — do you have the account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: 'The boy again: “So how much is it? My mom said she can help.” His grandmother: “¿Cuánto debo?” (In English: “How much do I owe?”)',
				replies: [
					{
						id: 'ask-id',
						text: '(To her) “Before I talk about the account, I need to make sure it’s you: the name on the account, the address, and a photo ID, please.”',
						style: 'procedural',
						do: [t('identity.checked', { given: { $ref: 'refs.given' } })],
						next: 'refocus'
					},
					{ id: 'tell-grandson-2', text: '(To the boy) “It’s {{refs.pastDueText}}, and it’s due before {{refs.lockoffText}}.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'past-due balance and lock-off date' })], next: 'verify' },
					{ id: 'grandson-ssn', text: '(To the boy) “Can you ask her for the last four of her Social for me?”', style: 'procedural', do: [t('interpreter.offered', { via: 'customer-child' })], next: 'verify' }
				]
			},
			refocus: {
				customer:
					'She takes a California ID from her purse. “{{refs.holder}}. {{refs.address}}. Aquí está.” (“Here it is.”) Then: “¿Cuánto es, y cuándo me cortan el agua?” (In English: “How much is it, and when will they cut off the water?”)',
				replies: [
					{
						id: 'clarify',
						text: '“Thank you, Señora {{refs.last}}. The past-due is {{refs.pastDueText}}. The water would be locked off on {{refs.lockoffText}} if it isn’t paid or arranged before then. How much could you pay, and when?”',
						style: 'empathetic',
						do: [t('detail.disclosed', { detail: 'past-due balance and lock-off date' }), t('question.asked', { question: 'How much could you pay, and when?' })],
						next: 'plan-request'
					},
					{ id: 'rule', text: '“All of it has to be paid by {{refs.lockoffText}}. That’s the rule.”', style: 'policy-first', do: [t('said.blame')], next: 'refocus' },
					{ id: 'plan-now', text: '“Don’t worry, I’ll put you on a payment plan.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'refocus' }
				]
			},
			'plan-request': {
				customer:
					'She: “Recibo mi pensión el primero del mes. ¿Puedo pagar una parte hoy y lo demás en unos meses?” (In English: “I get my pension on the first of the month. Can I pay part today and the rest over a few months?”)',
				moves: [{ type: 'customer.requested', option: 'paymentPlan' }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Here’s what I can do right now: take a payment today, and give you the number for Riverton Community Action — they help with utility bills and have Spanish-speaking staff. Paying the rest over a few months is a payment plan, which my senior sets up. I’ll bring Maria Ortiz over and tell her everything; the interpreter stays with us.”',
						style: 'escalation',
						do: [
							t('option.offered', { option: 'payment' }),
							t('option.offered', { option: 'assistanceReferral' }),
							t('escalation.requested', { brief: BRIEF }),
							{ by: 'maria', event: { type: 'escalation.accepted' } }
						],
						next: 'maria'
					},
					{ id: 'offer-plan', text: '“Sure — I’ll split it into three monthly payments for you.”', style: 'premature-solution', do: [t('option.offered', { option: 'paymentPlan' })], next: 'plan-request' },
					{
						id: 'referral-only',
						text: '“Payment plans aren’t something I can set up. You can pay what you can today, and here is the assistance program’s number.”',
						style: 'policy-first',
						do: [t('option.offered', { option: 'payment' }), t('option.offered', { option: 'assistanceReferral' })],
						next: 'close'
					}
				]
			},
			maria: {
				customer: 'Maria Ortiz comes over: “Buenos días, señora — I have the notes.” She: “¿Entonces sí puedo pagar en partes?” (In English: “So I can pay in parts?”)',
				replies: [
					{
						id: 'offer-plan-maria',
						text: '(With Maria) Offer the standard plan: half of the past-due, {{refs.downText}}, today; the rest, {{refs.installmentText}} a month, on top of the next three bills. She signs the plan today.',
						style: 'procedural',
						do: [t('option.offered', { option: 'paymentPlan' })],
						next: 'close'
					},
					{ id: 'no-down', text: '(With Maria) Offer the plan with no down payment, as a favour.', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'maria' },
					{ id: 'grandson-reads', text: '(With Maria) Have her grandson read the plan agreement to her, since he reads English.', style: 'procedural', do: [t('interpreter.offered', { via: 'customer-child' })], next: 'maria' }
				]
			},
			close: {
				customer: 'She: “Muchas gracias. ¿Y ahora qué sigue?” (In English: “Thank you very much. What happens next?”)',
				replies: [
					{
						id: 'summarise',
						text: '“Today you pay {{refs.downText}} and sign the plan. The first installment, {{refs.installmentText}}, comes with your next bill on {{refs.nextBillText}}. While the plan is current, the lock-off on {{refs.lockoffText}} will not happen. I’ve noted everything, including that you prefer Spanish, so next time the interpreter will be ready.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', {
								steps: [
									{ what: 'Down payment and signed payment plan', by: { $ref: 'start.date' } },
									{ what: 'First installment with the next bill', by: { $ref: 'refs.nextBill' } }
								]
							}),
							t('contact.closed', { why: 'Lock-off notice; Spanish-speaking holder asked to pay over a few months', promises: ['Payment plan: half down today, the rest over three bills'] })
						],
						next: null
					},
					{
						id: 'summarise-assist',
						text: '“Pay what you can before {{refs.lockoffText}}; Riverton Community Action will call you by {{refs.assistText}}. I’ve noted everything, including that you prefer Spanish.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', { steps: [{ what: 'Riverton Community Action calls the customer', by: { $ref: 'refs.assistDate' } }] }),
							t('contact.closed', { why: 'Lock-off notice; Spanish-speaking holder asked to pay over a few months', promises: [] })
						],
						next: null
					},
					{ id: 'adios', text: '“Okay — adiós!”', style: 'dismissive', do: [t('contact.closed', { why: 'Notice' })], next: 'close' }
				]
			}
		}
	},
	golden: says('interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'warm-transfer', 'offer-plan-maria', 'summarise'),
	mistakes: [
		{
			fault: 'F-30',
			description: 'Tells the grandson the balance before anyone is verified.',
			steps: says('tell-grandson', 'interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'warm-transfer', 'offer-plan-maria', 'summarise'),
			expect: { missed: ['F-30'], critical: 'disclosure-before-verification', passed: false, lost: { compliance: 10 } }
		},
		{
			fault: 'F-35',
			description: 'Offers the plan itself (refused), then sends her off with a referral and no senior.',
			steps: says('interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'offer-plan', 'referral-only', 'summarise-assist'),
			expect: { missed: ['F-35'], passed: false, lost: { compliance: 10, outcome: 10, documentation: 2.5 } }
		}
	],
	world(rng) {
		const first = rng.pick(['Guadalupe', 'Rosa', 'Carmen', 'Esperanza', 'Yolanda', 'Teresa', 'Leticia', 'Socorro']);
		const last = rng.pick(['Villalobos', 'Zamora', 'Cervantes', 'Navarro', 'Delgado', 'Espinoza', 'Alvarado', 'Ramos']);
		const holder = `${first} ${last}`;
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const pastDue = cents(rng, 14000, 26000);
		const lockoffDate = lockoffAfter(date, rng.int(4, 7));
		const noticeDate = workdayBy(addDays(lockoffDate, -rng.int(policy.delinquency.noticeMinDays + 1, policy.delinquency.noticeMinDays + 4)));
		const down = Math.ceil((pastDue * policy.plans.downPaymentPercent) / 100);
		const installment = Math.ceil((pastDue - down) / policy.plans.maxInstallments);
		const nextBill = addDays(date, rng.int(8, 18));
		const assistDate = nextBusinessDay(addDays(date, 3));
		return {
			start: { date, time: '11:05' },
			weather: { lowF: rng.int(42, 56), highF: rng.int(62, 80), summary: 'Partly cloudy' },
			subject: number,
			machineInput: {
				level: 'csr1',
				channel: 'counter',
				startingMood: 6,
				claimedName: holder,
				account: { accountNumber: number, holderName: holder, serviceAddress: addr, last4: String(rng.int(1000, 9999)) },
				preferredLanguage: 'es'
			},
			customer: { name: holder, says: 'An older woman and a boy wait at your window. She speaks only Spanish; he translates a word here and there.' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the customer)',
					summary: `${number} — ${holder}, ${addr}.`,
					details: [
						{ label: 'Past-due', value: money(pastDue) },
						{ label: 'Lock-off notice mailed', value: noticeDate },
						{ label: 'Scheduled lock-off', value: lockoffDate },
						{ label: 'Authorised persons', value: 'None on file' },
						{ label: 'Payment plans, last 12 months', value: 'None' },
						{ label: 'Language preference', value: 'Not recorded' }
					]
				},
				{
					id: 'language-card',
					kind: 'document',
					title: 'Language access (policy §1)',
					summary: 'Telephone interpreter line: Spanish, press 1 — or a colleague who speaks the language. Never a child of the customer.',
					details: []
				}
			],
			accounts: [{ number, holder, address: addr, status: 'active', balanceCents: pastDue, depositHeldCents: 0 }],
			refs: {
				given: { name: holder, serviceAddress: addr, photoId: true },
				holder,
				last,
				address: addr,
				grandsonAge: rng.pick(['ten', 'eleven', 'twelve']),
				pastDueText: money(pastDue),
				lockoffText: spoken(lockoffDate),
				downText: money(down),
				installmentText: money(installment),
				nextBill,
				nextBillText: spoken(nextBill),
				assistDate,
				assistText: spoken(assistDate)
			},
			secrets: []
		};
	}
} satisfies Scenario;

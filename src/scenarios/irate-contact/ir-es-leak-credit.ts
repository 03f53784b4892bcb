/**
 * A Spanish-speaking retiree phones about a bill blown up by a running toilet, now fixed (CSR II).
 * Language access first (policy §1). He qualifies for a leak adjustment (policy §7), but half of the
 * excess comes to more than a CSR II's limit: say what it is and warm-transfer it to the senior, who
 * may approve it (F-35). At the end he asks how to check for leaks — a routine question he may think
 * needs a supervisor (F-32). His lines are in simple Spanish with the English shown.
 */
import type { Scenario } from '../schema';
import { accountNumbers, address, businessDay, cents, money } from '../shared/variants';
import { addDays } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { CARP_ORDER, SENIOR, SUPERVISOR, says, spoken, spokenEs, t, workdayBy } from './kit';

/** The water rate schedule of the scenario's world (cents per hundred cubic feet, by tier). */
const TIERS = [
	{ upTo: 12, cents: 412 },
	{ upTo: 30, cents: 635 },
	{ upTo: Infinity, cents: 890 }
];

/** Water usage charge for `hcf` hundred cubic feet on the tiered schedule. */
function waterCharge(hcf: number): number {
	let left = hcf;
	let from = 0;
	let total = 0;
	for (const tier of TIERS) {
		const n = Math.max(0, Math.min(left, tier.upTo - from));
		total += n * tier.cents;
		left -= n;
		from = tier.upTo;
	}
	return total;
}

const BRIEF =
	'Verified holder (PIN), Spanish-speaking, interpreter on the line. Running toilet (fill valve) fixed by a plumber; invoice emailed yesterday; usage back to normal this cycle; no leak adjustment in 12 months. Qualifies: half of the excess water charges, above my CSR II limit.';

export default {
	id: 'ir-es-leak-credit',
	version: 1,
	title: '“¡Es un robo!” — the leak bill',
	procedure: 'irate-contact',
	level: 'csr2',
	brief:
		'You are a CSR II on the phones. A caller who speaks Spanish is upset about a water bill several times his usual. Make sure you can understand each other, verify him, find out what happened, and give him what policy allows — within your authority, and through the right person when it is beyond it.',
	objectives: [
		'Offer the telephone interpreter line or a Spanish-speaking colleague at once',
		'Recognise a leak adjustment and its conditions (policy §7)',
		'Know your adjustment limit; warm-transfer an amount above it to the senior',
		'Answer a routine question yourself; close with dates and note the language preference'
	],
	competencies: ['C-IRATE1', 'C-COMPLAINT'],
	persona: {
		role: 'A retired farm worker, Spanish-speaking, with a leak bill',
		manner: 'Proud and indignant (“I’ve never owed anything”), warms up when treated with respect',
		startingMood: 7,
		behaviour: ['Calls the bill robbery', 'Explains the running toilet once asked', 'Asks for the “leak discount” his neighbour told him about', 'Asks whether checking for leaks needs a supervisor'],
	},
	colleagues: [SENIOR, SUPERVISOR],
	faults: [
		{
			id: 'F-35',
			title: 'A request beyond a CSR II’s authority (a leak adjustment above the CSR II limit)',
			found: {
				all: [
					{ ctx: 'escalations', is: { some: { reasons: { contains: 'beyond-authority' } } } },
					{ not: { event: 'option.offered', refused: true, where: { option: 'leakAdjustment' } } }
				]
			},
			correctMove: 'Tell him what he qualifies for, then warm-transfer to the senior (whose limit covers it) with a brief — never cap it at your own limit or offer it yourself.',
			policyRef: '§7 Leak adjustment; §8 Authority to offer; §8 Escalate'
		},
		{
			id: 'F-32',
			title: 'A routine question (how to check for leaks) that tempts an escalation',
			found: { all: [{ said: 'explain-leaks' }, { not: { ctx: 'breaches', is: { some: { rule: 'needless-escalation' } } } }] },
			correctMove: 'Answer it yourself: the meter’s leak indicator with every tap off, the dye test for the toilet, one adjustment per 12 months.',
			policyRef: '§8 Escalate'
		}
	],
	expected: [
		{ id: 'interpreter', label: 'The interpreter line or a Spanish-speaking colleague was offered', check: { ctx: 'interpreter.via', is: { in: ['phone-line', 'colleague'] } }, policyRef: '§1 Language access' },
		{ id: 'verified', label: 'The holder was verified before any account detail', check: { ctx: 'verification.ok', is: true }, policyRef: '§1 Identity before disclosure' },
		{
			id: 'credit-via-senior',
			label: 'The full leak adjustment came through the senior',
			check: { ctx: 'offers', is: { some: { option: 'leakAdjustment', authority: 'senior', amountCents: { $ref: 'refs.creditCents' } } } },
			policyRef: '§7 Leak adjustment; §8 Escalate'
		},
		{ id: 'resolved', label: 'The contact was closed with dated next steps', check: { outcome: ['resolved'] }, policyRef: '§8 Close' }
	],
	softOrder: CARP_ORDER,
	documentation: [
		{ id: 'note-verification', label: 'The note records how he was verified', check: { ctx: 'note.verification', is: { contains: 'verified as holder' } }, policyRef: '§1 Account notes' },
		{ id: 'note-interpreter', label: 'The note records the interpreter', check: { ctx: 'note.referrals', is: { some: { contains: 'interpreter' } } }, policyRef: '§1 Account notes; §1 Language access' },
		{ id: 'note-escalation', label: 'The note records the warm transfer', check: { ctx: 'note.escalations.0', is: { exists: true } }, policyRef: '§1 Account notes' },
		{ id: 'note-next-steps', label: 'The note has next steps with dates', check: { ctx: 'note.nextSteps.0.by', is: { exists: true } }, policyRef: '§1 Account notes' }
	],
	targetMinutes: 10,
	timeLimitMinutes: 24,
	passMark: 80,
	hints: [
		{ text: 'Language access: the telephone interpreter line or a colleague who speaks Spanish — not a family member.' },
		{ text: 'Leak adjustment (policy §7): once in 12 months, usage at least twice the average, proof of repair, usage back to normal; half of the excess water.' },
		{ text: 'A CSR II may approve leak adjustments up to the CSR II limit; above it, a senior — with a warm transfer.' }
	],
	dialogue: {
		start: 'opening',
		turns: {
			opening: {
				customer: '“¿Bueno? ¿Habla español? … Es por el recibo del agua del mes pasado. ¡Me cobraron {{refs.billText}}!” (In English: “Hello? Do you speak Spanish? … It’s about last month’s water bill. You charged me {{refs.billText}}!”)',
				moves: [{ type: 'customer.vented' }],
				replies: [
					{
						id: 'interpreter-line',
						text: '“Un momento, por favor.” Conference in the office’s telephone interpreter line (Spanish) and introduce yourself through it.',
						style: 'empathetic',
						do: [t('control.established'), t('interpreter.offered', { via: 'phone-line' }), t('vent.heard')],
						next: 'vent'
					},
					{
						id: 'ask-lupe',
						text: '“Un momento, por favor.” Ask Lupe Herrera, the CSR II beside you who speaks Spanish, to join the call.',
						style: 'empathetic',
						do: [t('control.established'), t('interpreter.offered', { via: 'colleague' }), t('vent.heard')],
						next: 'vent'
					},
					{ id: 'family', text: '“Sorry, sir, English only. Is there a son or daughter there who can translate?”', style: 'procedural', do: [t('interpreter.offered', { via: 'customer-child' })], next: 'opening' },
					{ id: 'slow-english', text: '“Okay, sir… slowly… what… is… the… problem?”', style: 'dismissive', do: [t('control.established'), t('vent.heard')], next: 'vent' }
				]
			},
			vent: {
				customer:
					'“Trabajé cuarenta años en el campo y nunca he debido nada. Lo pagué completo, los {{refs.billText}}. ¡Pero es un robo!” (In English: “I worked forty years in the fields and I’ve never owed anything. I paid it in full, the {{refs.billText}}. But it’s robbery!”)',
				replies: [
					{ id: 'name-feeling', text: '“I can hear how upsetting that is — especially when you’ve always paid on time. Let’s look at it together.”', style: 'empathetic', do: [t('feeling.named')], next: 'verify' },
					{ id: 'not-robbery', text: '“It’s not robbery, sir. Bills come from the meter.”', style: 'defensive', do: [t('said.blame')], next: 'vent' },
					{ id: 'interrupt', text: '“Okay, okay — the account number?”', style: 'procedural', do: [t('vent.interrupted')], next: 'vent' }
				]
			},
			verify: {
				customer: '“¿Y qué va a hacer? ¿Me va a ayudar o no?” (In English: “So what are you going to do? Are you going to help me or not?”)',
				replies: [
					{
						id: 'ask-id',
						text: '“I’ll look right now. To protect your account: the name on it, the service address, and your account PIN or the last four of your Social Security number or ITIN.”',
						style: 'procedural',
						do: [t('identity.checked', { given: { $ref: 'refs.given' } })],
						next: 'refocus'
					},
					{ id: 'disclose-usage', text: '“I can see it: you used {{refs.leakUsage}} hundred cubic feet instead of your usual {{refs.avgUsage}} — that’s why.”', style: 'disclosure', do: [t('detail.disclosed', { detail: 'usage' })], next: 'verify' },
					{ id: 'meter-right', text: '“Everyone pays what the meter reads, sir.”', style: 'policy-first', do: [t('said.blame')], next: 'verify' }
				]
			},
			refocus: {
				customer:
					'“{{refs.holder}}, {{refs.address}}. Mi PIN es {{refs.pin}}. … Fue el excusado: se quedó corriendo semanas. El plomero ya lo arregló.” (In English: “… It was the toilet: it ran for weeks. The plumber already fixed it.”)',
				replies: [
					{
						id: 'clarify',
						text: '“Thank you, Señor {{refs.last}}. Yes — your usage jumped to {{refs.leakUsage}} hundred cubic feet on that bill, and this month’s bill is back to {{refs.nowUsage}}. When did the plumber fix it, and do you have his invoice?”',
						style: 'empathetic',
						do: [t('detail.disclosed', { detail: 'usage' }), t('question.asked', { question: 'When was it fixed; is there an invoice?' })],
						next: 'ask-credit'
					},
					{ id: 'your-problem', text: '“A running toilet is the homeowner’s responsibility, so there’s nothing we can do.”', style: 'defensive', do: [t('said.blame')], next: 'refocus' },
					{ id: 'all-off', text: '“Don’t worry, I’ll take the whole leak off your bill.”', style: 'premature-solution', do: [t('option.offered', { option: 'exception' })], next: 'refocus' }
				]
			},
			'ask-credit': {
				customer:
					'“Sí, el plomero vino el {{refs.repairTextEs}}. Ayer les mandé la factura por correo electrónico. Mi vecina dice que la ciudad hace un descuento por fugas. ¿Me lo pueden hacer?” (In English: “Yes, the plumber came on {{refs.repairText}}. I emailed you the invoice yesterday. My neighbour says the city gives a discount for leaks. Can you do it?”)',
				moves: [{ type: 'customer.requested', option: 'leakAdjustment', amountCents: { $ref: 'refs.creditCents' } }],
				replies: [
					{
						id: 'warm-transfer',
						text: '“Yes — you qualify for a leak adjustment: half of the extra water charges, which comes to {{refs.creditText}}. I can approve leak adjustments up to {{refs.limitText}}; this one is more, so I’ll bring in our senior, Maria Ortiz, who can approve it. I’ll brief her, and the interpreter stays on the line.”',
						style: 'escalation',
						do: [t('option.offered', { option: 'explain' }), t('escalation.requested', { brief: BRIEF }), { by: 'maria', event: { type: 'escalation.accepted' } }],
						next: 'maria'
					},
					{ id: 'over-limit', text: '“Sure — I’ll credit you {{refs.creditText}} right now.”', style: 'premature-solution', do: [t('option.offered', { option: 'leakAdjustment', amountCents: { $ref: 'refs.creditCents' } })], next: 'ask-credit' },
					{ id: 'cap', text: '“The most I can do is {{refs.limitText}}. I’ll put that on.”', style: 'policy-first', do: [t('option.offered', { option: 'leakAdjustment', amountCents: { $ref: 'refs.limitCents' } })], next: 'routine' }
				]
			},
			maria: {
				customer:
					'Maria Ortiz joins (the interpreter is still on the line): “Buenas tardes, Señor {{refs.last}}, soy Maria. I have the notes and the plumber’s invoice.” He: “¿Entonces sí me lo hacen?” (In English: “So will you do it?”)',
				replies: [
					{
						id: 'maria-credit',
						text: '(With Maria) Maria approves the leak adjustment: {{refs.creditText}}, half of the {{refs.excessText}} in extra water charges. The sewer charge is not credited, because the water went down the drain.',
						style: 'procedural',
						do: [t('option.offered', { option: 'leakAdjustment', amountCents: { $ref: 'refs.creditCents' } })],
						next: 'routine'
					},
					{ id: 'maria-all', text: '(With Maria) Credit the whole {{refs.excessText}} of extra water charges.', style: 'premature-solution', do: [t('option.offered', { option: 'leakAdjustment', amountCents: { $ref: 'refs.excessCents' } })], next: 'maria' },
					{ id: 'maria-wait', text: '(With Maria) “We can only credit it after another two months of normal reads.”', style: 'policy-first', do: [t('said.blame')], next: 'maria' }
				]
			},
			routine: {
				customer:
					'“Gracias. ¿Y si vuelve a pasar? ¿Tengo que hablar con un supervisor para saber cómo revisar?” (In English: “Thank you. And if it happens again? Do I need to talk to a supervisor to find out how to check?”)',
				replies: [
					{
						id: 'explain-leaks',
						text: '“No, I can tell you: turn off every tap and look at the meter’s little red triangle — if it still turns, there’s a leak; call us. And put a few drops of food colouring in the toilet tank: colour in the bowl means it leaks. A leak adjustment is possible once every twelve months.”',
						style: 'empathetic',
						do: [t('option.offered', { option: 'explain' })],
						next: 'close'
					},
					{
						id: 'supervisor-leaks',
						text: '“Let me transfer you to our supervisor for that.”',
						style: 'escalation',
						do: [t('escalation.requested', { brief: 'Customer asks how to check for leaks.' }), { by: 'dana', event: { type: 'escalation.accepted' } }],
						next: 'close'
					},
					{ id: 'deflect', text: '“Any plumber can tell you that.”', style: 'dismissive', do: [t('said.blame')], next: 'routine' }
				]
			},
			close: {
				customer: '“Está bien. ¿Y cómo me lo devuelven?” (In English: “All right. And how do I get it back?”)',
				replies: [
					{
						id: 'summarise',
						text: '“The {{refs.creditText}} credit goes on your account today and comes off what you owe: this month’s bill of {{refs.currentText}}, due on {{refs.dueText}}, drops to {{refs.restText}}{{refs.carryText}}. I’ve noted everything, including that you prefer Spanish.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', {
								steps: [
									{ what: 'Leak adjustment credited to the account', by: { $ref: 'start.date' } },
									{ what: 'Current bill due, less the credit', by: { $ref: 'refs.dueDate' } }
								]
							}),
							t('contact.closed', { why: 'High bill from a running toilet, repaired; Spanish-speaking holder asked for the leak adjustment', promises: ['Leak adjustment credited to the account'] })
						],
						next: null
					},
					{
						id: 'summarise-general',
						text: '“The credit goes on your account and comes off this month’s bill, due on {{refs.dueText}}. I’ve noted everything.”',
						style: 'procedural',
						do: [
							t('nextSteps.summarised', { steps: [{ what: 'Current bill due, less the credit', by: { $ref: 'refs.dueDate' } }] }),
							t('contact.closed', { why: 'High bill from a running toilet, repaired; asked for a leak adjustment', promises: [] })
						],
						next: null
					},
					{ id: 'bye', text: '“Bye now.”', style: 'dismissive', do: [t('contact.closed', { why: 'Bill' })], next: 'close' }
				]
			}
		}
	},
	golden: says('interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'warm-transfer', 'maria-credit', 'explain-leaks', 'summarise'),
	mistakes: [
		{
			fault: 'F-35',
			description: 'Tries to give the full credit (refused), then caps it at the CSR II limit instead of transferring.',
			steps: says('interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'over-limit', 'cap', 'explain-leaks', 'summarise-general'),
			expect: { missed: ['F-35'], passed: false, lost: { compliance: 10, outcome: 10, documentation: 2.5 } }
		},
		{
			fault: 'F-32',
			description: 'Sends the how-to-check-for-leaks question to the supervisor.',
			steps: says('interpreter-line', 'name-feeling', 'ask-id', 'clarify', 'warm-transfer', 'maria-credit', 'supervisor-leaks', 'summarise'),
			expect: { missed: ['F-32'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const first = rng.pick(['Ramón', 'Armando', 'Jesús', 'Raúl', 'Héctor', 'Francisco', 'Ernesto', 'Rigoberto']);
		const last = rng.pick(['Gutierrez', 'Mendoza', 'Castillo', 'Vargas', 'Aguilar', 'Chavez', 'Morales', 'Reyes']);
		const holder = `${first} ${last}`;
		const addr = address(rng);
		const [number] = accountNumbers(rng, 1);
		const date = businessDay(rng);
		const avgUsage = rng.int(9, 12);
		const leakUsage = rng.int(48, 66);
		const nowUsage = avgUsage + rng.int(-1, 1);
		const excess = waterCharge(leakUsage) - waterCharge(avgUsage);
		const credit = Math.round((excess * policy.leak.creditPercentOfExcess) / 100);
		const otherCharges = cents(rng, 9000, 15000);
		const bill = waterCharge(leakUsage) + otherCharges;
		const limit = policy.leak.authorityCents.csr2;
		// The leak bill came last month and was paid in full; the repair followed it, and this month's bill (after a full cycle) is back to normal.
		const currentBillDate = addDays(date, -rng.int(4, 8));
		const leakBillDate = addDays(currentBillDate, -30);
		const paidOn = workdayBy(addDays(leakBillDate, rng.int(10, 17)));
		const repairDate = addDays(leakBillDate, rng.int(2, 6));
		const current = waterCharge(nowUsage) + otherCharges - cents(rng, 0, 1500);
		const dueDate = addDays(currentBillDate, policy.delinquency.billDueDays);
		const carry = Math.max(0, credit - current);
		const pin = String(rng.int(1000, 9999));
		return {
			start: { date, time: '14:10' },
			weather: { lowF: rng.int(48, 60), highF: rng.int(70, 88), summary: 'Sunny' },
			subject: number,
			machineInput: {
				level: 'csr2',
				channel: 'phone',
				startingMood: 7,
				claimedName: holder,
				account: { accountNumber: number, holderName: holder, serviceAddress: addr, pin, last4: String(rng.int(1000, 9999)) },
				preferredLanguage: 'es'
			},
			customer: { name: holder, says: 'An incoming call on line 3. An older man’s voice: “¿Bueno? ¿Bueno?”' },
			drawer: null,
			items: [
				{
					id: 'account-screen',
					kind: 'document',
					title: 'Account on screen (for you, not the caller)',
					summary: `${number} — ${holder}, ${addr}.`,
					details: [
						{ label: `Bill of ${leakBillDate}`, value: `${money(bill)} (${leakUsage} hundred cubic feet); paid in full ${paidOn}` },
						{ label: `Bill of ${currentBillDate}`, value: `${money(current)} (${nowUsage} hundred cubic feet), due ${dueDate}` },
						{ label: '12-month average', value: `${avgUsage} hundred cubic feet` },
						{ label: 'Leak adjustments, last 12 months', value: 'None' },
						{ label: 'Email received yesterday', value: `Plumber’s invoice: replaced toilet fill valve and flapper, ${repairDate}` }
					]
				},
				{
					id: 'leak-worksheet',
					kind: 'document',
					title: 'Leak adjustment worksheet (policy §7)',
					summary: 'Excess water = the leak bill’s water charge − the charge at the 12-month average usage; credit = half of it. Sewer only if the water did not enter the sewer.',
					details: [
						{ label: 'Water charge at the leak usage', value: money(waterCharge(leakUsage)) },
						{ label: 'Water charge at the average usage', value: money(waterCharge(avgUsage)) },
						{ label: 'Excess water charges', value: money(excess) },
						{ label: 'Credit (half)', value: money(credit) },
						{ label: 'Authority', value: `CSR II up to ${money(policy.leak.authorityCents.csr2)}; CSR III up to ${money(policy.leak.authorityCents.csr3)}; above that a supervisor` }
					]
				}
			],
			accounts: [{ number, holder, address: addr, status: 'active', balanceCents: current, depositHeldCents: 0 }],
			refs: {
				given: { name: holder, serviceAddress: addr, pin },
				holder,
				last,
				address: addr,
				pin,
				billText: money(bill),
				leakUsage,
				avgUsage,
				nowUsage,
				repairText: spoken(repairDate),
				repairTextEs: spokenEs(repairDate),
				excessCents: excess,
				excessText: money(excess),
				creditCents: credit,
				creditText: money(credit),
				limitCents: limit,
				limitText: money(limit),
				currentText: money(current),
				restText: money(Math.max(0, current - credit)),
				carryText: carry > 0 ? `, and the other ${money(carry)} stays on your account for the next bill` : '',
				dueDate,
				dueText: spoken(dueDate)
			},
			secrets: []
		};
	}
} satisfies Scenario;

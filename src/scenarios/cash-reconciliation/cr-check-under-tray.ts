/**
 * CSR III close with two causes at once: a check slid under the cash tray into the drawer cavity, so
 * the count has one check fewer than the batch (F-15), and a cash payment was keyed with its cents
 * transposed (F-12). Found, the drawer is out by a few cents; missed, the check-count mismatch goes to
 * the supervisor and the deposit goes out a check short.
 */
import type { PathStep, Scenario } from '../schema';
import { addCounts, businessDay, cents, floatCounts, makeChange, money } from '../shared/variants';
import { checkItems, closeSteps as s, colleague, counterDay, sum } from './day';

const locateTransposition: PathStep[] = [
	{ inspect: 'batch-list' },
	{ inspect: 'stubs' },
	{ do: { type: 'checklist.ticked', item: 'transposition' } },
	{ do: { type: 'difference.located', cause: 'transposition', amountCents: { $ref: 'refs.varianceCents' }, note: { $ref: 'refs.transpositionNote' } } }
];
const locateCheck: PathStep[] = [
	{ do: { type: 'checklist.ticked', item: 'drawer-cavity' } },
	{ inspect: 'cavity-check' },
	{ do: { type: 'difference.located', cause: 'drawer-cavity', checkNumber: { $ref: 'refs.missingNumber' }, amountCents: { $ref: 'refs.missingCents' }, note: 'Check found under the cash tray, in the drawer cavity.' } }
];
const explain = (note: string): PathStep => ({ do: { type: 'variance.explained', note } });

export default {
	id: 'cr-check-under-tray',
	version: 1,
	title: 'A check missing, and a few cents besides',
	procedure: 'cash-reconciliation',
	level: 'csr3',
	brief:
		'It is 5:15 pm on the first of the month, the busiest counter day. Close and reconcile your drawer. Jordan Pike (CSR II) is closing with you; Maria Ortiz (CSR Senior) and Dana Whitfield (supervisor) are still in the office.',
	objectives: [
		'Compare cash, check total and check count with the batch separately',
		'Work the whole locate-differences checklist when more than one thing is off',
		'Close a check-count mismatch by finding the check, not by an override',
		'Record the remaining variance with its cause and prepare the deposit'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		colleague({ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'CSR II', acts: { 'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } }, 'vault.accessed': { type: 'vault.accessed' } } }),
		colleague({ id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'CSR Senior', acts: { 'secondCount.done': { type: 'secondCount.done', currency: { $ref: 'refs.depositCurrency' }, checks: { $ref: 'refs.firstChecks' } } } }),
		colleague({
			id: 'dana',
			name: 'Dana Whitfield',
			level: 'supervisor',
			role: 'Supervisor',
			acts: {
				'checkCount.overridden': { type: 'checkCount.overridden', reason: 'Cashier could not find the check after a search of the counter; count accepted short, incident report to follow.' },
				'supervisor.approved': { type: 'supervisor.approved', note: 'Reviewed the count and the batch; shortage of a check accepted, incident report filed.' }
			}
		})
	],
	faults: [
		{
			id: 'F-15',
			title: 'A check short in the count vs the batch (slipped into the drawer cavity)',
			found: { event: 'difference.located', where: { cause: 'drawer-cavity', checkNumber: { $ref: 'refs.missingNumber' } } },
			correctMove: 'The batch lists one check more than the count: lift the cash tray and search the drawer cavity before anything else; record the check and recount.',
			policyRef: '§2 Close (locate differences; check count mismatch)'
		},
		{
			id: 'F-12',
			title: 'A payment keyed with its cents transposed (the remaining difference is divisible by 9)',
			found: { event: 'difference.located', where: { cause: 'transposition' } },
			correctMove: 'The cash difference divides by 9: compare the batch’s cash lines with the stub copies and record the transposed entry.',
			policyRef: '§2 Close (locate differences)'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'over-short', label: 'Only the transposition’s cents were recorded as over/short', check: { effect: 'overShort.record', where: { amountCents: { $ref: 'refs.varianceCents' } } }, policyRef: '§2 Variance' },
		{ id: 'slip', label: 'The deposit slip includes every check (currency + coin + checks − float)', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cavity', label: 'The missing check was found', check: { ctx: 'locate.found', is: { some: { cause: 'drawer-cavity', checkNumber: { $ref: 'refs.missingNumber' } } } }, policyRef: '§2 Close' },
		{ id: 'transposition', label: 'The transposed entry was identified', check: { ctx: 'locate.found', is: { some: { cause: 'transposition' } } }, policyRef: '§2 Close' },
		{ id: 'no-override', label: 'The check count was reconciled without a supervisor override', check: { ctx: 'checkOverride', is: null }, policyRef: '§2 Close (check count mismatch)' }
	],
	softOrder: [],
	documentation: [
		{ id: 'explained', label: 'The variance has an explanation note', check: { event: 'variance.explained' }, policyRef: '§2 Variance' },
		{ id: 'explained-transposition', label: 'The explanation names the transposed entry', check: { effect: 'overShort.record', where: { explanation: { contains: 'transpos' } } }, policyRef: '§2 Variance' },
		{ id: 'explained-check', label: 'The record names the check that was found', check: { effect: 'overShort.record', where: { explanation: { contains: { $ref: 'refs.missingNumber' } } } }, policyRef: '§2 Variance' }
	],
	targetMinutes: 15,
	timeLimitMinutes: 35,
	passMark: 80,
	hints: [
		{ step: 'recount', text: 'Compare the check count first. Where can a check go inside a drawer?' },
		{ step: 'recount', text: 'Set the missing check aside: is what is left of the difference divisible by 9?' }
	],
	golden: [s.count(), s.removeFloat, ...locateCheck, ...locateTransposition, s.recount(), explain('One check had slipped under the cash tray (found, recounted). Remaining difference divisible by 9: one cash payment keyed with its cents transposed; correction requested.'), ...s.slip('jordan'), ...s.vault('jordan')],
	mistakes: [
		{
			fault: 'F-15',
			description: 'Finds the transposition but not the check; the mismatch goes to the supervisor and the deposit goes out a check short.',
			steps: [
				s.count(),
				s.removeFloat,
				...locateTransposition,
				s.recount('refs.depositCurrency', 'refs.firstChecks'),
				{ ask: 'dana' },
				{ ask: 'maria' },
				{ ask: 'dana' },
				explain('Check not found after recount; transposed cash entry found. Supervisor informed.'),
				{ do: { type: 'slip.prepared', amountCents: { $ref: 'refs.shortSlipCents' } } },
				{ ask: 'jordan' },
				...s.vault('jordan')
			],
			expect: { missed: ['F-15'], passed: false, lost: { outcome: 26.67, documentation: 3.33 } }
		},
		{
			fault: 'F-12',
			description: 'Finds the check but records the remaining cents as unexplained.',
			steps: [s.count(), s.removeFloat, ...locateCheck, s.recount(), explain('Check found under the tray. Remaining difference: cause not found.'), ...s.slip('jordan'), ...s.vault('jordan')],
			expect: { missed: ['F-12'], passed: true, lost: { outcome: 6.67, documentation: 3.33 } }
		}
	],
	world(rng) {
		const date = businessDay(rng);
		const day = counterDay(rng, { cash: [6, 9], checks: [3, 4] });
		// Cents "ab" keyed as "ba" (a ≠ b) on one cash payment: the difference is 9 × (a − b) cents.
		const k = rng.int(0, day.cash.length - 1);
		const a = rng.int(0, 9);
		let b = rng.int(0, 9);
		while (a === b) b = rng.int(0, 9);
		const dollars = Math.floor(cents(rng, 2500, 30000) / 100) * 100;
		day.cash[k] = { ...day.cash[k], amountCents: dollars + a * 10 + b };
		const keyed = day.cash.map((p, i) => (i === k ? dollars + b * 10 + a : p.amountCents));
		const cashCents = sum(day.cash);
		const keyedCents = keyed.reduce((x, y) => x + y, 0);
		const all = checkItems(day.checks);
		const m = rng.int(0, all.length - 1);
		const missing = all[m];
		const firstChecks = all.filter((_, i) => i !== m);
		const depositCurrency = makeChange(cashCents);
		const contents = addCounts(floatCounts(), depositCurrency);
		const drawerName = rng.pick(['Counter 1', 'Counter 2', 'Counter 5']);
		const variance = cashCents - keyedCents;
		return {
			start: { date, time: '17:15' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Clear' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents: keyedCents, checks: all, cardCents: day.cardCents } },
			customer: null,
			drawer: {
				name: drawerName,
				contents,
				checks: firstChecks,
				cardCents: day.cardCents,
				note: `The drawer after a long first-of-the-month line: the checks clipped at the front, the settlement slip (${money(day.cardCents)}) and the day’s stub copies.`
			},
			items: [
				{
					id: 'batch-list',
					kind: 'document',
					title: 'Batch report: payments as keyed',
					summary: `${drawerName}, ${date}: ${day.cash.length} cash payments, ${all.length} checks.`,
					details: [...day.cash.map((p, i) => ({ label: `Cash — ${p.account}`, value: money(keyed[i]) })), ...day.checks.map((c) => ({ label: `Check #${c.number} — ${c.account}`, value: money(c.amountCents) }))],
					when: { event: 'float.removed' }
				},
				{ id: 'stubs', kind: 'receipt', title: 'Stub copies of today’s cash payments', summary: `${day.cash.length} stubs, each initialled with the cash received.`, details: day.cash.map((p) => ({ label: `Account ${p.account}`, value: `paid ${money(p.amountCents)} in cash` })) },
				{
					id: 'cavity-check',
					kind: 'check',
					title: 'A check under the cash tray',
					summary: `Lying flat in the drawer cavity: check #${missing.number}, ${money(missing.amountCents)}, payable to Riverton Municipal Utilities, signed, dated today.`,
					details: [
						{ label: 'Number', value: missing.number },
						{ label: 'Amount', value: money(missing.amountCents) }
					],
					when: { event: 'checklist.ticked', where: { item: 'drawer-cavity' } }
				},
				{ id: 'settlement', kind: 'receipt', title: 'Card terminal settlement slip', summary: `Batch settled: ${money(day.cardCents)}.`, details: [] }
			],
			accounts: [],
			refs: {
				float: floatCounts(),
				firstCurrency: contents,
				firstChecks,
				depositCurrency,
				depositChecks: all,
				missingNumber: missing.number,
				missingCents: missing.amountCents,
				varianceCents: variance,
				transpositionNote: `Account ${day.cash[k].account}: keyed ${money(keyed[k])}, stub shows ${money(day.cash[k].amountCents)} (cents transposed).`,
				slipCents: cashCents + sum(all),
				shortSlipCents: cashCents + sum(firstChecks),
				bag: day.bag
			},
			secrets: [
				{ text: money(keyedCents), whileSteps: ['count', 'removeFloat'] },
				{ text: money(keyed[k]), whileSteps: ['count', 'removeFloat'] }
			]
		};
	}
} satisfies Scenario;

/**
 * A cash payment posted twice (F-14): the batch shows one small payment two times, so the drawer is
 * short by exactly that amount. Over the senior threshold: a senior's second count, then the
 * over/short with an explanation that names the duplicate.
 */
import type { Scenario } from '../schema';
import { addCounts, businessDay, cents, floatCounts, makeChange, money } from '../shared/variants';
import { checkItems, closeSteps as s, colleague, counterDay, sum } from './day';

const explain = (note: string) => ({ do: { type: 'variance.explained', note } });

export default {
	id: 'cr-posted-twice',
	version: 1,
	title: 'Short by one small payment',
	procedure: 'cash-reconciliation',
	level: 'csr2',
	brief:
		'It is 5:05 pm and the counter is closed. Close and reconcile your drawer. The system froze twice this afternoon while you were posting. Maria Ortiz (CSR Senior) is on duty and Jordan Pike (CSR II) is closing with you.',
	objectives: [
		'Count blind and compare each tender with the batch',
		'Find a payment the batch shows twice',
		'Get the senior’s second count for a variance at the senior threshold',
		'Record the over/short with an explanation that names the cause'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		colleague({ id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'CSR Senior', acts: { 'secondCount.done': { type: 'secondCount.done', currency: { $ref: 'refs.depositCurrency' }, checks: { $ref: 'refs.depositChecks' } } } }),
		colleague({ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'CSR II', acts: { 'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } }, 'vault.accessed': { type: 'vault.accessed' } } })
	],
	faults: [
		{
			id: 'F-14',
			title: 'One counter payment keyed into the batch twice',
			found: { event: 'difference.located', where: { cause: 'duplicate-posting', amountCents: { $ref: 'refs.dupCents' } } },
			correctMove: 'The shortage equals one payment on the batch report, which appears twice for the same account with one stub: record the duplicate posting so the account can be corrected.',
			policyRef: '§2 Close (locate differences)'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'over-short', label: 'The shortage was recorded for the batch', check: { effect: 'overShort.record', where: { amountCents: { $ref: 'refs.varianceCents' } } }, policyRef: '§2 Variance' },
		{ id: 'senior', label: 'A senior second-counted the deposit', check: { ctx: 'secondCount.agreed', is: true }, policyRef: '§2 Variance' },
		{ id: 'slip', label: 'The deposit slip is right', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cause', label: 'The duplicate posting was identified', check: { ctx: 'locate.found', is: { some: { cause: 'duplicate-posting' } } }, policyRef: '§2 Close' }
	],
	softOrder: [],
	documentation: [
		{ id: 'explained', label: 'The variance has an explanation note', check: { event: 'variance.explained' }, policyRef: '§2 Variance' },
		{ id: 'explained-cause', label: 'The explanation names the account posted twice', check: { effect: 'overShort.record', where: { explanation: { contains: { $ref: 'refs.account' } } } }, policyRef: '§2 Variance' }
	],
	targetMinutes: 12,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [{ step: 'recount', text: 'Does the shortage equal any single payment on the batch report? Count the stubs against the lines.' }],
	golden: [
		s.count(),
		s.removeFloat,
		{ inspect: 'batch-list' },
		{ inspect: 'stubs' },
		{ do: { type: 'checklist.ticked', item: 'duplicate-posting' } },
		{ do: { type: 'difference.located', cause: 'duplicate-posting', amountCents: { $ref: 'refs.dupCents' }, note: { $ref: 'refs.findingNote' } } },
		s.recount(),
		{ ask: 'maria' },
		explain('Senior second count agrees. The batch shows one cash payment twice (system froze while posting); one stub only. Reversal of the duplicate requested.'),
		...s.slip('jordan'),
		...s.vault('jordan')
	],
	mistakes: [
		{
			fault: 'F-14',
			description: 'Recounts, gets the senior count, and records the shortage as unexplained.',
			steps: [s.count(), s.removeFloat, s.recount(), { ask: 'maria' }, explain('Recounted; senior count agrees. Cause not found.'), ...s.slip('jordan'), ...s.vault('jordan')],
			expect: { missed: ['F-14'], passed: true, lost: { outcome: 8, documentation: 5 } }
		}
	],
	world(rng) {
		const date = businessDay(rng);
		const day = counterDay(rng, { cash: [5, 8], checks: [1, 3] });
		// A small payment (a refuse-only or partial payment): at least the senior threshold, under the supervisor's.
		const d = rng.int(0, day.cash.length - 1);
		day.cash[d] = { ...day.cash[d], amountCents: cents(rng, 600, 2475, 5) };
		const dup = day.cash[d];
		const cashCents = sum(day.cash);
		const checks = checkItems(day.checks);
		const depositCurrency = makeChange(cashCents);
		const contents = addCounts(floatCounts(), depositCurrency);
		const drawerName = rng.pick(['Counter 1', 'Counter 3', 'Counter 4']);
		const lines = [...day.cash.map((p, i) => ({ ...p, i })), { ...dup, i: day.cash.length }].sort((a, b) => a.account.localeCompare(b.account) || a.i - b.i);
		return {
			start: { date, time: '17:05' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Windy' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents: cashCents + dup.amountCents, checks, cardCents: day.cardCents } },
			customer: null,
			drawer: { name: drawerName, contents, checks, cardCents: day.cardCents, note: `The drawer after the last customer, with the settlement slip (${money(day.cardCents)}) and ${day.cash.length} stub copies of cash payments.` },
			items: [
				{
					id: 'batch-list',
					kind: 'document',
					title: 'Batch report: cash payments as posted',
					summary: `${drawerName}, ${date}: ${lines.length} cash payment lines.`,
					details: lines.map((p) => ({ label: `Account ${p.account}`, value: money(p.amountCents) })),
					when: { event: 'float.removed' }
				},
				{ id: 'stubs', kind: 'receipt', title: 'Stub copies of today’s cash payments', summary: `${day.cash.length} stubs, one per customer, each initialled.`, details: day.cash.map((p) => ({ label: `Account ${p.account}`, value: `paid ${money(p.amountCents)} in cash` })) },
				{ id: 'settlement', kind: 'receipt', title: 'Card terminal settlement slip', summary: `Batch settled: ${money(day.cardCents)}.`, details: [] }
			],
			accounts: [],
			refs: {
				float: floatCounts(),
				firstCurrency: contents,
				firstChecks: checks,
				depositCurrency,
				depositChecks: checks,
				dupCents: dup.amountCents,
				account: dup.account,
				varianceCents: -dup.amountCents,
				findingNote: `Account ${dup.account}: ${money(dup.amountCents)} posted twice, one stub.`,
				slipCents: cashCents + sum(checks),
				bag: day.bag
			},
			secrets: [{ text: money(cashCents + dup.amountCents), whileSteps: ['count', 'removeFloat'] }]
		};
	}
} satisfies Scenario;

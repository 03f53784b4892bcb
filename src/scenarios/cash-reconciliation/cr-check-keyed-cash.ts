/**
 * A check payment keyed as cash (F-13): cash counts short and checks over by the same amount, with one
 * check more than the batch lists. The total balances, but the check count cannot close without a
 * supervisor's override naming the mis-keyed check.
 */
import type { Scenario } from '../schema';
import { addCounts, businessDay, floatCounts, makeChange, money } from '../shared/variants';
import { checkItems, closeSteps as s, colleague, counterDay, sum } from './day';

const located = { do: { type: 'difference.located', cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' }, amountCents: { $ref: 'refs.checkCents' }, note: { $ref: 'refs.findingNote' } } } as const;

export default {
	id: 'cr-check-keyed-cash',
	version: 1,
	title: 'Cash short, checks over',
	procedure: 'cash-reconciliation',
	level: 'csr2',
	brief:
		'It is 5:05 pm. Close and reconcile your drawer. The afternoon was busy and a relief cashier covered your window over lunch. Jordan Pike (CSR II) is closing with you; Dana Whitfield, the supervisor, is still in her office.',
	objectives: [
		'Compare each tender with the batch, not just the total',
		'Recognise a check keyed as cash from a cash shortage matched by a check overage',
		'Resolve a check-count mismatch the way policy allows (find it, or a supervisor’s override with a reason)',
		'Prepare the deposit and keep the vault under dual control'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		colleague({ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'CSR II', acts: { 'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } }, 'vault.accessed': { type: 'vault.accessed' } } }),
		colleague({ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'Supervisor', acts: { 'checkCount.overridden': { type: 'checkCount.overridden', reason: { $ref: 'refs.overrideReason' } } } })
	],
	faults: [
		{
			id: 'F-13',
			title: 'A check payment keyed as cash',
			found: { event: 'difference.located', where: { cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' } } },
			correctMove: 'Cash is short and checks are over by the same amount, with one check the batch does not list: find the payment keyed as cash, record the check number, and have the supervisor override the check count with that reason.',
			policyRef: '§2 Close (locate differences)'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'slip', label: 'The deposit slip lists every check in the drawer (currency + coin + checks − float)', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cause', label: 'The check keyed as cash was identified by number', check: { ctx: 'locate.found', is: { some: { cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' } } } }, policyRef: '§2 Close' },
		{ id: 'override', label: 'The check-count mismatch went to the supervisor', check: { ctx: 'checkOverride', is: { exists: true } }, policyRef: '§2 Close (check count mismatch)' }
	],
	softOrder: [],
	documentation: [{ id: 'finding-account', label: 'The finding names the account the check paid', check: { event: 'difference.located', where: { note: { contains: { $ref: 'refs.account' } } } }, policyRef: '§2 Close' }],
	targetMinutes: 12,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [
		{ step: 'recount', text: 'Look at cash and checks separately. Is one short by what the other is over?' },
		{ step: 'checkMismatch', text: 'The check is really in the drawer. Who may let the check count differ from the batch, and with what?' }
	],
	golden: [
		s.count(),
		s.removeFloat,
		{ inspect: 'batch-list' },
		{ inspect: 'check-stub' },
		{ do: { type: 'checklist.ticked', item: 'check-keyed-as-cash' } },
		located,
		s.recount(),
		{ ask: 'dana' },
		...s.slip('jordan'),
		...s.vault('jordan')
	],
	mistakes: [
		{
			fault: 'F-13',
			description: 'Recounts without comparing tenders and sends the mismatch to the supervisor without finding the cause.',
			steps: [s.count(), s.removeFloat, s.recount(), { ask: 'dana' }, ...s.slip('jordan'), ...s.vault('jordan')],
			expect: { missed: ['F-13'], passed: true, lost: { outcome: 10, documentation: 10 } }
		}
	],
	world(rng) {
		const date = businessDay(rng);
		const day = counterDay(rng, { cash: [5, 8], checks: [3, 4] });
		const k = rng.int(0, day.checks.length - 1);
		const miskeyed = day.checks[k];
		const cashCents = sum(day.cash);
		const all = checkItems(day.checks);
		const batchChecks = all.filter((_, i) => i !== k);
		const depositCurrency = makeChange(cashCents);
		const contents = addCounts(floatCounts(), depositCurrency);
		const drawerName = rng.pick(['Counter 2', 'Counter 3', 'Counter 5']);
		const relief = rng.pick(['Tina Okafor', 'Luis Carrillo', 'Beth Haney']);
		const keyedCash = [...day.cash, { account: miskeyed.account, amountCents: miskeyed.amountCents }].sort((a, b) => a.account.localeCompare(b.account));
		return {
			start: { date, time: '17:05' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Overcast' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents: cashCents + miskeyed.amountCents, checks: batchChecks, cardCents: day.cardCents } },
			customer: null,
			drawer: { name: drawerName, contents, checks: all, cardCents: day.cardCents, note: `The drawer after the last customer, with the settlement slip (${money(day.cardCents)}) and the day’s stub copies. ${relief} covered this window from 12:00 to 12:45.` },
			items: [
				{
					id: 'batch-list',
					kind: 'document',
					title: 'Batch report: payments as keyed',
					summary: `${drawerName}, ${date}: ${keyedCash.length} cash payments, ${batchChecks.length} checks.`,
					details: [...keyedCash.map((p) => ({ label: `Cash — ${p.account}`, value: money(p.amountCents) })), ...day.checks.filter((_, i) => i !== k).map((c) => ({ label: `Check #${c.number} — ${c.account}`, value: money(c.amountCents) }))],
					when: { event: 'float.removed' }
				},
				{
					id: 'check-stub',
					kind: 'receipt',
					title: `Stub copy initialled by ${relief}`,
					summary: `Account ${miskeyed.account}: paid ${money(miskeyed.amountCents)}, “ck #${miskeyed.number}” written in the margin.`,
					details: [],
					when: { event: 'float.removed' }
				},
				{ id: 'settlement', kind: 'receipt', title: 'Card terminal settlement slip', summary: `Batch settled: ${money(day.cardCents)}.`, details: [] }
			],
			accounts: [],
			refs: {
				float: floatCounts(),
				firstCurrency: contents,
				firstChecks: all,
				depositCurrency,
				depositChecks: all,
				checkNumber: miskeyed.number,
				checkCents: miskeyed.amountCents,
				account: miskeyed.account,
				findingNote: `Check #${miskeyed.number} (${money(miskeyed.amountCents)}) from account ${miskeyed.account} was keyed as cash over lunch; the check is in the drawer.`,
				overrideReason: `Check #${miskeyed.number} is in the drawer but was keyed as cash in the batch; tender correction to follow. Count accepted.`,
				slipCents: cashCents + sum(all),
				bag: day.bag
			},
			secrets: [
				{ text: money(cashCents + miskeyed.amountCents), whileSteps: ['count', 'removeFloat'] },
				{ text: money(sum(batchChecks)), whileSteps: ['count', 'removeFloat'] }
			]
		};
	}
} satisfies Scenario;

/**
 * A CSR I's first supervised close: two $20 bills stuck together (F-11), so the blind count is one
 * bill short of the batch. The recount with the locate-differences checklist finds them; without it
 * the supervising senior's second count does.
 */
import type { Scenario } from '../schema';
import { addCounts, businessDay, floatCounts, makeChange, money } from '../shared/variants';
import { checkItems, closeSteps as s, counterDay, sum } from './day';

export default {
	id: 'cr-stuck-twenties',
	version: 1,
	title: 'First close: twenty dollars short',
	procedure: 'cash-reconciliation',
	level: 'csr1',
	brief:
		'It is 5:10 pm on a quiet day. You are closing your own drawer for one of the first times, with Maria Ortiz (CSR Senior) supervising every step. Count blind, take out the float, compare with the batch and, if it differs, find out why before you accept a shortage.',
	objectives: [
		'Count the drawer blind, by denomination, with each check and the card settlement',
		'Use the locate-differences checklist before accepting a difference',
		'Recount once and prepare the deposit slip (currency + coin + checks − float)',
		'Take the deposit to the vault under dual control'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		{
			id: 'maria',
			name: 'Maria Ortiz',
			level: 'senior',
			role: 'CSR Senior (supervising)',
			acts: {
				'secondCount.done': { type: 'secondCount.done', currency: { $ref: 'refs.depositCurrency' }, checks: { $ref: 'refs.depositChecks' } },
				'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } },
				'vault.accessed': { type: 'vault.accessed' }
			}
		}
	],
	faults: [
		{
			id: 'F-11',
			title: 'Two $20 bills stuck together (the count is one bill short)',
			found: { all: [{ event: 'difference.located', where: { cause: 'stuck-bills' } }, { ctx: 'secondCount', is: null }] },
			correctMove: 'The drawer is exactly one $20 short: fan the twenties and count them singly; two new bills stuck together count as one. Record the finding and recount.',
			policyRef: '§2 Close (locate differences)'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'balanced', label: 'The drawer balanced after the recount: no false shortage entered', check: { not: { effect: 'overShort.record' } }, policyRef: '§2 Variance' },
		{ id: 'slip', label: 'The deposit slip is right (currency + coin + checks − float)', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cause', label: 'The cashier found the stuck bills on the recount', check: { all: [{ ctx: 'locate.found', is: { some: { cause: 'stuck-bills' } } }, { ctx: 'secondCount', is: null }] }, policyRef: '§2 Close' },
		{ id: 'dual-control', label: 'Two people took the deposit to the vault', check: { ctx: 'vault', is: { len: 2 } }, policyRef: '§2 Vault under dual control' }
	],
	softOrder: [],
	documentation: [{ id: 'finding', label: 'The finding says what was stuck together', check: { event: 'difference.located', where: { cause: 'stuck-bills', note: { contains: 'stuck' } } }, policyRef: '§2 Close' }],
	targetMinutes: 10,
	timeLimitMinutes: 25,
	passMark: 80,
	hints: [
		{ step: 'recount', text: 'The difference is exactly one bill. Which denomination, and how could one bill hide in the stack?' },
		{ step: 'vaultFirst', text: 'Who must be at the vault with you?' }
	],
	golden: [
		s.count(),
		s.removeFloat,
		{ inspect: 'twenties' },
		{ do: { type: 'checklist.ticked', item: 'stuck-bills' } },
		{ do: { type: 'difference.located', cause: 'stuck-bills', amountCents: 2000, note: 'Two new $20 bills stuck together in the twenties stack; counted as one at the blind count.' } },
		s.recount(),
		...s.slip('maria'),
		...s.vault('maria')
	],
	mistakes: [
		{
			fault: 'F-11',
			description: 'Recounts the same way, accepts the shortage and leaves it to the senior’s second count.',
			steps: [s.count(), s.removeFloat, s.recount('refs.shortCurrency'), { ask: 'maria' }, ...s.slip('maria'), ...s.vault('maria')],
			expect: { missed: ['F-11'], passed: true, lost: { outcome: 8, documentation: 10 } }
		}
	],
	world(rng) {
		const date = businessDay(rng);
		const day = counterDay(rng, { cash: [6, 9], checks: [1, 3] });
		const cashCents = sum(day.cash);
		const checks = checkItems(day.checks);
		const depositCurrency = makeChange(cashCents);
		const shortCurrency = { ...depositCurrency, d20: (depositCurrency.d20 ?? 0) - 1 };
		const contents = addCounts(floatCounts(), depositCurrency);
		const drawerName = rng.pick(['Counter 1', 'Counter 2', 'Counter 4']);
		return {
			start: { date, time: '17:10' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Clear' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents, checks, cardCents: day.cardCents } },
			customer: null,
			drawer: {
				name: drawerName,
				contents,
				checks,
				cardCents: day.cardCents,
				note: `The drawer after the last customer, with the card terminal’s settlement slip (${money(day.cardCents)}). Several of today’s twenties came straight from the bank, crisp and new.`
			},
			items: [
				{
					id: 'twenties',
					kind: 'note',
					title: 'The $20 stack',
					summary: 'New bills, still crisp. Fanned out under the lamp, one “bill” is noticeably thicker at the corner.',
					details: [{ label: 'Bills in the stack', value: `${contents.d20} once fanned` }],
					when: { event: 'float.removed' }
				},
				{ id: 'settlement', kind: 'receipt', title: 'Card terminal settlement slip', summary: `Batch settled: ${money(day.cardCents)}.`, details: [] }
			],
			accounts: [],
			refs: {
				float: floatCounts(),
				firstCurrency: { ...contents, d20: (contents.d20 ?? 0) - 1 },
				firstChecks: checks,
				depositCurrency,
				shortCurrency,
				depositChecks: checks,
				slipCents: cashCents + sum(checks),
				bag: day.bag
			},
			secrets: [{ text: money(cashCents), whileSteps: ['count', 'removeFloat'] }]
		};
	}
} satisfies Scenario;

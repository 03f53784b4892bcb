/**
 * CSR III close after a Friday rush, three faults together: a check keyed as cash (F-13), a small cash
 * payment posted twice (F-14) — so cash is short by both, checks over by one, and a shortage remains at
 * the senior threshold — and at the vault a colleague offers to make the drop alone (F-16).
 */
import type { PathStep, Scenario } from '../schema';
import { addCounts, businessDay, cents, floatCounts, makeChange, money } from '../shared/variants';
import { checkItems, closeSteps as s, colleague, counterDay, sum } from './day';

const locateCheck: PathStep[] = [
	{ do: { type: 'checklist.ticked', item: 'check-keyed-as-cash' } },
	{ do: { type: 'difference.located', cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' }, amountCents: { $ref: 'refs.checkCents' }, note: { $ref: 'refs.checkNote' } } }
];
const locateDup: PathStep[] = [
	{ do: { type: 'checklist.ticked', item: 'duplicate-posting' } },
	{ do: { type: 'difference.located', cause: 'duplicate-posting', amountCents: { $ref: 'refs.dupCents' }, note: { $ref: 'refs.dupNote' } } }
];
const explain = (note: string): PathStep => ({ do: { type: 'variance.explained', note } });
const look: PathStep[] = [{ inspect: 'batch-list' }, { inspect: 'stubs' }];
const after = (vaultChoice: 'decline' | 'accept'): PathStep[] => [...s.slip('jordan'), { choose: `solo-vault.${vaultChoice}` }, ...s.vault('jordan')];

export default {
	id: 'cr-friday-rush',
	version: 1,
	title: 'Friday rush: three things off',
	procedure: 'cash-reconciliation',
	level: 'csr3',
	brief:
		'It is 5:20 pm on a Friday after a long line that ran past closing. Close and reconcile your drawer. Two customers paid at once at one point and the screen lagged all afternoon. Jordan Pike (CSR II) is closing with you; Maria Ortiz (CSR Senior) and Dana Whitfield (supervisor) are in the back office.',
	objectives: [
		'Separate cash, check total and check count when several differences overlap',
		'Find a check keyed as cash and a payment posted twice',
		'Take each threshold in order: check-count override, senior second count, explanation',
		'Keep the vault drop under dual control when a colleague offers to go alone'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		colleague({ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'CSR II', acts: { 'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } }, 'vault.accessed': { type: 'vault.accessed' } } }),
		colleague({ id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'CSR Senior', acts: { 'secondCount.done': { type: 'secondCount.done', currency: { $ref: 'refs.depositCurrency' }, checks: { $ref: 'refs.depositChecks' } } } }),
		colleague({ id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'Supervisor', acts: { 'checkCount.overridden': { type: 'checkCount.overridden', reason: { $ref: 'refs.overrideReason' } } } })
	],
	faults: [
		{
			id: 'F-13',
			title: 'A check payment keyed as cash',
			found: { event: 'difference.located', where: { cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' } } },
			correctMove: 'One check in the drawer is not on the batch’s check list, and a cash line for the same account has its amount: record it as keyed as cash, with its number.',
			policyRef: '§2 Close (locate differences)'
		},
		{
			id: 'F-14',
			title: 'One counter payment keyed into the batch twice',
			found: { event: 'difference.located', where: { cause: 'duplicate-posting', amountCents: { $ref: 'refs.dupCents' } } },
			correctMove: 'What remains short equals one small payment that appears twice on the batch with one stub: record the duplicate posting.',
			policyRef: '§2 Close (locate differences)'
		},
		{
			id: 'F-16',
			title: 'A colleague offers to do the vault drop alone',
			found: { choice: 'solo-vault.decline' },
			correctMove: 'Decline: two different people at the vault, each access logged — however late it is.',
			policyRef: '§2 Vault under dual control'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'over-short', label: 'The remaining shortage was recorded for the batch', check: { effect: 'overShort.record', where: { amountCents: { $ref: 'refs.varianceCents' } } }, policyRef: '§2 Variance' },
		{ id: 'slip', label: 'The deposit slip lists every check in the drawer', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cause-check', label: 'The check keyed as cash was identified by number', check: { ctx: 'locate.found', is: { some: { cause: 'check-keyed-as-cash', checkNumber: { $ref: 'refs.checkNumber' } } } }, policyRef: '§2 Close' },
		{ id: 'cause-dup', label: 'The duplicate posting was identified', check: { ctx: 'locate.found', is: { some: { cause: 'duplicate-posting' } } }, policyRef: '§2 Close' },
		{ id: 'dual-control', label: 'Two people took the deposit to the vault', check: { all: [{ ctx: 'vault', is: { len: 2 } }, { not: { choice: 'solo-vault.accept' } }] }, policyRef: '§2 Vault under dual control' }
	],
	softOrder: [],
	documentation: [
		{ id: 'explained', label: 'The variance has an explanation note', check: { event: 'variance.explained' }, policyRef: '§2 Variance' },
		{ id: 'explained-dup', label: 'The record names the account posted twice', check: { effect: 'overShort.record', where: { explanation: { contains: { $ref: 'refs.dupAccount' } } } }, policyRef: '§2 Variance' }
	],
	prompts: [
		{
			id: 'solo-vault',
			step: 'vaultFirst',
			from: 'Jordan Pike (CSR II)',
			text: '“It’s Friday and my kid’s game starts at six. I know the vault code — hand me the bag and I’ll drop it on my way past. You finish the log.”',
			blocking: true,
			options: [
				{ id: 'decline', label: '“Two minutes, we go together — the vault is dual control.”', then: 'Jordan sighs, grabs the log and walks to the vault with you.' },
				{
					id: 'accept',
					label: 'Hand Jordan the bag',
					violation: { rule: 'vault-drop-alone', reason: 'Let a colleague take the deposit to the vault alone.', policyRef: '§2 Vault under dual control', critical: 'dual-control-breach' },
					then: 'Maria Ortiz sees Jordan alone at the vault door and calls you both back: nobody drops alone.'
				}
			]
		}
	],
	targetMinutes: 15,
	timeLimitMinutes: 35,
	passMark: 80,
	hints: [
		{ step: 'recount', text: 'Cash is short, checks are over. Is the check overage one whole check? What is left of the cash shortage after it?' },
		{ step: 'vaultFirst', text: 'Who must be at the vault?' }
	],
	golden: [
		s.count(),
		s.removeFloat,
		...look,
		...locateCheck,
		...locateDup,
		s.recount(),
		{ ask: 'dana' },
		{ ask: 'maria' },
		explain('Check keyed as cash found (supervisor override of the check count). Remaining shortage is one cash payment posted twice; one stub. Senior count agrees; reversal requested.'),
		...after('decline')
	],
	mistakes: [
		{
			fault: 'F-13',
			description: 'Finds the duplicate but lets the supervisor override the check count without finding which check.',
			steps: [s.count(), s.removeFloat, ...look, ...locateDup, s.recount(), { ask: 'dana' }, { ask: 'maria' }, explain('Payment posted twice on one account; senior count agrees.'), ...after('decline')],
			expect: { missed: ['F-13'], passed: true, lost: { outcome: 6.67 } }
		},
		{
			fault: 'F-14',
			description: 'Finds the check keyed as cash but records the remaining shortage as unexplained.',
			steps: [s.count(), s.removeFloat, ...look, ...locateCheck, s.recount(), { ask: 'dana' }, { ask: 'maria' }, explain('Check keyed as cash found. Remaining shortage: cause not found.'), ...after('decline')],
			expect: { missed: ['F-14'], passed: true, lost: { outcome: 6.67, documentation: 5 } }
		},
		{
			fault: 'F-16',
			description: 'Everything found, then hands the bag to the colleague to drop alone.',
			steps: [
				s.count(),
				s.removeFloat,
				...look,
				...locateCheck,
				...locateDup,
				s.recount(),
				{ ask: 'dana' },
				{ ask: 'maria' },
				explain('Check keyed as cash; payment posted twice (see findings).'),
				...after('accept')
			],
			expect: { missed: ['F-16'], critical: 'dual-control-breach', passed: false, lost: { compliance: 10, outcome: 6.67 } }
		}
	],
	world(rng) {
		const date = businessDay(rng, [5]);
		const day = counterDay(rng, { cash: [6, 9], checks: [3, 4] });
		const d = rng.int(0, day.cash.length - 1);
		day.cash[d] = { ...day.cash[d], amountCents: cents(rng, 600, 2475, 5) };
		const dup = day.cash[d];
		const k = rng.int(0, day.checks.length - 1);
		const miskeyed = day.checks[k];
		const cashCents = sum(day.cash);
		const all = checkItems(day.checks);
		const batchChecks = all.filter((_, i) => i !== k);
		const depositCurrency = makeChange(cashCents);
		const contents = addCounts(floatCounts(), depositCurrency);
		const drawerName = rng.pick(['Counter 2', 'Counter 3', 'Counter 4']);
		const cashLines = [...day.cash, dup, { account: miskeyed.account, amountCents: miskeyed.amountCents }].sort((x, y) => x.account.localeCompare(y.account));
		return {
			start: { date, time: '17:20' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Warm evening' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents: cashCents + dup.amountCents + miskeyed.amountCents, checks: batchChecks, cardCents: day.cardCents } },
			customer: null,
			drawer: { name: drawerName, contents, checks: all, cardCents: day.cardCents, note: `The drawer after the Friday line: checks clipped at the front, the settlement slip (${money(day.cardCents)}) and a thick pile of stub copies.` },
			items: [
				{
					id: 'batch-list',
					kind: 'document',
					title: 'Batch report: payments as posted',
					summary: `${drawerName}, ${date}: ${cashLines.length} cash lines, ${batchChecks.length} checks.`,
					details: [...cashLines.map((p) => ({ label: `Cash — ${p.account}`, value: money(p.amountCents) })), ...day.checks.filter((_, i) => i !== k).map((c) => ({ label: `Check #${c.number} — ${c.account}`, value: money(c.amountCents) }))],
					when: { event: 'float.removed' }
				},
				{
					id: 'stubs',
					kind: 'receipt',
					title: 'Stub copies of today’s payments',
					summary: `${day.cash.length + day.checks.length} stubs, one per customer, each initialled with the tender.`,
					details: [...day.cash.map((p) => ({ label: `Account ${p.account}`, value: `${money(p.amountCents)} cash` })), ...day.checks.map((c) => ({ label: `Account ${c.account}`, value: `${money(c.amountCents)} check #${c.number}` }))],
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
				checkNote: `Check #${miskeyed.number} (${money(miskeyed.amountCents)}) from account ${miskeyed.account} keyed as cash; the check is in the drawer.`,
				overrideReason: `Check #${miskeyed.number} is in the drawer but was keyed as cash; tender correction to follow.`,
				dupCents: dup.amountCents,
				dupAccount: dup.account,
				dupNote: `Account ${dup.account}: ${money(dup.amountCents)} posted twice, one stub.`,
				varianceCents: -dup.amountCents,
				slipCents: cashCents + sum(all),
				bag: day.bag
			},
			secrets: [
				{ text: money(cashCents + dup.amountCents + miskeyed.amountCents), whileSteps: ['count', 'removeFloat'] },
				{ text: money(sum(batchChecks)), whileSteps: ['count', 'removeFloat'] }
			]
		};
	}
} satisfies Scenario;

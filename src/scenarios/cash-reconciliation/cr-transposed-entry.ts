/**
 * Closing a drawer: one cash payment was keyed with its cents transposed (F-12), so the drawer differs
 * from the batch by a multiple of 9 cents; at the vault a colleague offers to make the drop alone (F-16).
 */
import type { PathStep, Scenario } from '../schema';
import { accountNumbers, addCounts, businessDay, cents, checkNumber, floatCounts, makeChange, money } from '../shared/variants';

const drawer = (k: string) => ({ $ref: `drawer.${k}` });
const count: PathStep = { do: { type: 'count.entered', currency: drawer('contents'), checks: drawer('checks'), cardCents: drawer('cardCents') } };
const removeFloat: PathStep = { do: { type: 'float.removed', counts: { $ref: 'refs.float' } } };
const recount: PathStep = { do: { type: 'recount.entered', currency: { $ref: 'refs.depositCurrency' }, checks: drawer('checks') } };
const slip: PathStep[] = [{ do: { type: 'slip.prepared', amountCents: { $ref: 'refs.slipCents' } } }, { ask: 'jordan' }];
const vault: PathStep[] = [{ do: { type: 'vault.accessed' } }, { ask: 'jordan' }];

export default {
	id: 'cr-transposed-entry',
	version: 1,
	title: 'Close of day: a few cents out',
	procedure: 'cash-reconciliation',
	level: 'csr2',
	brief:
		'It is 5:05 pm and the counter is closed. Close and reconcile your drawer: blind count, remove the float, compare with the batch, find any difference, prepare the deposit and take it to the vault. Jordan Pike (CSR II) is closing with you.',
	objectives: [
		'Count the drawer blind, by denomination, with each check and the card settlement',
		'Use the locate-differences checklist when the count differs from the batch',
		'Record the variance with an explanation and prepare the deposit slip',
		'Keep the vault drop under dual control'
	],
	competencies: ['C-RECON'],
	persona: null,
	colleagues: [
		{
			id: 'jordan',
			name: 'Jordan Pike',
			level: 'csr2',
			role: 'CSR II',
			acts: { 'slip.verified': { type: 'slip.verified', bagNumber: { $ref: 'refs.bag' } }, 'vault.accessed': { type: 'vault.accessed' } }
		}
	],
	faults: [
		{
			id: 'F-12',
			title: 'A payment keyed with its cents transposed (the difference is divisible by 9)',
			found: { event: 'difference.located', where: { cause: 'transposition' } },
			correctMove: 'The difference divides by 9: compare the batch’s payments with the stub copies, find the transposed entry and record it as the cause.',
			policyRef: '§2 Close (locate differences)'
		},
		{
			id: 'F-16',
			title: 'A colleague offers to do the vault drop alone',
			found: { choice: 'solo-vault.decline' },
			correctMove: 'Decline: the vault is dual control — two different people present, each access logged.',
			policyRef: '§2 Vault under dual control'
		}
	],
	expected: [
		{ id: 'closed', label: 'The batch was closed', check: { outcome: ['closed'] }, policyRef: '§2 Deposit' },
		{ id: 'over-short', label: 'The over/short was recorded for the batch', check: { effect: 'overShort.record', where: { amountCents: { $ref: 'refs.varianceCents' } } }, policyRef: '§2 Variance' },
		{ id: 'slip', label: 'The deposit slip is right (currency + coin + checks − float)', check: { effect: 'deposit.slip', where: { amountCents: { $ref: 'refs.slipCents' } } }, policyRef: '§2 Deposit' },
		{ id: 'cause', label: 'The transposed entry was identified', check: { ctx: 'locate.found', is: { some: { cause: 'transposition' } } }, policyRef: '§2 Close' },
		{ id: 'dual-control', label: 'Two people took the deposit to the vault', check: { all: [{ ctx: 'vault', is: { len: 2 } }, { not: { choice: 'solo-vault.accept' } }] }, policyRef: '§2 Vault under dual control' }
	],
	softOrder: [],
	documentation: [
		{ id: 'explained', label: 'The variance has an explanation note', check: { event: 'variance.explained' }, policyRef: '§2 Variance' },
		{ id: 'explained-cause', label: 'The explanation names the transposed entry', check: { effect: 'overShort.record', where: { explanation: { contains: 'transpos' } } }, policyRef: '§2 Variance' }
	],
	prompts: [
		{
			id: 'solo-vault',
			step: 'vaultFirst',
			from: 'Jordan Pike (CSR II)',
			text: '“I’m heading out anyway — give me the bag and I’ll drop it in the vault on my way. No need for both of us.”',
			blocking: true,
			options: [
				{ id: 'decline', label: '“Thanks, but we both go — the vault is dual control.”', then: 'Jordan shrugs and walks to the vault with you.' },
				{
					id: 'accept',
					label: 'Hand Jordan the bag',
					violation: { rule: 'vault-drop-alone', reason: 'Let a colleague take the deposit to the vault alone.', policyRef: '§2 Vault under dual control', critical: 'dual-control-breach' },
					then: 'Dana Whitfield (supervisor) stops Jordan at the vault door: nobody drops alone. You both go.'
				}
			]
		}
	],
	targetMinutes: 12,
	timeLimitMinutes: 30,
	passMark: 80,
	hints: [
		{ step: 'recount', text: 'Is the difference divisible by 9? Compare each keyed payment with its stub copy.' },
		{ step: 'vaultFirst', text: 'Who must be at the vault?' }
	],
	golden: [
		count,
		removeFloat,
		{ inspect: 'batch-list' },
		{ inspect: 'stubs' },
		{ do: { type: 'checklist.ticked', item: 'transposition' } },
		{ do: { type: 'difference.located', cause: 'transposition', note: { $ref: 'refs.findingNote' }, amountCents: { $ref: 'refs.varianceCents' } } },
		recount,
		{ do: { type: 'variance.explained', note: 'Difference divisible by 9: one cash payment keyed with its cents transposed (see finding). Stub copy attached; account correction requested.' } },
		...slip,
		{ choose: 'solo-vault.decline' },
		...vault
	],
	mistakes: [
		{
			fault: 'F-12',
			description: 'Recounts without using the checklist and explains the variance as unknown.',
			steps: [count, removeFloat, recount, { do: { type: 'variance.explained', note: 'Recounted twice; cause not found.' } }, ...slip, { choose: 'solo-vault.decline' }, ...vault],
			expect: { missed: ['F-12'], passed: true, lost: { outcome: 8, documentation: 5 } }
		},
		{
			fault: 'F-16',
			description: 'Hands the bag to the colleague to drop alone.',
			steps: [
				count,
				removeFloat,
				{ do: { type: 'difference.located', cause: 'transposition', note: { $ref: 'refs.findingNote' }, amountCents: { $ref: 'refs.varianceCents' } } },
				recount,
				{ do: { type: 'variance.explained', note: 'Transposed entry found (see finding).' } },
				...slip,
				{ choose: 'solo-vault.accept' },
				...vault
			],
			expect: { missed: ['F-16'], critical: 'dual-control-breach', passed: false, lost: { compliance: 10, outcome: 8 } }
		}
	],
	world(rng) {
		const date = businessDay(rng);
		const n = rng.int(5, 8);
		const accounts = accountNumbers(rng, n);
		const paid = accounts.map(() => cents(rng, 2500, 30000));
		const k = rng.int(0, n - 1);
		// Cents "ab" keyed as "ba" (a ≠ b): the difference is 9 × (a − b) cents.
		let a = rng.int(0, 9);
		let b = rng.int(0, 9);
		while (a === b) b = rng.int(0, 9);
		if (rng.chance(0.5)) [a, b] = [b, a];
		const dollars = Math.floor(paid[k] / 100) * 100;
		paid[k] = dollars + a * 10 + b;
		const keyed = paid.map((p, i) => (i === k ? dollars + b * 10 + a : p));
		const actualCash = paid.reduce((s, p) => s + p, 0);
		const expectedCash = keyed.reduce((s, p) => s + p, 0);
		const checks = Array.from({ length: rng.int(2, 3) }, () => ({ number: checkNumber(rng), amountCents: cents(rng, 4000, 25000) }));
		const checksCents = checks.reduce((s, c) => s + c.amountCents, 0);
		const cardCents = cents(rng, 10000, 60000);
		const depositCurrency = makeChange(actualCash);
		const drawerName = 'Counter 3';
		const bag = `B-${rng.int(200000, 299999)}`;
		const variance = actualCash - expectedCash;
		return {
			start: { date, time: '17:05' },
			weather: { lowF: rng.int(40, 58), highF: rng.int(60, 85), summary: 'Clear' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName, expected: { cashCents: expectedCash, checks, cardCents } },
			customer: null,
			drawer: {
				name: drawerName,
				contents: addCounts(floatCounts(), depositCurrency),
				checks,
				cardCents,
				note: `The drawer after the last customer, with the card terminal’s settlement slip (${money(cardCents)}) and the day’s stub copies.`
			},
			items: [
				{
					id: 'stubs',
					kind: 'receipt',
					title: 'Stub copies of today’s cash payments',
					summary: `${n} stubs, each initialled at the counter with the cash received.`,
					details: accounts.map((acct, i) => ({ label: `Account ${acct}`, value: `paid ${money(paid[i])} in cash` }))
				},
				{
					id: 'batch-list',
					kind: 'document',
					title: 'Batch report: cash payments as keyed',
					summary: `${drawerName}, ${date}: ${n} cash payments.`,
					details: accounts.map((acct, i) => ({ label: `Account ${acct}`, value: money(keyed[i]) })),
					when: { event: 'float.removed' }
				},
				{ id: 'settlement', kind: 'receipt', title: 'Card terminal settlement slip', summary: `Batch settled: ${money(cardCents)}.`, details: [] }
			],
			accounts: [],
			refs: {
				float: floatCounts(),
				depositCurrency,
				varianceCents: variance,
				slipCents: actualCash + checksCents,
				bag,
				findingNote: `Account ${accounts[k]}: keyed ${money(keyed[k])}, stub shows ${money(paid[k])} (cents transposed).`
			},
			secrets: [
				{ text: money(expectedCash), whileSteps: ['count', 'removeFloat'] },
				{ text: money(keyed[k]), whileSteps: ['count', 'removeFloat'] }
			]
		};
	}
} satisfies Scenario;

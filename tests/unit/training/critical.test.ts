import { describe, expect, it } from 'vitest';
import { trainingStore, T0 } from '$tests/fixtures/attempt-store';
import { scenarioById } from '$scenarios/index';
import { runPath } from '$lib/server/training/paths';
import { resultOf } from '$lib/server/training/repo';
import type { PathStep } from '$scenarios/schema';

/** A scenario's golden path up to (not including) the first step matching `until`. */
function goldenUntil(id: string, until: (s: PathStep) => boolean): PathStep[] {
	const g = scenarioById(id)!.golden;
	const i = g.findIndex(until);
	if (i < 0) throw new Error(`no such step in ${id}`);
	return g.slice(0, i);
}
const isDo = (type: string) => (s: PathStep) => 'do' in s && s.do.type === type;

// Policy §9: an attempted critical move that the machine (or who-may-act check) refuses fails the attempt.
const CASES: { machine: string; scenario: string; move: string; steps: PathStep[]; code: string }[] = [
	{
		machine: 'drawer-opening',
		scenario: 'do-short-float',
		move: 'the cashier verifies their own float',
		steps: [{ do: { type: 'float.counted', counts: { $ref: 'refs.policyFloat' } } }, { do: { type: 'float.verified', counts: { $ref: 'refs.policyFloat' } } }],
		code: 'dual-control-breach'
	},
	{
		machine: 'counter-payment',
		scenario: 'cp-counterfeit-partial',
		move: 'an amount spoken before the payer is verified',
		steps: [...goldenUntil('cp-counterfeit-partial', isDo('payer.verified')), { do: { type: 'balance.disclosed' } }],
		code: 'disclosure-before-verification'
	},
	{
		machine: 'counter-payment',
		scenario: 'cp-counterfeit-partial',
		move: 'a flagged counterfeit accepted anyway',
		steps: [...goldenUntil('cp-counterfeit-partial', isDo('counterfeit.retained')), { do: { type: 'bills.accepted' } }],
		code: 'counterfeit-accepted'
	},
	{
		machine: 'counter-payment',
		scenario: 'cp-restore-after-nsf',
		move: 'the receipt before the reconnect order',
		steps: [...goldenUntil('cp-restore-after-nsf', isDo('reconnect.ordered')), { do: { type: 'receipt.issued' } }],
		code: 'restoration-without-reconnect'
	},
	{
		machine: 'cash-reconciliation',
		scenario: 'cr-transposed-entry',
		move: 'the cashier logs both vault accesses',
		steps: [...goldenUntil('cr-transposed-entry', isDo('vault.accessed')), { do: { type: 'vault.accessed' } }, { do: { type: 'vault.accessed' } }],
		code: 'dual-control-breach'
	},
	{
		machine: 'deposit-decision',
		scenario: 'dd-letter-prior-occupant',
		move: 'a deposit charged where the letter of credit waives it',
		steps: [...goldenUntil('dd-letter-prior-occupant', isDo('waiver.applied')), { do: { type: 'deposit.charged', amountCents: { $ref: 'refs.standardCents' } } }],
		code: 'deposit-waiver-misapplied'
	},
	{
		machine: 'lockoff-day',
		scenario: 'lo-morning-list',
		move: 'dispatching while a kept account has a new exclusion',
		steps: [
			{ do: { type: 'holds.checked' } },
			{ do: { type: 'inbox.applied' } },
			{ do: { type: 'payment.received', accountNumber: { $ref: 'refs.f22' }, ref: { $ref: 'refs.envelopeRef' }, amountCents: { $ref: 'refs.envelopeCents' } } },
			{ do: { type: 'account.pulled', accountNumber: { $ref: 'refs.f22' }, code: 'PAID' } },
			{ do: { type: 'account.kept', accountNumber: { $ref: 'refs.f23' } } },
			{ do: { type: 'account.pulled', accountNumber: { $ref: 'refs.f26' }, code: 'NOTICE' } },
			{ do: { type: 'account.pulled', accountNumber: { $ref: 'refs.f28' }, code: 'BELOW_MIN' } },
			{ do: { type: 'account.pulled', accountNumber: { $ref: 'refs.inboxPaid' }, code: 'PAID' } },
			{ do: { type: 'account.kept', accountNumber: { $ref: 'refs.clean1' } } },
			{ do: { type: 'account.kept', accountNumber: { $ref: 'refs.clean2' } } },
			{ do: { type: 'list.submitted' } },
			{ ask: 'dana' },
			{ do: { type: 'exclusion.recorded', accountNumber: { $ref: 'refs.f23' }, code: 'MEDICAL', memo: { $ref: 'refs.faxMemo' }, dated: { $ref: 'refs.certificateDate' } } },
			{ do: { type: 'orders.dispatched' } }
		],
		code: 'lockoff-excluded-account'
	},
	{
		machine: 'irate-contact',
		scenario: 'ir-high-bill-plan',
		move: 'disclosing the balance before verifying',
		steps: [{ say: 'greet' }, { say: 'name-feeling' }, { say: 'usage-first' }],
		code: 'disclosure-before-verification'
	},
	{
		machine: 'irate-contact',
		scenario: 'ir-son-abusive',
		move: 'ending a threatened contact without signalling a coworker',
		steps: [{ say: 'greet' }, { do: { type: 'customer.threatened', words: 'I know where this office is.' } }, { do: { type: 'contact.ended', why: 'Threatening caller' } }],
		code: 'threat-handled-alone'
	}
];

describe('attempted critical moves fail the attempt (policy §9)', () => {
	it.each(CASES.map((c) => [c.machine, c.move, c] as const))('%s: %s', (_m, _move, c) => {
		const { store, trainee } = trainingStore();
		for (const seed of [3, 17, 2026]) {
			const { attempt, outcomes } = runPath(store, trainee, c.scenario, c.steps, { seed, now: T0 });
			expect(outcomes[outcomes.length - 1].refused).toBe(true);
			const r = resultOf(attempt)!;
			expect(r.critical.map((x) => x.code)).toContain(c.code);
			expect(r.passed).toBe(false);
			expect(r.feedback.some((f) => f.startsWith('Critical:') && f.includes('— policy §'))).toBe(true);
		}
	});
});

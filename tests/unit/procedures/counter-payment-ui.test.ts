import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { counterPaymentMachine, type CounterPaymentEvent, type CounterPaymentInput, type PaymentAccount } from '$machines/counter-payment.machine';
import { activeSteps, listSteps } from '$machines/shared/steps';
import type { Actor } from '$machines/shared/types';
import { actionKey, parseStepAction, stepActions, type StepAction } from '$lib/procedures/step-forms';
import { counterPaymentUi } from '$lib/procedures/ui/counter-payment';
import { policy } from '$lib/policy/settings';
import { fromLocal } from '$lib/domain/calendar';

const by: Actor = { userId: '1', level: 'senior' };
const T = fromLocal('2026-11-03', 10 * 60);
const account: PaymentAccount = {
	accountNumber: '100-010234-07',
	holderName: 'Joan Smyth',
	serviceAddress: '21 Oak St',
	status: 'active',
	cashOnly: false,
	depositHeldCents: 0,
	balanceCents: 15000,
	pastDueCents: 10000,
	lockoffAmountCents: 12500,
	lockoffCause: null,
	afterHoursRestorationsIn12Months: 0,
	authorisedContacts: [{ name: 'Sam Lee', scope: ['balances', 'payments'], validTo: '2027-01-31' }]
};
const active: CounterPaymentInput = { policy, account, batchRef: 'B-7' };
const locked: CounterPaymentInput = { policy, account: { ...account, status: 'locked', lockoffCause: 'nonpayment', lockoffAmountCents: 0 }, batchRef: 'B-7' };
const correction: CounterPaymentInput = {
	...active,
	correction: { originalRef: 'PAY-B-7-100-010234-07-1', amountCents: 6240, tender: 'cash', postedAt: T, batchRef: 'B-7', batchStatus: 'open' }
};

const e = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra, at: T, by }) as unknown as CounterPaymentEvent;
const confirm = e('account.confirmed', { accountNumber: account.accountNumber, holderName: account.holderName, serviceAddress: account.serviceAddress });
const verified = e('payer.verified', { name: 'Joan Smyth', serviceAddress: '21 Oak St', method: 'photo-id' });

/** Every (step, action) the forms offer along a path of events, with the context at that point. */
function offered(input: CounterPaymentInput, events: CounterPaymentEvent[]): { step: string; action: StepAction }[] {
	const actor = createActor(counterPaymentMachine, { input }).start();
	const out: { step: string; action: StepAction }[] = [];
	const look = () => {
		const snap = actor.getSnapshot();
		const step = activeSteps(snap).at(-1);
		if (!step || snap.status !== 'active') return;
		for (const action of stepActions(counterPaymentUi.forms, step.id, { context: snap.context as unknown as Record<string, unknown>, viewer: { level: 'csr1', id: 1 } }))
			out.push({ step: step.id, action });
	};
	look();
	for (const ev of events) {
		actor.send(ev);
		look();
	}
	return out;
}

const PATHS: [CounterPaymentInput, CounterPaymentEvent[]][] = [
	// Active, verified, short of the lock-off amount, a $100 bill flagged and retained, then change counted.
	[active, [confirm, verified, e('amount.entered', { amountCents: 6240 }), e('cash.received', { counts: { d100: 1 } }), e('counterfeit.flagged', { denomination: 'd100' })]],
	[active, [confirm, e('payer.unverified', { name: '' }), e('amount.entered', { amountCents: 6240 }), e('cash.received', { counts: { d20: 4 } }), e('general.warned'), e('change.counted', { changeCents: 1760 }), e('payment.posted'), e('receipt.issued')]],
	// Locked: restoration quoted, paid by card, reconnect ordered.
	[locked, [confirm, verified, e('restoration.standard'), e('amount.entered', { amountCents: 40000 }), e('card.approved', { authCode: '1234' }), e('payment.posted')]],
	// Short of the lock-off amount with a $50 in the cash: the warning stays offered through screening, change and posting.
	[active, [confirm, e('payer.unverified', { name: 'A neighbour' }), e('amount.entered', { amountCents: 6240 }), e('cash.received', { counts: { d50: 1, d20: 1 } }), e('bills.accepted'), e('change.counted', { changeCents: 760 })]],
	[active, [confirm, verified, e('amount.entered', { amountCents: 6240 }), e('cash.received', { counts: { d50: 1, d20: 1 } }), e('bills.accepted'), e('change.counted', { changeCents: 760 })]],
	[correction, []]
];

/** Events a step accepts that the live checklist deliberately does not offer there, and why. */
const NOT_OFFERED: Record<string, string> = {
	// Saying an amount is speech, not a step: the checklist shows who may hear figures instead of logging each disclosure.
	'verifyPayer:balance.disclosed': 'disclosure is not a recorded action in live runs',
	// The §3 warning is about the amount being paid: it cannot be due before the amount is entered.
	'compare:shortfall.warned': 'no amount yet',
	'compare:general.warned': 'no amount yet'
};

describe('counter payment checklist forms', () => {
	const all = PATHS.flatMap(([input, events]) => offered(input, events));

	it('every step of the machine has forms', () => {
		for (const s of listSteps(counterPaymentMachine)) expect(counterPaymentUi.forms[s.id], s.id).toBeDefined();
	});

	it('every event a step accepts is offered by some form (except the documented ones)', () => {
		for (const s of listSteps(counterPaymentMachine)) {
			const events = new Set(all.filter((o) => o.step === s.id).map((o) => o.action.event));
			for (const ev of Object.keys(s.authority ?? {})) if (!NOT_OFFERED[`${s.id}:${ev}`]) expect(events.has(ev), `${s.id} offers ${ev}`).toBe(true);
		}
	});

	it('action keys are unique per step and every form parses a filled-in submission or names the missing field', () => {
		const byStep = new Map<string, string[]>();
		for (const o of all) byStep.set(o.step, [...(byStep.get(o.step) ?? []), actionKey(o.action)]);
		for (const o of all) {
			const r = parseStepAction(o.action, {});
			if (!r.ok) for (const k of Object.keys(r.errors)) expect(o.action.fields.some((f) => k === f.name || k.startsWith(`${f.name}.`)), k).toBe(true);
		}
		// A step offers each action once per render (offered() looks again after each event, hence duplicates across renders).
		const render = offered(active, [confirm, verified, e('amount.entered', { amountCents: 6240 })]).filter((o) => o.step === 'tender');
		expect(new Set(render.map((o) => actionKey(o.action))).size).toBe(render.length);
	});

	it('warns in the right voice: figures to a verified payer, the general warning to anyone else', () => {
		const toHolder = offered(active, [confirm, verified, e('amount.entered', { amountCents: 6240 })]).filter((o) => o.step === 'tender').map((o) => o.action);
		expect(toHolder.find((a) => a.event === 'shortfall.warned')?.intro).toContain('$125.00');
		expect(toHolder.some((a) => a.event === 'general.warned')).toBe(false);
		const toStranger = offered(active, [confirm, e('payer.unverified', { name: '' }), e('amount.entered', { amountCents: 6240 })])
			.filter((o) => o.step === 'tender')
			.map((o) => o.action);
		expect(toStranger.find((a) => a.event === 'general.warned')?.intro).not.toMatch(/\$\d/);
	});

	it('the change step shows the change and sends it as cents', () => {
		const change = offered(active, [confirm, verified, e('amount.entered', { amountCents: 6240 }), e('shortfall.warned'), e('cash.received', { counts: { d20: 4 } })])
			.filter((o) => o.step === 'change')
			.map((o) => o.action)
			.find((a) => a.event === 'change.counted')!;
		expect(change.label).toBe('Change counted back: $17.60');
		expect(parseStepAction(change, {})).toEqual({ ok: true, payload: { type: 'change.counted', changeCents: 1760 } });
	});

	it('parses a check into the nested record the machine checks', () => {
		const check = offered(active, [confirm, verified, e('amount.entered', { amountCents: 6240 })]).find((o) => o.action.event === 'check.accepted')!.action;
		const r = parseStepAction(check, {
			'check.number': '1042',
			'check.payee': 'Riverton Municipal Utilities',
			'check.dated': '2026-11-03',
			'check.writtenAmountCents': '62.40',
			'check.numericAmountCents': '$62.40',
			'check.signed': 'on'
		});
		expect(r).toEqual({
			ok: true,
			payload: {
				type: 'check.accepted',
				check: { number: '1042', payee: 'Riverton Municipal Utilities', dated: '2026-11-03', writtenAmountCents: 6240, numericAmountCents: 6240, signed: true, twoParty: false }
			}
		});
		expect(parseStepAction(check, { 'check.number': '1', 'check.payee': 'x', 'check.dated': 'x', 'check.writtenAmountCents': '6.2.4', 'check.numericAmountCents': '' })).toMatchObject({
			ok: false,
			errors: { 'check.writtenAmountCents': expect.any(String), 'check.numericAmountCents': 'Enter an amount.' }
		});
	});
});

describe('counter payment checklist branches', () => {
	const hidden = (input: CounterPaymentInput) => counterPaymentUi.hiddenSteps!(createActor(counterPaymentMachine, { input }).start().getSnapshot().context as unknown as Record<string, unknown>);

	it('leaves out the branches that cannot apply: restoration for an active account, correction for any payment, payment steps for a correction', () => {
		expect(hidden(active)).toEqual(['restoreOption', 'reconnect', 'correct']);
		expect(hidden(locked)).toEqual(['correct']);
		expect(hidden(correction)).not.toContain('correct');
		expect(hidden(correction)).toEqual(expect.arrayContaining(['identify', 'tender', 'reconnect']));
	});
});

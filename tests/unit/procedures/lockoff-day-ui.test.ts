import { describe, expect, it } from 'vitest';
import { createActor, type AnyMachineSnapshot } from 'xstate';
import { lockoffDayMachine, lockoffDayRules, type LockoffDayEvent, type LockoffDayInput } from '$machines/lockoff-day.machine';
import { listSteps, activeSteps } from '$machines/shared/steps';
import { whyNot } from '$machines/shared/rules';
import type { Actor } from '$machines/shared/types';
import type { AccountFacts } from '$lib/domain/exclusions';
import { fromLocal } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { actionKey, parseStepAction, stepActions, type StepAction } from '$lib/procedures/step-forms';
import { lockoffDayUi } from '$lib/procedures/ui/lockoff-day';

const DAY = '2026-11-17';
const at = (h: number, m = 0) => fromLocal(DAY, h * 60 + m);
const LEAD_ID = 7;
const lead: Actor = { userId: String(LEAD_ID), level: 'csr3' };
const sup: Actor = { userId: '9', level: 'supervisor' };

const acct = (n: string, over: Partial<AccountFacts> = {}, protections: Partial<AccountFacts['protections']> = {}) => ({
	accountNumber: n,
	holder: `Holder ${n}`,
	address: `${n} Oak St`,
	pastDueCents: 12000,
	notice: { mailedOn: '2026-11-03', addressOk: true },
	doorTag: { deliveredOn: '2026-11-14' },
	...over,
	protections: { medicalCertificates: [], plan: 'none' as const, dispute: null, bankruptcy: false, assistancePledgeOn: null, premiseDebtMatch: true, ...protections }
});

// A clean, B paid overnight, C with an 8-day notice, D with a medical certificate, E to H clean.
const input: LockoffDayInput = {
	policy,
	date: DAY,
	forecast: null,
	accounts: [acct('A'), acct('B'), acct('C', { notice: { mailedOn: '2026-11-09', addressOk: true } }), acct('D', {}, { medicalCertificates: [{ issuedOn: '2026-11-01' }] }), acct('E'), acct('F'), acct('G'), acct('H')],
	inbox: [{ ref: '12', accountNumber: 'B', amountCents: 12500, channel: 'drop-box', receivedAt: fromLocal('2026-11-16', 21 * 60) }]
};

/** Sample values a person would type, for each field the form shows. */
function fill(a: StepAction): Record<string, string> {
	const v: Record<string, string> = {};
	for (const f of a.fields) {
		if (f.kind === 'choice') v[f.name] = f.value ?? f.options[0].value;
		if (f.kind === 'money') v[f.name] = '120.00';
		if (f.kind === 'integer') v[f.name] = f.name === 'lowF' ? '45' : '68';
		if (f.kind === 'text') v[f.name] = f.name === 'dated' ? DAY : 'Seen it';
	}
	return v;
}

const viewerFor = (id: number, level: 'csr3' | 'supervisor' = 'csr3') => ({ id, level });

function offered(snap: AnyMachineSnapshot, viewer = viewerFor(LEAD_ID)) {
	const step = activeSteps(snap).at(-1)!;
	return { step: step.id, actions: stepActions(lockoffDayUi.forms, step.id, { context: snap.context as Record<string, unknown>, viewer }) };
}

/** The day walked through the forms: at each step, take the given action keys in order. */
function journey() {
	const a = createActor(lockoffDayMachine, { input }).start();
	const seen: { step: string; snap: AnyMachineSnapshot }[] = [];
	let t = at(7, 50);
	const send = (key: string, by: Actor = lead, typed: Record<string, string> = {}) => {
		const snap = a.getSnapshot() as AnyMachineSnapshot;
		const { step, actions } = offered(snap, by === sup ? viewerFor(9, 'supervisor') : viewerFor(LEAD_ID));
		seen.push({ step, snap });
		const action = actions.find((x) => actionKey(x) === key);
		if (!action) throw new Error(`${key} not offered at ${step}: ${actions.map(actionKey).join(', ')}`);
		const parsed = parseStepAction(action, { ...fill(action), ...typed });
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const event = { ...parsed.payload, at: (t += 60_000), by } as LockoffDayEvent;
		expect(whyNot(a.getSnapshot(), event, lockoffDayRules), `${key} at ${step}`).toBeNull();
		a.send(event);
	};
	send('forecast.entered');
	send('holds.checked');
	send('inbox.applied');
	for (const k of ['account.kept:A', 'account.pulled:B', 'account.pulled:C', 'account.pulled:D', 'account.kept:E', 'account.kept:F', 'account.kept:G', 'account.kept:H']) send(k);
	send('list.submitted');
	// G pays while the list waits for the supervisor: it comes off before approval.
	send('payment.received', lead, { accountNumber: 'G', amountCents: '120.00', ref: 'WEB-9' });
	send('account.pulled:G');
	send('list.approved', sup);
	// A bankruptcy notice for H arrives before dispatch.
	send('exclusion.recorded', lead, { accountNumber: 'H', code: 'BANKRUPTCY', dated: '', memo: 'Chapter 7 notice by fax' });
	send('account.pulled:H');
	send('orders.dispatched');
	send('order.completed:A');
	send('payment.received', lead, { accountNumber: 'A', amountCents: '120.00', ref: 'CTR-1' });
	send('account.pulled:A');
	send('exclusion.recorded', lead, { accountNumber: 'E', code: 'MEDICAL', dated: DAY, memo: 'Faxed certificate' });
	send('account.pulled:E');
	send('order.unable:F', lead, { reason: 'Locked gate' });
	send('day.reconciled');
	return { actor: a, seen };
}

describe('lock-off day checklist forms', () => {
	it('every step with outgoing events offers forms, and the day can be run end to end through them', () => {
		const { actor, seen } = journey();
		expect(actor.getSnapshot().value).toBe('reconciled');
		const stepsWithForms = new Set(seen.filter((s) => offered(s.snap).actions.length > 0).map((s) => s.step));
		expect([...stepsWithForms].sort()).toEqual(listSteps(lockoffDayMachine).map((s) => s.id).sort());
	});

	it('every event a step accepts is offered by some form in that step (reviewing before the inbox, a soft slip, is not invited)', () => {
		const { seen } = journey();
		const accepted = new Map<string, Set<string>>();
		const offeredEvents = new Map<string, Set<string>>();
		for (const { step, snap } of seen) {
			const events = new Set<string>();
			for (const node of snap._nodes) for (const type of Object.keys(node.on ?? {})) events.add(type);
			accepted.set(step, new Set([...(accepted.get(step) ?? []), ...events]));
			const lead = offered(snap).actions.map((a) => a.event);
			const supervisor = offered(snap, viewerFor(9, 'supervisor')).actions.map((a) => a.event);
			offeredEvents.set(step, new Set([...(offeredEvents.get(step) ?? []), ...lead, ...supervisor]));
		}
		const notInvited: Record<string, string[]> = { inbox: ['account.kept', 'account.pulled'] };
		for (const [step, events] of accepted) {
			const missing = [...events].filter((e) => !offeredEvents.get(step)!.has(e) && !(notInvited[step] ?? []).includes(e));
			expect([step, missing]).toEqual([step, []]);
		}
	});

	it('never offers an event its step does not take, and each row is about one listed account', () => {
		const { seen } = journey();
		for (const { step, snap } of seen) {
			for (const a of offered(snap).actions) {
				const parsed = parseStepAction(a, fill(a));
				expect(parsed.ok, `${actionKey(a)} at ${step}`).toBe(true);
				if (!parsed.ok) continue;
				const refusal = whyNot(snap, { ...parsed.payload, at: at(12), by: lead } as LockoffDayEvent, lockoffDayRules);
				expect(refusal?.rule, `${actionKey(a)} at ${step}`).not.toBe('out-of-order');
				if (a.row) expect(parsed.payload.accountNumber).toBe(a.row.id);
			}
		}
	});

	it('the review list preselects the code the facts show, keeps no flagged account, and shows the facts a lead decides on', () => {
		const a = createActor(lockoffDayMachine, { input }).start();
		a.send({ type: 'forecast.entered', lowF: 45, highF: 68, at: at(7, 50), by: lead });
		a.send({ type: 'holds.checked', at: at(8), by: lead });
		a.send({ type: 'inbox.applied', at: at(8, 5), by: lead });
		const { actions } = offered(a.getSnapshot() as AnyMachineSnapshot);
		const code = (n: string) => {
			const f = actions.find((x) => actionKey(x) === `account.pulled:${n}`)?.fields.find((x) => x.kind === 'choice');
			return f?.kind === 'choice' ? f.value : undefined;
		};
		expect([code('B'), code('C'), code('D')]).toEqual(['PAID', 'NOTICE', 'MEDICAL']);
		expect(actions.filter((x) => x.event === 'account.kept').map((x) => x.row?.id)).toEqual(['A', 'E', 'F', 'G', 'H']);
		const facts = actions.find((x) => actionKey(x) === 'account.pulled:C')!.fields.find((f) => f.kind === 'info');
		expect(facts?.kind === 'info' && Object.fromEntries(facts.rows.map((r) => [r.label, r.value]))).toMatchObject({
			'Past due': '$120.00',
			Notice: 'Nov 9 (8 days)',
			'Door tag': 'Nov 14 (3 days)',
			Flags: expect.stringContaining('NOTICE: The notice was mailed 8 days before')
		});
		const d = actions.find((x) => actionKey(x) === 'account.pulled:D')!.fields.find((f) => f.kind === 'info');
		expect(d?.kind === 'info' && d.rows.find((r) => r.label === 'Protections')?.value).toBe('medical certificate Nov 1–Nov 30');
		expect(actions.find((x) => actionKey(x) === 'account.pulled:C')?.row).toMatchObject({ tags: ['Needs a pull'], tone: 'warn' });
	});

	it('only the lead gets the lead’s forms; the approver gets the final list and the decision', () => {
		const { seen } = journey();
		const review = seen.find((s) => s.step === 'review')!.snap;
		expect(offered(review, viewerFor(99)).actions).toEqual([]);
		const approve = seen.find((s) => s.step === 'approve')!.snap;
		const sees = offered(approve, viewerFor(9, 'supervisor')).actions;
		expect(sees.map(actionKey)).toEqual(['list.approved', 'list.returned']);
		const list = sees[0].fields.filter((f) => f.kind === 'info').map((f) => (f.kind === 'info' ? [f.label, f.rows.map((r) => r.label)] : null));
		expect(list).toEqual([
			['To lock off (5)', ['A', 'E', 'F', 'G', 'H']],
			['Pulled (3)', ['B', 'C', 'D']]
		]);
	});

	it('the side panel and the report work at every step and after a held day', () => {
		const { seen, actor } = journey();
		for (const { snap } of [...seen, { snap: actor.getSnapshot() as AnyMachineSnapshot }]) {
			expect(() => lockoffDayUi.captured(snap.context as Record<string, unknown>)).not.toThrow();
			expect(lockoffDayUi.printable(snap.context as Record<string, unknown>).length).toBeGreaterThan(0);
		}
		const held = createActor(lockoffDayMachine, { input: { ...input, forecast: { lowF: 30, highF: 50 } } }).start();
		held.send({ type: 'holds.checked', at: at(8), by: lead });
		const report = lockoffDayUi.printable(held.getSnapshot().context as unknown as Record<string, unknown>);
		expect(report[0].rows).toContainEqual({ label: 'Day held', value: 'WEATHER: Forecast low 30 °F is at or below 32 °F.' });
		expect(report.at(-1)).toEqual({ heading: 'End-of-day reconciliation', text: 'No lock-offs: the day was held.' });
	});
});

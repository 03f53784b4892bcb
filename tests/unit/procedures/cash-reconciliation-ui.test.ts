import { describe, expect, it } from 'vitest';
import { createActor, type AnyMachineSnapshot, type AnyStateNode } from 'xstate';
import { cashReconciliationMachine, type CashReconciliationEvent, type CheckItem } from '$machines/cash-reconciliation.machine';
import { listSteps } from '$machines/shared/steps';
import { cashReconciliationUi } from '$lib/procedures/ui/cash-reconciliation';
import { stepActions } from '$lib/procedures/step-forms';
import { policy } from '$lib/policy/settings';
import { drawerWith, piecesFor } from '$tests/fixtures/drawer-close';

const at = Date.UTC(2026, 10, 3, 1, 0);
const cashier = { userId: '1', level: 'csr2' as const };
const senior = { userId: '2', level: 'senior' as const };
const colleague = { userId: '3', level: 'csr2' as const };
const supervisor = { userId: '4', level: 'supervisor' as const };
const checks: CheckItem[] = [
	{ number: '4821', amountCents: 6240 },
	{ number: '1187', amountCents: 15010 }
];
const expected = { cashCents: 21105, checks, cardCents: 9955 };

/** A close that passes every step: $30.00 short with a check missing (recount, check mismatch, senior, supervisor, explain, deposit, vault). */
function walk(): AnyMachineSnapshot[] {
	const a = createActor(cashReconciliationMachine, { input: { policy, drawerRef: 'Counter 4', expected } }).start();
	const seen: AnyMachineSnapshot[] = [a.getSnapshot()];
	const deposit = expected.cashCents - 3000;
	const events: CashReconciliationEvent[] = [
		{ type: 'count.entered', currency: drawerWith(deposit), checks: checks.slice(0, 1), cardCents: 9955, at, by: cashier },
		{ type: 'float.removed', counts: policy.drawer.floatCounts, at, by: cashier },
		{ type: 'recount.entered', currency: piecesFor(deposit), checks: checks.slice(0, 1), at, by: cashier },
		{ type: 'checkCount.overridden', reason: 'Not found.', at, by: supervisor },
		{ type: 'secondCount.done', currency: piecesFor(deposit), checks: checks.slice(0, 1), at, by: senior },
		{ type: 'supervisor.approved', note: 'Reviewed.', at, by: supervisor },
		{ type: 'variance.explained', note: 'Short.', at, by: cashier },
		{ type: 'slip.prepared', amountCents: deposit + 6240, at, by: cashier },
		{ type: 'slip.verified', bagNumber: 'B-1', at, by: colleague },
		{ type: 'vault.accessed', at, by: cashier },
		{ type: 'vault.accessed', at, by: colleague }
	];
	for (const e of events) {
		a.send(e);
		seen.push(a.getSnapshot());
	}
	expect(a.getSnapshot().value).toBe('closed');
	return seen;
}

const nodeOf = (stateId: string): AnyStateNode => cashReconciliationMachine.getStateNodeById(stateId);

describe('drawer close checklist UI', () => {
	const snapshots = walk();

	it('every step state with outgoing events has a form for each of its events', () => {
		const steps = listSteps(cashReconciliationMachine);
		expect(steps.length).toBeGreaterThanOrEqual(11);
		for (const step of steps) {
			const events = Object.keys(nodeOf(step.stateId).on ?? {});
			if (events.length === 0) continue;
			const snap = snapshots.find((s) => s.value === step.id);
			expect(snap, `the walk reaches ${step.id}`).toBeDefined();
			const actions = stepActions(cashReconciliationUi.forms, step.id, { context: snap!.context as Record<string, unknown>, viewer: { level: 'csr2', id: 1 } });
			const offered = new Set(actions.map((a) => a.event));
			for (const e of events) expect(offered.has(e), `${step.id} offers ${e}`).toBe(true);
			for (const a of actions) expect(events, `${step.id} accepts ${a.event}`).toContain(a.event);
		}
	});

	it('forms, the side panel and the report of the blind steps never mention the batch; the comparison shows from the recount on', () => {
		const marks = ['$211.05', '21105', '$99.55', '4821', '1187', '$150.10', '$62.40'];
		const blind = snapshots.filter((s) => s.hasTag('blindCount'));
		expect(blind.map((s) => s.value)).toEqual(['count', 'removeFloat']);
		for (const s of blind) {
			// The cashier's own typed count may show (and may equal the batch); without it nothing may mention the batch.
			const ctx = { ...(s.context as Record<string, unknown>), firstCount: null };
			const shown = JSON.stringify([
				stepActions(cashReconciliationUi.forms, String(s.value), { context: ctx, viewer: { level: 'csr2', id: 1 } }),
				cashReconciliationUi.captured(ctx),
				cashReconciliationUi.printable(ctx)
			]);
			for (const m of marks) expect(shown, `${String(s.value)} shows ${m}`).not.toContain(m);
		}
		const recount = snapshots.find((s) => s.value === 'recount')!;
		const shown = JSON.stringify(stepActions(cashReconciliationUi.forms, 'recount', { context: recount.context as Record<string, unknown>, viewer: { level: 'csr2', id: 1 } }));
		expect(shown).toContain('batch $211.05');
		expect(shown).toContain('#1187');
	});

	it('the drawer close report carries the deposit slip, the people and the variance', () => {
		const end = snapshots[snapshots.length - 1].context as Record<string, unknown>;
		const names = { '1': 'Morgan Ellis', '2': 'Maria Ortiz', '3': 'Luis Herrera', '4': 'Dana Whitfield' };
		const report = cashReconciliationUi.printable(end, names);
		expect(report.map((s) => s.heading)).toEqual([
			'Drawer close',
			'Comparison with the batch (after the recount and second count)',
			'Variance',
			'Deposit slip',
			'Vault drop (dual control)'
		]);
		const slip = Object.fromEntries(report[3].rows!.map((r) => [r.label, r.value]));
		// Currency + coin + checks − float = deposit (policy §2 Deposit): the float's $200.00 comes back off.
		expect(slip).toMatchObject({ 'Checks (1)': '$62.40', 'Less float': '−$200.00', 'Deposit total': '$243.45', 'Bag number': 'B-1', 'Verified by': 'Luis Herrera' });
		expect(slip.Currency).toBeDefined();
		expect(slip.Coin).toBeDefined();
		expect(report[3].table).toEqual([
			['Check number', 'Amount'],
			['4821', '$62.40']
		]);
		const variance = Object.fromEntries(report[2].rows!.map((r) => [r.label, r.value]));
		expect(variance).toMatchObject({ 'Over/short': 'short $180.10', Explanation: 'Short.', 'Incident report': 'filed', Supervisor: 'Dana Whitfield: Reviewed.' });
		expect(Object.fromEntries(report[4].rows!.map((r) => [r.label, r.value]))).toEqual({ 'First person (cashier)': 'Morgan Ellis', 'Second person': 'Luis Herrera' });
	});
});

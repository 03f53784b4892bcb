/**
 * A live drawer close end to end through the same path the run page takes: the start module reads
 * the open batch, each step's form is parsed by parseStepAction and sent through the runner, and the
 * shared-sandbox World applies the effects (over/short ledger, deposit, vault log, batch closed).
 */
import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { checkFields, drawerWith, gridFields, piecesFor, seedOpenBatch, type SeededBatch } from '$tests/fixtures/drawer-close';
import { insertUser } from '$lib/server/repos/users';
import { loadRun, restoreSnapshot, sendEvent } from '$lib/server/procedures/runner';
import { startProcedure } from '$lib/server/procedures/start';
import { buildRunView } from '$lib/server/procedures/view';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { activeSteps } from '$machines/shared/steps';
import { formatCents } from '$lib/domain/money';
import { policy } from '$lib/policy/settings';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';
import type { Store } from '$lib/server/store';

const T0 = Date.UTC(2026, 10, 3, 1, 0); // 17:00 local on Nov 2

function setup() {
	const store = testStore();
	const mk = (username: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName: `${username} name`, level, isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
		return { id, username, displayName: `${username} name`, level, isAdmin: false, teamId: null };
	};
	const batch = seedOpenBatch(store);
	return { store, batch, cashier: mk('morgan', 'csr2'), senior: mk('maria', 'senior'), colleague: mk('luis', 'csr2'), supervisor: mk('dana', 'supervisor') };
}

/** Submits the current step's form `key` with `form` as `by`, exactly as the run page's action does. */
function submit(store: Store, runId: number, by: SessionUser, key: string, form: Record<string, string>, at = T0) {
	const run = loadRun(store, runId)!;
	const snap = restoreSnapshot(run);
	const steps = activeSteps(snap);
	const step = steps[steps.length - 1];
	const action = stepActions(PROCEDURE_UI[run.procedure]!.forms, step.id, { context: snap.context as Record<string, unknown>, viewer: { level: by.level, id: by.id } }).find(
		(a) => actionKey(a) === key
	);
	if (!action) throw new Error(`step ${step.id} offers no action ${key}`);
	const parsed = parseStepAction(action, form);
	if (!parsed.ok) throw new Error(`form errors: ${JSON.stringify(parsed.errors)}`);
	const r = sendEvent(store, sandboxWorld(store.db.$client), by, runId, run.version, parsed.payload, at);
	if (!r.ok) throw new Error(`step ${step.id} ${key} not applied: ${JSON.stringify(r)}`);
	return r.run;
}

/** Everything the browser receives for the run page and the print page, as text. */
function shipped(store: Store, runId: number, viewer: SessionUser): string {
	const run = loadRun(store, runId)!;
	const ctx = restoreSnapshot(run).context as Record<string, unknown>;
	return JSON.stringify({ view: buildRunView(store, run, viewer), print: PROCEDURE_UI[run.procedure]!.printable(ctx) });
}

/** Every way an expected total could show: formatted dollars, raw cents and the batch's check numbers. */
function expectedMarks(b: SeededBatch): RegExp[] {
	const amounts = [b.cashCents, b.cardCents, b.checks.reduce((s, c) => s + c.amountCents, 0), ...b.checks.map((c) => c.amountCents), b.cashCents + b.checks.reduce((s, c) => s + c.amountCents, 0)];
	return [
		...amounts.map((c) => new RegExp(formatCents(c).replace(/[$.]/g, (m) => `\\${m}`))),
		...amounts.map((c) => new RegExp(`(?<![0-9])${c}(?![0-9])`)),
		...b.checks.map((c) => new RegExp(`(?<![0-9])${c.number}(?![0-9])`))
	];
}

const SHORT = 700;

describe('a live drawer close (cash reconciliation) through runner, sandbox World and step forms', () => {
	it('closes a drawer $7.00 short: recount, senior second count, explanation, slip verified, dual-control vault drop, batch closed', () => {
		const { store, batch, cashier, senior, colleague } = setup();
		const started = startProcedure(store, cashier, 'cash-reconciliation', { subject: 'Counter 4' }, T0);
		expect(started.ok).toBe(true);
		if (!started.ok) return;
		const id = started.runId;
		const deposit = batch.cashCents - SHORT;

		submit(store, id, cashier, 'count.entered', { ...gridFields('currency', drawerWith(deposit)), ...checkFields(batch.checks), cardCents: '99.55' });
		submit(store, id, cashier, 'float.removed', gridFields('counts', policy.drawer.floatCounts));
		expect(loadRun(store, id)!.stepId).toBe('recount');
		submit(store, id, cashier, 'checklist.ticked', { item: 'stuck-bills' });
		const recount = { ...gridFields('currency', piecesFor(deposit)), ...checkFields(batch.checks) };
		submit(store, id, cashier, 'recount.entered', recount);
		expect(loadRun(store, id)).toMatchObject({ stepId: 'seniorCount', status: 'awaiting_verification' });
		// The cashier cannot give the senior count; the senior can.
		const self = sendEvent(store, sandboxWorld(store.db.$client), cashier, id, loadRun(store, id)!.version, { type: 'secondCount.done', currency: piecesFor(deposit), checks: batch.checks }, T0);
		expect(self).toMatchObject({ ok: false, kind: 'forbidden' });
		submit(store, id, senior, 'secondCount.done', recount);
		expect(loadRun(store, id)!.stepId).toBe('explain');
		submit(store, id, cashier, 'variance.explained', { note: 'Recounted, senior counted: $7.00 short, not found.' });
		submit(store, id, cashier, 'slip.prepared', { amountCents: formatCents(deposit + 6240 + 15010).replace(/[$,]/g, '') });
		submit(store, id, colleague, 'slip.verified', { bagNumber: 'RMU-261102-4' });
		submit(store, id, cashier, 'vault.accessed', {});
		// Nobody does the vault drop alone: the cashier cannot be the second vault person.
		const alone = sendEvent(store, sandboxWorld(store.db.$client), cashier, id, loadRun(store, id)!.version, { type: 'vault.accessed' }, T0);
		expect(alone.ok).toBe(false);
		const done = submit(store, id, colleague, 'vault.accessed', {});
		expect(done).toMatchObject({ status: 'completed', outcome: 'closed' });

		const db = store.db.$client;
		expect(db.prepare('SELECT batch_id AS batchId, amount_cents AS amount, explanation, recorded_by AS who FROM cash_over_short').all()).toEqual([
			{ batchId: batch.batchId, amount: -SHORT, explanation: 'Recounted, senior counted: $7.00 short, not found.', who: 'morgan' }
		]);
		expect(db.prepare('SELECT status, deposit_cents AS deposit, bag_number AS bag, closed_at IS NOT NULL AS closed FROM batches WHERE id = ?').get(batch.batchId)).toEqual({
			status: 'closed',
			deposit: deposit + 6240 + 15010,
			bag: 'RMU-261102-4',
			closed: 1
		});
		expect(db.prepare('SELECT drawer_name AS drawer, user_id AS who, run_id AS run FROM vault_log ORDER BY id').all()).toEqual([
			{ drawer: 'Counter 4', who: String(cashier.id), run: id },
			{ drawer: 'Counter 4', who: String(colleague.id), run: id }
		]);
		expect(db.prepare('SELECT count(*) AS n FROM incident_reports').get()).toEqual({ n: 0 });

		const report = JSON.stringify(PROCEDURE_UI['cash-reconciliation'].printable(restoreSnapshot(loadRun(store, id)!).context as Record<string, unknown>, { [String(colleague.id)]: 'Luis H.', [String(cashier.id)]: 'Morgan E.' }));
		for (const text of ['short $7.00', 'RMU-261102-4', 'Verified by', 'Luis H.', 'Morgan E.', 'Less float', '−$200.00', '4821', 'Recounted, senior counted'])
			expect(report).toContain(text);
	});

	it('shows no expected total, nor anything derived from one, until the count is in and the float is out', () => {
		const { store, batch, cashier } = setup();
		const started = startProcedure(store, cashier, 'cash-reconciliation', { subject: 'Counter 4' }, T0);
		if (!started.ok) throw new Error(started.message);
		const id = started.runId;
		const marks = expectedMarks(batch);
		const leaks = () => marks.filter((m) => m.test(shipped(store, id, cashier))).map(String);
		expect(leaks()).toEqual([]);
		// A count without the checks or the cash taken: the page shows what was typed, still nothing of the batch.
		submit(store, id, cashier, 'count.entered', { ...gridFields('currency', drawerWith(1000)), cardCents: '0' });
		expect(loadRun(store, id)!.stepId).toBe('removeFloat');
		expect(leaks()).toEqual([]);
		// Once the float is out, the comparison is the point of the page.
		submit(store, id, cashier, 'float.removed', gridFields('counts', policy.drawer.floatCounts));
		expect(leaks().length).toBeGreaterThan(0);
		expect(shipped(store, id, cashier)).toContain(formatCents(batch.cashCents));
	});

	it('a variance of $25.00 or more also needs the supervisor and files an incident report; a missing check needs a written override', () => {
		const { store, batch, cashier, senior, colleague, supervisor } = setup();
		const started = startProcedure(store, cashier, 'cash-reconciliation', { subject: 'Counter 4' }, T0);
		if (!started.ok) throw new Error(started.message);
		const id = started.runId;
		const deposit = batch.cashCents - 3000;
		const oneCheck = batch.checks.slice(0, 1);
		submit(store, id, cashier, 'count.entered', { ...gridFields('currency', drawerWith(deposit)), ...checkFields(oneCheck), cardCents: '99.55' });
		submit(store, id, cashier, 'float.removed', gridFields('counts', policy.drawer.floatCounts));
		const recount = { ...gridFields('currency', piecesFor(deposit)), ...checkFields(oneCheck) };
		submit(store, id, cashier, 'recount.entered', recount);
		expect(loadRun(store, id)!.stepId).toBe('checkMismatch');
		submit(store, id, supervisor, 'checkCount.overridden', { reason: 'Check #1187 not in the drawer; customer called, bank confirmed.' });
		submit(store, id, senior, 'secondCount.done', recount);
		expect(loadRun(store, id)!.stepId).toBe('supervisorReview');
		submit(store, id, supervisor, 'supervisor.approved', { note: 'Reviewed; cash short $30.00 and check #1187 missing.' });
		submit(store, id, cashier, 'variance.explained', { note: 'Short $30.00 cash and one check.' });
		submit(store, id, cashier, 'slip.prepared', { amountCents: String((deposit + 6240) / 100) });
		submit(store, id, colleague, 'slip.verified', { bagNumber: 'B-2' });
		submit(store, id, cashier, 'vault.accessed', {});
		submit(store, id, colleague, 'vault.accessed', {});
		const db = store.db.$client;
		expect(db.prepare('SELECT amount_cents AS a FROM cash_over_short').all()).toEqual([{ a: -3000 - 15010 }]);
		const incident = db.prepare('SELECT run_id AS run, summary FROM incident_reports').get() as { run: number; summary: string };
		expect(incident.run).toBe(id);
		expect(incident.summary).toContain('short $180.10');
	});

	it('says clearly why a close cannot start: no drawer, no open batch, a close already under way', () => {
		const { store, cashier } = setup();
		const start = (subject: string) => startProcedure(store, cashier, 'cash-reconciliation', { subject }, T0);
		expect(start('Counter 9')).toMatchObject({ ok: false, field: 'subject', message: expect.stringContaining('no drawer called') });
		store.db.$client.prepare("INSERT INTO drawers (name, location) VALUES ('Counter 1', 'Front')").run();
		expect(start('Counter 1')).toMatchObject({ ok: false, message: expect.stringContaining('has no open batch') });
		expect(start('Counter 4').ok).toBe(true);
		expect(start('Counter 4')).toMatchObject({ ok: false, message: expect.stringContaining('already being closed') });
	});

	it('a CSR I closes only with a supervising senior', () => {
		const { store } = setup();
		const id = insertUser(store, { username: 'alex', displayName: 'Alex', level: 'csr1', isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
		const csr1: SessionUser = { id, username: 'alex', displayName: 'Alex', level: 'csr1', isAdmin: false, teamId: null };
		expect(startProcedure(store, csr1, 'cash-reconciliation', { subject: 'Counter 4' }, T0)).toMatchObject({ ok: false, field: 'supervisor' });
		const r = startProcedure(store, csr1, 'cash-reconciliation', { subject: 'Counter 4', supervisor: 'maria' }, T0);
		expect(r.ok).toBe(true);
		if (r.ok) expect(loadRun(store, r.runId)!.supervisorId).not.toBeNull();
	});
});

/**
 * Lock-off day as a live run on the generated sandbox (300 accounts, seed 42, Monday 2026-11-02, the
 * e2e sandbox): started through startProcedure, each step submitted as the run page does (the
 * step's forms → parseStepAction → sendEvent) and its effects applied to the shared-sandbox World.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { insertUser } from '$lib/server/repos/users';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { startProcedure } from '$lib/server/procedures/start';
import { loadRun, restoreSnapshot, sendEvent, type StepResult } from '$lib/server/procedures/runner';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { verificationQueue } from '$lib/server/procedures/queue';
import { activeSteps } from '$machines/shared/steps';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { lockoffDayUi } from '$lib/procedures/ui/lockoff-day';
import { fromLocal } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import type { LockoffDayContext } from '$machines/lockoff-day.machine';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';
import type { Store } from '$lib/server/store';

const DAY = '2026-11-02';
const at = (h: number, m = 0, date = DAY) => fromLocal(date, h * 60 + m);

function setup() {
	const store = testStore();
	generateSandbox(store.db.$client, { accounts: 300, seed: 42, today: DAY });
	const mk = (username: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName: username, level, isAdmin: false, hireDate: '2020-01-01', teamId: null, passwordHash: 'x' }, at(7));
		return { id, username, displayName: username, level, isAdmin: false, teamId: null };
	};
	return { store, world: sandboxWorld(store.db.$client), lead: mk('lead', 'csr3'), sup: mk('sup', 'supervisor'), csr2: mk('csr2', 'csr2'), senior: mk('senior', 'senior') };
}

type World = ReturnType<typeof setup>;

/** What the run page would show `viewer` at the current step, and the context behind it. */
function current(store: Store, runId: number, viewer: SessionUser) {
	const run = loadRun(store, runId)!;
	const snap = restoreSnapshot(run);
	const step = activeSteps(snap).at(-1);
	const context = snap.context as unknown as LockoffDayContext;
	const actions = step ? stepActions(lockoffDayUi.forms, step.id, { context: snap.context as Record<string, unknown>, viewer: { level: viewer.level, id: viewer.id } }) : [];
	return { run, step: step?.id, context, actions };
}

/** Submits one action as the form would: its preselected choices, plus what the person typed. */
function submit(w: World, runId: number, who: SessionUser, key: string, typed: Record<string, string>, t: number, by: SessionUser = who): StepResult {
	const { run, actions } = current(w.store, runId, who);
	const action = actions.find((a) => actionKey(a) === key);
	if (!action) throw new Error(`no action ${key} at ${run.stepId}: ${actions.map(actionKey).join(', ')}`);
	const form: Record<string, string> = {};
	for (const f of action.fields) if (f.kind === 'choice' && f.value) form[f.name] = f.value;
	const parsed = parseStepAction(action, { ...form, ...typed });
	if (!parsed.ok) throw new Error(`form errors: ${JSON.stringify(parsed.errors)}`);
	return sendEvent(w.store, w.world, by, runId, run.version, parsed.payload, t);
}

const ok = (r: StepResult) => {
	if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.kind === 'refused' ? r.refusal : r.kind === 'forbidden' ? r.reason : r.kind)}`);
	return r;
};
const one = <T>(store: Store, sql: string, ...p: unknown[]) => store.db.$client.prepare(sql).get(...p) as T;
const all = <T>(store: Store, sql: string, ...p: unknown[]) => store.db.$client.prepare(sql).all(...p) as T[];

describe('lock-off day, live on the generated sandbox', () => {
	let w: World;
	let runId: number;
	let showcase: { paid: string; medical: string; notice8: string };
	beforeAll(() => {
		w = setup();
		showcase = {
			paid: one<{ n: string }>(w.store, "SELECT i.account_number AS n FROM payment_inbox i JOIN notices t ON t.account_id = (SELECT id FROM accounts WHERE number = i.account_number) AND t.lockoff_date = ? WHERE i.posted_entry_id IS NULL AND i.amount_cents >= t.amount_cents ORDER BY i.id LIMIT 1", DAY).n,
			medical: one<{ n: string }>(w.store, "SELECT a.number AS n FROM protections p JOIN accounts a ON a.id = p.account_id JOIN notices t ON t.account_id = a.id AND t.lockoff_date = ? WHERE p.kind = 'medical' AND p.status = 'active' AND p.starts_on <= ? AND p.ends_on >= ? ORDER BY a.number LIMIT 1", DAY, DAY, DAY).n,
			notice8: one<{ n: string }>(w.store, "SELECT a.number AS n FROM notices t JOIN accounts a ON a.id = t.account_id WHERE t.kind = 'lockoff-notice' AND t.lockoff_date = ? AND julianday(t.lockoff_date) - julianday(t.issued_on) = 8", DAY).n
		};
	});

	it('refuses a day the machine would hold, with its reason; starts on a lock-off morning with today’s list', () => {
		const friday = startProcedure(w.store, w.lead, 'lockoff-day', {}, at(8, 0, '2026-11-06'));
		expect(friday).toMatchObject({ ok: false, message: expect.stringContaining('Monday to Thursday') });
		const late = startProcedure(w.store, w.lead, 'lockoff-day', {}, at(14, 1));
		expect(late).toMatchObject({ ok: false, message: expect.stringContaining('No new lock-offs after 2:00 pm') });
		const eve = startProcedure(w.store, w.lead, 'lockoff-day', {}, at(8, 0, '2026-11-10'));
		expect(eve).toMatchObject({ ok: false, message: expect.stringContaining('Veterans Day') });
		expect(startProcedure(w.store, w.csr2, 'lockoff-day', {}, at(8))).toMatchObject({ ok: false, field: 'supervisor' });

		const r = startProcedure(w.store, w.lead, 'lockoff-day', {}, at(8));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		runId = r.runId;
		const { run, context } = current(w.store, runId, w.lead);
		expect(run.subject).toBe('Monday 2026-11-02');
		expect(context.date).toBe(DAY);
		expect(context.forecast).toBeNull();
		expect(context.list.length).toBeGreaterThanOrEqual(10);
		for (const n of Object.values(showcase)) expect(context.list.map((x) => x.accountNumber)).toContain(n);
		expect(context.inbox.map((i) => i.accountNumber)).toContain(showcase.paid);
		// One list per day.
		expect(startProcedure(w.store, w.lead, 'lockoff-day', {}, at(8, 1))).toMatchObject({ ok: false, message: expect.stringContaining(`run #${runId}`) });
	});

	it('the lead enters the forecast, checks the holds and posts the overnight inbox to the ledger', () => {
		expect(() => submit(w, runId, w.lead, 'forecast.entered', { lowF: '44', highF: '200' }, at(8, 2))).toThrow(/whole number from -60 to 140/);
		expect(submit(w, runId, w.lead, 'forecast.entered', { lowF: '70', highF: '44' }, at(8, 2))).toMatchObject({ ok: false, kind: 'refused', refusal: { rule: 'forecast-invalid' } });
		ok(submit(w, runId, w.lead, 'forecast.entered', { lowF: '44', highF: '68' }, at(8, 2)));
		ok(submit(w, runId, w.lead, 'holds.checked', {}, at(8, 3)));
		const before = all<{ id: number }>(w.store, 'SELECT id FROM payment_inbox WHERE posted_entry_id IS NULL');
		const inbox = current(w.store, runId, w.lead).context.inbox;
		ok(submit(w, runId, w.lead, 'inbox.applied', {}, at(8, 5)));
		expect(all(w.store, 'SELECT id FROM payment_inbox WHERE posted_entry_id IS NULL').length).toBe(before.length - inbox.length);
		const posted = one<{ n: number; total: number }>(w.store, "SELECT count(*) AS n, sum(amount_cents) AS total FROM ledger_entries WHERE ref LIKE 'inbox:%'");
		expect(posted).toEqual({ n: inbox.length, total: -inbox.reduce((s, i) => s + i.amountCents, 0) });
	});

	it('reviews every row: each flagged account pulled with its preselected code, the rest kept; the showcase accounts get PAID, MEDICAL, NOTICE', () => {
		const first = current(w.store, runId, w.lead);
		expect(first.step).toBe('review');
		const codeOf = (n: string) => {
			const a = first.actions.find((x) => actionKey(x) === `account.pulled:${n}`);
			const f = a?.fields.find((x) => x.kind === 'choice');
			return f?.kind === 'choice' ? f.value : undefined;
		};
		expect([codeOf(showcase.paid), codeOf(showcase.medical), codeOf(showcase.notice8)]).toEqual(['PAID', 'MEDICAL', 'NOTICE']);
		// A flagged account has no keep action: keeping it would be refused by the machine anyway.
		expect(first.actions.some((a) => actionKey(a) === `account.kept:${showcase.paid}`)).toBe(false);

		let t = at(8, 10);
		const ms: number[] = [];
		for (;;) {
			const { actions } = current(w.store, runId, w.lead);
			const row = actions.find((a) => a.row && !a.row.secondary);
			if (!row) break;
			const started = performance.now();
			ok(submit(w, runId, w.lead, actionKey(row), {}, (t += 10_000)));
			ms.push(performance.now() - started);
		}
		ms.sort((a, b) => a - b);
		console.info(`lock-off review: ${ms.length} rows, median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms per step (forms + parse + runner + world)`);
		const { context } = current(w.store, runId, w.lead);
		const entry = (n: string) => context.list.find((x) => x.accountNumber === n)!;
		expect([entry(showcase.paid).pullCode, entry(showcase.medical).pullCode, entry(showcase.notice8).pullCode]).toEqual(['PAID', 'MEDICAL', 'NOTICE']);
		expect(context.list.every((x) => x.state === 'kept' || x.state === 'excluded')).toBe(true);
		const pulls = all<{ account_number: string; code: string; run_id: number }>(w.store, 'SELECT account_number, code, run_id FROM lockoff_pulls ORDER BY id');
		expect(pulls.length).toBe(context.list.filter((x) => x.state === 'excluded').length);
		expect(pulls).toContainEqual({ account_number: showcase.notice8, code: 'NOTICE', run_id: runId });
		ok(submit(w, runId, w.lead, 'list.submitted', {}, at(9)));
		expect(loadRun(w.store, runId)!.status).toBe('awaiting_verification');
	});

	it('the supervisor approves the list (never the lead); dispatch makes one lock-off order per kept account', () => {
		expect(submit(w, runId, w.lead, 'list.approved', {}, at(9, 30))).toMatchObject({ ok: false, kind: 'forbidden' });
		// It waits in the supervisor's "To verify" queue, not in a CSR's or a senior's.
		expect(verificationQueue(w.store, w.sup).map((q) => [q.id, q.stepTitle])).toEqual([[runId, 'Supervisor approves the final list']]);
		expect(verificationQueue(w.store, w.senior)).toEqual([]);
		// The supervisor sees only the approval, not the lead's forms.
		expect(current(w.store, runId, w.sup).actions.map(actionKey)).toEqual(['list.approved', 'list.returned']);
		ok(submit(w, runId, w.lead, 'list.approved', {}, at(9, 30), w.sup));
		ok(submit(w, runId, w.lead, 'orders.dispatched', {}, at(9, 45)));
		const kept = current(w.store, runId, w.lead).context.list.filter((x) => x.state === 'dispatched');
		const orders = all<{ ref: string; status: string; scheduled_for: string; priority: string }>(w.store, "SELECT ref, status, scheduled_for, priority FROM work_orders WHERE kind = 'lockoff' AND created_at = ?", at(9, 45));
		expect(orders.map((o) => o.ref).sort()).toEqual(kept.map((x) => `LO-${DAY}-${x.accountNumber}`).sort());
		expect(new Set(orders.map((o) => `${o.status} ${o.scheduled_for} ${o.priority}`))).toEqual(new Set([`open ${DAY} same-day`]));
	});

	it('in the field: a lock, then that account pays → a same-day reconnect order; a faxed certificate pulls another order with its time; unable and tamper; fees only on locks', () => {
		const out = current(w.store, runId, w.lead).context.list.filter((x) => x.state === 'dispatched').map((x) => x.accountNumber);
		expect(out.length).toBeGreaterThanOrEqual(5);
		const [locked, faxed, unable, tamper, ...rest] = out;
		const accountId = (n: string) => one<{ id: number }>(w.store, 'SELECT id FROM accounts WHERE number = ?', n).id;

		ok(submit(w, runId, w.lead, `order.completed:${locked}`, {}, at(10, 30)));
		expect(one(w.store, 'SELECT status FROM accounts WHERE number = ?', locked)).toEqual({ status: 'locked' });
		// The holder pays the past-due at the counter after the crew locked the meter.
		const owed = current(w.store, runId, w.lead).context.accounts.find((a) => a.accountNumber === locked)!.pastDueCents;
		ok(submit(w, runId, w.lead, 'payment.received', { accountNumber: locked, amountCents: '10.00', ref: 'CTR-5520' }, at(11, 10)));
		// $10 does not clear the past-due: no reconnect is offered yet.
		expect(current(w.store, runId, w.lead).actions.some((a) => actionKey(a) === `account.pulled:${locked}`)).toBe(false);
		ok(submit(w, runId, w.lead, 'payment.received', { accountNumber: locked, amountCents: (owed / 100).toFixed(2), ref: 'CTR-5521' }, at(11, 20)));
		const reconnect = current(w.store, runId, w.lead).actions.find((a) => actionKey(a) === `account.pulled:${locked}`);
		expect(reconnect?.label).toBe('Order the reconnect');
		ok(submit(w, runId, w.lead, `account.pulled:${locked}`, {}, at(11, 25)));
		expect(one(w.store, "SELECT kind, status, scheduled_for AS on_, priority FROM work_orders WHERE ref = ?", `RC-${DAY}-${locked}`)).toEqual({ kind: 'reconnect', status: 'open', on_: DAY, priority: 'same-day' });
		// Two payment notes and the reconnect note.
		expect(all(w.store, "SELECT body FROM account_notes WHERE account_id = ? AND category = 'lockoff'", accountId(locked)).length).toBe(3);

		ok(submit(w, runId, w.lead, 'exclusion.recorded', { accountNumber: faxed, code: 'MEDICAL', dated: DAY, memo: 'Certificate faxed by Riverton Family Clinic' }, at(10, 40)));
		expect(one(w.store, "SELECT kind, status, starts_on AS s, ends_on AS e FROM protections WHERE account_id = ? ORDER BY id DESC LIMIT 1", accountId(faxed))).toEqual({ kind: 'medical', status: 'active', s: DAY, e: '2026-12-01' });
		// Completing that order now would lock off an excluded account: the form is not even offered.
		expect(current(w.store, runId, w.lead).actions.some((a) => actionKey(a) === `order.completed:${faxed}`)).toBe(false);
		ok(submit(w, runId, w.lead, `account.pulled:${faxed}`, {}, at(10, 42)));
		expect(one(w.store, 'SELECT status, resolved_at AS t, memo FROM work_orders WHERE ref = ?', `LO-${DAY}-${faxed}`)).toEqual({ status: 'pulled', t: at(10, 42), memo: 'MEDICAL' });

		ok(submit(w, runId, w.lead, `order.unable:${unable}`, { reason: 'Dog loose in the yard' }, at(11)));
		ok(submit(w, runId, w.lead, `order.tamper:${tamper}`, { note: 'Lock cut, meter turned back on' }, at(11, 5)));
		expect(submit(w, runId, w.lead, 'day.reconciled', {}, at(15))).toMatchObject({ ok: false, kind: 'refused', refusal: { rule: 'orders-unresolved' } });
		let t = at(12);
		for (const n of rest) ok(submit(w, runId, w.lead, `order.completed:${n}`, {}, (t += 60_000)));
		ok(submit(w, runId, w.lead, 'day.reconciled', {}, at(16)));

		const run = loadRun(w.store, runId)!;
		expect(run).toMatchObject({ status: 'completed', outcome: 'reconciled' });
		const fees = all<{ number: string; amount: number }>(w.store, "SELECT a.number, l.amount_cents AS amount FROM ledger_entries l JOIN accounts a ON a.id = l.account_id WHERE l.ref LIKE 'FEE-LO-%'");
		expect(fees.map((f) => f.number).sort()).toEqual([locked, ...rest].sort());
		expect(new Set(fees.map((f) => f.amount))).toEqual(new Set([policy.delinquency.lockoffFeeCents]));
		expect(one(w.store, 'SELECT status, memo FROM work_orders WHERE ref = ?', `LO-${DAY}-${tamper}`)).toEqual({ status: 'tamper', memo: 'Lock cut, meter turned back on' });
		expect(all(w.store, "SELECT 1 FROM account_notes WHERE category = 'tamper' AND account_id = ?", accountId(tamper)).length).toBe(1);
		expect(all(w.store, "SELECT 1 FROM work_orders WHERE kind = 'lockoff' AND status = 'open' AND scheduled_for = ?", DAY)).toEqual([]);

		const { context } = current(w.store, runId, w.lead);
		const report = lockoffDayUi.printable(context as unknown as Record<string, unknown>);
		expect(report.map((s) => s.heading)).toEqual([`Lock-off day ${DAY}`, 'The list, decisions and orders', 'Arrived during the day', 'Lock-off fees (completed locks only)', 'End-of-day reconciliation']);
		const list = report[1].table!;
		expect(list[0]).toEqual(['Account', 'Holder and address', 'Past due', 'List', 'Lock-off order', 'Reconnect']);
		expect(list.find((r) => r[0] === showcase.medical)?.[3]).toBe('pulled: MEDICAL');
		expect(list.find((r) => r[0] === locked)?.slice(3)).toEqual(['kept', 'locked 10:30 am', `RC-${DAY}-${locked} (PAID)`]);
		expect(list.find((r) => r[0] === faxed)?.slice(3)).toEqual(['kept', 'pulled 10:42 am: MEDICAL', '—']);
		expect(list.find((r) => r[0] === unable)?.[4]).toBe('unable 11:00 am: Dog loose in the yard');
		expect(report[3].table!.at(-1)).toEqual(['Total', '', `$${((rest.length + 1) * policy.delinquency.lockoffFeeCents / 100).toFixed(2)}`]);
		expect(report[4].rows).toContainEqual({ label: 'Check', value: 'every order resolved' });
		expect(lockoffDayUi.captured(context as unknown as Record<string, unknown>)).toContainEqual({ label: 'Reconnects ordered', value: '1' });
	});
});

describe('lock-off day led by a CSR II with a supervising senior (ladder.md)', () => {
	it('starts supervised, and the CSR II’s steps go through (the run page asks the senior to confirm each)', () => {
		const w = setup();
		const r = startProcedure(w.store, w.csr2, 'lockoff-day', { supervisor: 'senior' }, at(8));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(loadRun(w.store, r.runId)!.supervisorId).toBe(w.senior.id);
		ok(submit(w, r.runId, w.csr2, 'forecast.entered', { lowF: '30', highF: '52' }, at(8, 1)));
		ok(submit(w, r.runId, w.csr2, 'holds.checked', {}, at(8, 2)));
		// A freezing forecast holds the day: the run ends, nothing reaches the sandbox.
		expect(loadRun(w.store, r.runId)).toMatchObject({ status: 'completed', outcome: 'held' });
		expect(current(w.store, r.runId, w.csr2).context.hold?.code).toBe('WEATHER');
		expect(all(w.store, "SELECT 1 FROM payment_inbox WHERE posted_entry_id IS NOT NULL")).toEqual([]);
		// A held day may be started again (e.g. the forecast was mistyped); the new run is a new record.
		expect(startProcedure(w.store, w.lead, 'lockoff-day', {}, at(8, 10)).ok).toBe(true);
	});
});

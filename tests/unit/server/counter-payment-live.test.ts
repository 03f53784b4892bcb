import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { insertUser } from '$lib/server/repos/users';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { loadRun, restoreSnapshot, sendEvent, startRun, type StepResult } from '$lib/server/procedures/runner';
import { startProcedure } from '$lib/server/procedures/start';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { activeSteps } from '$machines/shared/steps';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { counterPaymentUi } from '$lib/procedures/ui/counter-payment';
import type { CounterPaymentContext } from '$machines/counter-payment.machine';
import { policy } from '$lib/policy/settings';
import { fromLocal } from '$lib/domain/calendar';
import { centsToInput } from '$lib/domain/money';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';
import type { Store } from '$lib/server/store';

/** Tuesday 3 November 2026, 2:50 pm in the office (before the 3:00 pm same-day cut-off). */
const TUE_1450 = fromLocal('2026-11-03', 14 * 60 + 50);

function setup() {
	const store = testStore();
	generateSandbox(store.db.$client, { accounts: 300, seed: 42, today: '2026-11-02' });
	const mk = (username: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName: username, level, isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, TUE_1450);
		return { id, username, displayName: username, level, isAdmin: false, teamId: null };
	};
	return { store, world: sandboxWorld(store.db.$client), cashier: mk('cashier', 'csr1'), verifier: mk('verifier', 'csr2') };
}

/** Opens Counter 1 for the cashier through the drawer-opening procedure (the batch payments post to). */
function openDrawer(store: Store, world: ReturnType<typeof sandboxWorld>, cashier: SessionUser, verifier: SessionUser): number {
	const run = startRun(store, cashier, 'drawer-opening', { drawerRef: 'Counter 1' }, { at: TUE_1450 - 3_600_000 });
	const counts = policy.drawer.floatCounts;
	expect(sendEvent(store, world, cashier, run.id, 1, { type: 'float.counted', counts }, TUE_1450 - 3_500_000).ok).toBe(true);
	expect(sendEvent(store, world, verifier, run.id, 2, { type: 'float.verified', counts }, TUE_1450 - 3_400_000).ok).toBe(true);
	expect(sendEvent(store, world, cashier, run.id, 3, { type: 'signed' }, TUE_1450 - 3_300_000).ok).toBe(true);
	return (store.db.$client.prepare("SELECT id FROM batches WHERE status = 'open' AND opened_by = ?").get(cashier.username) as { id: number }).id;
}

/** Submits the current step's form as the checklist page does: the action's fields, parsed into the event. */
/** Everything the checklist page was given during a test (forms, side panel, receipt): checked for secrets. */
const rendered: string[] = [];

function submit(store: Store, world: ReturnType<typeof sandboxWorld>, user: SessionUser, runId: number, key: string, form: Record<string, string>, at: number): StepResult {
	const run = loadRun(store, runId)!;
	const snap = restoreSnapshot(run);
	const step = activeSteps(snap).at(-1)!;
	const context = snap.context as Record<string, unknown>;
	const actions = stepActions(counterPaymentUi.forms, step.id, { context, viewer: { level: user.level, id: user.id } });
	rendered.push(JSON.stringify([actions, counterPaymentUi.captured(context), counterPaymentUi.printable(context)]));
	const action = actions.find((a) => actionKey(a) === key);
	if (!action) throw new Error(`step ${step.id} offers no ${key} (offers ${actions.map(actionKey).join(', ')})`);
	const parsed = parseStepAction(action, form);
	if (!parsed.ok) throw new Error(`form errors: ${JSON.stringify(parsed.errors)}`);
	return sendEvent(store, world, user, runId, run.version, parsed.payload, at);
}

const contextOf = (store: Store, runId: number) => restoreSnapshot(loadRun(store, runId)!).context as CounterPaymentContext;
const one = <T>(store: Store, sql: string, ...p: unknown[]) => store.db.$client.prepare(sql).get(...p) as T;
const balanceOf = (store: Store, number: string) =>
	one<{ n: number }>(store, 'SELECT sum(l.amount_cents) AS n FROM ledger_entries l JOIN accounts a ON a.id = l.account_id WHERE a.number = ?', number).n;

describe('counter payment as a live run on the sandbox', () => {
	it('cannot start without an open drawer, nor for an unknown account', () => {
		const { store, cashier } = setup();
		const acct = one<{ number: string }>(store, "SELECT number FROM accounts WHERE status = 'active' ORDER BY id LIMIT 1").number;
		const noDrawer = startProcedure(store, cashier, 'counter-payment', { subject: acct }, TUE_1450);
		expect(noDrawer).toMatchObject({ ok: false, field: 'subject' });
		if (!noDrawer.ok) expect(noDrawer.message).toContain('My drawer');
		const unknown = startProcedure(store, cashier, 'counter-payment', { subject: '100-999999-09' }, TUE_1450);
		if (!unknown.ok) expect(unknown.message).toContain('No account 100-999999-09');
		expect(unknown.ok).toBe(false);
	});

	it('takes $80.00 cash on a $62.40 balance: $17.60 change, payment in the cashier’s batch, note, receipt', () => {
		const { store, world, cashier, verifier } = setup();
		const batchId = openDrawer(store, world, cashier, verifier);
		const acct = one<{ number: string; holder: string; address: string }>(
			store,
			`SELECT a.number, c.first_name || ' ' || c.last_name AS holder, p.address || coalesce(' ' || p.unit, '') AS address
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id
			 WHERE a.status = 'active' AND (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) = 6240 LIMIT 1`
		);
		const started = startProcedure(store, cashier, 'counter-payment', { subject: acct.number.replace(/-/g, '') }, TUE_1450);
		expect(started.ok).toBe(true);
		if (!started.ok) return;
		const id = started.runId;
		let t = TUE_1450;
		const go = (key: string, form: Record<string, string>) => {
			const r = submit(store, world, cashier, id, key, form, (t += 20_000));
			if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
			return r;
		};
		go('account.confirmed', { accountNumber: acct.number });
		go('payer.verified', { name: acct.holder, serviceAddress: acct.address, method: 'photo-id' });
		go('amount.entered', { amountCents: '62.40', stubAmountCents: '' });
		go('cash.received', { 'counts.d20': '4' });
		expect(loadRun(store, id)!.stepId).toBe('change');
		go('change.counted', {});
		go('payment.posted', {});
		go('receipt.issued', {});
		const done = go('note.written', { note: 'Paid the current bill at the counter.' });
		expect(done.run).toMatchObject({ status: 'completed', outcome: 'paid' });

		const pay = store.db.$client.prepare("SELECT kind, tender, amount_cents AS cents, batch_id AS batch FROM ledger_entries WHERE ref LIKE 'PAY-%'").all();
		expect(pay).toEqual([{ kind: 'payment', tender: 'cash', cents: -6240, batch: batchId }]);
		expect(balanceOf(store, acct.number)).toBe(0);
		const note = one<{ body: string }>(store, "SELECT n.body FROM account_notes n JOIN accounts a ON a.id = n.account_id WHERE a.number = ? AND n.category = 'payment' ORDER BY n.id DESC", acct.number);
		expect(note.body).toContain('$80.00 tendered, $17.60 change counted back');
		expect(note.body).toContain('verified by photo-id');

		const ctx = contextOf(store, id) as unknown as Record<string, unknown>;
		const receipt = counterPaymentUi.printable(ctx)[0];
		expect(receipt.rows).toEqual(expect.arrayContaining([{ label: 'Change given', value: '$17.60' }, { label: 'Amount paid', value: '$62.40' }, { label: 'Cash handed over', value: '$80.00' }]));
		expect(counterPaymentUi.captured(ctx)).toEqual(expect.arrayContaining([{ label: 'Change given', value: '$17.60' }]));
	});

	it('restores a locked account paid at 2:50 pm on a Tuesday: personal check refused, card taken, fees and deposit posted, same-day reconnect order', () => {
		const { store, world, cashier, verifier } = setup();
		const batchId = openDrawer(store, world, cashier, verifier);
		const acct = one<{ number: string; holder: string; address: string; deposit: number }>(
			store,
			`SELECT a.number, c.first_name || ' ' || c.last_name AS holder, p.address || coalesce(' ' || p.unit, '') AS address, a.deposit_held_cents AS deposit
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id
			 WHERE a.status = 'locked' AND a.deposit_held_cents = 0 ORDER BY a.number LIMIT 1`
		);
		const before = balanceOf(store, acct.number);
		const started = startProcedure(store, cashier, 'counter-payment', { subject: acct.number }, TUE_1450);
		if (!started.ok) throw new Error(started.message);
		const id = started.runId;
		let t = TUE_1450 - 120_000;
		const go = (key: string, form: Record<string, string>) => submit(store, world, cashier, id, key, form, (t += 10_000));
		expect(go('account.confirmed', { accountNumber: acct.number }).ok).toBe(true);
		expect(go('payer.verified', { name: acct.holder, serviceAddress: acct.address, method: 'photo-id' }).ok).toBe(true);
		expect(loadRun(store, id)!.stepId).toBe('restoreOption');
		expect(go('restoration.standard', {}).ok).toBe(true);
		const quote = contextOf(store, id).quote!;
		expect(quote).toMatchObject({ option: 'standard', lockoffFeeCents: 5000, feeCents: 5000 });
		expect(quote.depositCents).toBeGreaterThanOrEqual(policy.deposit.minimumCents);
		const total = centsToInput(quote.requiredCents);
		expect(go('amount.entered', { amountCents: total }).ok).toBe(true);

		const check = {
			'check.number': '2291',
			'check.payee': 'Riverton Municipal Utilities',
			'check.dated': '2026-11-03',
			'check.writtenAmountCents': total,
			'check.numericAmountCents': total,
			'check.signed': 'on'
		};
		const refused = go('check.accepted', check);
		expect(refused).toMatchObject({ ok: false, kind: 'refused', refusal: { rule: 'check-restoration', policyRef: '§6; §3 Checks' } });
		expect(go('check.refused', { ...check, problem: 'restoration' }).ok).toBe(true);
		expect(go('card.approved', { authCode: '083512' }).ok).toBe(true);
		expect(go('payment.posted', {}).ok).toBe(true);
		expect(loadRun(store, id)!.stepId).toBe('reconnect');
		expect(go('reconnect.ordered', {}).ok).toBe(true);
		expect(go('receipt.issued', {}).ok).toBe(true);
		const done = go('note.written', { note: 'Customer told the crew comes this afternoon.' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'restored' });

		const orders = store.db.$client
			.prepare("SELECT w.kind, w.status, w.scheduled_for AS day, w.priority FROM work_orders w JOIN accounts a ON a.id = w.account_id WHERE a.number = ? AND w.kind = 'reconnect' AND w.status = 'open'")
			.all(acct.number);
		expect(orders).toEqual([{ kind: 'reconnect', status: 'open', day: '2026-11-03', priority: 'same-day' }]);
		const posted = store.db.$client
			.prepare("SELECT kind, tender, amount_cents AS cents, batch_id AS batch FROM ledger_entries WHERE ref LIKE 'PAY-%' ORDER BY id")
			.all() as { kind: string; tender: string | null; cents: number; batch: number | null }[];
		expect(posted).toEqual([
			{ kind: 'fee', tender: null, cents: 5000, batch: null },
			{ kind: 'deposit', tender: null, cents: quote.depositCents, batch: null },
			{ kind: 'payment', tender: 'card', cents: -quote.requiredCents, batch: batchId }
		]);
		expect(balanceOf(store, acct.number)).toBe(before + 5000 + quote.depositCents - quote.requiredCents);
		expect(one<{ d: number }>(store, 'SELECT deposit_held_cents AS d FROM accounts WHERE number = ?', acct.number).d).toBe(quote.depositCents);
		const ctx = contextOf(store, id) as unknown as Record<string, unknown>;
		const restoration = counterPaymentUi.printable(ctx).find((s) => s.heading === 'Restoration of service')!;
		expect(restoration.rows).toEqual(expect.arrayContaining([{ label: 'Reconnect scheduled', value: 'same day — 2026-11-03' }]));
		expect(JSON.stringify(counterPaymentUi.printable(ctx))).toContain('2291');
	});

	it('never hands the page the holder’s SSN last 4 or PIN (the run does not even hold them)', () => {
		const { store, world, cashier, verifier } = setup();
		openDrawer(store, world, cashier, verifier);
		const acct = one<{ number: string; holder: string; address: string; ssn: string; pin: string }>(
			store,
			`SELECT a.number, c.first_name || ' ' || c.last_name AS holder, p.address || coalesce(' ' || p.unit, '') AS address, c.ssn_last4 AS ssn, c.pin
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.status = 'locked' ORDER BY a.number DESC LIMIT 1`
		);
		const started = startProcedure(store, cashier, 'counter-payment', { subject: acct.number }, TUE_1450);
		if (!started.ok) throw new Error(started.message);
		rendered.length = 0;
		let t = TUE_1450;
		const go = (key: string, form: Record<string, string>) => submit(store, world, cashier, started.runId, key, form, (t += 10_000));
		go('account.confirmed', { accountNumber: acct.number });
		go('payer.verified', { name: acct.holder, serviceAddress: acct.address, method: 'pin' });
		go('restoration.standard', {});
		go('amount.entered', { amountCents: '10' });
		go('card.approved', { authCode: 'X1' });
		const run = loadRun(store, started.runId)!;
		const all = rendered.join('\n') + run.input + run.snapshot;
		expect(rendered.length).toBe(5);
		for (const secret of [acct.ssn, acct.pin]) expect(all).not.toMatch(new RegExp(`\\b${secret}\\b`));
	});

	it('refuses to post into a batch that closed after the run started: nothing applied', () => {
		const { store, world, cashier, verifier } = setup();
		const batchId = openDrawer(store, world, cashier, verifier);
		const acct = one<{ number: string; holder: string; address: string }>(
			store,
			`SELECT a.number, c.first_name || ' ' || c.last_name AS holder, p.address || coalesce(' ' || p.unit, '') AS address
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.status = 'active' ORDER BY a.id LIMIT 1`
		);
		const started = startProcedure(store, cashier, 'counter-payment', { subject: acct.number }, TUE_1450);
		if (!started.ok) throw new Error(started.message);
		let t = TUE_1450;
		const go = (key: string, form: Record<string, string>) => submit(store, world, cashier, started.runId, key, form, (t += 10_000));
		go('account.confirmed', { accountNumber: acct.number });
		go('payer.unverified', { name: '' });
		go('amount.entered', { amountCents: '25' });
		go('card.approved', { authCode: 'A1B2C3' });
		store.db.$client.prepare("UPDATE batches SET status = 'closed' WHERE id = ?").run(batchId);
		const entries = one<{ n: number }>(store, 'SELECT count(*) AS n FROM ledger_entries').n;
		expect(() => go('payment.posted', {})).toThrow(/closed: nothing posts to a closed batch/);
		expect(one<{ n: number }>(store, 'SELECT count(*) AS n FROM ledger_entries').n).toBe(entries);
		expect(loadRun(store, started.runId)!.stepId).toBe('post');
	});
});

/**
 * A live deposit decision end to end on a generated sandbox: started from the application, driven with
 * the step forms a person submits (parseStepAction), through the runner into the shared-sandbox World.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { insertUser } from '$lib/server/repos/users';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { startProcedure } from '$lib/server/procedures/start';
import { loadRun, restoreSnapshot, sendEvent } from '$lib/server/procedures/runner';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { verificationQueue } from '$lib/server/procedures/queue';
import { activeSteps } from '$machines/shared/steps';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { policy } from '$lib/policy/settings';
import { ceilToDollarFraction } from '$lib/domain/money';
import { withinMonths } from '$lib/domain/calendar';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';
import type { Store } from '$lib/server/store';

const TODAY = '2026-11-02';
const T0 = Date.UTC(2026, 10, 2, 17, 0);

let store: Store;
let csr1: SessionUser, csr1b: SessionUser, csr2: SessionUser, sup: SessionUser;
const db = () => store.db.$client;

beforeAll(() => {
	store = testStore();
	generateSandbox(db(), { accounts: 300, seed: 42, today: TODAY });
	const mk = (username: string, displayName: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName, level, isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
		return { id, username, displayName, level, isAdmin: false, teamId: null };
	};
	csr1 = mk('csr1', 'Alex Rivera', 'csr1');
	csr1b = mk('csr1b', 'Jo Chen', 'csr1');
	csr2 = mk('csr2', 'Morgan Ellis', 'csr2');
	sup = mk('supervisor', 'Dana Whitfield', 'supervisor');
});

/** The pending application whose note contains `text`: its account number and service address. */
function application(text: string): { number: string; address: string } {
	return db()
		.prepare(
			`SELECT a.number, p.address FROM account_notes n JOIN accounts a ON a.id = n.account_id JOIN premises p ON p.id = a.premise_id
			 WHERE n.category = 'application' AND n.body LIKE ? ORDER BY a.id LIMIT 1`
		)
		.get(`%${text}%`) as { number: string; address: string };
}

let clock = T0;
/** Submits the current step's form for `event` as `user` would, with `values` typed in. */
function submit(runId: number, user: SessionUser, event: string, values: Record<string, string> = {}) {
	const run = loadRun(store, runId)!;
	const snap = restoreSnapshot(run);
	const step = activeSteps(snap).at(-1)!;
	const action = stepActions(PROCEDURE_UI['deposit-decision'].forms, step.id, { context: snap.context as Record<string, unknown>, viewer: { level: user.level, id: user.id } }).find(
		(a) => a.event === event
	);
	if (!action) throw new Error(`${step.id} offers no ${event} to ${user.username}`);
	const parsed = parseStepAction(action, values);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return sendEvent(store, sandboxWorld(db()), user, runId, run.version, parsed.payload, (clock += 60_000));
}

function start(user: SessionUser, subject: string) {
	const r = startProcedure(store, user, 'deposit-decision', { subject }, clock);
	if (!r.ok) throw new Error(r.message);
	return r.runId;
}

const account = (number: string) =>
	db().prepare('SELECT id, premise_id AS premiseId, deposit_held_cents AS held FROM accounts WHERE number = ?').get(number) as { id: number; premiseId: number; held: number };
const ledger = (id: number) => db().prepare('SELECT kind, tender, amount_cents AS cents FROM ledger_entries WHERE account_id = ? ORDER BY id').all(id);
const notes = (id: number, category: string) => (db().prepare('SELECT body FROM account_notes WHERE account_id = ? AND category = ?').all(id, category) as { body: string }[]).map((n) => n.body);

describe('live deposit decision on the sandbox', () => {
	it('a standard deposit: computed from the premise bills, charged and collected on the ledger, noted with the refund date', () => {
		const app = application('landlord form');
		const runId = start(csr1, app.address.slice(0, 12));
		expect(loadRun(store, runId)).toMatchObject({ subject: app.number, status: 'in_progress', stepId: 'identify' });

		expect(submit(runId, csr1, 'identity.verified', { 'documents.photo-id': 'on', 'documents.landlord-form': 'on' }).ok).toBe(true);
		expect(submit(runId, csr1, 'credit.checked').ok).toBe(true);

		// The amount offered is policy §4 on the premise's own bills (the prior occupant's), computed here independently.
		const acc = account(app.number);
		const bills = (db().prepare('SELECT b.bill_date AS d, b.amount_cents AS c FROM bills b JOIN accounts a ON a.id = b.account_id WHERE a.premise_id = ? AND a.id <> ?').all(acc.premiseId, acc.id) as {
			d: string;
			c: number;
		}[]).filter((b) => withinMonths(b.d, TODAY, 12));
		expect(bills.length).toBeGreaterThanOrEqual(3);
		const expected = Math.max(policy.deposit.minimumCents, ceilToDollarFraction(2 * bills.reduce((s, b) => s + b.c, 0), bills.length));
		const charged = submit(runId, csr1, 'deposit.charged');
		expect(charged.ok).toBe(true);
		expect(restoreSnapshot(loadRun(store, runId)!).context).toMatchObject({ decision: { kind: 'standard', amountCents: expected } });

		expect(submit(runId, csr1, 'deposit.collected', { tender: 'check' }).ok).toBe(true);
		const done = submit(runId, csr1, 'note.written', { note: 'Photo ID and landlord form seen; explained the deposit and the refund.' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'deposit-collected' });

		expect(ledger(acc.id)).toEqual([
			{ kind: 'deposit', tender: null, cents: expected },
			{ kind: 'payment', tender: 'check', cents: -expected }
		]);
		expect(account(app.number).held).toBe(expected);
		const [note] = notes(acc.id, 'deposit');
		expect(note).toContain('Refund eligibility: credited on bill 13 (2027-11-');
		expect(note).toContain('CSR note: Photo ID and landlord form seen');
		// Decided: the application cannot be started again.
		expect(startProcedure(store, csr1, 'deposit-decision', { subject: app.number }, clock)).toMatchObject({ ok: false, message: expect.stringContaining('already been decided') });
	});

	it('a letter of credit: a CSR I cannot apply the waiver; referred, it waits for a CSR II, who applies it', () => {
		const app = application('Letter of credit: Sacramento Valley Power, dated 2026-10-13');
		const runId = start(csr1, app.number.replace(/-/g, ''));
		submit(runId, csr1, 'identity.verified', { 'documents.photo-id': 'on', 'documents.lease': 'on' });
		submit(runId, csr1, 'credit.checked');

		// Sent straight to the runner (the form does not offer it to a CSR I): refused by can(), logged.
		const self = sendEvent(store, sandboxWorld(db()), csr1, runId, loadRun(store, runId)!.version, { type: 'waiver.applied', basis: 'letter-of-credit' }, clock);
		expect(self).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('CSR II') });
		// Charging where a waiver applies is the critical error, refused by the machine.
		expect(submit(runId, csr1, 'deposit.charged')).toMatchObject({ ok: false, kind: 'refused', refusal: { critical: 'deposit-waiver-misapplied' } });
		// A CSR II who is not running the procedure cannot decide it in the CSR I's place.
		const intruder = sendEvent(store, sandboxWorld(db()), csr2, runId, loadRun(store, runId)!.version, { type: 'waiver.applied', basis: 'letter-of-credit' }, clock);
		expect(intruder).toMatchObject({ ok: false, kind: 'forbidden' });

		const referred = submit(runId, csr1, 'waiver.referred');
		expect(referred.ok && referred.run).toMatchObject({ status: 'awaiting_verification', stepId: 'approveWaiver' });
		expect(verificationQueue(store, csr2).map((q) => q.id)).toContain(runId);
		expect(verificationQueue(store, csr1b).map((q) => q.id)).not.toContain(runId);

		expect(submit(runId, csr1b, 'waiver.applied')).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('CSR II') });
		expect(submit(runId, csr1, 'waiver.applied')).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('second person') });
		expect(submit(runId, csr2, 'waiver.applied').ok).toBe(true);

		const done = submit(runId, csr1, 'note.written', { note: 'Letter of credit checked with the applicant.' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'waived' });
		const acc = account(app.number);
		expect(ledger(acc.id)).toEqual([]);
		expect(acc.held).toBe(0);
		expect(notes(acc.id, 'deposit')[0]).toContain('Deposit waived (letter of credit from Sacramento Valley Power dated 2026-10-13) by Morgan Ellis.');
		const refused = db().prepare("SELECT count(*) AS n FROM run_events WHERE run_id = ? AND applied = 0").get(runId) as { n: number };
		expect(refused.n).toBe(5);
		const letter = PROCEDURE_UI['deposit-decision'].printable(restoreSnapshot(loadRun(store, runId)!).context as Record<string, unknown>);
		expect(letter[1].text).toContain('No security deposit is required');
	});

	it('a listed adult with a write-off (F-19): the debt is paid first, then the doubled deposit in installments', () => {
		const app = application('(account 100-');
		const runId = start(csr1, app.number);
		submit(runId, csr1, 'identity.verified', { 'documents.photo-id': 'on', 'documents.lease': 'on' });
		const checked = submit(runId, csr1, 'credit.checked');
		expect(checked.ok && checked.run.stepId).toBe('resolveDebt');
		const ctx = () => restoreSnapshot(loadRun(store, runId)!).context as { assessment: { debt: { totalCents: number }; doubles: boolean; amountCents: number } };
		const { debt, doubles, amountCents } = ctx().assessment;
		expect(debt.totalCents).toBeGreaterThan(0);
		expect(doubles).toBe(true);
		// A CSR I cannot record a payment plan (CSR II+): they take the payment instead.
		expect(submit(runId, csr1, 'debt.planned', { planRef: 'PLAN-1' })).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(submit(runId, csr1, 'debt.paid', { amountCents: (debt.totalCents / 100).toFixed(2), receiptRef: 'R-2044' }).ok).toBe(true);
		expect(submit(runId, csr1, 'deposit.charged').ok).toBe(true);
		expect(submit(runId, csr1, 'installments.set', { tender: 'cash' }).ok).toBe(true);
		const done = submit(runId, csr1, 'note.written', { note: 'Paid the write-off of the listed adult first.' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'installments-set' });
		const acc = account(app.number);
		const now = Math.ceil(amountCents / 2);
		expect(ledger(acc.id)).toEqual([
			{ kind: 'deposit', tender: null, cents: amountCents },
			{ kind: 'payment', tender: 'cash', cents: -now }
		]);
		expect(acc.held).toBe(now);
		expect(notes(acc.id, 'deposit')[0]).toContain('Prior debt paid');
	});

	it('an exception outside policy: a CSR I asks, a supervisor approves it from the queue', () => {
		const app = application('Documents brought: photo ID, lease. Adults listed: none. Letter of credit: none');
		const runId = start(csr1, app.number);
		submit(runId, csr1, 'identity.verified', { 'documents.photo-id': 'on', 'documents.lease': 'on' });
		submit(runId, csr1, 'credit.checked');
		expect(submit(runId, csr1, 'exception.referred', { amountCents: '0', reason: 'House fire: relocated by the Red Cross.' }).ok).toBe(true);
		expect(verificationQueue(store, csr2).map((q) => q.id)).not.toContain(runId);
		expect(verificationQueue(store, sup).map((q) => q.id)).toContain(runId);
		expect(submit(runId, csr2, 'exception.approved')).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('supervisor') });
		expect(submit(runId, sup, 'exception.approved').ok).toBe(true);
		const done = submit(runId, csr1, 'note.written', { note: 'Exception explained.' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'waived' });
		expect(notes(account(app.number).id, 'deposit')[0]).toContain('Supervisor exception by Dana Whitfield: $0.00');
	});

	it('says clearly why a run cannot start', () => {
		const plan = (subject: string) => startProcedure(store, csr1, 'deposit-decision', { subject }, clock);
		expect(plan('')).toMatchObject({ ok: false, field: 'subject', message: expect.stringContaining('service address') });
		expect(plan('999-999999-99')).toMatchObject({ ok: false, message: 'No account 999-999999-99 in the sandbox. Check the number, or search by the service address.' });
		expect(plan('1 Nowhere Lane')).toMatchObject({ ok: false, message: expect.stringContaining('No service application waiting') });
		const ordinary = db().prepare("SELECT number FROM accounts WHERE profile = 'on-time' ORDER BY id LIMIT 1").get() as { number: string };
		expect(plan(ordinary.number)).toMatchObject({ ok: false, message: expect.stringContaining('has no service application waiting') });
		const app = application('(owner)');
		const first = plan(app.number);
		expect(first.ok).toBe(true);
		expect(plan(app.number)).toMatchObject({ ok: false, message: expect.stringMatching(/already under way \(run #\d+\)/) });
	});
});

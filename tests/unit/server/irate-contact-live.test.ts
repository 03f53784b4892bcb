import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { insertUser } from '$lib/server/repos/users';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { loadRun, restoreSnapshot, sendEvent, startRun, type StepResult } from '$lib/server/procedures/runner';
import { sandboxWorld } from '$lib/server/procedures/sandbox-world';
import { irateContactStart } from '$lib/server/procedures/starts/irate-contact';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { activeSteps } from '$machines/shared/steps';
import { LIVE_EVIDENCE_VERSION } from '$lib/competency/live-evidence';
import type { SessionUser } from '$lib/server/auth/session';
import type { Level } from '$lib/domain/levels';

const T0 = Date.UTC(2026, 10, 3, 17, 0); // Tue Nov 3 2026, 9:00 local

function setup() {
	const store = testStore();
	const db = store.db.$client;
	generateSandbox(db, { accounts: 40, seed: 42, today: '2026-11-02' });
	const mk = (username: string, level: Level): SessionUser => {
		const id = insertUser(store, { username, displayName: username, level, isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, T0);
		return { id, username, displayName: username, level, isAdmin: false, teamId: null };
	};
	const holder = db
		.prepare(
			`SELECT a.number, c.first_name || ' ' || c.last_name AS name, p.address || coalesce(' ' || p.unit, '') AS address, c.pin
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.status = 'active' ORDER BY a.id LIMIT 1`
		)
		.get() as { number: string; name: string; address: string; pin: string };
	return { store, db, world: sandboxWorld(db), holder, csr: mk('csr1', 'csr1'), senior: mk('senior', 'senior'), coworker: mk('csr1b', 'csr1') };
}

type Setup = ReturnType<typeof setup>;

function begin(s: Setup, subject: string, answers: Record<string, string> = { channel: 'phone', caller: s.holder.name }) {
	const plan = irateContactStart.plan(s.db, { subject, user: s.csr, at: T0, answers });
	if (!plan.ok) throw new Error(plan.message);
	return startRun(s.store, s.csr, 'irate-contact', plan.input, { subject: plan.subject, at: T0 }).id;
}

/** Submits a step form as the route does: the current step's actions for this viewer, parsed, then sent. */
function act(s: Setup, runId: number, by: SessionUser, key: string, form: Record<string, string> = {}, at = T0 + 60_000): StepResult {
	const run = loadRun(s.store, runId)!;
	const snap = restoreSnapshot(run);
	const steps = activeSteps(snap);
	const scope = { context: snap.context as Record<string, unknown>, viewer: { level: by.level, id: by.id }, active: steps.map((x) => x.id) };
	const actions = stepActions(PROCEDURE_UI['irate-contact'].forms, steps.at(-1)!.id, scope);
	const action = actions.find((a) => actionKey(a) === key);
	if (!action) throw new Error(`No "${key}" at step ${steps.at(-1)!.id}: ${actions.map(actionKey).join(', ')}`);
	const defaults = Object.fromEntries(action.fields.flatMap((f) => (f.kind === 'text' && f.value ? [[f.name, f.value]] : [])));
	const parsed = parseStepAction(action, { ...defaults, ...form });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return sendEvent(s.store, s.world, by, runId, run.version, parsed.payload, at);
}

const notesOf = (s: Setup, number: string) =>
	(s.db.prepare('SELECT n.body, n.author FROM account_notes n JOIN accounts a ON a.id = n.account_id WHERE a.number = ? AND n.created_at >= ?').all(number, T0) as { body: string; author: string }[]);

function verified(s: Setup, id: number) {
	expect(act(s, id, s.csr, 'control.established').ok).toBe(true);
	expect(act(s, id, s.csr, 'feeling.named').ok).toBe(true);
	expect(act(s, id, s.csr, 'identity', { 'given.name': s.holder.name, 'given.serviceAddress': s.holder.address, 'given.pin': s.holder.pin }).ok).toBe(true);
}

describe('irate contact, live: runner + sandbox world + step forms', () => {
	it('plan reads the account on file for the machine and starts at the channel given', () => {
		const s = setup();
		const plan = irateContactStart.plan(s.db, { subject: s.holder.number.replace(/-/g, ''), user: s.csr, at: T0, answers: { channel: 'counter' } });
		expect(plan.ok && plan.subject).toBe(s.holder.number);
		expect(plan.ok && plan.input).toMatchObject({ level: 'csr1', channel: 'counter', claimedName: 'Caller (name not given)', account: { accountNumber: s.holder.number, holderName: s.holder.name, pin: s.holder.pin } });
		expect(irateContactStart.plan(s.db, { subject: '', user: s.csr, at: T0, answers: {} })).toMatchObject({ ok: false, field: 'channel' });
		expect(irateContactStart.plan(s.db, { subject: '999-000000-00', user: s.csr, at: T0, answers: { channel: 'phone' } })).toMatchObject({ ok: false, message: expect.stringContaining('no account 999-000000-00') });
	});

	it('a resolved contact: verified holder, an in-authority offer, dated next steps, note on the account', () => {
		const s = setup();
		const id = begin(s, s.holder.number);
		verified(s, id);
		expect(act(s, id, s.csr, 'disclose', { detail: 'balance' }).ok).toBe(true);
		expect(act(s, id, s.csr, 'question.asked').ok).toBe(true);
		expect(act(s, id, s.csr, 'offer', { option: 'assistanceReferral' }).ok).toBe(true);
		expect(act(s, id, s.csr, 'nextSteps.summarised', { 'steps.0.what': 'Assistance agency calls back', 'steps.0.by': '2026-11-06' }).ok).toBe(true);
		const done = act(s, id, s.csr, 'contact.closed', { why: 'High bill; cannot pay in full' });
		expect(done.ok && done.run).toMatchObject({ status: 'completed', outcome: 'resolved' });
		// Its standing as training evidence is stored when it completes.
		expect(s.db.prepare('SELECT evidence_version AS v, evidences, not_clean AS notClean FROM procedure_runs WHERE id = ?').get(id)).toEqual({
			v: LIVE_EVIDENCE_VERSION,
			evidences: JSON.stringify(['C-IRATE1', 'C-COMPLAINT']),
			notClean: '[]'
		});
		const notes = notesOf(s, s.holder.number);
		expect(notes).toHaveLength(1);
		expect(notes[0].author).toBe('csr1');
		expect(notes[0].body).toContain('verified as holder by pin');
		expect(notes[0].body).toContain('Next steps: Assistance agency calls back by 2026-11-06');
		expect(notes[0].body).not.toContain(s.holder.pin);
	});

	it('a correct escalation: supervisor demanded, warm transfer with a brief, the senior takes it, the note records it', () => {
		const s = setup();
		const id = begin(s, s.holder.number);
		verified(s, id);
		expect(act(s, id, s.csr, 'customer.demandedSupervisor').ok).toBe(true);
		const brief = 'Caller wants a supervisor about a high bill; verified by PIN; explained the bill.';
		const asked = act(s, id, s.csr, 'escalate', { brief });
		expect(asked.ok && asked.run).toMatchObject({ status: 'awaiting_verification', stepId: 'seniorJoining' });
		// The CSR cannot take their own transfer; a peer CSR I cannot either.
		expect(act(s, id, s.csr, 'escalation.accepted')).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(act(s, id, s.coworker, 'escalation.accepted')).toMatchObject({ ok: false, kind: 'forbidden' });
		const taken = act(s, id, s.senior, 'escalation.accepted');
		expect(taken.ok && taken.run).toMatchObject({ status: 'in_progress', stepId: 'refocus' });
		expect(act(s, id, s.csr, 'question.asked').ok).toBe(true);
		expect(act(s, id, s.csr, 'offer', { option: 'explain' }).ok).toBe(true);
		expect(act(s, id, s.csr, 'nextSteps.summarised', { 'steps.0.what': 'Senior reviews the bill and calls back', 'steps.0.by': '2026-11-05' }).ok).toBe(true);
		const done = act(s, id, s.csr, 'contact.closed', { why: 'Disputes a high bill; asked for a supervisor' });
		expect(done.ok && done.run.status).toBe('completed');
		const ctx = restoreSnapshot(loadRun(s.store, id)!).context as { escalations: { rung: string; warranted: boolean; acceptedBy: string }[]; breaches: unknown[] };
		expect(ctx.escalations).toEqual([expect.objectContaining({ rung: 'senior', warranted: true, acceptedBy: String(s.senior.id) })]);
		expect(ctx.breaches).toEqual([]);
		const [note] = notesOf(s, s.holder.number);
		expect(note.body).toContain(`Escalations: warm transfer to senior (customer-asked), taken: ${brief}`);
	});

	it('an account detail before verification is refused with the policy reason, logged, and nothing changes', () => {
		const s = setup();
		const id = begin(s, s.holder.number);
		act(s, id, s.csr, 'control.established');
		act(s, id, s.csr, 'feeling.named');
		const before = loadRun(s.store, id)!;
		const r = act(s, id, s.csr, 'disclose', { detail: 'balance' });
		expect(r).toMatchObject({ ok: false, kind: 'refused', refusal: { rule: 'disclosure-before-verification', critical: 'disclosure-before-verification', policyRef: '§1 Identity before disclosure' } });
		expect(loadRun(s.store, id)!.version).toBe(before.version);
		const logged = s.db.prepare("SELECT applied, refusal FROM run_events WHERE run_id = ? AND type = 'detail.disclosed'").get(id) as { applied: number; refusal: string };
		expect(logged.applied).toBe(0);
		expect(JSON.parse(logged.refusal).reason).toContain('Verify identity');
	});

	it('a threat on the phone: coworker signalled, 911 by the coworker, incident report with the exact words, then ended', () => {
		const s = setup();
		const id = begin(s, s.holder.number);
		verified(s, id);
		act(s, id, s.csr, 'threat', { words: 'I know where you live.' });
		expect(act(s, id, s.csr, 'coworker.signalled').ok).toBe(true);
		expect(act(s, id, s.csr, 'police.called')).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(act(s, id, s.coworker, 'police.called').ok).toBe(true);
		expect(act(s, id, s.csr, 'incident.reported', { summary: 'Caller threatened me at 9:01 over a lock-off notice.' }).ok).toBe(true);
		const ended = act(s, id, s.csr, 'end');
		expect(ended.ok && ended.run).toMatchObject({ status: 'completed', outcome: 'ended-after-threat' });
		const reports = s.db.prepare('SELECT account_number AS account, summary, run_id AS runId FROM incident_reports').all() as { account: string; summary: string; runId: number }[];
		expect(reports).toEqual([{ account: s.holder.number, summary: expect.stringContaining('Exact words: "I know where you live."'), runId: id }]);
		expect(notesOf(s, s.holder.number)[0].body).toContain('incident report written');
	});

	it('abuse: asked to stop, warned, then ended — note and incident report', () => {
		const s = setup();
		const id = begin(s, s.holder.number);
		verified(s, id);
		act(s, id, s.csr, 'abused');
		expect(act(s, id, s.csr, 'abuse.askedToStop').ok).toBe(true);
		expect(act(s, id, s.csr, 'abuse.warned').ok).toBe(true);
		act(s, id, s.csr, 'abused');
		const ended = act(s, id, s.csr, 'end');
		expect(ended.ok && ended.run.outcome).toBe('ended-for-abuse');
		expect(s.db.prepare('SELECT count(*) AS n FROM incident_reports WHERE account_number = ?').get(s.holder.number)).toEqual({ n: 1 });
		expect(notesOf(s, s.holder.number)[0].body).toContain('asked to stop; warned the contact would end');
	});

	it('a caller not tied to an account: general help, closed; the note stays with the run, no account is touched', () => {
		const s = setup();
		const id = begin(s, '', { channel: 'counter', caller: 'Pat Doe' });
		expect(loadRun(s.store, id)!.subject).toBe('caller not identified');
		act(s, id, s.csr, 'control.established');
		act(s, id, s.csr, 'feeling.named');
		expect(act(s, id, s.csr, 'identity').ok).toBe(true);
		act(s, id, s.csr, 'question.asked');
		act(s, id, s.csr, 'offer', { option: 'explain' });
		act(s, id, s.csr, 'nextSteps.summarised', { 'steps.0.what': 'Caller brings the account number', 'steps.0.by': '2026-11-04' });
		const done = act(s, id, s.csr, 'contact.closed', { why: 'Asked how lock-off notices work' });
		expect(done.ok && done.run.status).toBe('completed');
		expect(s.db.prepare('SELECT count(*) AS n FROM account_notes WHERE created_at >= ?').get(T0)).toEqual({ n: 0 });
		const print = PROCEDURE_UI['irate-contact'].printable(restoreSnapshot(loadRun(s.store, id)!).context as Record<string, unknown>);
		expect(print.find((x) => x.heading === 'Account note')?.text).toContain('Why: Asked how lock-off notices work');
	});
});

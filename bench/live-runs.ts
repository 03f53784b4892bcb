/**
 * Live runs for the benchmark: one real irate-customer contact taken along its golden path ("a resolved
 * contact": control, feeling named, identity by PIN, balance disclosed, a question, an in-authority
 * offer, dated next steps, closed) through the real runner and step forms, in an in-memory database
 * with a small sandbox. The run is written many times over as the organisation's completed live runs,
 * and its step forms are what each load connection posts over HTTP (with its own account's identity).
 */
import type Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db/client';
import { createStore } from '../src/lib/server/store';
import { insertUser } from '../src/lib/server/repos/users';
import { generateSandbox } from '../src/lib/server/sandbox/generate';
import { loadRun, restoreSnapshot, sendEvent, startRun } from '../src/lib/server/procedures/runner';
import { sandboxWorld } from '../src/lib/server/procedures/sandbox-world';
import { irateContactStart } from '../src/lib/server/procedures/starts/irate-contact';
import { PROCEDURE_UI } from '../src/lib/procedures/catalog';
import { actionKey, parseStepAction, stepActions } from '../src/lib/procedures/step-forms';
import { activeSteps } from '../src/machines/shared/steps';
import { addDays } from '../src/lib/domain/calendar';

/** An account's identity as the caller gives it (the identity step's fields). */
export interface Caller {
	number: string;
	name: string;
	address: string;
	pin: string;
}

/** The golden path's steps: action key and the fields typed (identity fields filled per account). */
export const IRATE_GOLDEN: { action: string; fields: (c: Caller, dueBy: string) => Record<string, string> }[] = [
	{ action: 'control.established', fields: () => ({}) },
	{ action: 'feeling.named', fields: () => ({}) },
	{ action: 'identity', fields: (c) => ({ 'given.name': c.name, 'given.serviceAddress': c.address, 'given.pin': c.pin }) },
	{ action: 'disclose', fields: () => ({ detail: 'balance' }) },
	{ action: 'question.asked', fields: () => ({}) },
	{ action: 'offer', fields: () => ({ option: 'assistanceReferral' }) },
	{ action: 'nextSteps.summarised', fields: (_c, dueBy) => ({ 'steps.0.what': 'Assistance agency calls back', 'steps.0.by': dueBy }) },
	{ action: 'contact.closed', fields: () => ({ why: 'High bill; cannot pay in full' }) }
];

/** Accounts a caller can be verified on: active, with their holder, address and PIN. */
export function callers(db: Database.Database, limit: number): Caller[] {
	return db
		.prepare(
			`SELECT a.number, c.first_name || ' ' || c.last_name AS name, p.address || coalesce(' ' || p.unit, '') AS address, c.pin
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.status = 'active' ORDER BY a.id LIMIT ?`
		)
		.all(limit) as Caller[];
}

export interface SampleRun {
	run: Record<string, unknown>;
	events: Record<string, unknown>[];
	/** Step forms as posted, in order, with the default values a browser would send. */
	forms: { action: string; defaults: Record<string, string> }[];
}

/** Takes one irate contact along the golden path through the runner; returns its rows and forms. */
export function sampleLiveRun(today: string, at: number): SampleRun {
	const store = createStore(openDatabase(':memory:', 'drizzle'), Buffer.alloc(32, 7), null);
	const db = store.db.$client;
	generateSandbox(db, { accounts: 40, seed: 42, today });
	const uid = insertUser(store, { username: 'sample', displayName: 'Sample CSR', level: 'csr1', isAdmin: false, hireDate: '2025-01-01', teamId: null, passwordHash: 'x' }, at);
	const user = { id: uid, username: 'sample', displayName: 'Sample CSR', level: 'csr1' as const, isAdmin: false, teamId: null };
	const [caller] = callers(db, 1);
	const plan = irateContactStart.plan(db, { subject: caller.number, user, at, answers: { channel: 'phone', caller: caller.name } });
	if (!plan.ok) throw new Error(plan.message);
	const runId = startRun(store, user, 'irate-contact', plan.input, { subject: plan.subject, at }).id;
	const world = sandboxWorld(db);
	const forms: SampleRun['forms'] = [];
	for (const [i, step] of IRATE_GOLDEN.entries()) {
		const run = loadRun(store, runId)!;
		const snap = restoreSnapshot(run);
		const steps = activeSteps(snap);
		const scope = { context: snap.context as Record<string, unknown>, viewer: { level: user.level, id: user.id }, active: steps.map((x) => x.id) };
		const action = stepActions(PROCEDURE_UI['irate-contact'].forms, steps.at(-1)!.id, scope).find((a) => actionKey(a) === step.action);
		if (!action) throw new Error(`golden path: no ${step.action} at step ${steps.at(-1)?.id}`);
		const defaults = Object.fromEntries(action.fields.flatMap((f) => (f.kind === 'text' && f.value ? [[f.name, f.value]] : [])));
		forms.push({ action: step.action, defaults });
		const parsed = parseStepAction(action, { ...defaults, ...step.fields(caller, addDays(today, 3)) });
		if (!parsed.ok) throw new Error(`golden path: ${step.action} ${JSON.stringify(parsed.errors)}`);
		const r = sendEvent(store, world, user, runId, run.version, parsed.payload, at + (i + 1) * 30_000);
		if (!r.ok) throw new Error(`golden path: ${step.action} was not applied (${r.kind})`);
	}
	const run = db.prepare('SELECT * FROM procedure_runs WHERE id = ?').get(runId) as Record<string, unknown>;
	if (run.status !== 'completed') throw new Error(`golden path ended ${String(run.status)}`);
	if (run.evidence_version === null) throw new Error('the runner stored no evidence for the completed run');
	const events = db.prepare('SELECT * FROM run_events WHERE run_id = ? ORDER BY seq').all(runId) as Record<string, unknown>[];
	db.close();
	return { run, events, forms };
}

const DAY = 86_400_000;

/** Writes `count` completed live runs (with their event logs) owned by the staff in turn, over the last 540 days. */
export function insertLiveRuns(db: Database.Database, staffIds: readonly number[], count: number, sample: SampleRun, now: number): number {
	const r = sample.run;
	const run = db.prepare(
		`INSERT INTO procedure_runs (procedure, machine_version, revision, owner_id, supervisor_id, status, kind, abandon_reason, subject, input, snapshot, step_id, version, effects_applied, outcome, started_at, updated_at, completed_at, evidence_version, evidences, not_clean)
		 VALUES (?, ?, ?, ?, NULL, 'completed', 'live', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const ev = db.prepare('INSERT INTO run_events (run_id, seq, at, actor_id, type, event, applied, refusal, step_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
	const took = (r.completed_at as number) - (r.started_at as number);
	const batch = 20_000;
	for (let start = 0; start < count; start += batch) {
		db.transaction(() => {
			for (let i = start; i < Math.min(count, start + batch); i++) {
				const owner = staffIds[(i * 7) % staffIds.length];
				const startedAt = now - (i % 540) * DAY - (i % 7919) * 1000 - took;
				const id = Number(run.run(r.procedure, r.machine_version, r.revision, owner, r.subject, r.input, r.snapshot, r.step_id, r.version, r.effects_applied, r.outcome, startedAt, startedAt + took, startedAt + took, r.evidence_version, r.evidences, r.not_clean).lastInsertRowid);
				for (const e of sample.events) ev.run(id, e.seq, startedAt + ((e.at as number) - (r.started_at as number)), owner, e.type, e.event, e.applied, e.refusal, e.step_id);
			}
		})();
	}
	return count;
}

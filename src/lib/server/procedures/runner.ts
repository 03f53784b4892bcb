/**
 * The only glue between procedure machines and the database. Each request loads the run's persisted
 * snapshot, asks can() and the machine's rules, transitions, applies the step's new effects to the
 * World and saves — all in one synchronous transaction guarded by the run's row version, so a double
 * submit is refused and nothing is applied twice.
 */
import { createActor, type AnyActorRef, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { decide } from '$lib/authz/can';
import { whyNot } from '$machines/shared/rules';
import { activeSteps } from '$machines/shared/steps';
import type { Actor, Effect, ProcedureContextBase, Refusal, StepMeta } from '$machines/shared/types';
import { procedureDef, type ProcedureDef } from '$machines/registry';
import { policy } from '$lib/policy/settings';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import type { World } from './world';
import { killPoint } from './kill-points';
import { recordRunEvidence } from '../repos/training-evidence';

export interface RunRow {
	id: number;
	procedure: string;
	machineVersion: number;
	revision: number;
	ownerId: number;
	supervisorId: number | null;
	status: 'in_progress' | 'awaiting_verification' | 'completed' | 'abandoned';
	/** 'attempt' runs belong to a training attempt and act on its own world, never the sandbox. */
	kind: 'live' | 'attempt';
	abandonReason: string | null;
	subject: string | null;
	input: string;
	snapshot: string;
	stepId: string | null;
	version: number;
	effectsApplied: number;
	outcome: string | null;
	startedAt: number;
	updatedAt: number;
	completedAt: number | null;
}

export type StepResult =
	| { ok: true; run: RunRow; effects: Effect[] }
	| { ok: false; kind: 'refused'; refusal: Refusal; run: RunRow }
	| { ok: false; kind: 'forbidden'; reason: string; run: RunRow }
	| { ok: false; kind: 'stale'; run: RunRow };

export class RunError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 403 | 404 | 409
	) {
		super(message);
	}
}

const SELECT_RUN = `SELECT id, procedure, machine_version AS machineVersion, revision, owner_id AS ownerId, supervisor_id AS supervisorId,
	status, kind, abandon_reason AS abandonReason, subject, input, snapshot, step_id AS stepId, version, effects_applied AS effectsApplied,
	outcome, started_at AS startedAt, updated_at AS updatedAt, completed_at AS completedAt FROM procedure_runs`;

export function loadRun(store: Store, id: number): RunRow | null {
	return (store.db.$client.prepare(`${SELECT_RUN} WHERE id = ?`).get(id) as RunRow | undefined) ?? null;
}

function defOf(run: RunRow): ProcedureDef {
	const def = procedureDef(run.procedure);
	if (!def) throw new RunError(`Unknown procedure ${run.procedure}.`, 404);
	if (def.machineVersion !== run.machineVersion) throw new RunError(`This run was started under an older version of the procedure (v${run.machineVersion}).`, 409);
	return def;
}

/** Rebuilds the machine snapshot of a run. */
export function restoreSnapshot(run: RunRow): AnyMachineSnapshot {
	const def = defOf(run);
	const actor = createActor(def.machine, { snapshot: JSON.parse(run.snapshot) as Snapshot<unknown>, input: JSON.parse(run.input) });
	actor.start();
	const snap = actor.getSnapshot() as AnyMachineSnapshot;
	actor.stop();
	return snap;
}

function currentStep(snap: AnyMachineSnapshot): StepMeta | undefined {
	const steps = activeSteps(snap);
	return steps[steps.length - 1];
}

function statusOf(snap: AnyMachineSnapshot): RunRow['status'] {
	if (snap.status === 'done') return 'completed';
	return snap.hasTag('needsSecondPerson') ? 'awaiting_verification' : 'in_progress';
}

function outcomeOf(def: ProcedureDef, snap: AnyMachineSnapshot): string | null {
	if (snap.status !== 'done') return null;
	for (const node of snap._nodes) {
		const outcome = (node.meta as { outcome?: string } | undefined)?.outcome;
		if (outcome) return outcome;
	}
	return def.key;
}

const actorOf = (u: SessionUser) => ({ id: u.id, username: u.username });

/** Starts a live run; `input` is the machine input less the policy snapshot, which the runner adds. */
export function startRun(
	store: Store,
	user: SessionUser,
	procedureKey: string,
	input: Record<string, unknown>,
	opts: { subject?: string; supervisorId?: number | null; at: number; kind?: 'live' | 'attempt' }
): RunRow {
	const def = procedureDef(procedureKey);
	if (!def) throw new RunError(`Unknown procedure ${procedureKey}.`, 404);
	const d = decide(user, 'run.start', { procedure: def });
	if (!d.allowed) throw new RunError(d.reason, 403);
	const fullInput = { ...input, policy };
	const actor = createActor(def.machine, { input: fullInput });
	actor.start();
	const snap = actor.getSnapshot() as AnyMachineSnapshot;
	const persisted = actor.getPersistedSnapshot();
	actor.stop();
	return mutate(store, () => {
		const info = store.db.$client
			.prepare(
				`INSERT INTO procedure_runs (procedure, machine_version, revision, owner_id, supervisor_id, status, kind, subject, input, snapshot, step_id, version, effects_applied, started_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`
			)
			.run(
				def.key,
				def.machineVersion,
				def.revision.number,
				user.id,
				opts.supervisorId ?? null,
				statusOf(snap),
				opts.kind ?? 'live',
				opts.subject ?? null,
				JSON.stringify(fullInput),
				JSON.stringify(persisted),
				currentStep(snap)?.id ?? null,
				opts.at,
				opts.at
			);
		const id = Number(info.lastInsertRowid);
		audit(store, { actor: actorOf(user), action: 'run.start', target: `run:${id}`, summary: { procedure: def.key, subject: opts.subject ?? null, ...(opts.kind === 'attempt' ? { kind: 'attempt' } : {}) }, at: opts.at });
		return loadRun(store, id)!;
	});
}

function nextSeq(store: Store, runId: number): number {
	return ((store.db.$client.prepare('SELECT max(seq) AS m FROM run_events WHERE run_id = ?').get(runId) as { m: number | null }).m ?? 0) + 1;
}

function logEvent(store: Store, run: RunRow, by: SessionUser, event: { type: string; at: number }, refusal: Refusal | null, stepId: string | null): void {
	store.db.$client
		.prepare('INSERT INTO run_events (run_id, seq, at, actor_id, type, event, applied, refusal, step_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
		.run(run.id, nextSeq(store, run.id), event.at, by.id, event.type, JSON.stringify(event), refusal ? 0 : 1, refusal ? JSON.stringify(refusal) : null, stepId);
}

/**
 * Sends one event to a run as `by` (the signed-in user, or a second person who confirmed on the same
 * screen). `expectedVersion` is the row version the page was rendered with.
 */
export function sendEvent(
	store: Store,
	world: World,
	by: SessionUser,
	runId: number,
	expectedVersion: number,
	payload: Record<string, unknown> & { type: string },
	at: number
): StepResult {
	const result = mutate(store, (): StepResult => {
		const run = loadRun(store, runId);
		if (!run) throw new RunError('No such run.', 404);
		if (run.status === 'completed' || run.status === 'abandoned') throw new RunError(`This run is ${run.status === 'completed' ? 'already complete' : 'abandoned'}.`, 409);
		if (run.version !== expectedVersion) return { ok: false, kind: 'stale', run };
		const def = defOf(run);
		// One actor, restored once: checked as it stands, then sent the event.
		const actor = createActor(def.machine, { snapshot: JSON.parse(run.snapshot) as Snapshot<unknown>, input: JSON.parse(run.input) });
		actor.start();
		try {
			return applyStep(store, world, by, run, def, actor, expectedVersion, payload, at);
		} finally {
			actor.stop();
		}
	});
	if (result.ok) killPoint('after-commit', runId, expectedVersion);
	return result;
}

/** sendEvent's work on the restored run, inside its transaction. */
function applyStep(
	store: Store,
	world: World,
	by: SessionUser,
	run: RunRow,
	def: ProcedureDef,
	actor: AnyActorRef,
	expectedVersion: number,
	payload: Record<string, unknown> & { type: string },
	at: number
): StepResult {
	const snap = actor.getSnapshot() as AnyMachineSnapshot;
	const ctx = snap.context as ProcedureContextBase;
	const step = currentStep(snap);
	const authority = step?.authority?.[payload.type];
	const decision = decide(by, 'run.step', { run: { ownerId: run.ownerId, supervisorId: run.supervisorId, roles: ctx.roles }, authority });
	const stamped = { ...payload, at, by: { userId: String(by.id), level: by.level, name: by.displayName } satisfies Actor };
	if (!decision.allowed) {
		logEvent(store, run, by, stamped, { rule: 'not-authorised', reason: decision.reason, policyRef: 'ladder' }, step?.id ?? null);
		audit(store, { actor: actorOf(by), action: 'run.step.forbidden', target: `run:${run.id}`, summary: { type: payload.type, reason: decision.reason }, at });
		return { ok: false, kind: 'forbidden', reason: decision.reason, run: loadRun(store, run.id)! };
	}
	const refusal = whyNot(snap, stamped, def.rules);
	if (refusal) {
		logEvent(store, run, by, stamped, refusal, step?.id ?? null);
		audit(store, { actor: actorOf(by), action: 'run.step.refused', target: `run:${run.id}`, summary: { type: payload.type, rule: refusal.rule }, at });
		return { ok: false, kind: 'refused', refusal, run: loadRun(store, run.id)! };
	}
	actor.send(stamped);
	const next = actor.getSnapshot() as AnyMachineSnapshot;
	const persisted = actor.getPersistedSnapshot();
	const allEffects = (next.context as ProcedureContextBase).effects;
	const fresh = allEffects.slice(run.effectsApplied);
	for (const effect of fresh) world.apply(effect, { runId: run.id, at, actor: { id: by.id, username: by.username, displayName: by.displayName } });
	const status = statusOf(next);
	const updated = store.db.$client
		.prepare(
			`UPDATE procedure_runs SET snapshot = ?, step_id = ?, status = ?, outcome = ?, version = version + 1, effects_applied = ?, updated_at = ?, completed_at = ?
			 WHERE id = ? AND version = ?`
		)
		.run(JSON.stringify(persisted), currentStep(next)?.id ?? null, status, outcomeOf(def, next), allEffects.length, at, status === 'completed' ? at : null, run.id, expectedVersion);
	if (updated.changes !== 1) throw new RunError('This step was just submitted from somewhere else.', 409);
	logEvent(store, run, by, stamped, null, step?.id ?? null);
	// A completed live run is final: its standing as training evidence is stored with it now.
	if (status === 'completed' && run.kind === 'live') recordRunEvidence(store, run.id);
	audit(store, {
		actor: actorOf(by),
		action: 'run.step',
		target: `run:${run.id}`,
		summary: { type: payload.type, step: step?.id ?? null, effects: fresh.map((e) => e.type), ...(payload.confirmedBy ? { confirmedBy: payload.confirmedBy } : {}) },
		at
	});
	killPoint('before-commit', run.id, expectedVersion);
	return { ok: true, run: loadRun(store, run.id)!, effects: fresh };
}

/** Abandons a run with a reason (e.g. the customer left, or "sandbox reset"). */
export function abandonRun(store: Store, by: SessionUser, runId: number, reason: string, at: number): RunRow {
	return mutate(store, () => {
		const run = loadRun(store, runId);
		if (!run) throw new RunError('No such run.', 404);
		const d = decide(by, 'run.abandon', { run: { ownerId: run.ownerId, supervisorId: run.supervisorId, roles: {} } });
		if (!d.allowed) throw new RunError(d.reason, 403);
		if (run.status === 'completed' || run.status === 'abandoned') throw new RunError('This run has already ended.', 409);
		store.db.$client.prepare("UPDATE procedure_runs SET status = 'abandoned', abandon_reason = ?, version = version + 1, updated_at = ? WHERE id = ?").run(reason, at, runId);
		audit(store, { actor: actorOf(by), action: 'run.abandon', target: `run:${runId}`, summary: { reason }, at });
		return loadRun(store, runId)!;
	});
}

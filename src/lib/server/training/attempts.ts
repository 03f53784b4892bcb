/**
 * Running a training attempt (issue 5) with the same runner and machines as live work: the attempt
 * owns a procedure_runs row of kind 'attempt', every machine event goes through runner.sendEvent
 * with the attempt's own World, and the trainee acts with the scenario's level. The scripted customer
 * and simulated colleagues send their events through the same runner. Scenario time starts at the
 * scenario's date and time and moves with elapsed real time plus the jumps the trainee takes.
 */
import { randomInt } from 'node:crypto';
import type { AnyMachineSnapshot } from 'xstate';
import { decide } from '$lib/authz/can';
import { fromLocal } from '$lib/domain/calendar';
import { policy as currentPolicy } from '$lib/policy/settings';
import { procedureDef } from '$machines/registry';
import { activeSteps } from '$machines/shared/steps';
import type { ProcedureContextBase, StepMeta } from '$machines/shared/types';
import type { EventTemplate, ResolvedScenario } from '$scenarios/schema';
import { scenarioById } from '$scenarios/index';
import type { Level } from '$lib/domain/levels';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { loadRun, restoreSnapshot, RunError, sendEvent, startRun, type StepResult } from '../procedures/runner';
import { currentTurn, moodBand } from './dialogue';
import type { LogActor, LogEntry } from './log';
import { appendEntry, loadAttempt, logOf, policyOf, resolvedOf, storeInputs, type AttemptRow } from './repo';
import { deref, resolveScenario } from './resolve';
import { scoreAttempt } from './score';
import { AttemptWorldError, attemptWorld, worldAfter } from './world-state';
import { availableHint, liveFacts, openMoments, openPrompts, visibleItems } from './open';

export { availableHint, liveFacts, openMoments, openPrompts, visibleItems };

export class AttemptError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 403 | 404 | 409
	) {
		super(message);
	}
}

export type AttemptAction =
	| { kind: 'step'; payload: Record<string, unknown> & { type: string } }
	| { kind: 'ask'; colleague: string }
	| { kind: 'say'; reply: string }
	| { kind: 'choose'; prompt: string; option: string }
	| { kind: 'inspect'; item: string }
	| { kind: 'advance'; moment: string }
	| { kind: 'hint' }
	| { kind: 'finish' };

/** What happened: the machine's answer to the last event sent (for the page's message), if any. */
export interface ActOutcome {
	message: string | null;
	refused: boolean;
}

const hhmm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** When the scenario starts (epoch ms of its local date and time). */
export const scenarioStartAt = (s: ResolvedScenario) => fromLocal(s.world.start.date, hhmm(s.world.start.time));

/** Scenario time now: its start + real time elapsed + the jumps taken. */
export function scenarioNow(row: Pick<AttemptRow, 'startedAt'>, scenario: ResolvedScenario, log: readonly LogEntry[], realNow: number): number {
	const jumps = log.reduce((s, e) => s + (e.kind === 'jump' ? e.data.deltaMs : 0), 0);
	return scenarioStartAt(scenario) + Math.max(0, realNow - row.startedAt) + jumps;
}

/** The trainee with the scenario's authority (ladder.md: practise any scenario at its level). */
export const traineePrincipal = (user: SessionUser, level: string): SessionUser => ({ ...user, level: level as Level });

/** A simulated colleague: a principal with no user row (negative id), named as simulated. */
export function colleaguePrincipal(scenario: ResolvedScenario, id: string): SessionUser {
	const i = scenario.colleagues.findIndex((c) => c.id === id);
	if (i < 0) throw new AttemptError(`No colleague ${id} in this scenario.`, 400);
	const c = scenario.colleagues[i];
	return { id: -(i + 1), username: `sim-${c.id}`, displayName: `${c.name} (simulated ${c.role})`, level: c.level, isAdmin: false, teamId: null };
}

export function currentStepOf(snap: AnyMachineSnapshot): StepMeta | undefined {
	const steps = activeSteps(snap);
	return snap.status === 'active' ? steps[steps.length - 1] : undefined;
}

/** Starts an attempt of a scenario for `user` (a random seed unless given). */
export function startAttempt(store: Store, user: SessionUser, scenarioId: string, opts: { now: number; seed?: number }): AttemptRow {
	const d = decide(user, 'attempt.start');
	if (!d.allowed) throw new AttemptError(d.reason, 403);
	const scenario = scenarioById(scenarioId);
	if (!scenario) throw new AttemptError('There is no such scenario.', 404);
	const seed = opts.seed ?? randomInt(1, 2 ** 31 - 1);
	const resolved = resolveScenario(scenario, seed);
	const def = procedureDef(resolved.procedure)!;
	const trainee = traineePrincipal(user, resolved.level);
	return mutate(store, () => {
		const run = startRun(store, trainee, def.key, resolved.world.machineInput, { subject: resolved.world.subject, at: scenarioStartAt(resolved), kind: 'attempt' });
		const inputs = storeInputs(store.db.$client, resolved, currentPolicy);
		const info = store.db.$client
			.prepare(
				`INSERT INTO scenario_attempts (user_id, scenario_id, scenario_version, procedure, level, seed, machine_version, definition_id, world, policy_id, run_id, status, competencies, started_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?)`
			)
			.run(user.id, resolved.id, resolved.version, resolved.procedure, resolved.level, seed, def.machineVersion, inputs.definitionId, inputs.world, inputs.policyId, run.id, JSON.stringify(resolved.competencies), opts.now);
		const id = Number(info.lastInsertRowid);
		const row = loadAttempt(store, id)!;
		appendEntry(store, id, { kind: 'start', realAt: opts.now, at: scenarioStartAt(resolved), data: { scenarioId: resolved.id, version: resolved.version, seed, level: resolved.level } });
		audit(store, { actor: { id: user.id, username: user.username }, action: 'attempt.start', target: `attempt:${id}`, summary: { scenario: resolved.id, version: resolved.version, seed, run: run.id }, at: opts.now });
		const start = resolved.dialogue?.turns[resolved.dialogue.start];
		for (const move of start?.moves ?? []) sendAs(store, row, user, resolved, 'customer', move, opts.now);
		return row;
	});
}

/** Sends one machine event through the runner, with this attempt's World, and logs who sent it. */
function sendAs(store: Store, row: AttemptRow, user: SessionUser, scenario: ResolvedScenario, by: string, template: EventTemplate, realNow: number): StepResult {
	const run = loadRun(store, row.runId!);
	if (!run) throw new AttemptError('The attempt’s run is missing.', 409);
	const log = logOf(store, row);
	const at = scenarioNow(row, scenario, log, realNow);
	const snap = restoreSnapshot(run);
	const applied = (snap.context as ProcedureContextBase).effects.slice(0, run.effectsApplied);
	const world = attemptWorld(worldAfter(scenario, applied, at));
	const principal =
		by === 'trainee' ? traineePrincipal(user, row.level) : by === 'customer' ? { ...traineePrincipal(user, row.level), displayName: `${scenario.world.customer?.name ?? 'Customer'} (customer)` } : colleaguePrincipal(scenario, by);
	const payload = deref(template, scenario) as Record<string, unknown> & { type: string };
	let result: StepResult;
	try {
		result = sendEvent(store, world, principal, run.id, run.version, payload, at);
	} catch (e) {
		if (e instanceof AttemptWorldError || e instanceof RunError) throw new AttemptError(e.message, 409);
		throw e;
	}
	if (result.ok || result.kind !== 'stale') {
		const ev = store.db.$client.prepare('SELECT event, applied, refusal, step_id AS stepId FROM run_events WHERE run_id = ? ORDER BY seq DESC LIMIT 1').get(run.id) as {
			event: string;
			applied: number;
			refusal: string | null;
			stepId: string | null;
		};
		const actor: LogActor = by === 'trainee' || by === 'customer' ? by : `colleague:${by}`;
		appendEntry(store, row.id, { kind: 'machine', realAt: realNow, at, actor, event: JSON.parse(ev.event), applied: !!ev.applied, refusal: ev.refusal ? JSON.parse(ev.refusal) : null, stepId: ev.stepId });
	}
	return result;
}

const outcomeOfSend = (r: StepResult, who: string): ActOutcome => {
	if (r.ok) return { message: null, refused: false };
	if (r.kind === 'refused') return { message: `${who}${r.refusal.reason} (${r.refusal.policyRef})`, refused: true };
	if (r.kind === 'forbidden') return { message: `${who}${r.reason}`, refused: true };
	return { message: 'This step was just submitted from somewhere else.', refused: true };
};

function runEvents(store: Store, row: AttemptRow, user: SessionUser, s: ResolvedScenario, list: { by: string; event: EventTemplate }[], realNow: number): ActOutcome {
	let last: ActOutcome = { message: null, refused: false };
	for (const a of list) {
		const who = a.by === 'trainee' || a.by === 'customer' ? '' : `${s.colleagues.find((c) => c.id === a.by)?.name}: `;
		const r = sendAs(store, row, user, s, a.by, a.event, realNow);
		if (!r.ok) last = outcomeOfSend(r, who);
	}
	return last;
}

function machineSnapshot(store: Store, row: AttemptRow): AnyMachineSnapshot {
	return restoreSnapshot(loadRun(store, row.runId!)!);
}

/** Whether the attempt has run past its time limit (server clock). */
export const pastLimit = (row: AttemptRow, s: ResolvedScenario, realNow: number) => realNow - row.startedAt >= s.timeLimitMinutes * 60_000;

/** Ends an attempt past its limit (called on every load and action). Returns the row as it is now. */
export function enforceLimit(store: Store, row: AttemptRow, realNow: number): AttemptRow {
	if (row.status !== 'in_progress' || !pastLimit(row, resolvedOf(row), realNow)) return row;
	return finishAttempt(store, row, 'timed_out', realNow);
}

/** Does one thing in an attempt as its trainee. */
export function act(store: Store, user: SessionUser, attemptId: number, action: AttemptAction, realNow: number): ActOutcome {
	return mutate(store, () => {
		let row = loadAttempt(store, attemptId);
		if (!row) throw new AttemptError('No such attempt.', 404);
		const d = decide(user, 'attempt.act', { attempt: { userId: row.userId } });
		if (!d.allowed) throw new AttemptError(d.reason, 403);
		row = enforceLimit(store, row, realNow);
		if (row.status !== 'in_progress') throw new AttemptError('This attempt has ended.', 409);
		const s = resolvedOf(row);
		const log = logOf(store, row);
		const at = scenarioNow(row, s, log, realNow);
		const snap = machineSnapshot(store, row);
		const step = currentStepOf(snap);
		let out: ActOutcome = { message: null, refused: false };
		const waiting = openPrompts(s, log, step).find((p) => p.blocking);
		if (waiting && (action.kind === 'step' || action.kind === 'ask')) return { message: `${waiting.from} is waiting for your answer first.`, refused: false };
		switch (action.kind) {
			case 'step':
				out = outcomeOfSend(sendAs(store, row, user, s, 'trainee', action.payload as EventTemplate, realNow), '');
				break;
			case 'ask': {
				const colleague = s.colleagues.find((c) => c.id === action.colleague);
				if (!colleague) throw new AttemptError('There is no such colleague here.', 400);
				const type = Object.keys(colleague.acts).find((t) => step?.authority?.[t]) ?? null;
				appendEntry(store, row.id, { kind: 'ask', realAt: realNow, at, data: { colleague: colleague.id, event: type } });
				if (!type) return { message: `${colleague.name}: “There is nothing for me to do at this step.”`, refused: false };
				out = outcomeOfSend(sendAs(store, row, user, s, colleague.id, colleague.acts[type], realNow), `${colleague.name}: `);
				break;
			}
			case 'say': {
				const turnId = currentTurn(s, log);
				const reply = turnId ? s.dialogue?.turns[turnId]?.replies.find((r) => r.id === action.reply) : undefined;
				if (!turnId || !reply) throw new AttemptError('That reply is not one of the choices now.', 409);
				const mood = (snap.context as { mood?: number }).mood;
				const band = typeof mood === 'number' ? moodBand(policyOf(row), mood) : undefined;
				appendEntry(store, row.id, { kind: 'say', realAt: realNow, at, data: { reply: reply.id, turn: turnId, ...(band ? { band } : {}) } });
				out = runEvents(store, row, user, s, reply.do, realNow);
				const next = reply.next ? s.dialogue!.turns[reply.next] : undefined;
				runEvents(store, row, user, s, (next?.moves ?? []).map((event) => ({ by: 'customer', event })), realNow);
				break;
			}
			case 'choose': {
				const prompt = openPrompts(s, log, step).find((p) => p.id === action.prompt);
				const option = prompt?.options.find((o) => o.id === action.option);
				if (!prompt || !option) throw new AttemptError('That choice is not open now.', 409);
				appendEntry(store, row.id, { kind: 'choice', realAt: realNow, at, data: { prompt: prompt.id, option: option.id } });
				out = runEvents(store, row, user, s, option.do, realNow);
				break;
			}
			case 'inspect': {
				if (!visibleItems(s, log, liveFacts(s, log, snap)).some((i) => i.id === action.item)) throw new AttemptError('That item is not in front of you.', 409);
				appendEntry(store, row.id, { kind: 'inspect', realAt: realNow, at, data: { item: action.item } });
				break;
			}
			case 'advance': {
				const moment = openMoments(s, log, step).find((m) => m.id === action.moment);
				if (!moment) throw new AttemptError('That moment is not next.', 409);
				const target = fromLocal(s.world.start.date, hhmm(moment.at));
				appendEntry(store, row.id, { kind: 'jump', realAt: realNow, at, data: { moment: moment.id, deltaMs: Math.max(0, target - at) } });
				out = runEvents(store, row, user, s, moment.do, realNow);
				break;
			}
			case 'hint': {
				const next = availableHint(s, log, step);
				if (next === null) return { message: 'No hint is available for this step.', refused: false };
				appendEntry(store, row.id, { kind: 'hint', realAt: realNow, at, data: { index: next } });
				break;
			}
			case 'finish':
				finishAttempt(store, row, 'finished', realNow, { id: user.id, username: user.username });
				return { message: null, refused: false };
		}
		// Machine steps are audited by the runner; the attempt's own moves (what was said, chosen, looked at, asked) here.
		audit(store, { actor: { id: user.id, username: user.username }, action: `attempt.${action.kind}`, target: `attempt:${row.id}`, summary: trainingSummary(action), at: realNow });
		if (machineSnapshot(store, row).status === 'done') finishAttempt(store, row, 'completed', realNow, { id: user.id, username: user.username });
		return out;
	});
}

function trainingSummary(a: AttemptAction): Record<string, unknown> {
	const { kind: _k, ...rest } = a;
	return a.kind === 'step' ? { event: a.payload.type } : rest;
}

/** Ends an attempt: logs the finish, scores it, compacts its log into the attempt row and closes its run. */
export function finishAttempt(
	store: Store,
	row: AttemptRow,
	reason: 'finished' | 'timed_out' | 'completed',
	realNow: number,
	actor: { id: number; username: string } | null = null
): AttemptRow {
	return mutate(store, () => {
		const s = resolvedOf(row);
		const before = logOf(store, row);
		appendEntry(store, row.id, { kind: 'finish', realAt: realNow, at: scenarioNow(row, s, before, realNow), data: { reason } });
		const log = logOf(store, row);
		const result = scoreAttempt({ scenario: s, log, machineVersion: row.machineVersion, policy: policyOf(row) });
		const status = reason === 'timed_out' ? 'timed_out' : 'finished';
		store.db.$client
			.prepare(
				`UPDATE scenario_attempts SET status = ?, events = ?, result = ?, score = ?, max_score = ?, passed = ?, finished_at = ?, faults_found = ?, faults_missed = ?
				 WHERE id = ? AND status = ?`
			)
			.run(status, JSON.stringify(log), JSON.stringify(result), result.total, result.max, result.passed ? 1 : 0, realNow, JSON.stringify(result.faultsFound), JSON.stringify(result.faultsMissed), row.id, 'in_progress');
		const run = loadRun(store, row.runId!);
		if (run && run.status !== 'completed' && run.status !== 'abandoned')
			store.db.$client.prepare("UPDATE procedure_runs SET status = 'abandoned', abandon_reason = 'training attempt ended', version = version + 1, updated_at = ? WHERE id = ?").run(realNow, run.id);
		// Compaction: the attempt row now holds the whole log.
		store.db.$client.prepare('DELETE FROM attempt_events WHERE attempt_id = ?').run(row.id);
		store.db.$client.prepare('DELETE FROM run_events WHERE run_id = ?').run(row.runId);
		audit(store, {
			actor,
			action: reason === 'timed_out' ? 'attempt.timeout' : 'attempt.finish',
			target: `attempt:${row.id}`,
			summary: { score: result.total, passed: result.passed, critical: result.critical.map((c) => c.code), faultsFound: result.faultsFound, faultsMissed: result.faultsMissed },
			at: realNow
		});
		return loadAttempt(store, row.id)!;
	});
}

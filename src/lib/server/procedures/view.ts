/** Builds what the checklist page shows for a run: every step with its state and history, and the current step's forms. */
import { listSteps, activeSteps } from '$machines/shared/steps';
import { procedureMapSvg } from '$lib/procedures/map';
import { procedureDef } from '$machines/registry';
import { PROCEDURE_UI, type CapturedItem } from '$lib/procedures/catalog';
import { stepActions, type StepAction } from '$lib/procedures/step-forms';
import { LEVEL_TITLES } from '$lib/domain/levels';
import { decide } from '$lib/authz/can';
import type { ProcedureContextBase, StepMeta } from '$machines/shared/types';
import type { Store } from '../store';
import type { SessionUser } from '../auth/session';
import { restoreSnapshot, type RunRow } from './runner';

export interface StepHistory {
	type: string;
	at: number;
	by: string;
	applied: boolean;
	refusal: string | null;
}

export interface ChecklistStep {
	id: string;
	title: string;
	instructions: string;
	policyRef: string;
	state: 'done' | 'current' | 'upcoming';
	needsSecondPerson: boolean;
	history: StepHistory[];
}

export interface CurrentAction extends StepAction {
	/** Same-screen second-person sign-in is offered to the run's owner for this action. */
	secondPerson: { minLevelTitle: string } | null;
	/** Whether the viewer may send it themselves (else: the reason). */
	blockedReason: string | null;
}

export interface RunView {
	id: number;
	procedure: string;
	title: string;
	status: RunRow['status'];
	outcome: string | null;
	abandonReason: string | null;
	subject: string | null;
	version: number;
	ownerName: string;
	startedAt: number;
	steps: ChecklistStep[];
	current: (StepMeta & { actions: CurrentAction[] }) | null;
	captured: CapturedItem[];
	lastRefusal: string | null;
	isOwner: boolean;
	/** The supervising senior of a supervised run (ladder.md): they confirm every step the owner submits. */
	supervisor: { username: string; displayName: string } | null;
	/** The procedure map as SVG text (labels escaped), current step highlighted and the path taken marked. */
	mapSvg: string;
}

/** Display names of everyone who acted in a run (and its owner and supervising senior), by user id as machines record it. */
export function runPeople(store: Store, run: Pick<RunRow, 'id' | 'ownerId' | 'supervisorId'>): Record<string, string> {
	const rows = store.db.$client
		.prepare(
			`SELECT id, display_name AS name FROM users WHERE id IN (SELECT actor_id FROM run_events WHERE run_id = ?) OR id = ? OR id = ?
			 UNION ALL
			 -- A training attempt's simulated colleagues have no user row (negative ids): the name stamped on their events.
			 SELECT actor_id, max(json_extract(event, '$.by.name')) FROM run_events WHERE run_id = ? AND actor_id < 0 GROUP BY actor_id`
		)
		.all(run.id, run.ownerId, run.supervisorId ?? -1, run.id) as { id: number; name: string | null }[];
	return Object.fromEntries(rows.filter((r) => r.name).map((r) => [String(r.id), r.name!]));
}

export function buildRunView(store: Store, run: RunRow, viewer: SessionUser): RunView {
	const def = procedureDef(run.procedure)!;
	const ui = PROCEDURE_UI[run.procedure];
	const snap = restoreSnapshot(run);
	const ctx = snap.context as ProcedureContextBase & Record<string, unknown>;
	const events = store.db.$client
		.prepare(
			// The name stamped on the event (a training attempt's simulated colleagues have no user row).
			`SELECT e.type, e.at, e.applied, e.refusal, e.step_id AS stepId, coalesce(json_extract(e.event, '$.by.name'), u.display_name, 'someone') AS by
			 FROM run_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.run_id = ? ORDER BY e.seq`
		)
		.all(run.id) as { type: string; at: number; applied: number; refusal: string | null; stepId: string | null; by: string }[];
	const active = activeSteps(snap);
	const currentMeta = snap.status === 'active' ? active[active.length - 1] : undefined;
	const hidden = new Set(ui?.hiddenSteps?.(ctx) ?? []);
	const steps = listSteps(def.machine).map((s): ChecklistStep => {
		const history = events
			.filter((e) => e.stepId === s.id)
			.map((e) => ({ type: e.type, at: e.at, by: e.by, applied: !!e.applied, refusal: e.refusal ? (JSON.parse(e.refusal) as { reason: string }).reason : null }));
		const state = currentMeta?.id === s.id ? 'current' : history.some((h) => h.applied) ? 'done' : 'upcoming';
		return { id: s.id, title: s.title, instructions: s.instructions, policyRef: s.policyRef, state, needsSecondPerson: !!s.needsSecondPerson, history };
	}).filter((s) => s.state !== 'upcoming' || s.history.length > 0 || !hidden.has(s.id));
	const roles = { ownerId: run.ownerId, supervisorId: run.supervisorId, roles: ctx.roles ?? {} };
	const isOwner = viewer.id === run.ownerId;
	const actions: CurrentAction[] =
		currentMeta && run.status !== 'abandoned'
			? stepActions(ui?.forms, currentMeta.id, { context: ctx, viewer: { level: viewer.level, id: viewer.id }, active: active.map((s) => s.id) }).map((a) => {
					const authority = currentMeta.authority?.[a.event];
					const d = decide(viewer, 'run.step', { run: roles, authority });
					const offerSecond = !!authority?.secondPerson && isOwner;
					return {
						...a,
						secondPerson: offerSecond ? { minLevelTitle: LEVEL_TITLES[authority!.minLevel] } : null,
						blockedReason: d.allowed || offerSecond ? null : d.reason
					};
				})
			: [];
	const stateIdOf = new Map(listSteps(def.machine).map((s) => [s.id, s.stateId]));
	const visited = events.filter((e) => e.applied && e.stepId).map((e) => stateIdOf.get(e.stepId!) ?? '');
	const leaf = snap._nodes[snap._nodes.length - 1]?.id;
	if (snap.status === 'done' && leaf) visited.push(leaf);
	const mapSvg = procedureMapSvg(def.machine, { current: snap.status === 'active' ? leaf : undefined, visited, title: `Map of ${def.title}` });
	const last = events[events.length - 1];
	const owner = store.db.$client.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(run.ownerId) as { n: string };
	const supervisor = run.supervisorId
		? (store.db.$client.prepare('SELECT username, display_name AS displayName FROM users WHERE id = ?').get(run.supervisorId) as { username: string; displayName: string })
		: null;
	return {
		id: run.id,
		procedure: run.procedure,
		title: def.title,
		status: run.status,
		outcome: run.outcome,
		abandonReason: run.abandonReason,
		subject: run.subject,
		version: run.version,
		ownerName: owner.n,
		startedAt: run.startedAt,
		steps,
		current: currentMeta ? { ...currentMeta, actions } : null,
		captured: ui ? ui.captured(ctx, runPeople(store, run)) : [],
		lastRefusal: last && !last.applied && last.refusal ? (JSON.parse(last.refusal) as { reason: string }).reason : null,
		isOwner,
		supervisor,
		mapSvg
	};
}

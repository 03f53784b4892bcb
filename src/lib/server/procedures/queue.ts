/** "Awaiting my verification": runs whose current step waits on a second person the viewer could be. */
import { decide } from '$lib/authz/can';
import { activeSteps } from '$machines/shared/steps';
import { procedureDef } from '$machines/registry';
import type { ProcedureContextBase } from '$machines/shared/types';
import type { Store } from '../store';
import type { SessionUser } from '../auth/session';
import { restoreSnapshot, type RunRow } from './runner';

export interface QueueItem {
	id: number;
	title: string;
	subject: string | null;
	stepTitle: string;
	ownerName: string;
	updatedAt: number;
}

/** Whether `user` may act on the run's current step as its second person. */
export function canVerify(run: RunRow, user: SessionUser): { ok: boolean; stepTitle: string } {
	if (run.status !== 'awaiting_verification') return { ok: false, stepTitle: '' };
	const snap = restoreSnapshot(run);
	const steps = activeSteps(snap);
	const step = steps[steps.length - 1];
	if (!step?.authority) return { ok: false, stepTitle: step?.title ?? '' };
	const roles = (snap.context as ProcedureContextBase).roles ?? {};
	const ok = Object.values(step.authority).some(
		(a) => a.secondPerson && decide(user, 'run.step', { run: { ownerId: run.ownerId, supervisorId: run.supervisorId, roles }, authority: a }).allowed
	);
	return { ok, stepTitle: step.title };
}

export function verificationQueue(store: Store, user: SessionUser): QueueItem[] {
	const runs = store.db.$client
		.prepare(
			`SELECT r.*, r.machine_version AS machineVersion, r.owner_id AS ownerId, r.supervisor_id AS supervisorId, r.step_id AS stepId,
				r.effects_applied AS effectsApplied, r.started_at AS startedAt, r.updated_at AS updatedAt, u.display_name AS ownerName
			 FROM procedure_runs r JOIN users u ON u.id = r.owner_id
			 WHERE r.status = 'awaiting_verification' AND r.kind = 'live' AND r.owner_id <> ? ORDER BY r.updated_at LIMIT 200`
		)
		.all(user.id) as (RunRow & { ownerName: string })[];
	const out: QueueItem[] = [];
	for (const run of runs) {
		const def = procedureDef(run.procedure);
		if (!def || def.machineVersion !== run.machineVersion) continue;
		const v = canVerify(run, user);
		if (v.ok) out.push({ id: run.id, title: def.title, subject: run.subject, stepTitle: v.stepTitle, ownerName: run.ownerName, updatedAt: run.updatedAt });
	}
	return out;
}

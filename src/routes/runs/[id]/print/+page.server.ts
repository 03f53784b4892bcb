import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { decide } from '$lib/authz/can';
import { loadRun, restoreSnapshot } from '$lib/server/procedures/runner';
import { runPeople } from '$lib/server/procedures/view';
import { procedureDef } from '$machines/registry';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { runParticipants } from '$lib/server/repos/runs';
import type { ProcedureContextBase } from '$machines/shared/types';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'app.use');
	const id = idParam(event.params.id);
	const store = getStore();
	const run = id === null ? null : loadRun(store, id);
	if (!run) error(404, { message: 'No such procedure run.' });
	// A training attempt's run acts on the attempt's own world: it is only ever driven from /practice.
	if (run.kind === 'attempt') error(404, { message: 'This is a training attempt: open it from Practice.' });
	const ctx = restoreSnapshot(run).context as ProcedureContextBase & Record<string, unknown>;
	const d = decide(user, 'run.view', { run: { ownerId: run.ownerId, supervisorId: run.supervisorId, roles: ctx.roles ?? {}, participants: runParticipants(store, run.id) } });
	if (!d.allowed) error(403, { message: d.reason });
	const people = store.db.$client
		.prepare(
			`SELECT DISTINCT u.display_name AS name FROM run_events e JOIN users u ON u.id = e.actor_id WHERE e.run_id = ? AND e.applied = 1 ORDER BY e.seq`
		)
		.all(run.id) as { name: string }[];
	const owner = store.db.$client.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(run.ownerId) as { n: string };
	return {
		run: { id: run.id, title: procedureDef(run.procedure)?.title ?? run.procedure, subject: run.subject, status: run.status, outcome: run.outcome, abandonReason: run.abandonReason, startedAt: run.startedAt, completedAt: run.completedAt, ownerName: owner.n },
		people: people.map((p) => p.name),
		sections: PROCEDURE_UI[run.procedure]?.printable(ctx, runPeople(store, run)) ?? []
	};
};

import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { decide } from '$lib/authz/can';
import { abandonRun, loadRun, restoreSnapshot, RunError, sendEvent } from '$lib/server/procedures/runner';
import { buildRunView } from '$lib/server/procedures/view';
import { canVerify } from '$lib/server/procedures/queue';
import { sandboxWorld, WorldError } from '$lib/server/procedures/sandbox-world';
import { confirmSecondPerson } from '$lib/server/auth/login';
import { findUserById } from '$lib/server/repos/users';
import { activeSteps } from '$machines/shared/steps';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { readForm } from '$lib/server/forms';
import { runParticipants } from '$lib/server/repos/runs';
import type { ProcedureContextBase } from '$machines/shared/types';

function runFor(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
	const user = authorize(event, 'app.use');
	const id = idParam(event.params.id);
	const run = id === null ? null : loadRun(getStore(), id);
	if (!run) error(404, { message: 'No such procedure run.' });
	// A training attempt's run acts on the attempt's own world: it is only ever driven from /practice.
	if (run.kind === 'attempt') error(404, { message: 'This is a training attempt: open it from Practice.' });
	const roles = (restoreSnapshot(run).context as ProcedureContextBase).roles;
	const d = decide(user, 'run.view', { run: { ownerId: run.ownerId, supervisorId: run.supervisorId, roles, participants: runParticipants(getStore(), run.id) } });
	// A colleague who may verify the current step may open the run from their queue.
	if (!d.allowed && !canVerify(run, user).ok) error(403, { message: d.reason });
	return { user, run };
}

export const load: PageServerLoad = (event) => {
	const { user, run } = runFor(event);
	return { view: buildRunView(getStore(), run, user) };
};

/** Keeps typed values (never passwords) so a refused step loses nothing the person entered. */
function keep(values: Record<string, string>): Record<string, string> {
	const { secondPassword: _p, supervisorPassword: _s, version: _v, ...rest } = values;
	return rest;
}

export const actions: Actions = {
	step: async (event) => {
		const { user, run } = runFor(event);
		const values = await readForm(event.request);
		const store = getStore();
		const version = Number(values.version);
		if (version !== run.version)
			return fail(409, { values: keep(values), errors: {}, message: 'This step was already submitted (perhaps in another tab). The page now shows the latest state; nothing was applied twice.' });
		const snap = restoreSnapshot(run);
		const steps = activeSteps(snap);
		const step = steps[steps.length - 1];
		const scope = { context: snap.context as Record<string, unknown>, viewer: { level: user.level, id: user.id }, active: steps.map((s) => s.id) };
		const wanted = values.action || values.event;
		const action = step ? stepActions(PROCEDURE_UI[run.procedure]?.forms, step.id, scope).find((a) => actionKey(a) === wanted) : undefined;
		if (!action) return fail(409, { values: keep(values), errors: {}, message: 'That step is no longer current: the page now shows where the procedure is.' });
		const parsed = parseStepAction(action, values);
		if (!parsed.ok) return fail(400, { values: keep(values), errors: parsed.errors, message: 'Check the highlighted fields.' });

		let by = user;
		let confirmedBy: { userId: string; name: string } | undefined;
		const authority = step.authority?.[action.event];
		if (run.supervisorId && user.id === run.ownerId && !authority?.secondPerson) {
			// A supervised run (ladder.md): the supervising senior confirms each step with their password.
			const senior = findUserById(store, run.supervisorId);
			if (!senior || !values.supervisorPassword)
				return fail(400, { values: keep(values), errors: { supervisorPassword: 'Your supervising senior confirms this step with their password.' }, message: 'This step needs your supervising senior’s confirmation.' });
			const ok = await confirmSecondPerson(store, senior.username, values.supervisorPassword, event.getClientAddress());
			if (!ok.ok || ok.user.id !== run.supervisorId) return fail(400, { values: keep(values), errors: { supervisorPassword: ok.ok ? 'Not the supervising senior.' : ok.message }, message: 'The supervising senior’s confirmation did not match.' });
			confirmedBy = { userId: String(senior.id), name: senior.displayName };
		} else if (authority?.secondPerson && user.id === run.ownerId) {
			const username = (values.secondUsername ?? '').trim();
			if (!username || !values.secondPassword)
				return fail(400, { values: keep(values), errors: { secondUsername: 'The second person enters their username and password here.' }, message: 'This step needs a second person.' });
			const second = await confirmSecondPerson(store, username, values.secondPassword, event.getClientAddress());
			if (!second.ok) return fail(400, { values: keep(values), errors: { secondUsername: second.message }, message: second.message });
			by = second.user;
		}
		try {
			const payload = confirmedBy ? { ...parsed.payload, confirmedBy } : parsed.payload;
			const r = sendEvent(store, sandboxWorld(store.db.$client), by, run.id, version, payload, now());
			if (r.ok) redirect(303, `/runs/${run.id}`);
			if (r.kind === 'stale')
				return fail(409, { values: keep(values), errors: {}, message: 'This step was already submitted (perhaps in another tab). The page now shows the latest state; nothing was applied twice.' });
			if (r.kind === 'forbidden') return fail(403, { values: keep(values), errors: {}, message: r.reason });
			return fail(422, { values: keep(values), errors: {}, message: `${r.refusal.reason} (${r.refusal.policyRef})` });
		} catch (e) {
			if (e instanceof RunError) return fail(e.status, { values: keep(values), errors: {}, message: e.message });
			if (e instanceof WorldError) return fail(409, { values: keep(values), errors: {}, message: e.message });
			throw e;
		}
	},
	abandon: async (event) => {
		const { user, run } = runFor(event);
		const values = await readForm(event.request);
		const reason = (values.reason ?? '').trim();
		if (reason.length < 3 || reason.length > 300) return fail(400, { values: {}, errors: { reason: 'Say briefly why the procedure is being abandoned (3–300 characters).' }, message: '' });
		try {
			abandonRun(getStore(), user, run.id, reason, now());
		} catch (e) {
			if (e instanceof RunError) return fail(e.status, { values: {}, errors: {}, message: e.message });
			throw e;
		}
		redirect(303, `/runs/${run.id}`);
	}
};

import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { formValues } from '$lib/server/forms';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { actionKey, parseStepAction, stepActions } from '$lib/procedures/step-forms';
import { loadRun, restoreSnapshot } from '$lib/server/procedures/runner';
import { act, AttemptError, currentStepOf, traineePrincipal, type AttemptAction } from '$lib/server/training/attempts';
import { attemptFor } from '$lib/server/training/guard';
import { loadAttempt } from '$lib/server/training/repo';
import { buildAttemptView } from '$lib/server/training/view';

export const load: PageServerLoad = (event) => {
	const { user, row } = attemptFor(event, 'attempt.view');
	if (row.status !== 'in_progress') redirect(303, `/practice/attempts/${row.id}/result`);
	return { view: buildAttemptView(getStore(), row, user, now()), canAct: user.id === row.userId };
};

/** Keeps typed values so a refused step loses nothing the trainee entered. */
const keep = (values: Record<string, string>) => {
	const { version: _v, ...rest } = values;
	return rest;
};

async function perform(event: RequestEvent, build: (values: Record<string, string>) => AttemptAction | { error: ReturnType<typeof fail> }) {
	const { user, row } = attemptFor(event, 'attempt.act');
	if (row.status !== 'in_progress') redirect(303, `/practice/attempts/${row.id}/result`);
	const values = formValues(await event.request.formData());
	const action = build(values);
	if ('error' in action) return action.error;
	try {
		const out = act(getStore(), user, row.id, action, now());
		const after = loadAttempt(getStore(), row.id)!;
		if (after.status !== 'in_progress') redirect(303, `/practice/attempts/${row.id}/result`);
		if (out.message && out.refused) return fail(422, { values: keep(values), errors: {}, message: out.message, refused: true });
		// Not a refusal (a colleague with nothing to do, no hint left): say so on the page.
		if (out.message) return { values: {}, errors: {}, message: out.message, refused: false };
	} catch (e) {
		if (e instanceof AttemptError) return fail(e.status, { values: keep(values), errors: {}, message: e.message, refused: true });
		throw e;
	}
	redirect(303, `/practice/attempts/${row.id}`);
}

const need = (v: string | undefined) => (v ?? '').trim();

export const actions: Actions = {
	step: (event) =>
		perform(event, (values) => {
			const { user, row } = attemptFor(event, 'attempt.act');
			const run = loadRun(getStore(), row.runId!)!;
			if (Number(values.version) !== run.version)
				return { error: fail(409, { values: keep(values), errors: {}, message: 'This step was already submitted (perhaps in another tab). The page now shows where the attempt is.', refused: true }) };
			const snap = restoreSnapshot(run);
			const step = currentStepOf(snap);
			const scope = { context: snap.context as Record<string, unknown>, viewer: { level: traineePrincipal(user, row.level).level, id: user.id } };
			const wanted = values.action || values.event;
			const action = step ? stepActions(PROCEDURE_UI[row.procedure]?.forms, step.id, scope).find((a) => actionKey(a) === wanted) : undefined;
			if (!action) return { error: fail(409, { values: keep(values), errors: {}, message: 'That step is no longer current: the page now shows where the procedure is.', refused: true }) };
			const parsed = parseStepAction(action, values);
			if (!parsed.ok) return { error: fail(400, { values: keep(values), errors: parsed.errors, message: 'Check the highlighted fields.', refused: true }) };
			return { kind: 'step', payload: parsed.payload };
		}),
	say: (event) => perform(event, (v) => ({ kind: 'say', reply: need(v.reply) })),
	ask: (event) => perform(event, (v) => ({ kind: 'ask', colleague: need(v.colleague) })),
	choose: (event) => perform(event, (v) => ({ kind: 'choose', prompt: need(v.prompt), option: need(v.option) })),
	inspect: (event) => perform(event, (v) => ({ kind: 'inspect', item: need(v.item) })),
	advance: (event) => perform(event, (v) => ({ kind: 'advance', moment: need(v.moment) })),
	hint: (event) => perform(event, () => ({ kind: 'hint' })),
	finish: (event) =>
		perform(event, (v) =>
			v.confirm === 'yes' ? { kind: 'finish' } : { error: fail(400, { values: {}, errors: { confirm: 'Tick the box to confirm you are finished.' }, message: 'Confirm that you want to finish.', refused: true }) }
		)
};

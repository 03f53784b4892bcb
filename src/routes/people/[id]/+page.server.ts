import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { readForm, validate } from '$lib/server/forms';
import { personView } from '$lib/server/competency/person-view';
import { observe, requestSignoff, revoke, signOff, type Outcome } from '$lib/server/competency/signoff';
import { promote } from '$lib/server/competency/promote';
import { observeSchema, promoteSchema, requestSchema, revokeSchema, signoffSchema } from './schema';

function personId(event: { params: { id: string } }): number {
	// Written one way only (idParam): Number() took " 1" or "1e0" for person 1.
	const id = idParam(event.params.id);
	if (id === null) error(404, { message: 'No such person.' });
	return id;
}

export const load: PageServerLoad = (event) => {
	const id = personId(event);
	const viewer = authorize(event, 'person.view', { targetUserId: id });
	const view = personView(getStore(), id, viewer, now());
	if (!view) error(404, { message: 'No such person.' });
	return { view, done: event.url.searchParams.get('done') };
};

/** Form failure: the message goes next to the field it names (or the form), with the values kept. */
function failed(action: string, competency: string | null, values: Record<string, string>, o: Extract<Outcome, { ok: false }> | { status: 400; errors: Record<string, string> }) {
	const errors = 'errors' in o ? o.errors : { [o.field ?? 'form']: o.message };
	return fail(o.status, { action, competency, values, errors });
}

async function parse(event: RequestEvent) {
	const id = personId(event as unknown as { params: { id: string } });
	const viewer = authorize(event, 'person.view', { targetUserId: id });
	return { id, viewer, values: await readForm(event.request) };
}

export const actions: Actions = {
	signoff: async (event) => {
		const { id, viewer, values } = await parse(event);
		const v = validate(signoffSchema, values);
		if (!v.ok) return failed('signoff', values.competency ?? null, values, { status: 400, errors: v.errors });
		const r = signOff(getStore(), viewer, id, v.data.competency, { note: v.data.note, overrideReason: v.data.overrideReason, supersedes: v.data.supersedes ? Number(v.data.supersedes) : null }, now());
		if (!r.ok) return failed('signoff', v.data.competency, values, r);
		redirect(303, `/people/${id}?done=signed#${v.data.competency}`);
	},
	revoke: async (event) => {
		const { id, viewer, values } = await parse(event);
		const v = validate(revokeSchema, values);
		if (!v.ok) return failed('revoke', values.competency ?? null, values, { status: 400, errors: v.errors });
		const r = revoke(getStore(), viewer, id, v.data.competency, v.data.reason, now());
		if (!r.ok) return failed('revoke', v.data.competency, values, r);
		redirect(303, `/people/${id}?done=revoked#${v.data.competency}`);
	},
	observe: async (event) => {
		const { id, viewer, values } = await parse(event);
		const v = validate(observeSchema, values);
		if (!v.ok) return failed('observe', values.competency ?? null, values, { status: 400, errors: v.errors });
		const r = observe(getStore(), viewer, id, v.data.competency, v.data.note, now());
		if (!r.ok) return failed('observe', v.data.competency, values, r);
		redirect(303, `/people/${id}?done=observed#${v.data.competency}`);
	},
	request: async (event) => {
		const { id, viewer, values } = await parse(event);
		// Asking on someone else's behalf is a permission refusal (403), not a form mistake.
		if (viewer.id !== id) return failed('request', values.competency ?? null, values, { ok: false, status: 403, message: 'You can request sign-off only for yourself.' });
		const v = validate(requestSchema, values);
		if (!v.ok) return failed('request', values.competency ?? null, values, { status: 400, errors: v.errors });
		const r = requestSignoff(getStore(), viewer, v.data.competency, now());
		if (!r.ok) return failed('request', v.data.competency, values, r);
		redirect(303, `/people/${id}?done=requested#${v.data.competency}`);
	},
	promote: async (event) => {
		const { id, viewer, values } = await parse(event);
		const v = validate(promoteSchema, values);
		if (!v.ok) return failed('promote', null, values, { status: 400, errors: v.errors });
		const r = promote(getStore(), viewer, id, v.data, now());
		if (!r.ok) return failed('promote', null, values, r);
		redirect(303, `/people/${id}?done=promoted`);
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { findUserById } from '$lib/server/repos/users';
import { resetPassword, setActive } from '$lib/server/admin/users';
import { hashPassword } from '$lib/server/auth/password';
import { readForm, validate } from '$lib/server/forms';
import { confirmSchema, resetPasswordSchema } from '../schema';

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = idParam(event.params.id);
	const user = id === null ? null : findUserById(getStore(), id);
	if (!user) error(404, { message: 'No such user account.' });
	return user;
}

export const load: PageServerLoad = (event) => {
	authorize(event, 'users.list');
	return { target: target(event), done: event.url.searchParams.get('done') };
};

export const actions: Actions = {
	deactivate: async (event) => {
		authorize(event, 'users.list');
		const t = target(event);
		const actor = authorize(event, 'users.deactivate', { targetUserId: t.id, targetLevel: t.level });
		const parsed = validate(confirmSchema, await readForm(event.request));
		if (!parsed.ok) return fail(400, { action: 'deactivate', errors: parsed.errors });
		setActive(getStore(), actor, t.id, false);
		redirect(303, `/admin/users/${t.id}?done=deactivated`);
	},
	reactivate: async (event) => {
		authorize(event, 'users.list');
		const t = target(event);
		const actor = authorize(event, 'users.deactivate', { targetUserId: t.id, targetLevel: t.level });
		setActive(getStore(), actor, t.id, true);
		redirect(303, `/admin/users/${t.id}?done=reactivated`);
	},
	resetPassword: async (event) => {
		authorize(event, 'users.list');
		const t = target(event);
		const actor = authorize(event, 'users.resetPassword', { targetUserId: t.id, targetLevel: t.level });
		const parsed = validate(resetPasswordSchema, await readForm(event.request));
		if (!parsed.ok) return fail(400, { action: 'resetPassword', errors: parsed.errors });
		resetPassword(getStore(), actor, t.id, await hashPassword(parsed.data.password));
		redirect(303, `/admin/users/${t.id}?done=password`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { listTeams, listUsers, usernameTaken } from '$lib/server/repos/users';
import { createUser } from '$lib/server/admin/users';
import { hashPassword } from '$lib/server/auth/password';
import { readForm, validate } from '$lib/server/forms';
import { decide } from '$lib/authz/can';
import { createUserSchema } from './schema';

export const load: PageServerLoad = (event) => {
	authorize(event, 'users.list');
	const store = getStore();
	return { users: listUsers(store), teams: listTeams(store), created: event.url.searchParams.get('created') };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event, 'users.create');
		const values = await readForm(event.request);
		delete values.password_repeat;
		const safeValues = { ...values, password: '' };
		const parsed = validate(createUserSchema, values);
		if (!parsed.ok) return fail(400, { values: safeValues, errors: parsed.errors });
		const d = parsed.data;
		const allowed = decide(actor, 'users.create', { targetLevel: d.level });
		if (!allowed.allowed) return fail(403, { values: safeValues, errors: { level: allowed.reason } });
		const store = getStore();
		if (usernameTaken(store, d.username)) return fail(400, { values: safeValues, errors: { username: 'That username is already in use.' } });
		const teamId = d.teamId ? Number(d.teamId) : null;
		if (teamId !== null && !listTeams(store).some((t) => t.id === teamId)) return fail(400, { values: safeValues, errors: { teamId: 'Choose a team from the list.' } });
		createUser(store, actor, {
			username: d.username,
			displayName: d.displayName,
			level: d.level,
			isAdmin: d.isAdmin === 'on',
			hireDate: d.hireDate,
			teamId,
			passwordHash: await hashPassword(d.password)
		});
		redirect(303, `/admin/users?created=${encodeURIComponent(d.username)}`);
	}
};

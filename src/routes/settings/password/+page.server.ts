import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { findLoginByUsername } from '$lib/server/repos/users';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { changeOwnPassword } from '$lib/server/admin/users';
import { readForm, validate } from '$lib/server/forms';
import { changePasswordSchema } from './schema';

export const load: PageServerLoad = (event) => {
	authorize(event, 'password.change');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = authorize(event, 'password.change');
		const parsed = validate(changePasswordSchema, await readForm(event.request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, done: false });
		const store = getStore();
		const login = findLoginByUsername(store, user.username);
		if (!login || !(await verifyPassword(login.passwordHash, parsed.data.current)))
			return fail(400, { errors: { current: 'That is not your current password.' }, done: false });
		changeOwnPassword(store, user, event.locals.session!.id, await hashPassword(parsed.data.password));
		return { errors: {}, done: true };
	}
};

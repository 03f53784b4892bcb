import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getStore } from '$lib/server/store';
import { login } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/session';
import { secureCookies } from '$lib/server/auth/handle';
import { readForm, validate, type FieldErrors } from '$lib/server/forms';
import { loginSchema, safeRedirect } from './schema';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await readForm(event.request);
		const parsed = validate(loginSchema, values);
		if (!parsed.ok) return fail(400, { username: values.username ?? '', errors: parsed.errors, message: '' });
		const result = await login(getStore(), parsed.data.username, parsed.data.password, event.getClientAddress());
		if (!result.ok) return fail(result.status, { username: parsed.data.username, errors: {} as FieldErrors, message: result.message });
		setSessionCookie(event.cookies, result.token, result.session.expiresAt, secureCookies(event.url));
		redirect(303, safeRedirect(event.url.searchParams.get('redirectTo')));
	}
};

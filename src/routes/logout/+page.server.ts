import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getStore, mutate } from '$lib/server/store';
import { audit } from '$lib/server/audit/log';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { secureCookies } from '$lib/server/auth/handle';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		const { session, user } = locals;
		if (session && user) {
			const store = getStore();
			mutate(store, () => {
				invalidateSession(store, session.id);
				audit(store, { actor: { id: user.id, username: user.username }, action: 'auth.logout', target: `user:${user.id}`, summary: {} });
			});
		}
		deleteSessionCookie(cookies, secureCookies(url));
		redirect(303, '/login');
	}
};

/** Route guards: require a signed-in user, then ask can(); a refusal renders the 403 page with its reason. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { decide, type Action, type Resource } from '$lib/authz/can';
import type { SessionUser } from '../auth/session';

/** The signed-in user, or a redirect to the login page that returns here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** requireUser + can(): throws 403 with the reason when not allowed. */
export function authorize(event: Pick<RequestEvent, 'locals' | 'url'>, action: Action, resource: Resource = {}): SessionUser {
	const user = requireUser(event);
	const d = decide(user, action, resource);
	if (!d.allowed) error(403, { message: d.reason });
	return user;
}

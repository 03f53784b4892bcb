/** Resolves the session cookie into locals.user / locals.session on every request. */
import type { Handle } from '@sveltejs/kit';
import { getStore } from '../store';
import { now } from '../clock';
import { config } from '../config';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from './session';

export const authHandle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = validateSessionToken(getStore(), token, now());
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, token, result.session.expiresAt, secureCookies(event.url));
		} else {
			deleteSessionCookie(event.cookies, secureCookies(event.url));
		}
	}
	return resolve(event);
};

/** Secure cookies in production except on plain-http localhost (stack-notes item 3). */
export function secureCookies(url: URL): boolean {
	return config.production && url.protocol === 'https:';
}

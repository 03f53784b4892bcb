/** Loading an attempt for a route: signed in, the attempt exists, can() allows the action on it; ends it if past its limit. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { decide } from '$lib/authz/can';
import { getStore } from '../store';
import { now } from '../clock';
import { authorize } from '../http/guard';
import type { SessionUser } from '../auth/session';
import { enforceLimit } from './attempts';
import { loadAttempt, type AttemptRow } from './repo';

export function attemptFor(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>, action: 'attempt.view' | 'attempt.act' | 'attempt.comment'): { user: SessionUser; row: AttemptRow } {
	const user = authorize(event, 'practice.use');
	const id = Number(event.params.id);
	const found = Number.isSafeInteger(id) ? loadAttempt(getStore(), id) : null;
	if (!found) error(404, { message: 'No such practice attempt.' });
	const d = decide(user, action, { attempt: { userId: found.userId } });
	if (!d.allowed) error(403, { message: d.reason });
	return { user, row: enforceLimit(getStore(), found, now()) };
}

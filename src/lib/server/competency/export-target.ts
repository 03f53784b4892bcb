/** Whose training record a per-person export is for: the id read one way, the export authorised, the person found. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { findUserById } from '$lib/server/repos/users';

export function personToExport(event: RequestEvent<{ id: string }>) {
	const id = idParam(event.params.id);
	if (id === null) error(404, { message: 'No such person.' });
	const user = authorize(event, 'training.export', { targetUserId: id });
	const person = findUserById(getStore(), id);
	if (!person) error(404, { message: 'No such person.' });
	return { user, person };
}

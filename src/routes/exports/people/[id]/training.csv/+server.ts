import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { findUserById } from '$lib/server/repos/users';
import { auditExport, recordRows } from '$lib/server/competency/export';
import { csvResponse } from '$lib/server/competency/download';

export const GET: RequestHandler = (event) => {
	const id = idParam(event.params.id);
	if (id === null) error(404, { message: 'No such person.' });
	const user = authorize(event, 'training.export', { targetUserId: id });
	const person = findUserById(getStore(), id);
	if (!person) error(404, { message: 'No such person.' });
	const at = now();
	const rows = recordRows(getStore(), [person], at);
	auditExport(getStore(), user, `user:${id}`, 'csv', rows.length, at);
	return csvResponse(`training-${person.username}.csv`, rows);
};

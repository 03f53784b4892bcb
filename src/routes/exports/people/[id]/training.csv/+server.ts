import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { findUserById } from '$lib/server/repos/users';
import { auditExport, recordRows } from '$lib/server/competency/export';
import { csvResponse } from '$lib/server/competency/download';

export const GET: RequestHandler = (event) => {
	const id = Number(event.params.id);
	const user = authorize(event, 'training.export', { targetUserId: id });
	const person = Number.isSafeInteger(id) ? findUserById(getStore(), id) : null;
	if (!person) error(404, { message: 'No such person.' });
	const at = now();
	const rows = recordRows(getStore(), [person], at);
	auditExport(getStore(), user, `user:${id}`, 'csv', rows.length, at);
	return csvResponse(`training-${person.username}.csv`, rows);
};

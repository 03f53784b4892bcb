import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { config } from '$lib/server/config';
import { findUserById } from '$lib/server/repos/users';
import { auditExport } from '$lib/server/competency/export';
import { statementsResponse } from '$lib/server/competency/download';
import { statementsFor } from '$lib/server/xapi/records';
import { trackerCatalog } from '$lib/server/competency/catalog';

export const GET: RequestHandler = (event) => {
	const id = idParam(event.params.id);
	if (id === null) error(404, { message: 'No such person.' });
	const user = authorize(event, 'training.export', { targetUserId: id });
	const person = findUserById(getStore(), id);
	if (!person) error(404, { message: 'No such person.' });
	const statements = statementsFor(getStore(), [id], config.origin, trackerCatalog());
	auditExport(getStore(), user, `user:${id}`, 'xapi', statements.length, now());
	return statementsResponse(`xapi-${person.username}.json`, statements);
};

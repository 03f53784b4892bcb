import type { RequestHandler } from './$types';
import { personToExport } from '$lib/server/competency/export-target';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { config } from '$lib/server/config';
import { auditExport } from '$lib/server/competency/export';
import { statementsResponse } from '$lib/server/competency/download';
import { statementsFor } from '$lib/server/xapi/records';
import { trackerCatalog } from '$lib/server/competency/catalog';

export const GET: RequestHandler = (event) => {
	const { user, person } = personToExport(event);
	const id = person.id;
	const statements = statementsFor(getStore(), [id], config.origin, trackerCatalog());
	auditExport(getStore(), user, `user:${id}`, 'xapi', statements.length, now());
	return statementsResponse(`xapi-${person.username}.json`, statements);
};

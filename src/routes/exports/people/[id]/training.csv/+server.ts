import type { RequestHandler } from './$types';
import { personToExport } from '$lib/server/competency/export-target';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { auditExport, recordRows } from '$lib/server/competency/export';
import { csvResponse } from '$lib/server/competency/download';

export const GET: RequestHandler = (event) => {
	const { user, person } = personToExport(event);
	const at = now();
	const rows = recordRows(getStore(), [person], at);
	auditExport(getStore(), user, `user:${person.id}`, 'csv', rows.length, at);
	return csvResponse(`training-${person.username}.csv`, rows);
};

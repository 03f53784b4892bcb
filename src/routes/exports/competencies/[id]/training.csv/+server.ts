import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { auditExport, competencyExists, recordRows } from '$lib/server/competency/export';
import { csvResponse } from '$lib/server/competency/download';
import { teamMembers, teamScope } from '$lib/server/competency/team-view';

/** Everyone the viewer may see (a senior: their team; a supervisor: every team) on one competency, or all ('all'). */
export const GET: RequestHandler = (event) => {
	const user = authorize(event, 'team.view');
	const id = event.params.id === 'all' ? null : event.params.id;
	if (id && !competencyExists(id)) error(404, { message: 'No such competency.' });
	const scope = teamScope(getStore(), user, null);
	const at = now();
	const rows = recordRows(getStore(), teamMembers(getStore(), user, scope.teamId), at, id);
	auditExport(getStore(), user, `competency:${id ?? 'all'}`, 'csv', rows.length, at);
	return csvResponse(`training-${id ?? 'all-competencies'}.csv`, rows);
};

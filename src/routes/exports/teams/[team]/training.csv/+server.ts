import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { auditExport, recordRows } from '$lib/server/competency/export';
import { csvResponse } from '$lib/server/competency/download';
import { teamMembers, teamScope } from '$lib/server/competency/team-view';

export const GET: RequestHandler = (event) => {
	const user = authorize(event, 'team.view');
	const scope = teamScope(getStore(), user, event.params.team === 'all' ? null : Number(event.params.team));
	const at = now();
	const rows = recordRows(getStore(), teamMembers(getStore(), user, scope.teamId), at);
	auditExport(getStore(), user, `team:${scope.teamId ?? 'all'}`, 'csv', rows.length, at);
	return csvResponse(`training-${scope.teamName}.csv`, rows);
};

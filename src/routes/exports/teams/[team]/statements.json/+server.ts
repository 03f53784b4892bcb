import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { config } from '$lib/server/config';
import { auditExport } from '$lib/server/competency/export';
import { statementsResponse } from '$lib/server/competency/download';
import { teamMembers, teamScope } from '$lib/server/competency/team-view';
import { statementsFor } from '$lib/server/xapi/records';
import { trackerCatalog } from '$lib/server/competency/catalog';

export const GET: RequestHandler = (event) => {
	const user = authorize(event, 'team.view');
	const scope = teamScope(getStore(), user, event.params.team === 'all' ? null : Number(event.params.team));
	const ids = teamMembers(getStore(), user, scope.teamId).map((u) => u.id);
	const statements = statementsFor(getStore(), ids, config.origin, trackerCatalog());
	auditExport(getStore(), user, `team:${scope.teamId ?? 'all'}`, 'xapi', statements.length, now());
	return statementsResponse(`xapi-${scope.teamName}.json`, statements);
};

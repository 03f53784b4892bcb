import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { teamView } from '$lib/server/competency/team-view';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'team.view');
	const team = Number(event.url.searchParams.get('team'));
	return { team: teamView(getStore(), user, Number.isSafeInteger(team) && team > 0 ? team : null, now()), isSupervisor: user.level === 'supervisor', done: event.url.searchParams.get('done') };
};

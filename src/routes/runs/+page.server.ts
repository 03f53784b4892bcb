import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { listRuns } from '$lib/server/repos/runs';
import { atLeast } from '$lib/domain/levels';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'app.use');
	const status = event.url.searchParams.get('status') ?? '';
	const office = event.url.searchParams.get('scope') === 'office' && atLeast(user.level, 'senior');
	return {
		status,
		office,
		canSeeOffice: atLeast(user.level, 'senior'),
		runs: listRuns(getStore(), { ownerId: office ? undefined : user.id, status: status || undefined })
	};
};

import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { readinessView } from '$lib/server/competency/readiness-view';

export const load: PageServerLoad = (event) => {
	authorize(event, 'readiness.view');
	return { r: readinessView(getStore(), now()) };
};

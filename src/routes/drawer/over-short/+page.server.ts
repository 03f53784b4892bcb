import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { listOverShort } from '$lib/server/repos/over-short';

export const load: PageServerLoad = (event) => {
	authorize(event, 'overShort.view');
	return listOverShort(getStore());
};

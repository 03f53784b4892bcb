import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { sandboxSummary } from '$lib/server/repos/sandbox';

export const load: PageServerLoad = (event) => {
	authorize(event, 'app.use');
	return { sandbox: sandboxSummary(getStore()) };
};

import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { verificationQueue } from '$lib/server/procedures/queue';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'app.use');
	return { queue: verificationQueue(getStore(), user) };
};

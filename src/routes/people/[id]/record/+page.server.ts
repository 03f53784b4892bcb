import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { idParam } from '$lib/server/http/params';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { personView } from '$lib/server/competency/person-view';

export const load: PageServerLoad = (event) => {
	const id = idParam(event.params.id);
	if (id === null) error(404, { message: 'No such person.' });
	const viewer = authorize(event, 'training.export', { targetUserId: id });
	const at = now();
	const view = personView(getStore(), id, viewer, at);
	if (!view) error(404, { message: 'No such person.' });
	return { view, generatedAt: at };
};

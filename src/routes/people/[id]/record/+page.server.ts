import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { personView } from '$lib/server/competency/person-view';

export const load: PageServerLoad = (event) => {
	const id = Number(event.params.id);
	const viewer = authorize(event, 'training.export', { targetUserId: id });
	const at = now();
	const view = Number.isSafeInteger(id) ? personView(getStore(), id, viewer, at) : null;
	if (!view) error(404, { message: 'No such person.' });
	return { view, generatedAt: at };
};

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { listDrawers } from '$lib/server/repos/runs';
import { startRun, RunError } from '$lib/server/procedures/runner';
import { formValues } from '$lib/server/forms';

export const load: PageServerLoad = (event) => {
	authorize(event, 'app.use');
	return { drawers: listDrawers(getStore()) };
};

export const actions: Actions = {
	open: async (event) => {
		const user = authorize(event, 'app.use');
		const { drawer } = formValues(await event.request.formData());
		const store = getStore();
		const target = listDrawers(store).find((d) => d.name === drawer);
		if (!target) return fail(400, { message: 'Choose a drawer from the list.' });
		if (target.openBatchSince) return fail(409, { message: `${target.name} is already open (since ${target.openBatchSince}). Close it before opening it again.` });
		let id: number;
		try {
			id = startRun(store, user, 'drawer-opening', { drawerRef: target.name }, { subject: target.name, at: now() }).id;
		} catch (e) {
			if (e instanceof RunError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/runs/${id}`);
	}
};

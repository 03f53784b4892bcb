import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { listDrawers } from '$lib/server/repos/runs';
import { startProcedure } from '$lib/server/procedures/start';
import { readForm } from '$lib/server/forms';
import { can } from '$lib/authz/can';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'app.use');
	return { drawers: listDrawers(getStore()), seesOverShort: can(user, 'overShort.view') };
};

export const actions: Actions = {
	open: async (event) => {
		const user = authorize(event, 'app.use');
		const { drawer } = await readForm(event.request);
		const r = startProcedure(getStore(), user, 'drawer-opening', { subject: drawer }, now());
		if (!r.ok) return fail(r.status, { message: r.message });
		redirect(303, `/runs/${r.runId}`);
	}
};

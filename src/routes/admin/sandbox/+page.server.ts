import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { sandboxSummary } from '$lib/server/repos/sandbox';
import { resetSandbox } from '$lib/server/admin/sandbox';
import { readForm, validate } from '$lib/server/forms';
import { resetSchema } from './schema';

export const load: PageServerLoad = (event) => {
	authorize(event, 'sandbox.reset');
	return { sandbox: sandboxSummary(getStore()), done: event.url.searchParams.get('done') };
};

export const actions: Actions = {
	reset: async (event) => {
		const actor = authorize(event, 'sandbox.reset');
		const values = await readForm(event.request);
		const parsed = validate(resetSchema, values);
		if (!parsed.ok) return fail(400, { values: { ...values, confirm: '' }, errors: parsed.errors });
		const r = resetSandbox(getStore(), actor, { seed: Number(parsed.data.seed), accounts: Number(parsed.data.accounts), today: parsed.data.today });
		redirect(303, `/admin/sandbox?done=${r.accounts}`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { readForm, validate } from '$lib/server/forms';
import { currentFramework, listFrameworkVersions, publishRequirement } from '$lib/server/competency/framework-store';
import { COMPETENCIES } from '$lib/competency/framework';
import { LEVEL_TITLES } from '$lib/domain/levels';
import { requirementSchema } from './schema';

export const load: PageServerLoad = (event) => {
	authorize(event, 'framework.edit');
	const store = getStore();
	const current = currentFramework(store);
	return {
		version: current.version,
		competencies: COMPETENCIES.map((c) => ({ id: c.id, title: c.title, levelTitle: LEVEL_TITLES[c.level], procedures: c.procedures, requirement: current.requirements[c.id] })),
		versions: listFrameworkVersions(store).map((v) => ({ version: v.version, note: v.note, createdAt: v.createdAt })),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = authorize(event, 'framework.edit');
		const values = await readForm(event.request);
		const v = validate(requirementSchema, values);
		if (!v.ok) return fail(400, { competency: values.competency ?? '', values, errors: v.errors });
		const { competency, note, ...req } = v.data;
		const r = publishRequirement(getStore(), user, competency, req, note, now());
		if (!r.ok) return fail(400, { competency, values, errors: { form: r.message } as Record<string, string> });
		redirect(303, `/framework?done=${r.version}#${competency}`);
	}
};

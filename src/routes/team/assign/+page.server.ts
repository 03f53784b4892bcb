import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { formValues, readFormData } from '$lib/server/forms';
import { listTeams, listUsers } from '$lib/server/repos/users';
import { createAssignment } from '$lib/server/competency/assignments';
import { trackerCatalog } from '$lib/server/competency/catalog';
import { LEVEL_TITLES, levelRank, LEVELS } from '$lib/domain/levels';
import { addDays, toLocal } from '$lib/domain/calendar';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'training.assign');
	const store = getStore();
	const catalog = trackerCatalog();
	const people = listUsers(store).filter((u) => u.active && u.id !== user.id && levelRank(u.level) < levelRank(user.level));
	return {
		people: people.map((u) => ({ id: u.id, name: u.displayName, levelTitle: LEVEL_TITLES[u.level], teamName: u.teamName })),
		levels: LEVELS.filter((l) => levelRank(l) < levelRank(user.level) && people.some((u) => u.level === l)).map((l) => ({ level: l, title: LEVEL_TITLES[l] })),
		teams: listTeams(store).filter((t) => people.some((u) => u.teamId === t.id)),
		paths: catalog.paths.map((p) => ({ id: p.id, title: p.title, description: p.description, count: p.scenarioIds.length })),
		scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, levelTitle: LEVEL_TITLES[s.level], competencies: s.competencies })),
		defaultDue: addDays(toLocal(now()).date, 14),
		target: event.url.searchParams.get('to') ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = authorize(event, 'training.assign');
		const data = await readFormData(event.request);
		const values = formValues(data);
		const scenarioIds = data.getAll('scenario').filter((v): v is string => typeof v === 'string');
		const r = createAssignment(getStore(), user, { target: values.target ?? '', pathId: values.pathId ?? '', scenarioIds, dueDate: values.dueDate ?? '', note: values.note ?? '' }, now(), trackerCatalog());
		if (!r.ok) return fail(r.status, { values, scenarioIds, errors: r.errors });
		redirect(303, '/team?done=assigned');
	}
};

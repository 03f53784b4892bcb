import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { scenarioById } from '$scenarios/index';
import { PROCEDURES } from '$machines/registry';
import { LEVEL_TITLES } from '$lib/domain/levels';
import { competency } from '$lib/competency/framework';
import { listAttempts } from '$lib/server/training/repo';
import { AttemptError, startAttempt } from '$lib/server/training/attempts';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'practice.use');
	const s = scenarioById(event.params.scenarioId);
	if (!s) error(404, { message: 'There is no such scenario.' });
	// The brief only: what the trainee reads before starting (never the faults, the expected outcome or the persona's script).
	return {
		scenario: {
			id: s.id,
			title: s.title,
			procedure: PROCEDURES[s.procedure].title,
			level: LEVEL_TITLES[s.level],
			brief: s.brief,
			objectives: s.objectives,
			competencies: s.competencies.map((id) => ({ id, title: competency(id)?.title ?? id })),
			targetMinutes: s.targetMinutes,
			timeLimitMinutes: s.timeLimitMinutes,
			passMark: s.passMark,
			hintCount: (s.hints ?? []).length,
			hasDialogue: !!s.dialogue
		},
		attempts: listAttempts(getStore(), { userId: user.id, scenarioId: s.id, limit: 10 })
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = authorize(event, 'attempt.start');
		let id: number;
		try {
			id = startAttempt(getStore(), user, event.params.scenarioId, { now: now() }).id;
		} catch (e) {
			if (e instanceof AttemptError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/practice/attempts/${id}`);
	}
};

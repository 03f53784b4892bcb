import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { SCENARIO_SUMMARIES, LEARNING_PATHS } from '$scenarios/catalog';
import { PROCEDURES } from '$machines/registry';
import { LEVEL_TITLES } from '$lib/domain/levels';
import { listAttempts } from '$lib/server/training/repo';
import { now } from '$lib/server/clock';
import { listAssignments } from '$lib/server/competency/assignments';
import { assignedFirst } from '$lib/competency/assigned-first';
import { decide } from '$lib/authz/can';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'practice.use');
	const attempts = listAttempts(getStore(), { userId: user.id, limit: 200 });
	const scenarios = SCENARIO_SUMMARIES.map((s) => {
		const mine = attempts.filter((a) => a.scenarioId === s.id && a.status !== 'in_progress');
		const best = mine.reduce<number | null>((b, a) => (a.score !== null && (b === null || a.score > b) ? a.score : b), null);
		return {
			id: s.id,
			title: s.title,
			procedure: PROCEDURES[s.procedure].title,
			level: LEVEL_TITLES[s.level],
			targetMinutes: s.targetMinutes,
			attempts: mine.length,
			passed: mine.some((a) => a.passed),
			best
		};
	});
	const titles = Object.fromEntries(SCENARIO_SUMMARIES.map((s) => [s.id, s.title]));
	// The trainee's own assignments: outstanding ones go to the top of the list.
	const mayReadOwn = decide(user, 'training.self').allowed;
	const assignments = (mayReadOwn ? listAssignments(getStore(), { userIds: [user.id] }, now()) : []).map((a) => ({
		id: a.id,
		dueDate: a.dueDate,
		scenarioIds: a.scenarioIds,
		done: a.progress.done,
		completed: a.progress.state === 'completed',
		overdue: a.progress.overdue,
		pathTitle: a.pathId ? (LEARNING_PATHS.find((p) => p.id === a.pathId)?.title ?? null) : null
	}));
	const { assigned, others } = assignedFirst(scenarios, assignments);
	return {
		assigned,
		scenarios: others,
		inProgress: attempts.filter((a) => a.status === 'in_progress').map((a) => ({ id: a.id, title: titles[a.scenarioId] ?? a.scenarioId, startedAt: a.startedAt })),
		recent: attempts
			.filter((a) => a.status !== 'in_progress')
			.slice(0, 8)
			.map((a) => ({ id: a.id, title: titles[a.scenarioId] ?? a.scenarioId, finishedAt: a.finishedAt, score: a.score, passed: a.passed })),
		paths: LEARNING_PATHS.map((p) => ({ ...p, titles: p.scenarioIds.map((id) => titles[id] ?? id) }))
	};
};

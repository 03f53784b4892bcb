import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { personView } from '$lib/server/competency/person-view';
import { listAssignments } from '$lib/server/competency/assignments';
import { trackerCatalog } from '$lib/server/competency/catalog';
import { progressOf } from '$lib/server/competency/progress';
import { recommendFrom } from '$lib/competency/recommend';
import { evidencePercent } from '$lib/charts/datasets';
import { countMissedFaults, listRecentScores } from '$lib/server/repos/training-evidence';
import { PROCEDURES } from '$machines/registry';

const TREND_ATTEMPTS = 20;

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'training.self');
	const store = getStore();
	const at = now();
	const catalog = trackerCatalog();
	// Statuses and tallies only (the page lists no evidence): read from the attempt summaries, which
	// also give the passed scenarios for "recommended next"; the trend reads only its latest attempts.
	const progress = progressOf(store, [user.id], { now: at, catalog, statusOnly: true });
	const full = personView(store, user.id, user, at, catalog, { progress: progress.items.get(user.id), evidence: false })!;
	// Only what the page shows: all page data is serialised into the HTML for hydration.
	const view = {
		person: { id: full.person.id, levelTitle: full.person.levelTitle },
		levelSince: full.levelSince,
		readiness: { next: full.readiness.next, nextTitle: full.readiness.nextTitle, heldCount: full.readiness.heldCount, required: full.readiness.required },
		competencies: full.competencies.map((c) => ({ id: c.id, title: c.title, status: c.status, statusLabel: c.statusLabel, mayRequest: c.mayRequest, tally: c.tally }))
	};
	const title = (id: string) => catalog.scenarios.find((s) => s.id === id)?.title ?? id;
	const assignments = listAssignments(store, { userIds: [user.id] }, at).map((a) => ({
		id: a.id,
		dueDate: a.dueDate,
		note: a.note,
		kind: a.kind,
		by: a.assignedByName ?? 'Counterline (procedure revision)',
		path: a.pathId ? (catalog.paths.find((p) => p.id === a.pathId)?.title ?? a.pathId) : null,
		scenarios: a.scenarioIds.map((id) => ({ id, title: title(id), done: a.progress.done.includes(id) })),
		state: a.progress.state,
		overdue: a.progress.overdue,
		completedAt: a.progress.completedAt
	}));
	const passed = new Set(progress.attempts.filter((a) => a.passed).map((a) => a.scenarioId));
	return {
		view,
		assignments,
		recommended: recommendFrom(countMissedFaults(store, [user.id]), passed, catalog.scenarios, user.level),
		// A trend reads from recent work; hundreds of old attempts would only slow the page (bench: 500 per trainee).
		scores: listRecentScores(store, user.id, TREND_ATTEMPTS).map((a) => ({ procedure: a.procedure, label: title(a.scenarioId), at: a.finishedAt, percent: Math.round(((a.score ?? 0) / (a.maxScore || 100)) * 100) })),
		trendAttempts: TREND_ATTEMPTS,
		procedureTitles: Object.fromEntries(Object.values(PROCEDURES).map((p) => [p.key, p.title])),
		progress: view.competencies.map((c) => ({ id: c.id, status: c.statusLabel, percent: c.status === 'signed-off' || c.status === 'needs-refresher' || c.status === 're-certify' ? 100 : evidencePercent(c.tally) }))
	};
};

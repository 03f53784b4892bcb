/**
 * The senior dashboard: the team matrix (people × competencies by status), pending sign-off
 * requests, overdue assignments (the team's, and the ones the viewer assigned), most-missed faults.
 */
import type { Principal } from '$lib/authz/can';
import { COMPETENCIES } from '$lib/competency/framework';
import { STATUS_LABELS } from '$lib/competency/status';
import { LEVEL_TITLES, levelRank } from '$lib/domain/levels';
import type { Store } from '../store';
import { listTeamMembers, listTeams } from '../repos/users';
import { listOpenRequests } from '../repos/signoffs';
import { countMissedFaults } from '../repos/training-evidence';
import { progressOf } from './progress';
import { listAssignments } from './assignments';
import { trackerCatalog, type TrackerCatalog } from './catalog';

/** The team a viewer sees: a senior their own; a supervisor any (or every team when none is chosen). */
export function teamScope(store: Store, viewer: Principal & { teamId: number | null }, requested: number | null) {
	const teams = listTeams(store);
	const teamId = viewer.level === 'supervisor' ? (teams.some((t) => t.id === requested) ? requested : null) : viewer.teamId;
	return { teams: viewer.level === 'supervisor' ? teams : teams.filter((t) => t.id === viewer.teamId), teamId, teamName: teams.find((t) => t.id === teamId)?.name ?? 'All teams' };
}

/** Active people in scope below the viewer, with a team (admin-only accounts have none). */
export function teamMembers(store: Store, viewer: Principal, teamId: number | null) {
	// The team's rows only (a supervisor's office runs to thousands of people).
	return listTeamMembers(store, teamId).filter((u) => levelRank(u.level) < levelRank(viewer.level));
}

export function teamView(store: Store, viewer: Principal & { teamId: number | null }, requestedTeam: number | null, now: number, catalog: TrackerCatalog = trackerCatalog()) {
	const scope = teamScope(store, viewer, requestedTeam);
	const members = teamMembers(store, viewer, scope.teamId);
	const ids = members.map((m) => m.id);
	const progress = progressOf(store, ids, { now, catalog, statusOnly: true });
	const matrix = members.map((m) => ({
		id: m.id,
		name: m.displayName,
		levelTitle: LEVEL_TITLES[m.level],
		cells: (progress.items.get(m.id) ?? []).map((p) => ({ id: p.competency.id, status: p.result.status, label: STATUS_LABELS[p.result.status], required: levelRank(p.competency.level) <= levelRank(m.level) + 1 }))
	}));
	const memberIds = new Set(ids);
	const requests = listOpenRequests(store, { teamId: scope.teamId ?? undefined }).filter((r) => memberIds.has(r.userId));
	const teamAssignments = listAssignments(store, { userIds: ids }, now);
	const mine = listAssignments(store, { assignedBy: viewer.id }, now);
	const seen = new Set<string>();
	const overdue = [...teamAssignments, ...mine]
		.filter((a) => a.progress.overdue)
		.filter((a) => !seen.has(`${a.id}:${a.userId}`) && seen.add(`${a.id}:${a.userId}`))
		.map((a) => ({ id: a.id, userId: a.userId, userName: a.userName, dueDate: a.dueDate, what: a.pathId ? (catalog.paths.find((p) => p.id === a.pathId)?.title ?? a.pathId) : `${a.scenarioIds.length} scenario${a.scenarioIds.length === 1 ? '' : 's'}`, by: a.assignedByName ?? 'Counterline', mine: a.assignedById === viewer.id, state: a.progress.state }));
	return {
		...scope,
		competencies: COMPETENCIES.map((c) => ({ id: c.id, title: c.title, levelTitle: LEVEL_TITLES[c.level] })),
		matrix,
		requests: requests.map((r) => ({ ...r, title: COMPETENCIES.find((c) => c.id === r.competencyId)?.title ?? r.competencyId })),
		overdue,
		missed: countMissedFaults(store, ids).slice(0, 10)
	};
}

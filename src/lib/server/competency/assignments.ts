/**
 * Assignments: a senior or supervisor assigns one scenario, several, or a learning path to a person or
 * a group (everyone at a level, a team — expanded to its members when assigned), with a due date and a
 * note. Progress and "overdue" are computed on read from the assignees' attempts.
 */
import { decide } from '$lib/authz/can';
import { LEVEL_TITLES, isLevel, levelRank } from '$lib/domain/levels';
import { toLocal } from '$lib/domain/calendar';
import { assignmentProgress, type AssignmentProgress } from '$lib/competency/assignment-status';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { findUserById, listTeams, listUsers } from '../repos/users';
import { listFinishedAttempts } from '../repos/training-evidence';
import { listActiveSignoffs } from '../repos/signoffs';
import type { TrackerCatalog } from './catalog';

export interface AssignForm {
	/** "user:<id>", "level:<level>" or "team:<id>". */
	target: string;
	pathId: string;
	scenarioIds: string[];
	dueDate: string;
	note: string;
}

export type AssignOutcome = { ok: true; id: number; assignees: number } | { ok: false; status: 400 | 403; errors: Record<string, string> };

function resolveTarget(store: Store, actor: SessionUser, target: string): { label: string; userIds: number[] } | string {
	const [kind, value] = target.split(':');
	const below = listUsers(store).filter((u) => u.active && u.id !== actor.id && levelRank(u.level) < levelRank(actor.level));
	if (kind === 'user') {
		const u = findUserById(store, Number(value));
		if (!u || !u.active) return 'Choose a person.';
		const d = decide(actor, 'training.assign', { trainee: { id: u.id, level: u.level } });
		return d.allowed ? { label: u.displayName, userIds: [u.id] } : d.reason;
	}
	if (kind === 'level' && isLevel(value)) {
		const ids = below.filter((u) => u.level === value).map((u) => u.id);
		return ids.length ? { label: `All ${LEVEL_TITLES[value]}`, userIds: ids } : `Nobody at ${LEVEL_TITLES[value]} below your level is active.`;
	}
	if (kind === 'team') {
		const team = listTeams(store).find((t) => t.id === Number(value));
		const ids = below.filter((u) => u.teamId === Number(value)).map((u) => u.id);
		if (!team) return 'Choose a team.';
		return ids.length ? { label: team.name, userIds: ids } : `${team.name} has nobody below your level.`;
	}
	return 'Choose who the training is for.';
}

/** Records an assignment for a person or a group; audited. */
export function createAssignment(store: Store, actor: SessionUser, form: AssignForm, at: number, catalog: TrackerCatalog): AssignOutcome {
	const d = decide(actor, 'training.assign');
	if (!d.allowed) return { ok: false, status: 403, errors: { form: d.reason } };
	const errors: Record<string, string> = {};
	const target = resolveTarget(store, actor, form.target);
	if (typeof target === 'string') errors.target = target;
	const path = form.pathId ? catalog.paths.find((p) => p.id === form.pathId) : undefined;
	if (form.pathId && !path) errors.content = 'That learning path does not exist.';
	if (path && form.scenarioIds.length) errors.content = 'Choose a learning path or scenarios, not both.';
	const scenarioIds = path ? path.scenarioIds : [...new Set(form.scenarioIds)];
	if (!path && !form.pathId && scenarioIds.length === 0) errors.content = 'Choose a learning path or at least one scenario.';
	const unknown = scenarioIds.filter((id) => !catalog.scenarios.some((s) => s.id === id));
	if (!errors.content && unknown.length) errors.content = `Unknown scenario: ${unknown.join(', ')}.`;
	const today = toLocal(at).date;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) errors.dueDate = 'Enter the due date as YYYY-MM-DD.';
	else if (form.dueDate < today) errors.dueDate = 'The due date cannot be in the past.';
	if (!form.note.trim()) errors.note = 'Write a note: why, and what to focus on.';
	else if (form.note.length > 1000) errors.note = 'Keep the note under 1,000 characters.';
	if (Object.keys(errors).length || typeof target === 'string') return { ok: false, status: 400, errors };
	return mutate(store, () => {
		const id = insertAssignment(store, { assignedBy: actor.id, at, dueDate: form.dueDate, note: form.note.trim(), kind: path ? 'path' : 'scenarios', pathId: path?.id ?? null, competencyId: null, scenarioIds, label: target.label }, target.userIds);
		audit(store, { actor: { id: actor.id, username: actor.username }, action: 'training.assign', target: `assignment:${id}`, summary: { to: target.label, people: target.userIds, path: path?.id ?? null, scenarios: scenarioIds, due: form.dueDate }, at });
		return { ok: true as const, id, assignees: target.userIds.length };
	});
}

export interface NewAssignment {
	assignedBy: number | null;
	at: number;
	dueDate: string;
	note: string;
	kind: 'scenarios' | 'path' | 'refresher';
	pathId: string | null;
	competencyId: string | null;
	scenarioIds: string[];
	label: string;
}

/** Writes an assignment and its assignees (inside the caller's transaction). */
export function insertAssignment(store: Store, a: NewAssignment, userIds: readonly number[]): number {
	const db = store.db.$client;
	const id = Number(
		db
			.prepare('INSERT INTO assignments (assigned_by, assigned_at, due_date, note, kind, path_id, competency_id, scenario_ids, target_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
			.run(a.assignedBy, a.at, a.dueDate, a.note, a.kind, a.pathId, a.competencyId, JSON.stringify(a.scenarioIds), a.label).lastInsertRowid
	);
	const add = db.prepare('INSERT INTO assignment_assignees (assignment_id, user_id) VALUES (?, ?)');
	for (const u of userIds) add.run(id, u);
	return id;
}

export interface AssignmentView {
	id: number;
	userId: number;
	userName: string;
	assignedById: number | null;
	assignedByName: string | null;
	assignedAt: number;
	dueDate: string;
	note: string;
	kind: string;
	pathId: string | null;
	competencyId: string | null;
	scenarioIds: string[];
	targetLabel: string;
	progress: AssignmentProgress;
}

/** Assignments of the given people (or the ones `assignedBy` made), each with the assignee's progress. */
export function listAssignments(store: Store, opts: { userIds?: readonly number[]; assignedBy?: number }, now: number): AssignmentView[] {
	const where: string[] = [];
	const args: number[] = [];
	if (opts.userIds) {
		if (opts.userIds.length === 0) return [];
		where.push(`aa.user_id IN (${opts.userIds.map(() => '?').join(', ')})`);
		args.push(...opts.userIds);
	}
	if (opts.assignedBy !== undefined) {
		where.push('a.assigned_by = ?');
		args.push(opts.assignedBy);
	}
	const rows = store.db.$client
		.prepare(
			`SELECT a.id, aa.user_id AS userId, u.display_name AS userName, a.assigned_by AS assignedById, b.display_name AS assignedByName, a.assigned_at AS assignedAt,
				a.due_date AS dueDate, a.note, a.kind, a.path_id AS pathId, a.competency_id AS competencyId, a.scenario_ids AS scenarioIds, a.target_label AS targetLabel
			 FROM assignments a JOIN assignment_assignees aa ON aa.assignment_id = a.id JOIN users u ON u.id = aa.user_id LEFT JOIN users b ON b.id = a.assigned_by
			 ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.due_date, a.id`
		)
		.all(...args) as (Omit<AssignmentView, 'scenarioIds' | 'progress'> & { scenarioIds: string })[];
	const people = [...new Set(rows.map((r) => r.userId))];
	const attempts = listFinishedAttempts(store, people);
	const signoffs = listActiveSignoffs(store, people);
	const today = toLocal(now).date;
	return rows.map((r) => {
		const scenarioIds = JSON.parse(r.scenarioIds) as string[];
		const renewedAt = r.competencyId ? (signoffs.find((s) => s.userId === r.userId && s.competencyId === r.competencyId)?.signedAt ?? null) : null;
		const progress = assignmentProgress({ scenarioIds, assignedAt: r.assignedAt, dueDate: r.dueDate, renewedAt }, attempts.filter((a) => a.userId === r.userId), today);
		return { ...r, scenarioIds, progress };
	});
}

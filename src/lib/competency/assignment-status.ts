/**
 * Where an assignee stands on an assignment: each scenario is done when they passed it after it was
 * assigned; overdue when not completed and the office's date is past the due date. Pure.
 */
import type { AttemptRecord } from './evidence';

export type AssignmentState = 'not-started' | 'in-progress' | 'completed';

export interface AssignmentProgress {
	done: string[];
	state: AssignmentState;
	overdue: boolean;
	completedAt: number | null;
}

export interface AssignmentFacts {
	scenarioIds: readonly string[];
	assignedAt: number;
	dueDate: string;
	/** A refresher without scenarios is done when the competency is signed off again after it was assigned. */
	renewedAt?: number | null;
}

export function assignmentProgress(a: AssignmentFacts, attempts: readonly AttemptRecord[], today: string): AssignmentProgress {
	const since = attempts.filter((x) => x.finishedAt >= a.assignedAt && a.scenarioIds.includes(x.scenarioId));
	const firstPass = new Map<string, number>();
	for (const x of since) if (x.passed && !firstPass.has(x.scenarioId)) firstPass.set(x.scenarioId, x.finishedAt);
	const done = a.scenarioIds.filter((id) => firstPass.has(id));
	let completedAt: number | null = null;
	if (a.scenarioIds.length > 0 && done.length === a.scenarioIds.length) completedAt = Math.max(...done.map((id) => firstPass.get(id)!));
	if (a.scenarioIds.length === 0 && a.renewedAt != null && a.renewedAt >= a.assignedAt) completedAt = a.renewedAt;
	const state: AssignmentState = completedAt !== null ? 'completed' : since.length > 0 ? 'in-progress' : 'not-started';
	return { done, state, overdue: state !== 'completed' && today > a.dueDate, completedAt };
}

export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', completed: 'Completed' };

/**
 * The practice list with the trainee's outstanding assignments first: every assigned scenario not yet
 * passed since it was assigned, soonest due first (so overdue ones lead), in the assignment's own order
 * (a learning path's order is the order to take it in); then every other scenario in catalog order. Pure.
 */

/** An assignment of the trainee's as the practice list needs it (progress already computed). */
export interface OpenAssignment {
	id: number;
	/** YYYY-MM-DD, the office's date. */
	dueDate: string;
	scenarioIds: readonly string[];
	/** Scenarios passed since the assignment was made. */
	done: readonly string[];
	completed: boolean;
	overdue: boolean;
	/** The learning path's title, when a path was assigned. */
	pathTitle: string | null;
}

/** Why a scenario is at the top of the list. */
export interface AssignedMark {
	dueDate: string;
	overdue: boolean;
	pathTitle: string | null;
}

export interface PracticeOrder<T> {
	assigned: (T & { assignment: AssignedMark })[];
	others: T[];
}

const byDue = (a: OpenAssignment, b: OpenAssignment) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id);

/** Splits the catalog into the trainee's outstanding assigned scenarios (soonest due first) and the rest. */
export function assignedFirst<T extends { id: string }>(scenarios: readonly T[], assignments: readonly OpenAssignment[]): PracticeOrder<T> {
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	const assigned: PracticeOrder<T>['assigned'] = [];
	const placed = new Set<string>();
	for (const a of [...assignments].filter((x) => !x.completed).sort(byDue)) {
		for (const id of a.scenarioIds) {
			const s = byId.get(id);
			// A scenario in two assignments is listed once, under the one due first.
			if (!s || placed.has(id) || a.done.includes(id)) continue;
			placed.add(id);
			assigned.push({ ...s, assignment: { dueDate: a.dueDate, overdue: a.overdue, pathTitle: a.pathTitle } });
		}
	}
	return { assigned, others: scenarios.filter((s) => !placed.has(s.id)) };
}

import { describe, expect, it } from 'vitest';
import { assignedFirst, type OpenAssignment } from '$lib/competency/assigned-first';

const catalog = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, title: `Scenario ${id}` }));
const assignment = (over: Partial<OpenAssignment> & Pick<OpenAssignment, 'id' | 'dueDate' | 'scenarioIds'>): OpenAssignment => ({
	done: [],
	completed: false,
	overdue: false,
	pathTitle: null,
	...over
});
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('the practice list puts the trainee’s outstanding assignments first', () => {
	it('with nothing assigned, lists the catalog as it is', () => {
		const { assigned, others } = assignedFirst(catalog, []);
		expect(assigned).toEqual([]);
		expect(others).toEqual(catalog);
	});

	it.each([
		{
			name: 'soonest due first (an overdue one leads), then the rest in catalog order',
			assignments: [assignment({ id: 1, dueDate: '2026-11-20', scenarioIds: ['e'] }), assignment({ id: 2, dueDate: '2026-10-30', scenarioIds: ['c'], overdue: true })],
			assigned: ['c', 'e'],
			others: ['a', 'b', 'd', 'f']
		},
		{
			name: 'a learning path keeps its own order; same-day assignments by when they were made',
			assignments: [assignment({ id: 4, dueDate: '2026-11-13', scenarioIds: ['f'] }), assignment({ id: 3, dueDate: '2026-11-13', scenarioIds: ['d', 'a', 'b'], pathTitle: 'Path' })],
			assigned: ['d', 'a', 'b', 'f'],
			others: ['c', 'e']
		},
		{
			name: 'scenarios already passed since the assignment, and completed assignments, drop back to the rest',
			assignments: [assignment({ id: 5, dueDate: '2026-11-13', scenarioIds: ['a', 'b'], done: ['a'] }), assignment({ id: 6, dueDate: '2026-11-01', scenarioIds: ['c'], done: ['c'], completed: true })],
			assigned: ['b'],
			others: ['a', 'c', 'd', 'e', 'f']
		},
		{
			name: 'a scenario in two assignments is listed once, under the one due first',
			assignments: [assignment({ id: 7, dueDate: '2026-12-01', scenarioIds: ['b', 'c'] }), assignment({ id: 8, dueDate: '2026-11-05', scenarioIds: ['c'] })],
			assigned: ['c', 'b'],
			others: ['a', 'd', 'e', 'f']
		},
		{
			name: 'ids that are not in the practice catalog are skipped',
			assignments: [assignment({ id: 9, dueDate: '2026-11-05', scenarioIds: ['retired', 'f'] })],
			assigned: ['f'],
			others: ['a', 'b', 'c', 'd', 'e']
		}
	])('$name', ({ assignments, assigned, others }) => {
		const order = assignedFirst(catalog, assignments);
		expect(ids(order.assigned)).toEqual(assigned);
		expect(ids(order.others)).toEqual(others);
	});

	it('marks each assigned scenario with its due date, overdue flag and path', () => {
		const order = assignedFirst(catalog, [
			assignment({ id: 1, dueDate: '2026-10-30', scenarioIds: ['b'], overdue: true }),
			assignment({ id: 2, dueDate: '2026-11-13', scenarioIds: ['a'], pathTitle: 'Counter basics' })
		]);
		expect(order.assigned).toEqual([
			{ id: 'b', title: 'Scenario b', assignment: { dueDate: '2026-10-30', overdue: true, pathTitle: null } },
			{ id: 'a', title: 'Scenario a', assignment: { dueDate: '2026-11-13', overdue: false, pathTitle: 'Counter basics' } }
		]);
	});
});

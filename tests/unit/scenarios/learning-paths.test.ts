/**
 * The ladder learning paths (issue 7): named paths seniors assign as they are, each at one level and
 * holding enough distinct scenarios per competency of that level for the framework's default evidence
 * requirement — capped by what the library offers at that level — and offered on /team/assign.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LEARNING_PATHS, SCENARIO_SUMMARIES, scenarioSummary, type LearningPath } from '$scenarios/catalog';
import { COMPETENCIES, DEFAULT_FRAMEWORK, requirementIn } from '$lib/competency/framework';
import { effectiveRequirement } from '$lib/competency/evidence';
import { testStore } from '$tests/fixtures/db';
import { makeUser } from '$tests/fixtures/training';
import { setStore } from '$lib/server/store';
import { trackerCatalog } from '$lib/server/competency/catalog';
import { createAssignment } from '$lib/server/competency/assignments';
import { addDays, toLocal } from '$lib/domain/calendar';
import { load as assignLoad } from '../../../src/routes/team/assign/+page.server';

const LADDER = [
	{ title: 'CSR I foundations', level: 'csr1' },
	{ title: 'Ready for CSR II', level: 'csr2' },
	{ title: 'Ready for CSR III', level: 'csr3' }
] as const;

const named = (title: string): LearningPath => {
	const found = LEARNING_PATHS.filter((p) => p.title === title);
	expect(found, title).toHaveLength(1);
	return found[0];
};

describe('ladder learning paths', () => {
	it.each(LADDER)('$title exists once, marked with its level', ({ title, level }) => {
		expect(named(title).level).toBe(level);
	});

	it.each(LADDER)('$title: every scenario exists, is at the path’s level and appears once', ({ title, level }) => {
		const p = named(title);
		expect(p.scenarioIds.length).toBeGreaterThan(0);
		expect(new Set(p.scenarioIds).size).toBe(p.scenarioIds.length);
		for (const id of p.scenarioIds) expect(scenarioSummary(id)?.level, id).toBe(level);
	});

	it.each(LADDER)('$title: each competency of its level with scenarios at that level is covered in full as the default requirement asks', ({ title, level }) => {
		// Distinct scenarios: the evidence rules count a scenario passed twice once.
		const held = [...new Set(named(title).scenarioIds)].map((id) => scenarioSummary(id)!);
		// The path holds only scenarios of its level, so those are all it could offer a signer.
		const atLevel = SCENARIO_SUMMARIES.filter((s) => s.level === level);
		const mine = COMPETENCIES.filter((c) => c.level === level && atLevel.some((s) => s.competencies.includes(c.id)));
		expect(mine.length).toBeGreaterThan(0);
		for (const c of mine) {
			const need = effectiveRequirement(c, requirementIn(DEFAULT_FRAMEWORK, c.id), atLevel);
			const evidencing = held.filter((s) => s.competencies.includes(c.id));
			// The library at this level offers the full default (the requirement is not capped by a shortfall).
			expect(need.scenarios, c.id).toBe(requirementIn(DEFAULT_FRAMEWORK, c.id).passedScenarios);
			expect(evidencing.length, c.id).toBeGreaterThanOrEqual(need.scenarios);
			expect(evidencing.filter((s) => s.faultIds.length > 0).length, `${c.id} with a fault`).toBeGreaterThanOrEqual(need.withFaultFound);
		}
	});

	it('paths have unique ids and no two hold the same set of scenarios', () => {
		expect(new Set(LEARNING_PATHS.map((p) => p.id)).size).toBe(LEARNING_PATHS.length);
		const sets = LEARNING_PATHS.map((p) => [...p.scenarioIds].sort().join());
		expect(new Set(sets).size).toBe(sets.length);
	});
});

describe('assigning a ladder path', () => {
	afterEach(() => setStore(null));

	it('/team/assign offers the three ladder paths, and each can be assigned to a CSR I as it is', () => {
		const store = testStore();
		setStore(store);
		const senior = makeUser(store, 'senior');
		const csr1 = makeUser(store, 'csr1');
		const data = assignLoad({ locals: { user: senior }, url: new URL('http://localhost/team/assign') } as never) as { paths: { id: string; title: string; count: number }[] };
		const due = addDays(toLocal(Date.now()).date, 14);
		for (const { title } of LADDER) {
			const offered = data.paths.find((p) => p.title === title);
			expect(offered, title).toBeDefined();
			expect(offered!.count).toBe(named(title).scenarioIds.length);
			const r = createAssignment(store, senior, { target: `user:${csr1.id}`, pathId: offered!.id, scenarioIds: [], dueDate: due, note: 'Work through it in order.' }, Date.now(), trackerCatalog());
			expect(r, title).toMatchObject({ ok: true, assignees: 1 });
		}
	});
});

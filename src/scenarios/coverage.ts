/**
 * How the scenario library covers the product: scenarios per procedure, level, competency, fault and
 * (for irate contacts) customer language, and what each learning path holds. `countCoverage` is pure;
 * `coverageRows` reads what it needs from the scenario files. Printed by `npm run scenarios:report`;
 * issue 7's minimums are held by tests/unit/scenarios/coverage.test.ts.
 */
import { COMPETENCIES, DEFAULT_FRAMEWORK, requirementIn } from '$lib/competency/framework';
import { effectiveRequirement } from '$lib/competency/evidence';
import { LEVELS } from '$lib/domain/levels';
import { resolveScenario } from '$lib/server/training/resolve';
import { PROCEDURE_KEYS, type Scenario } from './schema';
import type { LearningPath } from './learning-paths';

/** Policy §10's fault catalogue: stable ids F-01 … F-35. */
export const FAULT_IDS: readonly string[] = Array.from({ length: 35 }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`);

/** What counting needs of one scenario. */
export interface CoverageRow {
	id: string;
	procedure: string;
	level: string;
	competencies: string[];
	faultIds: string[];
	/** The customer's preferred language when the scenario's machine input names one (irate contacts). */
	language: string | null;
}

export interface PathCoverage {
	id: string;
	title: string;
	level: string | null;
	scenarios: number;
	/** Ladder paths: per competency of the path's level, distinct scenarios held vs the default requirement (capped by the library). */
	evidence: { competency: string; have: number; need: number }[];
}

export interface Coverage {
	total: number;
	byProcedure: Record<string, number>;
	byLevel: Record<string, number>;
	/** Every framework competency, zeros included so gaps show. */
	byCompetency: Record<string, number>;
	byFault: Record<string, number>;
	irateByLanguage: Record<string, number>;
	paths: PathCoverage[];
}

/** Counts per key, every listed key present (zeros included); keys outside the list are appended. */
function countBy(keys: readonly string[], rows: readonly CoverageRow[], keysOf: (r: CoverageRow) => readonly string[]): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
	for (const r of rows) for (const k of new Set(keysOf(r))) counts[k] = (counts[k] ?? 0) + 1;
	return counts;
}

function pathCoverage(p: LearningPath, rows: readonly CoverageRow[]): PathCoverage {
	const held = rows.filter((r) => p.scenarioIds.includes(r.id));
	const evidence = COMPETENCIES.filter((c) => c.level === p.level).map((c) => ({
		competency: c.id,
		have: held.filter((r) => r.competencies.includes(c.id)).length,
		need: effectiveRequirement(c, requirementIn(DEFAULT_FRAMEWORK, c.id), rows).scenarios
	}));
	return { id: p.id, title: p.title, level: p.level ?? null, scenarios: p.scenarioIds.length, evidence };
}

/** The library's coverage, from rows the caller builds (pure). */
export function countCoverage(rows: readonly CoverageRow[], paths: readonly LearningPath[]): Coverage {
	const irate = rows.filter((r) => r.procedure === 'irate-contact');
	return {
		total: rows.length,
		byProcedure: countBy(PROCEDURE_KEYS, rows, (r) => [r.procedure]),
		byLevel: countBy(LEVELS, rows, (r) => [r.level]),
		byCompetency: countBy(COMPETENCIES.map((c) => c.id), rows, (r) => r.competencies),
		byFault: countBy(FAULT_IDS, rows, (r) => r.faultIds),
		irateByLanguage: countBy([], irate, (r) => [r.language ?? 'unmarked']),
		paths: paths.map((p) => pathCoverage(p, rows))
	};
}

/** Rows from the scenario files; the language is read from a resolved world (scenario data is validated on the way). */
export function coverageRows(scenarios: readonly Scenario[]): CoverageRow[] {
	return scenarios.map((s) => {
		const language = resolveScenario(s, 1).world.machineInput.preferredLanguage;
		return {
			id: s.id,
			procedure: s.procedure,
			level: s.level,
			competencies: [...s.competencies],
			faultIds: s.faults.map((f) => f.id),
			language: typeof language === 'string' ? language : null
		};
	});
}

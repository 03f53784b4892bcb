/**
 * The scenario library as the rest of the product sees it (practice list, assignments, evidence,
 * recommendations): summaries only — never expected outcomes or which account carries a fault.
 * The scenario engine fills SCENARIO_SUMMARIES from the validated scenario files; the competency
 * tracker reads it. Learning paths are ordered sets of scenario ids that seniors assign as they are.
 */
import type { Level } from '$lib/domain/levels';
import type { ProcedureKey } from '$machines/registry';

export interface ScenarioSummary {
	id: string;
	version: number;
	title: string;
	procedure: ProcedureKey;
	/** The level the trainee acts with (CSR I / II / III difficulty). */
	level: Level;
	/** Competency ids (ladder.md) a passed attempt evidences. */
	competencies: string[];
	/** Fault ids (policy §10) the scenario injects — for "recommended next" by missed faults. */
	faultIds: string[];
	/** What the trainee reads before starting. */
	brief: string;
	targetMinutes: number;
}

export interface LearningPath {
	id: string;
	title: string;
	description: string;
	/** In the order they should be taken. */
	scenarioIds: string[];
}

export const SCENARIO_SUMMARIES: ScenarioSummary[] = [];

export const LEARNING_PATHS: LearningPath[] = [];

export function scenarioSummary(id: string): ScenarioSummary | undefined {
	return SCENARIO_SUMMARIES.find((s) => s.id === id);
}

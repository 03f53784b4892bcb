/**
 * The scenario catalog as the tracker reads it: the engine's summaries and learning paths, plus — in
 * test mode only — scenarios and paths registered by end-to-end tests (POST /__test/training).
 */
import { LEARNING_PATHS, SCENARIO_SUMMARIES, type LearningPath, type ScenarioSummary } from '$scenarios/catalog';
import { config } from '../config';

export interface TrackerCatalog {
	scenarios: readonly ScenarioSummary[];
	paths: readonly LearningPath[];
}

let testExtras: TrackerCatalog = { scenarios: [], paths: [] };

/** Summaries and paths, real ones first; test-registered ones never shadow a real id. */
export function trackerCatalog(): TrackerCatalog {
	const ids = new Set(SCENARIO_SUMMARIES.map((s) => s.id));
	const pathIds = new Set(LEARNING_PATHS.map((p) => p.id));
	return {
		scenarios: [...SCENARIO_SUMMARIES, ...testExtras.scenarios.filter((s) => !ids.has(s.id))],
		paths: [...LEARNING_PATHS, ...testExtras.paths.filter((p) => !pathIds.has(p.id))]
	};
}

/** Test-only: register extra scenarios and paths (refused outside COUNTERLINE_TEST_MODE). */
export function registerTestCatalog(extra: TrackerCatalog): void {
	if (!config.testMode) throw new Error('Test catalog entries are refused outside test mode.');
	testExtras = extra;
}

export function scenarioIn(catalog: TrackerCatalog, id: string): ScenarioSummary | undefined {
	return catalog.scenarios.find((s) => s.id === id);
}

/**
 * Evidence rules (ladder.md "Progression"): passed attempts of distinct scenarios that evidence a
 * competency, clean live runs of its procedure, and observation notes — counted against the
 * requirement in force. Pure: callers load the records and pass the scenario catalog in.
 */
import type { Competency, EvidenceRequirement } from './framework';

/** A finished scenario attempt as the tracker reads it (scenario_attempts). */
export interface AttemptRecord {
	id: number;
	scenarioId: string;
	procedure: string;
	passed: boolean;
	competencies: string[];
	finishedAt: number;
	score: number | null;
	maxScore: number | null;
	faultsFound: string[];
	faultsMissed: string[];
}

/** A completed live run of the person's, judged clean or not, with the competencies it evidences. */
export interface RunRecord {
	id: number;
	procedure: string;
	completedAt: number;
	clean: boolean;
	/** Why it is not clean (empty when clean). */
	notClean: string[];
	evidences: string[];
}

export interface ObservationRecord {
	id: number;
	competencyId: string;
	observerId: number;
	observerName: string;
	at: number;
	note: string;
}

/** The scenario catalog as the evidence rules need it (injectable; the engine's catalog in production). */
export interface CatalogScenario {
	id: string;
	competencies: string[];
	faultIds: string[];
}

/** What a competency needs, once "whichever exist" is applied to the catalog and the registry. */
export interface Needed {
	scenarios: number;
	withFaultFound: number;
	cleanRuns: number;
	observations: number;
	/** No scenario and no procedure evidence it: observation notes are its only evidence (it never lapses). */
	observationOnly: boolean;
}

/**
 * The requirement applied to what exists: scenario counts are capped by the scenarios that evidence
 * the competency, live runs apply only when a procedure does; with neither, one observation note.
 */
export function effectiveRequirement(c: Competency, req: EvidenceRequirement, catalog: readonly CatalogScenario[], attemptedScenarioIds: readonly string[] = []): Needed {
	const inCatalog = catalog.filter((s) => s.competencies.includes(c.id));
	// Scenarios attempted but since retired from the catalog still count (their faults are unknown: assume some).
	const retired = attemptedScenarioIds.filter((id) => !inCatalog.some((s) => s.id === id));
	const available = new Set([...inCatalog.map((s) => s.id), ...retired]).size;
	const withFaults = inCatalog.filter((s) => s.faultIds.length > 0).length + new Set(retired).size;
	const scenarios = Math.min(req.passedScenarios, available);
	const withFaultFound = Math.min(req.withFaultFound, scenarios, withFaults);
	const cleanRuns = c.procedures.length > 0 ? req.cleanLiveRuns : 0;
	const observationOnly = scenarios === 0 && cleanRuns === 0;
	const observations = observationOnly ? Math.max(1, req.observations) : req.observations;
	return { scenarios, withFaultFound, cleanRuns, observations, observationOnly };
}

export interface Evidence {
	/** Passed attempts that evidence the competency, newest first. */
	passedAttempts: AttemptRecord[];
	/** Distinct scenarios among them. */
	distinctScenarios: string[];
	/** Distinct scenarios with a fault found in a passed attempt. */
	scenariosWithFaultFound: string[];
	/** Finished attempts that evidence it but did not pass (shown, not counted). */
	failedAttempts: AttemptRecord[];
	cleanRuns: RunRecord[];
	/** Completed runs that would evidence it but are not clean (shown with the reason). */
	uncleanRuns: RunRecord[];
	observations: ObservationRecord[];
}

/** Gathers one person's evidence of one competency. */
export function collectEvidence(competencyId: string, attempts: readonly AttemptRecord[], runs: readonly RunRecord[], observations: readonly ObservationRecord[]): Evidence {
	const mine = attempts.filter((a) => a.competencies.includes(competencyId)).sort((a, b) => b.finishedAt - a.finishedAt);
	const passedAttempts = mine.filter((a) => a.passed);
	const distinctScenarios = [...new Set(passedAttempts.map((a) => a.scenarioId))];
	const scenariosWithFaultFound = [...new Set(passedAttempts.filter((a) => a.faultsFound.length > 0).map((a) => a.scenarioId))];
	const relevant = runs.filter((r) => r.evidences.includes(competencyId)).sort((a, b) => b.completedAt - a.completedAt);
	return {
		passedAttempts,
		distinctScenarios,
		scenariosWithFaultFound,
		failedAttempts: mine.filter((a) => !a.passed),
		cleanRuns: relevant.filter((r) => r.clean),
		uncleanRuns: relevant.filter((r) => !r.clean),
		observations: observations.filter((o) => o.competencyId === competencyId).sort((a, b) => b.at - a.at)
	};
}

/** Counts against what is needed: each line met or short by how many. */
export interface Tally {
	scenarios: { have: number; need: number };
	withFaultFound: { have: number; need: number };
	cleanRuns: { have: number; need: number };
	observations: { have: number; need: number };
	complete: boolean;
}

export function tally(e: Evidence, n: Needed): Tally {
	const t = {
		scenarios: { have: e.distinctScenarios.length, need: n.scenarios },
		withFaultFound: { have: e.scenariosWithFaultFound.length, need: n.withFaultFound },
		cleanRuns: { have: e.cleanRuns.length, need: n.cleanRuns },
		observations: { have: e.observations.length, need: n.observations }
	};
	const complete = Object.values(t).every((x) => x.have >= x.need);
	return { ...t, complete };
}

/** Whether there is any evidence at all (passed or not): "in progress" rather than "not started". */
export function anyEvidence(e: Evidence): boolean {
	return e.passedAttempts.length + e.failedAttempts.length + e.cleanRuns.length + e.uncleanRuns.length + e.observations.length > 0;
}

/** The last clean live run or passed attempt evidencing the competency (observations do not refresh it). */
export function lastPractice(e: Evidence): number | null {
	const times = [...e.passedAttempts.map((a) => a.finishedAt), ...e.cleanRuns.map((r) => r.completedAt)];
	return times.length ? Math.max(...times) : null;
}

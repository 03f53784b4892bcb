/**
 * Each person's standing on every competency, assembled from the evidence, the sign-offs in force,
 * the framework in force and the procedures' current revisions. Lapse and re-certification are
 * decided here on read (with the caller's "now"), so they are never stale.
 */
import { COMPETENCIES, requirementIn, type Competency, type EvidenceRequirement, type FrameworkVersion } from '$lib/competency/framework';
import { collectEvidence, effectiveRequirement, type Evidence, type Needed } from '$lib/competency/evidence';
import { competencyStatus, type StatusResult } from '$lib/competency/status';
import { policy } from '$lib/policy/settings';
import { PROCEDURES } from '$machines/registry';
import type { Store } from '../store';
import { listCompletedRuns, listFinishedAttempts, listObservations, summariseFinishedAttempts, type UserAttempt, type UserRun } from '../repos/training-evidence';
import { listActiveSignoffs, listOpenRequests, type UserSignoff } from '../repos/signoffs';
import { currentFramework } from './framework-store';
import { trackerCatalog, type TrackerCatalog } from './catalog';

export type ProcedureRevisions = Record<string, { revision: { number: number; note: string } }>;

export interface ProgressOptions {
	now: number;
	catalog?: TrackerCatalog;
	framework?: FrameworkVersion;
	/** The procedure registry (tests pass one with a raised revision). */
	procedures?: ProcedureRevisions;
	lapseDays?: number;
	/**
	 * Statuses only (team matrix, readiness, who may run alone): attempts and live runs are read
	 * condensed (summariseFinishedAttempts, listCompletedRuns), so statuses and tallies are exact but
	 * evidence lists hold stand-ins — never show them.
	 */
	statusOnly?: boolean;
}

export interface CompetencyProgress {
	competency: Competency;
	requirement: EvidenceRequirement;
	needed: Needed;
	evidence: Evidence;
	signoff: UserSignoff | null;
	result: StatusResult;
	requested: boolean;
}

export interface PeopleProgress {
	items: Map<number, CompetencyProgress[]>;
	attempts: UserAttempt[];
	runs: UserRun[];
}

/** Progress of several people at once (team matrix, dashboards, exports). */
export function progressOf(store: Store, userIds: readonly number[], opts: ProgressOptions): PeopleProgress {
	const catalog = opts.catalog ?? trackerCatalog();
	const framework = opts.framework ?? currentFramework(store);
	const procedures = opts.procedures ?? (PROCEDURES as ProcedureRevisions);
	const lapseDays = opts.lapseDays ?? policy.competency.lapseDays;
	const attempts = opts.statusOnly ? summariseFinishedAttempts(store, userIds) : listFinishedAttempts(store, userIds);
	const runs = listCompletedRuns(store, userIds, { condensed: opts.statusOnly });
	const observations = listObservations(store, userIds);
	const signoffs = listActiveSignoffs(store, userIds);
	const requests = new Set(listOpenRequests(store).map((r) => `${r.userId}:${r.competencyId}`));
	const items = new Map<number, CompetencyProgress[]>();
	// Each person's share, in one pass over each list (a team's lists run to thousands).
	const byPerson = <T>(list: readonly T[], key: (x: T) => number) => {
		const m = new Map<number, T[]>();
		for (const x of list) {
			const k = key(x);
			const l = m.get(k);
			if (l) l.push(x);
			else m.set(k, [x]);
		}
		return m;
	};
	const attemptsOf = byPerson(attempts, (x) => x.userId);
	const runsOf = byPerson(runs, (x) => x.ownerId);
	const observationsOf = byPerson(observations, (x) => x.userId);
	for (const userId of userIds) {
		const a = attemptsOf.get(userId) ?? [];
		const r = runsOf.get(userId) ?? [];
		const o = observationsOf.get(userId) ?? [];
		items.set(
			userId,
			COMPETENCIES.map((c) => {
				const requirement = requirementIn(framework, c.id);
				const evidence = collectEvidence(c.id, a, r, o);
				const attempted = [...new Set(a.filter((x) => x.competencies.includes(c.id)).map((x) => x.scenarioId))];
				const needed = effectiveRequirement(c, requirement, catalog.scenarios, attempted);
				const signoff = signoffs.find((s) => s.userId === userId && s.competencyId === c.id) ?? null;
				const revs = Object.fromEntries(c.procedures.filter((k) => procedures[k]).map((k) => [k, procedures[k].revision]));
				const result = competencyStatus({ evidence, needed, signoff, procedures: revs, now: opts.now, lapseDays });
				return { competency: c, requirement, needed, evidence, signoff, result, requested: requests.has(`${userId}:${c.id}`) };
			})
		);
	}
	return { items, attempts, runs };
}

/** One person's progress on every competency. */
export function progressFor(store: Store, userId: number, opts: ProgressOptions): CompetencyProgress[] {
	return progressOf(store, [userId], opts).items.get(userId) ?? [];
}

/** Competencies a person holds with a current sign-off (the one-level-early live privilege). */
export function currentSignoffsOf(store: Store, userId: number, now: number): string[] {
	return progressFor(store, userId, { now, statusOnly: true })
		.filter((p) => p.result.current)
		.map((p) => p.competency.id);
}

/** The revisions of the procedures tied to a competency, as recorded with a sign-off. */
export function revisionsFor(c: Competency, procedures: ProcedureRevisions = PROCEDURES as ProcedureRevisions): Record<string, number> {
	return Object.fromEntries(c.procedures.filter((k) => procedures[k]).map((k) => [k, procedures[k].revision.number]));
}

/**
 * The person page's view model (also the printable record and My training): level and time in level,
 * every competency up to the next level with status, evidence links and the actions the viewer may
 * take (decided by can()), readiness, sign-off history and promotions.
 */
import { decide, type Principal } from '$lib/authz/can';
import { LEVEL_TITLES, atLeast, levelRank, type Level } from '$lib/domain/levels';
import { daysBetween, toLocal } from '$lib/domain/calendar';
import { STATUS_LABELS } from '$lib/competency/status';
import { lastPractice } from '$lib/competency/evidence';
import { nextLevel, readiness } from '$lib/competency/readiness';
import { PROCEDURES } from '$machines/registry';
import type { Store } from '../store';
import { findUserById, type UserRow } from '../repos/users';
import { signoffHistory } from '../repos/signoffs';
import { progressFor, type CompetencyProgress } from './progress';
import { listPromotions } from './promote';
import { trackerCatalog, type TrackerCatalog } from './catalog';

export interface EvidenceLink {
	kind: 'attempt' | 'run' | 'observation';
	id: number;
	label: string;
	at: number;
	counted: boolean;
	detail: string;
}

function links(p: CompetencyProgress, catalog: TrackerCatalog): EvidenceLink[] {
	const title = (id: string) => catalog.scenarios.find((s) => s.id === id)?.title ?? id;
	const procTitle = (k: string) => (PROCEDURES as Record<string, { title: string }>)[k]?.title ?? k;
	const e = p.evidence;
	return [
		...e.passedAttempts.map((a) => ({ kind: 'attempt' as const, id: a.id, label: title(a.scenarioId), at: a.finishedAt, counted: true, detail: `passed, ${a.score ?? '—'}/${a.maxScore ?? 100}${a.faultsFound.length ? `, found ${a.faultsFound.join(', ')}` : ''}` })),
		...e.failedAttempts.map((a) => ({ kind: 'attempt' as const, id: a.id, label: title(a.scenarioId), at: a.finishedAt, counted: false, detail: `not passed, ${a.score ?? '—'}/${a.maxScore ?? 100}` })),
		...e.cleanRuns.map((r) => ({ kind: 'run' as const, id: r.id, label: `${procTitle(r.procedure)} #${r.id}`, at: r.completedAt, counted: true, detail: 'clean live run' })),
		...e.uncleanRuns.map((r) => ({ kind: 'run' as const, id: r.id, label: `${procTitle(r.procedure)} #${r.id}`, at: r.completedAt, counted: false, detail: `not clean: ${r.notClean.join(', ')}` })),
		...e.observations.map((o) => ({ kind: 'observation' as const, id: o.id, label: `Observed by ${o.observerName}`, at: o.at, counted: true, detail: o.note }))
	].sort((a, b) => b.at - a.at);
}

/** When the person reached their current level: their last promotion, else their hire date. */
export function levelSince(store: Store, person: UserRow): string {
	const last = listPromotions(store, person.id).filter((p) => p.toLevel === person.level).pop();
	return last ? toLocal(last.at).date : person.hireDate;
}

export interface PersonViewOptions {
	/** The person's progress when the caller has it already (progressOf). */
	progress?: CompetencyProgress[];
	/** Build the evidence links (default); pages that show no evidence skip them. */
	evidence?: boolean;
}

export function personView(store: Store, personId: number, viewer: Principal, now: number, catalog: TrackerCatalog = trackerCatalog(), opts: PersonViewOptions = {}) {
	const person = findUserById(store, personId);
	if (!person) return null;
	const progress = opts.progress ?? progressFor(store, personId, { now, catalog });
	const next = nextLevel(person.level);
	const upTo: Level = next ?? person.level;
	const trainee = { id: person.id, level: person.level };
	const held = new Set(progress.filter((p) => p.result.held).map((p) => p.competency.id));
	const ready = readiness(person.level, held);
	const since = levelSince(store, person);
	const today = toLocal(now).date;
	const lead = viewer.id !== person.id && atLeast(viewer.level, 'senior');
	const competencies = progress
		.filter((p) => levelRank(p.competency.level) <= levelRank(upTo))
		.map((p) => {
			const override = !p.result.tally.complete;
			const signDecision = decide(viewer, 'competency.signoff', { trainee, competencyLevel: p.competency.level, override });
			const renewable = p.result.status === 're-certify' || p.result.status === 'needs-refresher';
			return {
				id: p.competency.id,
				title: p.competency.title,
				level: p.competency.level,
				levelTitle: LEVEL_TITLES[p.competency.level],
				status: p.result.status,
				statusLabel: STATUS_LABELS[p.result.status],
				tally: p.result.tally,
				observationOnly: p.needed.observationOnly,
				evidence: opts.evidence === false ? [] : links(p, catalog),
				signoff: p.signoff,
				revisionChanges: p.result.revisionChanges,
				lapsesAt: p.result.lapsesAt,
				lastPracticeAt: lastPractice(p.evidence) ?? p.signoff?.signedAt ?? null,
				requested: p.requested,
				mayRequest: viewer.id === person.id && p.result.tally.complete && p.result.status !== 'signed-off' && !p.requested,
				maySignOff: (!p.signoff || renewable) && signDecision.allowed,
				// Why a lead cannot sign off (a trainee looking at their own record needs no explanation).
				signOffBlocked: lead && (!p.signoff || renewable) && !signDecision.allowed ? signDecision.reason : null,
				needsOverride: override,
				mayRevoke: !!p.signoff && decide(viewer, 'competency.revoke', { trainee, competencyLevel: p.competency.level }).allowed,
				mayObserve: decide(viewer, 'competency.observe', { trainee }).allowed
			};
		});
	return {
		person: { id: person.id, username: person.username, displayName: person.displayName, level: person.level, levelTitle: LEVEL_TITLES[person.level], teamName: person.teamName, hireDate: person.hireDate, active: person.active },
		levelSince: since,
		daysInLevel: Math.max(0, daysBetween(since, today)),
		readiness: { ...ready, nextTitle: ready.next ? LEVEL_TITLES[ready.next] : null, heldCount: ready.required.length - ready.missing.length },
		competencies,
		history: signoffHistory(store, personId),
		promotions: listPromotions(store, personId).map((p) => ({ ...p, fromTitle: LEVEL_TITLES[p.fromLevel], toTitle: LEVEL_TITLES[p.toLevel] })),
		mayPromote: decide(viewer, 'promotion.record', { trainee }).allowed && next !== null,
		mayExport: decide(viewer, 'training.export', { targetUserId: person.id }).allowed
	};
}

export type PersonView = NonNullable<ReturnType<typeof personView>>;

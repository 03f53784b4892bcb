/**
 * A person's status on one competency (issue 6): not started / in progress / evidence complete /
 * signed off / needs refresher / re-certify. Pure, with the clock and the procedures' current
 * revisions passed in, so lapse and re-certification are decided on read and tested with any "now".
 */
import { anyEvidence, lastPractice, tally, type Evidence, type Needed, type Tally } from './evidence';

export type CompetencyStatus = 'not-started' | 'in-progress' | 'evidence-complete' | 'signed-off' | 'needs-refresher' | 're-certify';

export const STATUS_LABELS: Record<CompetencyStatus, string> = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	'evidence-complete': 'Evidence complete',
	'signed-off': 'Signed off',
	'needs-refresher': 'Needs refresher',
	're-certify': 'Re-certify'
};

/** The sign-off in force (not revoked, not superseded). */
export interface ActiveSignoff {
	id: number;
	signedAt: number;
	signedBy: number;
	signedByName: string;
	note: string;
	frameworkVersion: number;
	/** Revision of each procedure tied to the competency when it was signed. */
	revisions: Record<string, number>;
	overrideReason: string | null;
}

/** A procedure whose revision rose after the sign-off, with its change note. */
export interface RevisionChange {
	procedure: string;
	signedUnder: number;
	current: number;
	note: string;
}

export interface StatusInput {
	evidence: Evidence;
	needed: Needed;
	signoff: ActiveSignoff | null;
	/** Current revision and change note of each procedure tied to the competency. */
	procedures: Record<string, { number: number; note: string }>;
	now: number;
	lapseDays: number;
}

export interface StatusResult {
	status: CompetencyStatus;
	tally: Tally;
	/** Counts as signed off for readiness (signed off, needs refresher, re-certify). */
	held: boolean;
	/** Held and current: gives the one-level-early live privilege (not lapsed, not re-certify). */
	current: boolean;
	revisionChanges: RevisionChange[];
	/** When the sign-off lapses (or lapsed) into "needs refresher"; null when it never does. */
	lapsesAt: number | null;
}

const DAY = 86_400_000;

/** Procedures whose revision rose after a sign-off (a procedure unknown when it was signed is not a change). */
export function revisionChanges(signoff: ActiveSignoff, procedures: StatusInput['procedures']): RevisionChange[] {
	return Object.entries(procedures)
		.filter(([key, rev]) => signoff.revisions[key] !== undefined && rev.number > signoff.revisions[key])
		.map(([key, rev]) => ({ procedure: key, signedUnder: signoff.revisions[key], current: rev.number, note: rev.note }));
}

/** The status of one competency for one person. */
export function competencyStatus(input: StatusInput): StatusResult {
	const t = tally(input.evidence, input.needed);
	const s = input.signoff;
	if (!s) {
		const status: CompetencyStatus = t.complete ? 'evidence-complete' : anyEvidence(input.evidence) ? 'in-progress' : 'not-started';
		return { status, tally: t, held: false, current: false, revisionChanges: [], lapsesAt: null };
	}
	const changes = revisionChanges(s, input.procedures);
	// Observation-only competencies never lapse (ladder.md); others lapse after lapseDays without practice.
	const since = Math.max(s.signedAt, lastPractice(input.evidence) ?? 0);
	const lapsesAt = input.needed.observationOnly ? null : since + input.lapseDays * DAY;
	const lapsed = lapsesAt !== null && input.now > lapsesAt;
	const status: CompetencyStatus = changes.length > 0 ? 're-certify' : lapsed ? 'needs-refresher' : 'signed-off';
	return { status, tally: t, held: true, current: status === 'signed-off', revisionChanges: changes, lapsesAt };
}

/**
 * What a completed live run evidences and whether it is clean (ladder.md: "What live runs evidence"
 * and "clean live runs": completed, no override, no refused policy-breaking move, no incident report).
 * Pure: the caller passes the run's row facts, its final context and its event log.
 */

export interface RunFacts {
	procedure: string;
	ownerId: number;
	status: string;
	outcome: string | null;
	/** The machine's final context (parsed from the persisted snapshot). */
	context: Record<string, unknown>;
	events: { actorId: number; type: string; applied: boolean; refusal: string | null }[];
	incidentReports: number;
}

/**
 * Version of the rules below. The runner stores each completed live run's evidence and reasons with
 * this version; bump it when runEvidences or whyNotClean change, and stored answers are worked out
 * again from the runs.
 */
export const LIVE_EVIDENCE_VERSION = 1;

/** Applied events that are overrides of a rule (policy: a supervisor overriding or approving an exception outside policy). */
export const OVERRIDE_EVENTS: readonly string[] = ['checkCount.overridden', 'exception.approved'];

interface Offer {
	by?: string;
}
interface Escalation {
	warranted?: boolean;
	acceptedAt?: number | null;
	requestedBy?: string;
}

/** Competencies a completed run of `procedure` evidences for its owner. */
export function runEvidences(f: RunFacts): string[] {
	const owner = String(f.ownerId);
	switch (f.procedure) {
		case 'drawer-opening':
			return ['C-OPEN'];
		case 'counter-payment':
			return f.outcome === 'restored' ? ['C-PAY', 'C-RESTORE'] : ['C-PAY'];
		case 'cash-reconciliation':
			return ['C-RECON'];
		case 'deposit-decision':
			return ['C-DEPOSIT'];
		case 'lockoff-day':
			return ['C-LOCKOFF'];
		case 'irate-contact': {
			const out = ['C-IRATE1'];
			const offers = (f.context.offers as Offer[] | undefined) ?? [];
			const escalations = (f.context.escalations as Escalation[] | undefined) ?? [];
			// The machine refuses any offer beyond the offerer's authority, so an offer recorded by the owner was in authority.
			if (f.outcome === 'resolved' && offers.some((o) => o.by === owner)) out.push('C-COMPLAINT');
			if (escalations.some((e) => e.warranted && e.acceptedAt != null && e.requestedBy === owner)) out.push('C-ESCALATE');
			return out;
		}
		default:
			return [];
	}
}

/** Why a run is not clean; empty when it is. Refusals count only when the owner made the move. */
export function whyNotClean(f: RunFacts): string[] {
	const reasons: string[] = [];
	if (f.status !== 'completed') reasons.push('not completed');
	const overrides = f.events.filter((e) => e.applied && OVERRIDE_EVENTS.includes(e.type));
	if (overrides.length) reasons.push(`override (${[...new Set(overrides.map((e) => e.type))].join(', ')})`);
	const refused = f.events.filter((e) => !e.applied && e.actorId === f.ownerId);
	if (refused.length) reasons.push(`${refused.length} refused move${refused.length === 1 ? '' : 's'}`);
	if (f.incidentReports > 0) reasons.push('incident report');
	return reasons;
}

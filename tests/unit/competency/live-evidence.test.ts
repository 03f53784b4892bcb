import { describe, expect, it } from 'vitest';
import { runEvidences, whyNotClean, type RunFacts } from '$lib/competency/live-evidence';

const facts = (over: Partial<RunFacts>): RunFacts => ({ procedure: 'drawer-opening', ownerId: 7, status: 'completed', outcome: 'opened', context: {}, events: [{ actorId: 7, type: 'signed', applied: true, refusal: null }], incidentReports: 0, ...over });

describe('what live runs evidence (ladder.md)', () => {
	it.each([
		['drawer opening', facts({}), ['C-OPEN']],
		['counter payment', facts({ procedure: 'counter-payment', outcome: 'paid' }), ['C-PAY']],
		['counter payment restoring service', facts({ procedure: 'counter-payment', outcome: 'restored' }), ['C-PAY', 'C-RESTORE']],
		['reconciliation', facts({ procedure: 'cash-reconciliation', outcome: 'closed' }), ['C-RECON']],
		['deposit decision', facts({ procedure: 'deposit-decision', outcome: 'waived' }), ['C-DEPOSIT']],
		['lock-off day', facts({ procedure: 'lockoff-day', outcome: 'reconciled' }), ['C-LOCKOFF']],
		['irate contact, routed', facts({ procedure: 'irate-contact', outcome: 'resolved', context: { offers: [], escalations: [] } }), ['C-IRATE1']],
		['irate contact resolved with an in-authority option', facts({ procedure: 'irate-contact', outcome: 'resolved', context: { offers: [{ by: '7' }], escalations: [] } }), ['C-IRATE1', 'C-COMPLAINT']],
		['an option offered by the senior it was escalated to is not the owner’s', facts({ procedure: 'irate-contact', outcome: 'resolved', context: { offers: [{ by: '9' }], escalations: [] } }), ['C-IRATE1']],
		[
			'irate contact correctly escalated',
			facts({ procedure: 'irate-contact', outcome: 'resolved', context: { offers: [], escalations: [{ warranted: true, acceptedAt: 5, requestedBy: '7' }] } }),
			['C-IRATE1', 'C-ESCALATE']
		],
		['a needless escalation is not evidence of C-ESCALATE', facts({ procedure: 'irate-contact', outcome: 'resolved', context: { escalations: [{ warranted: false, acceptedAt: 5, requestedBy: '7' }] } }), ['C-IRATE1']]
	])('%s', (_name, f, expected) => {
		expect(runEvidences(f)).toEqual(expected);
	});
});

describe('clean live runs: completed, no override, no refused move, no incident report', () => {
	it('a completed run with only applied events is clean', () => {
		expect(whyNotClean(facts({}))).toEqual([]);
	});
	it.each([
		['not completed', facts({ status: 'abandoned' }), 'not completed'],
		['a supervisor override', facts({ events: [{ actorId: 3, type: 'checkCount.overridden', applied: true, refusal: null }] }), 'override (checkCount.overridden)'],
		['an exception outside policy', facts({ events: [{ actorId: 3, type: 'exception.approved', applied: true, refusal: null }] }), 'override (exception.approved)'],
		['a refused move by the owner', facts({ events: [{ actorId: 7, type: 'float.verified', applied: false, refusal: '{}' }] }), '1 refused move'],
		['an incident report', facts({ incidentReports: 1 }), 'incident report']
	])('%s → not clean', (_name, f, reason) => {
		expect(whyNotClean(f)).toEqual([reason]);
	});
	it('a move refused to someone else (a junior trying to verify) does not spoil the owner’s run', () => {
		expect(whyNotClean(facts({ events: [{ actorId: 8, type: 'float.verified', applied: false, refusal: '{}' }] }))).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { competency } from '$lib/competency/framework';
import { collectEvidence, effectiveRequirement, type AttemptRecord, type RunRecord } from '$lib/competency/evidence';
import { competencyStatus, type ActiveSignoff } from '$lib/competency/status';
import { policy } from '$lib/policy/settings';
import { TEST_CATALOG } from '$tests/fixtures/training';

const DAY = 86_400_000;
const SIGNED = Date.UTC(2026, 0, 5);
const pay = competency('C-PAY')!;
const lead = competency('C-LEAD')!;

const passed = (at: number): AttemptRecord => ({ id: at, scenarioId: 'pay-a', procedure: 'counter-payment', passed: true, competencies: ['C-PAY'], finishedAt: at, score: 90, maxScore: 100, faultsFound: [], faultsMissed: [] });
const cleanRun = (at: number): RunRecord => ({ id: at, procedure: 'counter-payment', completedAt: at, clean: true, notClean: [], evidences: ['C-PAY'] });
const signoff = (revisions: Record<string, number> = { 'counter-payment': 1 }): ActiveSignoff => ({ id: 1, signedAt: SIGNED, signedBy: 2, signedByName: 'Maria', note: 'Watched three closes.', frameworkVersion: 1, revisions, overrideReason: null });
const procs = (n = 1) => ({ 'counter-payment': { number: n, note: n > 1 ? 'Card refunds now need a second person.' : 'First published procedure.' } });

function statusAt(now: number, opts: { attempts?: AttemptRecord[]; runs?: RunRecord[]; rev?: number; c?: typeof pay } = {}) {
	const c = opts.c ?? pay;
	return competencyStatus({
		evidence: collectEvidence(c.id, opts.attempts ?? [], opts.runs ?? [], []),
		needed: effectiveRequirement(c, c.requirement, TEST_CATALOG.scenarios),
		signoff: signoff(c === pay ? undefined : {}),
		procedures: c === pay ? procs(opts.rev) : {},
		now,
		lapseDays: policy.competency.lapseDays
	});
}

describe('lapse: no clean live run or passed attempt for 180 days → needs refresher', () => {
	it('counts from the sign-off when there has been no practice since', () => {
		expect(statusAt(SIGNED + 180 * DAY).status).toBe('signed-off');
		expect(statusAt(SIGNED + 180 * DAY + 1).status).toBe('needs-refresher');
	});

	it('a passed attempt or a clean live run restarts the 180 days', () => {
		const practice = SIGNED + 100 * DAY;
		for (const evidence of [{ attempts: [passed(practice)] }, { runs: [cleanRun(practice)] }]) {
			expect(statusAt(practice + 180 * DAY, evidence).status).toBe('signed-off');
			const late = statusAt(practice + 180 * DAY + 1, evidence);
			expect(late).toMatchObject({ status: 'needs-refresher', held: true, current: false });
		}
	});

	it('the lapse setting is 180 days', () => {
		expect(policy.competency.lapseDays).toBe(180);
	});

	it('an observation-only competency never lapses', () => {
		const r = statusAt(SIGNED + 5000 * DAY, { c: lead });
		expect(r).toMatchObject({ status: 'signed-off', current: true, lapsesAt: null });
	});
});

describe('procedure revision → re-certify (not revoked)', () => {
	it('a revision above the one signed under marks it re-certify, with the change note; it still counts as held', () => {
		const r = statusAt(SIGNED + DAY, { rev: 2 });
		expect(r).toMatchObject({ status: 're-certify', held: true, current: false });
		expect(r.revisionChanges).toEqual([{ procedure: 'counter-payment', signedUnder: 1, current: 2, note: 'Card refunds now need a second person.' }]);
	});

	it('the same revision leaves it signed off', () => {
		expect(statusAt(SIGNED + DAY, { rev: 1 }).status).toBe('signed-off');
	});
});

describe('statuses before sign-off', () => {
	const before = (attempts: AttemptRecord[], runs: RunRecord[]) =>
		competencyStatus({ evidence: collectEvidence('C-PAY', attempts, runs, []), needed: effectiveRequirement(pay, pay.requirement, TEST_CATALOG.scenarios), signoff: null, procedures: procs(), now: SIGNED, lapseDays: 180 }).status;

	it.each([
		['no evidence', [], [], 'not-started'],
		['some evidence', [passed(1)], [], 'in-progress'],
		['all evidence', [passed(1), { ...passed(2), scenarioId: 'pay-b' }], [cleanRun(1), cleanRun(2), cleanRun(3)], 'evidence-complete']
	] as const)('%s → %s', (_name, attempts, runs, expected) => {
		expect(before([...attempts], [...runs])).toBe(expected);
	});
});

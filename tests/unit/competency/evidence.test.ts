import { describe, expect, it } from 'vitest';
import { competency, type EvidenceRequirement } from '$lib/competency/framework';
import { collectEvidence, effectiveRequirement, tally, type AttemptRecord, type RunRecord } from '$lib/competency/evidence';
import { TEST_CATALOG } from '$tests/fixtures/training';

const recon = competency('C-RECON')!;
const RECON_REQ = recon.requirement;
let id = 0;
const attempt = (scenarioId: string, passed = true, faultsFound: string[] = [], competencies = ['C-RECON']): AttemptRecord => ({
	id: ++id,
	scenarioId,
	procedure: 'cash-reconciliation',
	passed,
	competencies,
	finishedAt: 1000 + id,
	score: passed ? 90 : 40,
	maxScore: 100,
	faultsFound,
	faultsMissed: []
});
const run = (clean = true, evidences = ['C-RECON']): RunRecord => ({ id: ++id, procedure: 'cash-reconciliation', completedAt: 2000 + id, clean, notClean: clean ? [] : ['override'], evidences });
const runs = (k: number) => Array.from({ length: k }, () => run());

function reconTally(attempts: AttemptRecord[], liveRuns: RunRecord[], req: EvidenceRequirement = RECON_REQ) {
	const needed = effectiveRequirement(recon, req, TEST_CATALOG.scenarios);
	return tally(collectEvidence('C-RECON', attempts, liveRuns, []), needed);
}

describe('evidence rules: C-RECON needs 3 passed distinct scenarios (1 with a fault found) + 5 clean live runs', () => {
	it('exactly 3 distinct passed scenarios with a fault found and 5 clean runs: complete', () => {
		const t = reconTally([attempt('recon-a', true, ['F-10']), attempt('recon-b'), attempt('recon-d')], runs(5));
		expect(t.scenarios).toEqual({ have: 3, need: 3 });
		expect(t.complete).toBe(true);
	});

	it('2 distinct passed scenarios: not complete, even with plenty of runs', () => {
		const t = reconTally([attempt('recon-a', true, ['F-10']), attempt('recon-b')], runs(6));
		expect(t.scenarios).toEqual({ have: 2, need: 3 });
		expect(t.complete).toBe(false);
	});

	it('passing the same scenario three times is one distinct scenario', () => {
		const t = reconTally([attempt('recon-a', true, ['F-10']), attempt('recon-a'), attempt('recon-a')], runs(5));
		expect(t.scenarios.have).toBe(1);
		expect(t.complete).toBe(false);
	});

	it('failed attempts do not count; no fault found in any passed attempt: not complete', () => {
		const t = reconTally([attempt('recon-a'), attempt('recon-b'), attempt('recon-c'), attempt('recon-d', false, ['F-10'])], runs(5));
		expect(t.scenarios.have).toBe(3);
		expect(t.withFaultFound).toEqual({ have: 0, need: 1 });
		expect(t.complete).toBe(false);
	});

	it('4 clean runs are one short; an unclean run does not count', () => {
		const t = reconTally([attempt('recon-a', true, ['F-10']), attempt('recon-b'), attempt('recon-c')], [...runs(4), run(false)]);
		expect(t.cleanRuns).toEqual({ have: 4, need: 5 });
		expect(t.complete).toBe(false);
	});

	it('attempts evidencing another competency do not count', () => {
		const t = reconTally([attempt('pay-a', true, [], ['C-PAY']), attempt('recon-a', true, ['F-10']), attempt('recon-b')], runs(5));
		expect(t.scenarios.have).toBe(2);
	});
});

describe('requirements apply "whichever exist"', () => {
	it('a competency with a procedure but no scenarios needs only the clean runs', () => {
		expect(effectiveRequirement(competency('C-OPEN')!, competency('C-OPEN')!.requirement, TEST_CATALOG.scenarios)).toEqual({ scenarios: 0, withFaultFound: 0, cleanRuns: 3, observations: 0, observationOnly: false });
	});

	it('a competency with scenarios but no procedure needs only the scenarios (capped by how many exist)', () => {
		expect(effectiveRequirement(competency('C-ID')!, competency('C-ID')!.requirement, TEST_CATALOG.scenarios)).toMatchObject({ scenarios: 1, cleanRuns: 0, observationOnly: false });
	});

	it('a competency with neither needs one observation note, and is observation-only', () => {
		const needed = effectiveRequirement(competency('C-LEAD')!, competency('C-LEAD')!.requirement, TEST_CATALOG.scenarios);
		expect(needed).toEqual({ scenarios: 0, withFaultFound: 0, cleanRuns: 0, observations: 1, observationOnly: true });
		const none = tally(collectEvidence('C-LEAD', [], [], []), needed);
		expect(none.complete).toBe(false);
		const one = tally(collectEvidence('C-LEAD', [], [], [{ id: 1, competencyId: 'C-LEAD', observerId: 9, observerName: 'S', at: 1, note: 'Led the morning huddle.' }]), needed);
		expect(one.complete).toBe(true);
	});

	it('a supervisor-edited requirement is applied as published', () => {
		const t = reconTally([attempt('recon-a', true, ['F-10']), attempt('recon-b')], runs(2), { passedScenarios: 2, withFaultFound: 1, cleanLiveRuns: 2, observations: 0 });
		expect(t.complete).toBe(true);
	});
});

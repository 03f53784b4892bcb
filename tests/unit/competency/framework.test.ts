import { describe, expect, it } from 'vitest';
import { COMPETENCIES, DEFAULT_FRAMEWORK, competency, requirementIn } from '$lib/competency/framework';

describe('competency framework (transcribed ladder)', () => {
	it('has the 20 competencies with stable, unique ids', () => {
		expect(COMPETENCIES).toHaveLength(20);
		expect(new Set(COMPETENCIES.map((c) => c.id)).size).toBe(20);
	});

	it('places them at the ladder levels: 6 at I, 8 at II, 5 at III, 1 senior', () => {
		const by = (l: string) => COMPETENCIES.filter((c) => c.level === l).length;
		expect([by('csr1'), by('csr2'), by('csr3'), by('senior')]).toEqual([6, 8, 5, 1]);
	});

	it('uses the evidence defaults: C-RECON 3 scenarios (1 with a fault found) + 5 clean runs; every other 2 + 3 (whichever exist)', () => {
		expect(competency('C-RECON')!.requirement).toEqual({ passedScenarios: 3, withFaultFound: 1, cleanLiveRuns: 5, observations: 0 });
		for (const c of COMPETENCIES.filter((x) => x.id !== 'C-RECON')) expect(c.requirement).toEqual({ passedScenarios: 2, withFaultFound: 0, cleanLiveRuns: 3, observations: 0 });
	});

	it('version 1 of the framework is the defaults, and ties each live procedure to the competencies ladder.md lists', () => {
		expect(DEFAULT_FRAMEWORK.version).toBe(1);
		expect(requirementIn(DEFAULT_FRAMEWORK, 'C-RECON').cleanLiveRuns).toBe(5);
		expect(competency('C-RESTORE')!.procedures).toEqual(['counter-payment']);
		expect(competency('C-LEAD')!.procedures).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { COMPETENCIES, competency } from '$lib/competency/framework';

describe('competency framework (transcribed ladder)', () => {
	it('has the 20 competencies with stable, unique ids', () => {
		expect(COMPETENCIES).toHaveLength(20);
		expect(new Set(COMPETENCIES.map((c) => c.id)).size).toBe(20);
	});

	it('places them at the ladder levels: 6 at I, 8 at II, 5 at III, 1 senior', () => {
		const by = (l: string) => COMPETENCIES.filter((c) => c.level === l).length;
		expect([by('csr1'), by('csr2'), by('csr3'), by('senior')]).toEqual([6, 8, 5, 1]);
	});

	it('uses the evidence defaults: C-RECON 3 scenarios (1 with a fault found) + 5 clean runs; others with a procedure 2 + 3', () => {
		expect(competency('C-RECON')!.requirement).toEqual({ passedScenarios: 3, withFaultFound: 1, cleanLiveRuns: 5, observation: false });
		expect(competency('C-PAY')!.requirement).toMatchObject({ passedScenarios: 2, cleanLiveRuns: 3 });
		expect(competency('C-LEAD')!.requirement.observation).toBe(true);
	});
});

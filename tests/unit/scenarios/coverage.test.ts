/**
 * Scenario coverage (issue 7): the counting function, then the library held to the minimums
 * through it — scenarios in all, per machine, per level, per fault, irate contacts (and Spanish-speaking
 * ones), and per competency that a live procedure evidences.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '$scenarios/index';
import { LEARNING_PATHS } from '$scenarios/catalog';
import { PROCEDURE_KEYS } from '$scenarios/schema';
import { FAULT_IDS, countCoverage, coverageRows, type CoverageRow } from '$scenarios/coverage';
import { COMPETENCIES } from '$lib/competency/framework';

const row = (id: string, over: Partial<CoverageRow> = {}): CoverageRow => ({ id, procedure: 'counter-payment', level: 'csr1', competencies: ['C-PAY'], faultIds: ['F-02'], language: null, ...over });

describe('countCoverage', () => {
	it('counts each scenario once per key, keeps zeros for every procedure, level, competency and fault, and splits irate contacts by language', () => {
		const c = countCoverage(
			[
				row('a', { competencies: ['C-PAY', 'C-ID'], faultIds: ['F-02', 'F-08'] }),
				row('b', { level: 'csr2', competencies: ['C-PAY', 'C-RESTORE'], faultIds: ['F-09', 'F-09'] }),
				row('c', { procedure: 'irate-contact', competencies: ['C-IRATE1'], faultIds: ['F-30'], language: 'es' }),
				row('d', { procedure: 'irate-contact', competencies: ['C-IRATE1'], faultIds: ['F-31'], language: 'en' })
			],
			[{ id: 'p', title: 'P', level: 'csr2', description: '', scenarioIds: ['b'] }]
		);
		expect(c.total).toBe(4);
		expect(c.byProcedure).toEqual(Object.fromEntries(PROCEDURE_KEYS.map((k) => [k, { 'counter-payment': 2, 'irate-contact': 2 }[k as string] ?? 0])));
		expect(c.byLevel).toMatchObject({ csr1: 3, csr2: 1, csr3: 0 });
		expect(Object.keys(c.byCompetency)).toEqual(COMPETENCIES.map((x) => x.id));
		expect(c.byCompetency).toMatchObject({ 'C-PAY': 2, 'C-ID': 1, 'C-RESTORE': 1, 'C-IRATE1': 2, 'C-OPEN': 0 });
		expect(Object.keys(c.byFault)).toHaveLength(35);
		expect(c.byFault).toMatchObject({ 'F-01': 0, 'F-02': 1, 'F-09': 1, 'F-35': 0 });
		expect(c.irateByLanguage).toEqual({ es: 1, en: 1 });
		expect(c.paths[0]).toMatchObject({ id: 'p', scenarios: 1 });
		expect(c.paths[0].evidence.find((e) => e.competency === 'C-RESTORE')).toEqual({ competency: 'C-RESTORE', have: 1, need: 1 });
	});
});

describe('the library meets issue 7’s coverage', () => {
	const c = countCoverage(coverageRows(SCENARIOS), LEARNING_PATHS);

	it('has at least 36 scenarios, at least 6 per machine and at least 8 at each of CSR I, II and III', () => {
		expect(c.total).toBeGreaterThanOrEqual(36);
		for (const p of PROCEDURE_KEYS) expect(c.byProcedure[p], p).toBeGreaterThanOrEqual(6);
		for (const l of ['csr1', 'csr2', 'csr3']) expect(c.byLevel[l], l).toBeGreaterThanOrEqual(8);
	});

	it('injects every fault of the catalogue, F-01 … F-35', () => {
		expect(FAULT_IDS).toHaveLength(35);
		for (const f of FAULT_IDS) expect(c.byFault[f], f).toBeGreaterThanOrEqual(1);
	});

	it('has at least 8 irate contacts, at least 2 with a Spanish-speaking customer', () => {
		expect(c.byProcedure['irate-contact']).toBeGreaterThanOrEqual(8);
		expect(c.irateByLanguage.es ?? 0).toBeGreaterThanOrEqual(2);
	});

	it('has at least 3 scenarios for every competency a live procedure evidences', () => {
		const live = COMPETENCIES.filter((x) => x.procedures.length > 0);
		expect(live.length).toBeGreaterThan(0);
		const short = live.filter((x) => c.byCompetency[x.id] < 3).map((x) => x.id);
		expect(short).toEqual([]);
	});
});

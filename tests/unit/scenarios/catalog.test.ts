import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '$scenarios/index';
import { LEARNING_PATHS, SCENARIO_SUMMARIES } from '$scenarios/catalog';
import { parseScenario, PROCEDURE_KEYS } from '$scenarios/schema';
import { resolveScenario } from '$lib/server/training/resolve';
import { shuffledReplies } from '$lib/server/training/dialogue';

/** Policy §10: the procedure each fault belongs to. */
const FAULT_PROCEDURE = (id: string): string => {
	const n = Number(id.slice(2));
	if (n === 1) return 'drawer-opening';
	if (n <= 10) return 'counter-payment';
	if (n <= 16) return 'cash-reconciliation';
	if (n <= 21) return 'deposit-decision';
	if (n <= 29) return 'lockoff-day';
	return 'irate-contact';
};

describe('the scenario library', () => {
	it('has at least 8 valid scenarios: every machine, two irate dialogues, 12+ distinct faults of the right procedures', () => {
		expect(SCENARIOS.length).toBeGreaterThanOrEqual(8);
		for (const s of SCENARIOS) expect(() => parseScenario(s), s.id).not.toThrow();
		for (const p of PROCEDURE_KEYS) expect(SCENARIOS.some((s) => s.procedure === p), p).toBe(true);
		expect(SCENARIOS.filter((s) => s.procedure === 'irate-contact' && s.dialogue).length).toBeGreaterThanOrEqual(2);
		const faults = new Set(SCENARIOS.flatMap((s) => s.faults.map((f) => f.id)));
		expect(faults.size).toBeGreaterThanOrEqual(12);
		for (const s of SCENARIOS) for (const f of s.faults) expect(FAULT_PROCEDURE(f.id), `${s.id} ${f.id}`).toBe(s.procedure);
		expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
	});

	it('irate scenarios are dialogues whose machine acts with the scenario level', () => {
		for (const s of SCENARIOS.filter((x) => x.procedure === 'irate-contact')) {
			expect(resolveScenario(s, 7).world.machineInput.level).toBe(s.level);
			for (const turn of Object.values(s.dialogue!.turns)) expect(turn.replies.length).toBeGreaterThanOrEqual(3);
		}
	});

	it('the catalog summaries are exactly what the scenario files say', () => {
		const derived = SCENARIOS.map((s) => ({
			id: s.id,
			version: s.version,
			title: s.title,
			procedure: s.procedure,
			level: s.level,
			competencies: s.competencies,
			faultIds: s.faults.map((f) => f.id),
			brief: s.brief,
			targetMinutes: s.targetMinutes
		}));
		const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
		expect([...SCENARIO_SUMMARIES].sort(byId)).toEqual(derived.sort(byId));
		for (const p of LEARNING_PATHS) for (const id of p.scenarioIds) expect(SCENARIOS.some((s) => s.id === id), `${p.id}: ${id}`).toBe(true);
	});

	it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every seed draws a valid world, and seeds vary names, amounts and order', (_id, s) => {
		const worlds = Array.from({ length: 40 }, (_, i) => resolveScenario(s, i * 104729 + 1).world);
		const texts = new Set(worlds.map((w) => JSON.stringify([w.start, w.accounts, w.drawer, w.items.map((i) => i.details), w.machineInput])));
		expect(texts.size).toBeGreaterThan(30);
		// Same seed, same world.
		expect(resolveScenario(s, 99)).toEqual(resolveScenario(s, 99));
	});

	it('the lock-off list order and the carrier of each fault vary with the seed', () => {
		const s = SCENARIOS.find((x) => x.id === 'lo-morning-list')!;
		const positions = new Set<number>();
		for (let seed = 1; seed <= 30; seed++) {
			const w = resolveScenario(s, seed).world;
			const list = (w.machineInput.accounts as { accountNumber: string }[]).map((a) => a.accountNumber);
			positions.add(list.indexOf(w.refs.f22 as string));
		}
		expect(positions.size).toBeGreaterThan(3);
	});

	it('dialogue replies are shown in a seed-shuffled order', () => {
		const s = SCENARIOS.find((x) => x.id === 'ir-son-abusive')!;
		const orders = new Set<string>();
		for (let seed = 1; seed <= 12; seed++) orders.add(shuffledReplies(resolveScenario(s, seed), 'not-on-account').map((r) => r.id).join());
		expect(orders.size).toBeGreaterThan(3);
		const r = resolveScenario(s, 5);
		expect(shuffledReplies(r, 'opening')).toEqual(shuffledReplies(r, 'opening'));
	});
});

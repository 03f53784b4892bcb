/**
 * The irate-customer dialogues as a library (issue 7): how many, at which levels, which faults and
 * competencies, how the dialogues are built, and the moves every dialogue must punish — disclosure
 * before verification, and (for Spanish-speaking customers) a child as interpreter or no interpreter.
 * The golden and mistake paths of each scenario run in paths.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { trainingStore, T0 } from '$tests/fixtures/attempt-store';
import { SCENARIOS } from '$scenarios/index';
import { runPath } from '$lib/server/training/paths';
import { resultOf } from '$lib/server/training/repo';
import { resolveScenario } from '$lib/server/training/resolve';
import type { PathStep, Scenario } from '$scenarios/schema';

const IRATE = SCENARIOS.filter((s) => s.procedure === 'irate-contact');
const SEEDS = [1000, 8919, 16838];
const LEVEL_COMPETENCY = { csr1: 'C-IRATE1', csr2: 'C-COMPLAINT', csr3: 'C-ESCALATE' } as const;
type ReplyData = NonNullable<Scenario['dialogue']>['turns'][string]['replies'][number];

/** The turns a path's replies pass through, in order (a reply not open at its turn fails the test). */
function turnsOf(s: Scenario, steps: readonly PathStep[]): string[] {
	const d = s.dialogue!;
	let turn: string | null = d.start;
	const seen: string[] = [];
	for (const step of steps) {
		if (!('say' in step)) continue;
		expect(turn, `${s.id}: ${step.say} after the dialogue ended`).not.toBeNull();
		const reply: ReplyData | undefined = d.turns[turn!].replies.find((r) => r.id === step.say);
		expect(reply, `${s.id}: ${step.say} is not a reply at ${turn}`).toBeDefined();
		seen.push(turn!);
		turn = reply!.next;
	}
	return seen;
}

function score(s: Scenario, steps: PathStep[], seed: number) {
	const { store, trainee } = trainingStore();
	return resultOf(runPath(store, trainee, s.id, steps, { seed, now: T0 }).attempt)!;
}

describe('the irate-customer library', () => {
	it('has at least eight dialogues, at least two at each of CSR I, II and III, with distinct personas', () => {
		expect(IRATE.length).toBeGreaterThanOrEqual(8);
		for (const level of ['csr1', 'csr2', 'csr3'] as const) expect(IRATE.filter((s) => s.level === level).length, level).toBeGreaterThanOrEqual(2);
		const roles = IRATE.map((s) => s.persona!.role);
		expect(new Set(roles).size).toBe(roles.length);
	});

	it('together injects every irate fault (F-30 … F-35), and the harder levels combine faults', () => {
		for (const f of ['F-30', 'F-31', 'F-32', 'F-33', 'F-34', 'F-35']) expect(IRATE.some((s) => s.faults.some((x) => x.id === f)), f).toBe(true);
		for (const s of IRATE.filter((x) => x.level !== 'csr1')) expect(s.faults.length, s.id).toBeGreaterThanOrEqual(2);
	});

	it.each(IRATE.map((s) => [s.id, s] as const))('%s evidences the competency of its level and only irate-contact ones', (_id, s) => {
		expect(s.competencies).toContain('C-IRATE1');
		expect(s.competencies).toContain(LEVEL_COMPETENCY[s.level as keyof typeof LEVEL_COMPETENCY]);
		for (const c of s.competencies) expect(['C-IRATE1', 'C-COMPLAINT', 'C-ESCALATE', 'C-ID']).toContain(c);
	});

	it.each(IRATE.map((s) => [s.id, s] as const))('%s: every turn is reachable, offers ≥ 3 replies in ≥ 2 styles, and the golden path passes ≥ 6 customer turns', (_id, s) => {
		const d = s.dialogue!;
		const reached = new Set([d.start]);
		for (let grew = true; grew; ) {
			grew = false;
			for (const id of [...reached])
				for (const r of d.turns[id].replies)
					if (r.next && !reached.has(r.next)) {
						reached.add(r.next);
						grew = true;
					}
		}
		expect([...reached].sort()).toEqual(Object.keys(d.turns).sort());
		for (const [id, turn] of Object.entries(d.turns)) {
			expect(turn.replies.length, id).toBeGreaterThanOrEqual(3);
			expect(new Set(turn.replies.map((r) => r.style)).size, id).toBeGreaterThanOrEqual(2);
		}
		expect(new Set(turnsOf(s, s.golden)).size).toBeGreaterThanOrEqual(6);
		for (const m of s.mistakes) turnsOf(s, m.steps);
	});

	it.each(IRATE.map((s) => [s.id, s] as const))('%s: disclosing before verification is the critical error', (_id, s) => {
		// Say the first disclosure reply met on the golden route before identity is checked, then carry on as in the golden path.
		const d = s.dialogue!;
		const steps = [...s.golden];
		let turn: string | null = d.start;
		let at = -1;
		let disclosure: string | undefined;
		for (let i = 0; i < steps.length && turn; i++) {
			const step = steps[i];
			if (!('say' in step)) continue;
			disclosure = d.turns[turn].replies.find((r) => r.style === 'disclosure' && r.next === turn && r.do.some((a) => a.event.type === 'detail.disclosed'))?.id;
			if (disclosure) {
				at = i;
				break;
			}
			const reply: ReplyData = d.turns[turn].replies.find((r) => r.id === step.say)!;
			if (reply.do.some((a) => a.event.type === 'identity.checked')) break;
			turn = reply.next;
		}
		expect(disclosure, 'a disclosure reply before verification').toBeDefined();
		steps.splice(at, 0, { say: disclosure! });
		for (const seed of SEEDS) {
			const r = score(s, steps, seed);
			expect(r.passed).toBe(false);
			expect(r.critical.map((c) => c.code)).toContain('disclosure-before-verification');
		}
	});
});

/** Per Spanish-speaking dialogue: the reply that uses a child as interpreter, and the one that carries on in English. */
const LANGUAGE_REPLIES: Record<string, { child: string; none: string }> = {
	'ir-es-grandmother': { child: 'grandson-translates', none: 'loud-english' },
	'ir-es-leak-credit': { child: 'family', none: 'slow-english' }
};

describe('language access in the Spanish-speaking dialogues (policy §1)', () => {
	const spanish = IRATE.filter((s) => resolveScenario(s, 1).world.machineInput.preferredLanguage === 'es');

	it('two dialogues have a Spanish-speaking customer, and their golden path offers the interpreter line or a colleague', () => {
		expect(spanish.map((s) => s.id).sort()).toEqual(Object.keys(LANGUAGE_REPLIES).sort());
		for (const s of spanish) {
			const first = s.dialogue!.turns[s.dialogue!.start].replies.find((r) => 'say' in s.golden[0] && r.id === s.golden[0].say)!;
			expect(first.do.map((a) => a.event)).toContainEqual(expect.objectContaining({ type: 'interpreter.offered', via: expect.stringMatching(/^(phone-line|colleague)$/) }));
		}
	});

	it.each(Object.entries(LANGUAGE_REPLIES))('%s: a child as interpreter is refused and costs 10 compliance points', (id, replies) => {
		const s = IRATE.find((x) => x.id === id)!;
		for (const seed of SEEDS) {
			const r = score(s, [{ say: replies.child }, ...s.golden], seed);
			expect(r.deductions.filter((d) => d.item === 'compliance').map((d) => d.rule)).toEqual(['no-child-interpreter']);
			expect(r.items.compliance.max - r.items.compliance.earned).toBe(1000);
			expect(r.faultsMissed).toEqual([]);
		}
	});

	it.each(Object.entries(LANGUAGE_REPLIES))('%s: never offering an interpreter is a breach, and the outcome and note miss it', (id, replies) => {
		const s = IRATE.find((x) => x.id === id)!;
		for (const seed of SEEDS) {
			const r = score(s, [{ say: replies.none }, ...s.golden.slice(1)], seed);
			expect(r.deductions.filter((d) => d.item === 'compliance').map((d) => d.rule)).toEqual(['interpreter-not-offered']);
			expect(r.outcomeItems.find((i) => i.id === 'interpreter')?.met).toBe(false);
			expect(r.documentationItems.find((i) => i.id === 'note-interpreter')?.met).toBe(false);
			expect(r.passed).toBe(false);
		}
	});
});

/**
 * What a training scenario is (issue 5): its brief and objectives, the world it starts from, what lies
 * outside the system, the customer and simulated colleagues, the faults it injects (each with the
 * check that shows it was found), the expected outcome, soft-order rules, required documentation,
 * time, pass mark, and a golden path plus one mistake path per fault. Everything is data except
 * `world(rng)`, which draws the seed's variant (names, amounts, which account carries a fault, list
 * order) so that amounts stay arithmetically consistent (a drawer's contents and its batch totals).
 *
 * Paths and checks refer to the world symbolically through `{ $ref: 'refs.…' }`, never literal ids,
 * so they hold for every variant. Nothing in `refs`, `faults`, `expected`, `critical`, `mistakes`,
 * a reply's `style` or an option's `violation` may reach the browser before the attempt ends.
 */
import { z } from 'zod';
import { actorEventZ, checkZ, eventTemplateZ, type EventTemplate } from './schema-checks';

export type { ActorEvent, Check, EventTemplate, Match, Ref, Template } from './schema-checks';
import { COMPETENCIES } from '$lib/competency/framework';
import type { Rng } from '$lib/server/sandbox/random';

export const PROCEDURE_KEYS = ['drawer-opening', 'counter-payment', 'cash-reconciliation', 'deposit-decision', 'lockoff-day', 'irate-contact'] as const;
export const CRITICAL_CODES = [
	'disclosure-before-verification',
	'lockoff-excluded-account',
	'counterfeit-accepted',
	'dual-control-breach',
	'restoration-without-reconnect',
	'deposit-waiver-misapplied',
	'payment-wrong-account',
	'threat-handled-alone'
] as const;
export const RUBRIC_ITEMS = ['outcome', 'compliance', 'order', 'documentation', 'time'] as const;
export type RubricItem = (typeof RUBRIC_ITEMS)[number];
export const REPLY_STYLES = ['empathetic', 'procedural', 'defensive', 'premature-solution', 'policy-first', 'disclosure', 'escalation', 'dismissive', 'boundary'] as const;

const levelZ = z.enum(['csr1', 'csr2', 'csr3', 'senior', 'supervisor']);
const faultIdZ = z.string().regex(/^F-(0[1-9]|[12]\d|3[0-5])$/, 'A fault id of policy §10 (F-01 … F-35)');
const competencyIdZ = z.string().refine((id) => COMPETENCIES.some((c) => c.id === id), 'A competency id of the ladder');
const idZ = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id (a-z, 0-9, -)');
const hhmmZ = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24 h, local)');
const isoDateZ = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const textZ = z.string().trim().min(1);

const violationZ = z.object({ rule: idZ, reason: textZ, policyRef: textZ, critical: z.enum(CRITICAL_CODES).optional() });
export type Violation = z.infer<typeof violationZ>;

const faultZ = z.object({
	id: faultIdZ,
	title: textZ,
	/** The event or outcome that shows the trainee found it. */
	found: checkZ,
	correctMove: textZ,
	policyRef: textZ
});
const itemZ = z.object({ id: idZ, label: textZ, check: checkZ, policyRef: textZ });
const softRuleZ = z.object({
	id: idZ,
	description: textZ,
	policyRef: textZ,
	/** Scenario-level rule: broken when this holds. Without it, the id is a machine soft-order rule (broken when in softOrderSlips). */
	brokenWhen: checkZ.optional()
});
const criticalZ = z.object({ code: z.enum(CRITICAL_CODES), when: checkZ, reason: textZ, policyRef: textZ });
const colleagueZ = z.object({
	id: idZ,
	name: textZ,
	level: levelZ,
	role: textZ,
	/** What they do when asked at a step that accepts this event from them (counts come from the world, never from the trainee). */
	acts: z.record(z.string(), eventTemplateZ)
});
const optionZ = z.object({ id: idZ, label: textZ, do: z.array(actorEventZ).default([]), violation: violationZ.optional(), then: textZ.optional() });
const promptZ = z.object({
	id: idZ,
	/** Shown while the machine is at this step (any step when absent). */
	step: z.string().optional(),
	from: textZ,
	text: textZ,
	/** The step's own actions wait until it is answered. */
	blocking: z.boolean().default(false),
	options: z.array(optionZ).min(2)
});
const momentZ = z.object({ id: idZ, at: hhmmZ, label: textZ, step: z.string().optional(), narration: textZ, do: z.array(actorEventZ).default([]) });
const replyZ = z.object({ id: idZ, text: textZ, style: z.enum(REPLY_STYLES), do: z.array(actorEventZ), next: z.string().nullable() });
const moodLinesZ = z.union([textZ, z.object({ calm: textZ, upset: textZ, hostile: textZ })]);
const turnZ = z.object({ customer: moodLinesZ, moves: z.array(eventTemplateZ).default([]), replies: z.array(replyZ).min(3, 'Each customer turn offers at least 3 replies') });
const dialogueZ = z.object({ start: z.string(), turns: z.record(z.string(), turnZ) });

export type PathStep =
	| { do: EventTemplate }
	| { ask: string }
	| { say: string }
	| { choose: string }
	| { inspect: string }
	| { advance: string }
	| { hint: true }
	/** Real minutes pass (the time item). */
	| { wait: number }
	| { finish: true };
const pathStepZ: z.ZodType<PathStep, PathStep> = z.union([
	z.object({ do: eventTemplateZ }).strict(),
	z.object({ ask: z.string() }).strict(),
	z.object({ say: z.string() }).strict(),
	z.object({ choose: z.string() }).strict(),
	z.object({ inspect: z.string() }).strict(),
	z.object({ advance: z.string() }).strict(),
	z.object({ hint: z.literal(true) }).strict(),
	z.object({ wait: z.number().positive() }).strict(),
	z.object({ finish: z.literal(true) }).strict()
]);
const mistakeZ = z.object({
	fault: faultIdZ,
	description: textZ,
	steps: z.array(pathStepZ).min(1),
	expect: z.object({
		missed: z.array(faultIdZ).min(1),
		critical: z.enum(CRITICAL_CODES).optional(),
		passed: z.boolean(),
		/** Points lost per rubric item (exact, to the hundredth); items not named lose nothing. */
		lost: z.partialRecord(z.enum(RUBRIC_ITEMS), z.number().nonnegative()).optional()
	})
});

const denominationsZ = z.record(z.string(), z.number().int().nonnegative());
const worldItemZ = z.object({
	id: idZ,
	kind: z.enum(['note', 'check', 'envelope', 'fax', 'document', 'letter', 'receipt', 'words', 'radio']),
	title: textZ,
	summary: textZ,
	details: z.array(z.object({ label: textZ, value: z.string() })).default([]),
	/** Appears when the trainee moves on to this moment. */
	appearsAt: z.string().optional(),
	/** Appears once this holds (e.g. the customer's reaction to a refused tender). */
	when: checkZ.optional()
});
const worldAccountZ = z.object({
	number: textZ,
	holder: textZ,
	address: textZ,
	status: z.enum(['active', 'locked', 'closed', 'final', 'pending']),
	balanceCents: z.number().int(),
	depositHeldCents: z.number().int().nonnegative()
});
export const worldZ = z.object({
	start: z.object({ date: isoDateZ, time: hhmmZ }),
	weather: z.object({ lowF: z.number(), highF: z.number(), summary: textZ }),
	subject: textZ,
	/** The machine input less `policy` (the runner adds the policy snapshot). */
	machineInput: z.record(z.string(), z.unknown()),
	customer: z.object({ name: textZ, says: textZ }).nullable(),
	/** The drawer's physical contents (what a count sees). */
	drawer: z
		.object({
			name: textZ,
			contents: denominationsZ,
			checks: z.array(z.object({ number: textZ, amountCents: z.number().int().positive() })),
			cardCents: z.number().int().nonnegative().nullable(),
			note: z.string()
		})
		.nullable(),
	items: z.array(worldItemZ),
	/** The attempt's own system: accounts effects may touch. */
	accounts: z.array(worldAccountZ),
	/** Symbolic references for paths and checks (never sent to the browser). */
	refs: z.record(z.string(), z.unknown()),
	/** Text that gives the answer away (an expected total…): never sent to the browser before the end, or while the machine is at `whileSteps`. */
	secrets: z.array(z.object({ text: textZ, whileSteps: z.array(z.string()).optional() }))
});
export type World = z.infer<typeof worldZ>;
export type WorldItem = z.infer<typeof worldItemZ>;

const staticZ = z.object({
	id: idZ,
	version: z.number().int().positive(),
	title: textZ,
	procedure: z.enum(PROCEDURE_KEYS),
	level: levelZ,
	brief: textZ,
	objectives: z.array(textZ).min(1),
	competencies: z.array(competencyIdZ).min(1),
	/** The customer (or the person the trainee deals with) and how they behave; null when there is none (a drawer count). */
	persona: z.object({ role: textZ, manner: textZ, startingMood: z.number().int().min(0).max(10).optional(), behaviour: z.array(textZ) }).nullable(),
	colleagues: z.array(colleagueZ),
	faults: z.array(faultZ).min(1),
	expected: z.array(itemZ).min(1),
	softOrder: z.array(softRuleZ),
	documentation: z.array(itemZ),
	critical: z.array(criticalZ).default([]),
	targetMinutes: z.number().positive(),
	timeLimitMinutes: z.number().positive(),
	passMark: z.number().int().min(0).max(100),
	hints: z.array(z.object({ step: z.string().optional(), text: textZ })).default([]),
	prompts: z.array(promptZ).default([]),
	moments: z.array(momentZ).default([]),
	dialogue: dialogueZ.optional(),
	golden: z.array(pathStepZ).min(1),
	mistakes: z.array(mistakeZ).min(1)
});

export type ScenarioData = z.input<typeof staticZ>;
/** A scenario file's default export: data plus the seed's variant of the world. */
export type Scenario = ScenarioData & { world: (rng: Rng) => World };
/** A scenario after validation (defaults filled). */
export type ScenarioStatic = z.output<typeof staticZ>;
/** The scenario as an attempt runs it: static data, the seed and its world. Fully JSON. */
export type ResolvedScenario = ScenarioStatic & { seed: number; world: World };
export type Fault = z.infer<typeof faultZ>;
export type Item = z.infer<typeof itemZ>;
export type Colleague = z.infer<typeof colleagueZ>;
export type Prompt = z.infer<typeof promptZ>;
export type Moment = z.infer<typeof momentZ>;
export type Dialogue = z.infer<typeof dialogueZ>;
export type Turn = z.infer<typeof turnZ>;
export type Reply = z.infer<typeof replyZ>;
export type MistakePath = z.infer<typeof mistakeZ>;
export type CriticalCheck = z.infer<typeof criticalZ>;

/** Validates a scenario's data and its cross-references (faults ↔ mistake paths, dialogue turns, time). */
export function parseScenario(s: Scenario): ScenarioStatic {
	const { world: _w, ...data } = s;
	const parsed = staticZ.parse(data);
	const problems: string[] = [];
	const faultIds = new Set(parsed.faults.map((f) => f.id));
	for (const f of faultIds) if (!parsed.mistakes.some((m) => m.fault === f)) problems.push(`fault ${f} has no mistake path`);
	for (const m of parsed.mistakes) if (!faultIds.has(m.fault)) problems.push(`mistake path for ${m.fault}, which the scenario does not inject`);
	if (parsed.timeLimitMinutes <= parsed.targetMinutes) problems.push('the time limit must be after the target time');
	const colleagues = new Set(parsed.colleagues.map((c) => c.id));
	const actors = (list: { by: string }[]) => list.filter((a) => a.by !== 'trainee' && a.by !== 'customer' && !colleagues.has(a.by)).map((a) => a.by);
	for (const p of parsed.prompts) for (const o of p.options) for (const b of actors(o.do)) problems.push(`prompt ${p.id}: unknown actor ${b}`);
	for (const mo of parsed.moments) for (const b of actors(mo.do)) problems.push(`moment ${mo.id}: unknown actor ${b}`);
	if (parsed.dialogue) {
		const turns = parsed.dialogue.turns;
		if (!turns[parsed.dialogue.start]) problems.push(`dialogue start ${parsed.dialogue.start} is not a turn`);
		// Reply ids are unique across the dialogue: paths and checks name a reply alone.
		const ids = new Set<string>();
		for (const [id, t] of Object.entries(turns)) {
			for (const r of t.replies) {
				if (r.next !== null && !turns[r.next]) problems.push(`turn ${id}, reply ${r.id}: next ${r.next} is not a turn`);
				if (ids.has(r.id)) problems.push(`turn ${id}: duplicate reply ${r.id}`);
				ids.add(r.id);
				for (const b of actors(r.do)) problems.push(`turn ${id}, reply ${r.id}: unknown actor ${b}`);
			}
		}
	}
	if (problems.length) throw new Error(`Scenario ${parsed.id}: ${problems.join('; ')}`);
	return parsed;
}

/** Validates one seed's world. */
export function parseWorld(world: World): World {
	return worldZ.parse(world);
}

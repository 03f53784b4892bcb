/**
 * What the attempt page shows (issue 5): the same checklist view as live runs (buildRunView with the
 * trainee acting at the scenario's level) plus the customer panel — dialogue, items to inspect, the
 * drawer's physical contents, open decisions, colleagues to ask, the scenario clock and timer.
 *
 * Everything returned here reaches the browser, so it is built field by field from what the trainee
 * may see now: never the scenario's refs, faults, expected outcome, critical checks, paths, reply
 * styles, an option's consequence, a colleague's scripted answer, hints not taken, or a secret while
 * the machine is at a step it must stay hidden.
 */
import { DENOMINATIONS } from '$lib/policy/settings';
import { formatCents } from '$lib/domain/money';
import { atLeast, LEVEL_TITLES, type Level } from '$lib/domain/levels';
import { procedureDef } from '$machines/registry';
import type { ResolvedScenario } from '$scenarios/schema';
import type { Store } from '../store';
import type { SessionUser } from '../auth/session';
import { loadRun, restoreSnapshot } from '../procedures/runner';
import { buildRunView, type RunView } from '../procedures/view';
import { availableHint, currentStepOf, liveFacts, openMoments, openPrompts, scenarioNow, traineePrincipal, visibleItems } from './attempts';
import { currentTurn, customerLine, moodBand, shuffledReplies } from './dialogue';
import type { LogEntry } from './log';
import { logOf, policyOf, resolvedOf, type AttemptRow } from './repo';
import { getPath } from './resolve';

export interface AttemptView {
	id: number;
	scenarioId: string;
	title: string;
	procedureTitle: string;
	levelTitle: string;
	status: AttemptRow['status'];
	/** Scenario clock, as epoch ms (shown in the office's time zone). */
	scenarioAt: number;
	/** Milliseconds left before the time limit (server clock). */
	remainingMs: number;
	targetMinutes: number;
	timeLimitMinutes: number;
	weather: string;
	run: Pick<RunView, 'id' | 'version' | 'steps' | 'captured' | 'lastRefusal' | 'mapSvg' | 'status'> & {
		current: { id: string; title: string; instructions: string; policyRef: string; actions: NonNullable<RunView['current']>['actions'] } | null;
	};
	/** The form actions are hidden: a dialogue drives this scenario, or someone is waiting for an answer. */
	formsHidden: boolean;
	askable: { id: string; label: string }[];
	customer: { name: string; opening: string; line: string | null; mood: number | null; moodLabel: string | null } | null;
	transcript: { who: 'customer' | 'you'; text: string }[];
	replies: { id: string; text: string }[];
	/** The scripted conversation has no more turns (only finishing is left if the procedure is not done). */
	dialogueEnded: boolean;
	items: { id: string; kind: string; title: string; summary: string; details: { label: string; value: string }[] | null }[];
	drawer: { name: string; contents: { label: string; count: number }[]; checks: { number: string; amount: string }[]; card: string | null; note: string } | null;
	prompts: { id: string; from: string; text: string; options: { id: string; label: string }[] }[];
	narration: string[];
	moments: { id: string; label: string }[];
	hints: { used: string[]; available: boolean; cost: number };
}

/** Fills `{{path}}` placeholders of scenario text from the attempt's world. */
export function interpolate(text: string, s: ResolvedScenario): string {
	return text.replace(/\{\{([\w.]+)\}\}/g, (_m, path: string) => {
		const v = getPath(s.world, path);
		return v === undefined || v === null ? '' : String(v);
	});
}

const MOOD_WORDS = { calm: 'calm', upset: 'upset', hostile: 'hostile' } as const;

/** What the customer said and what the trainee replied, in order. */
export function transcriptOf(s: ResolvedScenario, log: readonly LogEntry[]): AttemptView['transcript'] {
	const d = s.dialogue;
	if (!d) return [];
	const out: AttemptView['transcript'] = [];
	for (const e of log) {
		if (e.kind !== 'say') continue;
		const turn = d.turns[e.data.turn];
		const reply = turn?.replies.find((r) => r.id === e.data.reply);
		if (turn) out.push({ who: 'customer', text: interpolate(customerLine(turn, e.data.band ?? 'upset'), s) });
		if (reply) out.push({ who: 'you', text: interpolate(reply.text, s) });
	}
	return out;
}

function narrationOf(s: ResolvedScenario, log: readonly LogEntry[]): string[] {
	const out: string[] = [];
	for (const e of log) {
		if (e.kind === 'choice') {
			const then = s.prompts.find((p) => p.id === e.data.prompt)?.options.find((o) => o.id === e.data.option)?.then;
			if (then) out.push(then);
		}
		if (e.kind === 'jump') {
			const m = s.moments.find((x) => x.id === e.data.moment);
			if (m) out.push(`${m.label}. ${m.narration}`);
		}
		if (e.kind === 'ask' && e.data.event === null) out.push(`${s.colleagues.find((c) => c.id === e.data.colleague)?.name ?? 'Your colleague'} had nothing to do at that step.`);
	}
	return out.slice(-4);
}

/** The attempt page's data for its trainee (or a senior looking over it). */
export function buildAttemptView(store: Store, row: AttemptRow, viewer: SessionUser, realNow: number): AttemptView {
	const s = resolvedOf(row);
	const policy = policyOf(row);
	const log = logOf(store, row);
	const def = procedureDef(s.procedure)!;
	const run = loadRun(store, row.runId!)!;
	const snap = restoreSnapshot(run);
	const step = currentStepOf(snap);
	const facts = liveFacts(s, log, snap);
	const principal = viewer.id === row.userId ? traineePrincipal(viewer, row.level) : viewer;
	const rv = buildRunView(store, run, principal);
	const prompts = openPrompts(s, log, step);
	const blocked = prompts.some((p) => p.blocking);
	const formsHidden = !!s.dialogue || blocked;
	// Second-person steps are done by the simulated colleagues ("Ask …"), never by a same-screen sign-in.
	const actions = formsHidden || !rv.current ? [] : rv.current.actions.filter((a) => !step?.authority?.[a.event]?.secondPerson);
	// A colleague is asked for what the trainee may not do alone: a second-person step, or one above the scenario's level.
	const askable = blocked
		? []
		: s.colleagues.flatMap((c) => {
				const mine = (t: string) => step?.authority?.[t];
				const type = Object.keys(c.acts).find((t) => mine(t) && (mine(t)!.secondPerson || !atLeast(row.level as Level, mine(t)!.minLevel)));
				return type ? [{ id: c.id, label: `Ask ${c.name} (${LEVEL_TITLES[c.level as Level]}, simulated): ${step?.title ?? type}` }] : [];
			});
	const ctx = snap.context as { mood?: number };
	const turnId = currentTurn(s, log);
	const turn = turnId ? s.dialogue?.turns[turnId] : undefined;
	const mood = typeof ctx.mood === 'number' ? ctx.mood : null;
	const band = mood === null ? null : moodBand(policy, mood);
	const inspected = new Set(log.flatMap((e) => (e.kind === 'inspect' ? [e.data.item] : [])));
	const usedHints = log.flatMap((e) => (e.kind === 'hint' ? [s.hints[e.data.index]?.text ?? ''] : []));
	const d = s.world.drawer;
	return {
		id: row.id,
		scenarioId: s.id,
		title: s.title,
		procedureTitle: def.title,
		levelTitle: LEVEL_TITLES[row.level as Level],
		status: row.status,
		scenarioAt: scenarioNow(row, s, log, realNow),
		remainingMs: Math.max(0, row.startedAt + s.timeLimitMinutes * 60_000 - realNow),
		targetMinutes: s.targetMinutes,
		timeLimitMinutes: s.timeLimitMinutes,
		weather: `${s.world.weather.summary}, ${s.world.weather.lowF}–${s.world.weather.highF} °F`,
		// The step's own words only: its order rules and authority table are the scorer's business (and may name a fault).
		run: {
			id: rv.id,
			version: rv.version,
			steps: rv.steps,
			current: rv.current ? { id: rv.current.id, title: rv.current.title, instructions: rv.current.instructions, policyRef: rv.current.policyRef, actions } : null,
			captured: rv.captured,
			lastRefusal: rv.lastRefusal,
			mapSvg: rv.mapSvg,
			status: rv.status
		},
		formsHidden,
		askable,
		customer: s.world.customer
			? {
					name: s.world.customer.name,
					opening: interpolate(s.world.customer.says, s),
					line: turn ? interpolate(customerLine(turn, band ?? 'upset'), s) : null,
					mood,
					moodLabel: band ? MOOD_WORDS[band] : null
				}
			: null,
		transcript: transcriptOf(s, log),
		dialogueEnded: !!s.dialogue && turnId === null,
		replies: turnId && row.status === 'in_progress' ? shuffledReplies(s, turnId).map((r) => ({ id: r.id, text: interpolate(r.text, s) })) : [],
		items: visibleItems(s, log, facts).map((i) => ({ id: i.id, kind: i.kind, title: i.title, summary: i.summary, details: inspected.has(i.id) || i.details.length === 0 ? i.details : null })),
		drawer: d
			? {
					name: d.name,
					contents: DENOMINATIONS.filter((x) => (d.contents[x.key] ?? 0) > 0).map((x) => ({ label: x.label, count: d.contents[x.key] ?? 0 })),
					checks: d.checks.map((c) => ({ number: c.number, amount: formatCents(c.amountCents) })),
					card: d.cardCents === null ? null : formatCents(d.cardCents),
					note: d.note
				}
			: null,
		prompts: prompts.map((p) => ({ id: p.id, from: p.from, text: p.text, options: p.options.map((o) => ({ id: o.id, label: o.label })) })),
		narration: narrationOf(s, log),
		moments: openMoments(s, log, step).map((m) => ({ id: m.id, label: `Move on to ${m.at}: ${m.label}` })),
		hints: { used: usedHints, available: availableHint(s, log, step) !== null, cost: policy.scoring.hintCost }
	};
}

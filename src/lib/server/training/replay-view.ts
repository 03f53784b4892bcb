/**
 * The replay page (issue 5): an ended attempt stepped through event by event, rebuilt purely from its
 * stored log — the checklist and procedure map as they were after that event, the customer's mood,
 * the conversation so far, and the points lost at each event.
 */
import { procedureMapSvg } from '$lib/procedures/map';
import { LEVEL_TITLES, type Level } from '$lib/domain/levels';
import { listSteps } from '$machines/shared/steps';
import { procedureDef } from '$machines/registry';
import type { ResolvedScenario } from '$scenarios/schema';
import { currentStepOf } from './attempts';
import { currentTurn, customerLine, moodBand } from './dialogue';
import type { LogEntry } from './log';
import { machineAt } from './machines';
import { replay } from './replay';
import type { AttemptRow } from './repo';
import { policyOf, resolvedOf, resultOf } from './repo';
import { interpolate, transcriptOf } from './view';

export interface ReplayEntry {
	seq: number;
	at: number;
	label: string;
	refused: string | null;
	/** Hundredths of a point lost at this event. */
	lost: number;
}

export interface ReplayView {
	entries: ReplayEntry[];
	at: number;
	index: number;
	prev: number | null;
	next: number | null;
	steps: { id: string; title: string; state: 'done' | 'current' | 'upcoming'; needsSecondPerson: boolean; history: { type: string; at: number; by: string; applied: boolean; refusal: string | null }[] }[];
	mapSvg: string;
	mood: { value: number; label: string } | null;
	transcript: { who: 'customer' | 'you'; text: string }[];
	customerLine: string | null;
	deductionsHere: { text: string; policyRef: string; lost: number }[];
}

function actorName(s: ResolvedScenario, actor: string, trainee: string): string {
	if (actor === 'trainee') return trainee;
	if (actor === 'customer') return s.world.customer?.name ?? 'Customer';
	const id = actor.replace('colleague:', '');
	return `${s.colleagues.find((c) => c.id === id)?.name ?? id} (simulated)`;
}

/** One line per log entry, as a reviewer reads it. */
export function describe(s: ResolvedScenario, e: LogEntry, trainee: string): string {
	switch (e.kind) {
		case 'machine':
			return `${actorName(s, e.actor, trainee)}: ${e.event.type}`;
		case 'start':
			return `Attempt started (variant ${e.data.seed}), acting as a ${LEVEL_TITLES[e.data.level as Level] ?? e.data.level}`;
		case 'say': {
			const reply = s.dialogue?.turns[e.data.turn]?.replies.find((r) => r.id === e.data.reply);
			return `You said: ${reply ? interpolate(reply.text, s) : e.data.reply}`;
		}
		case 'choice': {
			const p = s.prompts.find((x) => x.id === e.data.prompt);
			return `${p?.from ?? 'Decision'}: you chose “${p?.options.find((o) => o.id === e.data.option)?.label ?? e.data.option}”`;
		}
		case 'inspect':
			return `Looked closely at ${s.world.items.find((i) => i.id === e.data.item)?.title ?? e.data.item}`;
		case 'ask':
			return `Asked ${s.colleagues.find((c) => c.id === e.data.colleague)?.name ?? e.data.colleague}${e.data.event ? ` (${e.data.event})` : ' (nothing to do)'}`;
		case 'hint':
			return `Took a hint: ${s.hints[e.data.index]?.text ?? ''}`;
		case 'jump': {
			const m = s.moments.find((x) => x.id === e.data.moment);
			return `Moved on to ${m?.at ?? ''}: ${m?.label ?? e.data.moment}`;
		}
		case 'finish':
			return e.data.reason === 'timed_out' ? 'The time limit ended the attempt' : e.data.reason === 'completed' ? 'The procedure was complete' : 'Finished by the trainee';
	}
}

/** The replay at log entry `seq` (the first entry when absent or unknown). */
export function buildReplayView(row: AttemptRow, log: readonly LogEntry[], seq: number | null, traineeName: string): ReplayView {
	const s = resolvedOf(row);
	const policy = policyOf(row);
	const result = resultOf(row);
	const index = Math.max(0, seq === null ? 0 : log.findIndex((e) => e.seq === seq));
	const here = log[index];
	const upto = log.slice(0, index + 1);
	const { snapshot, diffs } = replay({ scenario: s, log, machineVersion: row.machineVersion, policy }, here?.seq);
	const { machine } = machineAt(s.procedure as never, row.machineVersion);
	const current = currentStepOf(snapshot);
	const steps = listSteps(machine).map((st) => {
		const history = upto.flatMap((e) =>
			e.kind === 'machine' && e.stepId === st.id
				? [{ type: e.event.type, at: e.at, by: actorName(s, e.actor, traineeName), applied: e.applied, refusal: e.refusal?.reason ?? null }]
				: []
		);
		const state: 'done' | 'current' | 'upcoming' = current?.id === st.id ? 'current' : history.some((h) => h.applied) ? 'done' : 'upcoming';
		return { id: st.id, title: st.title, state, needsSecondPerson: !!st.needsSecondPerson, history };
	});
	const stateIdOf = new Map(listSteps(machine).map((st) => [st.id, st.stateId]));
	const visited = upto.flatMap((e) => (e.kind === 'machine' && e.applied && e.stepId ? [stateIdOf.get(e.stepId) ?? ''] : []));
	const leaf = snapshot._nodes[snapshot._nodes.length - 1]?.id;
	if (snapshot.status === 'done' && leaf) visited.push(leaf);
	const def = procedureDef(s.procedure)!;
	const lostAt = (n: number) => (result?.deductions ?? []).filter((d) => d.seq === n);
	const mood = diffs[diffs.length - 1]?.mood ?? null;
	const turnId = currentTurn(s, upto);
	const turn = turnId ? s.dialogue?.turns[turnId] : undefined;
	return {
		entries: log.map((e) => ({
			seq: e.seq,
			at: e.at,
			label: describe(s, e, traineeName),
			refused: e.kind === 'machine' && !e.applied ? (e.refusal?.reason ?? 'refused') : null,
			lost: lostAt(e.seq).reduce((sum, d) => sum + d.lost, 0)
		})),
		at: here?.seq ?? 0,
		index,
		prev: index > 0 ? log[index - 1].seq : null,
		next: index < log.length - 1 ? log[index + 1].seq : null,
		steps,
		mapSvg: procedureMapSvg(machine, { current: snapshot.status === 'active' ? leaf : undefined, visited, title: `Map of ${def.title}` }),
		mood: mood === null ? null : { value: mood, label: moodBand(policy, mood) },
		transcript: transcriptOf(s, upto),
		customerLine: turn ? interpolate(customerLine(turn, mood === null ? 'upset' : moodBand(policy, mood)), s) : null,
		deductionsHere: here ? lostAt(here.seq).map((d) => ({ text: d.text, policyRef: d.policyRef, lost: d.lost })) : []
	};
}

/**
 * Irate-customer dialogues: where the conversation is (the turn the last reply led to), the
 * customer's line for the current mood band, and the replies in a seed-shuffled order, so the
 * best answer is not always in the same place.
 */
import type { Policy } from '$lib/policy/settings';
import { createRng } from '$lib/server/sandbox/random';
import type { Reply, ResolvedScenario, Turn } from '$scenarios/schema';
import type { LogEntry } from './log';

export type MoodBand = 'calm' | 'upset' | 'hostile';

/** The current turn id, or null when the dialogue has ended (or the scenario has none). */
export function currentTurn(scenario: ResolvedScenario, log: readonly LogEntry[]): string | null {
	const d = scenario.dialogue;
	if (!d) return null;
	let turn: string | null = d.start;
	for (const e of log) {
		if (e.kind !== 'say' || turn === null) continue;
		const reply: Reply | undefined = d.turns[turn]?.replies.find((r) => r.id === e.data.reply);
		if (reply) turn = reply.next;
	}
	return turn;
}

/** Thirds of the policy's mood scale: calm, upset, hostile. */
export function moodBand(policy: Policy, mood: number): MoodBand {
	const { moodMin, moodMax } = policy.irate;
	const span = moodMax - moodMin;
	if (mood <= moodMin + Math.floor(span * 0.3)) return 'calm';
	if (mood <= moodMin + Math.floor(span * 0.6)) return 'upset';
	return 'hostile';
}

/** What the customer says at this turn, in this mood. */
export function customerLine(turn: Turn, band: MoodBand): string {
	return typeof turn.customer === 'string' ? turn.customer : turn.customer[band];
}

function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h;
}

/** The turn's replies in the order this seed shows them. */
export function shuffledReplies(scenario: ResolvedScenario, turnId: string): Reply[] {
	const turn = scenario.dialogue?.turns[turnId];
	if (!turn) return [];
	return createRng((scenario.seed ^ hash(turnId)) >>> 0).shuffle([...turn.replies]);
}

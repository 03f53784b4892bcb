/**
 * The customer's mood in an irate contact (policy §8), as data: 0 is calm, 10 is hostile (bounds are
 * policy.irate.moodMin / moodMax). Every move of the contact — the CSR's and the customer's — has a
 * mood delta in MOOD_DELTAS, so the same machine that guides a live contact can drive a scripted
 * customer in training: the scenario reads `context.mood` to choose the customer's next line.
 *
 * The deltas are a teaching model, not policy numbers: they encode CARP (control, acknowledge, verify,
 * refocus, problem-solve, close) — what de-escalates lowers the mood, what policy §8 warns against
 * ("calm down", interrupting the vent, blame, confronting) raises it. A move the machine refuses does
 * not happen, so it never changes the mood.
 */
import type { Policy } from '$lib/policy/settings';
import type { IrateContactEvent } from './irate-contact.machine';

/** A move is an event type of the irate-contact machine. */
export type MoodMove = IrateContactEvent['type'];

export interface MoodEffect {
	/** Added to the mood when the move is accepted (then clamped). */
	delta: number;
	/** Why, for feedback ("naming the feeling lowered the temperature"). */
	note: string;
}

export const MOOD_DELTAS: Record<MoodMove, MoodEffect> = {
	// Control
	'control.established': { delta: -1, note: 'A calm, professional opening (name, offer to help) steadies the customer.' },
	'said.calmDown': { delta: 2, note: '"Calm down" tells the customer their feelings are wrong; it inflames.' },
	'said.blame': { delta: 2, note: 'Blame or "but" puts the customer on the defensive.' },
	// Acknowledge
	'vent.heard': { delta: -1, note: 'Letting the customer vent without interruption lets the pressure out.' },
	'vent.interrupted': { delta: 2, note: 'Interrupting the vent makes the customer start over, louder.' },
	'feeling.named': { delta: -2, note: 'Naming the feeling ("I can hear how frustrating this is") shows you listened.' },
	// Verify, refocus, problem-solve
	'identity.checked': { delta: 0, note: 'Verification is neutral when explained as protecting the account.' },
	'interpreter.offered': { delta: -1, note: 'Being understood in their own language lowers frustration.' },
	'question.asked': { delta: -1, note: 'Clarifying questions move the conversation from feelings to facts.' },
	'option.offered': { delta: -1, note: 'A concrete option within your authority gives the customer a way forward.' },
	'detail.disclosed': { delta: 0, note: 'Account details given to a verified customer.' },
	'escalation.requested': { delta: -1, note: 'A warm transfer with a brief spares the customer repeating the story.' },
	'escalation.accepted': { delta: -1, note: 'Someone with more authority has taken the contact.' },
	// Close
	'nextSteps.summarised': { delta: -1, note: 'Clear next steps with dates restore a sense of control.' },
	'contact.closed': { delta: -1, note: 'Thanks and a clear close.' },
	'contact.ended': { delta: 0, note: 'The contact was ended.' },
	// Abuse protocol
	'abuse.askedToStop': { delta: 0, note: 'A respectful request to stop sets a boundary without escalating.' },
	'abuse.warned': { delta: 1, note: 'An explicit warning that the contact will end is a firm boundary.' },
	// Threat protocol
	'coworker.signalled': { delta: 0, note: 'The duress signal is discreet; the customer does not notice it.' },
	'police.called': { delta: 0, note: 'A coworker calls 911 out of the customer’s hearing.' },
	'incident.reported': { delta: 0, note: 'The incident report is written afterwards.' },
	'threat.confronted': { delta: 3, note: 'Confronting a threatening person escalates the danger.' },
	// The customer's own moves (a scripted customer in training; recorded by the CSR in live work)
	'customer.vented': { delta: 0, note: 'The customer vents.' },
	'customer.abused': { delta: 1, note: 'Abusive language feeds itself.' },
	'customer.threatened': { delta: 2, note: 'A threat is the top of the escalation.' },
	'customer.demandedSupervisor': { delta: 1, note: 'The customer demands a supervisor.' },
	'customer.requested': { delta: 0, note: 'The customer says what they want.' }
};

/** The mood kept within the policy's bounds (integers; a non-finite start is treated as the calm end). */
export function clampMood(policy: Policy, mood: number): number {
	const { moodMin, moodMax } = policy.irate;
	if (!Number.isFinite(mood)) return moodMin;
	return Math.min(moodMax, Math.max(moodMin, Math.round(mood)));
}

/** The mood after a move (clamped). */
export function nextMood(policy: Policy, mood: number, move: MoodMove): number {
	return clampMood(policy, mood + (MOOD_DELTAS[move]?.delta ?? 0));
}

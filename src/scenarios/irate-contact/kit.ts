/**
 * Building blocks the irate-customer dialogues share: who sends a move, the simulated senior and
 * supervisor who take warm transfers, the machine's soft-order rules every dialogue scores, and how
 * a date is said aloud. Data only — the irate-contact machine decides what each move means.
 */
import type { ActorEvent, Colleague, PathStep, Scenario } from '../schema';
import { addDays, isBusinessDay, lockoffCalendarHold, weekdayOf, type IsoDate } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { firstDate } from '../shared/variants';

type Extra = Record<string, unknown>;

/** A move by the trainee. */
export const t = (type: string, extra: Extra = {}): ActorEvent => ({ by: 'trainee', event: { type, ...extra } as ActorEvent['event'] });
/** A move by a simulated colleague (by scenario colleague id). */
export const by = (who: string, type: string, extra: Extra = {}): ActorEvent => ({ by: who, event: { type, ...extra } as ActorEvent['event'] });
/** Path steps that say these replies in order. */
export const says = (...ids: string[]): PathStep[] => ids.map((say) => ({ say }));

const takesTransfers = { 'escalation.accepted': { type: 'escalation.accepted' } };

/** The senior on duty, who takes warm transfers. */
export const SENIOR: Colleague = { id: 'maria', name: 'Maria Ortiz', level: 'senior', role: 'senior', acts: takesTransfers };
/** The customer-relations supervisor, the next rung. */
export const SUPERVISOR: Colleague = { id: 'dana', name: 'Dana Whitfield', level: 'supervisor', role: 'supervisor', acts: takesTransfers };

/** The machine's CARP soft-order rules (policy §8), scored in every dialogue. */
export const CARP_ORDER: Scenario['softOrder'] = [
	{ id: 'no-calm-down', description: 'Never say “calm down”.', policyRef: '§8 Control' },
	{ id: 'no-blame', description: 'No blame, no “but”.', policyRef: '§8 Acknowledge' },
	{ id: 'no-interrupting', description: 'Let the customer vent without interruption.', policyRef: '§8 Acknowledge' },
	{ id: 'acknowledge-before-solve', description: 'Acknowledge before offering options.', policyRef: '§8 CARP' },
	{ id: 'acknowledge-before-verify', description: 'Acknowledge the customer before asking for verification.', policyRef: '§8 CARP' }
];

const SPOKEN = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A date as a CSR says it: “Thursday, October 15”. */
export const spoken = (d: IsoDate): string => SPOKEN.format(new Date(`${d}T12:00:00Z`));

const SPOKEN_ES = new Intl.DateTimeFormat('es-MX', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** The same date as a Spanish-speaking customer says it: “jueves, 15 de octubre”. */
export const spokenEs = (d: IsoDate): string => SPOKEN_ES.format(new Date(`${d}T12:00:00Z`));

/** The first lock-off day (policy §5: Mon–Thu, a business day, not the day before a holiday) at least `days` after `date`. */
export const lockoffAfter = (date: IsoDate, days: number): IsoDate =>
	firstDate(addDays(date, days), (d) => (policy.delinquency.lockoffWeekdays as readonly number[]).includes(weekdayOf(d)) && isBusinessDay(d) && !lockoffCalendarHold(d));

/** The last business day on or before `date` (office work — mailing, posting, calls — happens on business days). */
export function workdayBy(date: IsoDate): IsoDate {
	let d = date;
	while (!isBusinessDay(d)) d = addDays(d, -1);
	return d;
}

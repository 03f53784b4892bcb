/**
 * A supervised CSR II leads a lock-off day that is the day before a holiday (F-27, the calendar
 * variant): the list is printed, the office is open and a colleague wants the route sheets out. The
 * handbook holds the whole day — no lock-offs on the day before a holiday.
 */
import type { Check, Scenario } from '../schema';
import { cents } from '../shared/variants';
import { addDays, holidayOn, isBusinessDay, weekdayOf, type IsoDate } from '$lib/domain/calendar';
import { cleanFacts, households, SUPERVISING_SENIOR } from './parts';

const ROLES = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'] as const;
const triedTheList: Check = { any: [{ event: 'inbox.applied', refused: true }, { event: 'account.kept', refused: true }, { event: 'account.pulled', refused: true }, { choice: 'ken.send' }] };

/** Mon–Thu business days whose next day is an observed holiday, over the scenario year. */
function holidayEves(): IsoDate[] {
	const out: IsoDate[] = [];
	for (let i = 0; i < 400; i++) {
		const d = addDays('2026-09-01', i);
		if (weekdayOf(d) <= 4 && isBusinessDay(d) && holidayOn(addDays(d, 1))) out.push(d);
	}
	return out;
}

export default {
	id: 'lo-holiday-eve',
	version: 1,
	title: 'Lock-off day: the day before a holiday',
	procedure: 'lockoff-day',
	level: 'csr2',
	brief:
		'You are a CSR II leading lock-off day for the first time, with Maria Ortiz (senior) supervising. It is 7:45 am, the list is printed and Ken from collections has the route sheets in his hand. Start the day the way the handbook says.',
	objectives: ['Check the day’s holds before touching the list', 'Know the calendar rule: never on a holiday or the day before one', 'Say no to a colleague who wants the route sheets out'],
	competencies: ['C-LOCKOFF'],
	persona: { role: 'Collections clerk', manner: 'Helpful, keen to get the crews moving', behaviour: ['Has the route sheets ready and wants them out', 'Accepts the hold when the calendar rule is quoted'] },
	colleagues: [SUPERVISING_SENIOR],
	faults: [
		{
			id: 'F-27',
			title: 'The day before a holiday',
			found: { all: [{ ctx: 'hold.code', is: 'CALENDAR' }, { not: triedTheList }] },
			correctMove: 'Check the holds first: tomorrow is a holiday, so the whole day is held (CALENDAR). The list waits for the next lock-off day.',
			policyRef: '§5 Lock-off days; §0'
		}
	],
	expected: [
		{ id: 'calendar-hold', label: 'The day was held on the calendar', check: { ctx: 'hold.code', is: 'CALENDAR' }, policyRef: '§5 Lock-off days' },
		{ id: 'nothing-dispatched', label: 'No work order went to the crews', check: { not: { effect: 'workOrder.create' } }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [],
	documentation: [],
	critical: [],
	prompts: [
		{
			id: 'ken',
			step: 'holds',
			from: 'Ken Alvarez (collections), at your desk',
			text: '“Morning! List’s printed, route sheets are right here. The office is open today, so we’re good — want me to walk them out to the yard?”',
			blocking: true,
			options: [
				{ id: 'check', label: '“Hang on, Ken — I check the day’s holds first”', then: '“Sure, I’ll wait.”' },
				{
					id: 'send',
					label: '“Yes please, take them out”',
					violation: { rule: 'calendar-hold-ignored', reason: 'Sent the route sheets before checking the day’s holds; the day before a holiday is never a lock-off day.', policyRef: '§5 Lock-off days' },
					then: '“On it.”'
				},
				{ id: 'later', label: '“Leave them on my desk, I’ll send them after the review”', then: '“Okay, they’re on your desk.”' }
			]
		}
	],
	targetMinutes: 4,
	timeLimitMinutes: 15,
	passMark: 80,
	hints: [{ step: 'holds', text: 'What is tomorrow?' }],
	golden: [{ inspect: 'calendar' }, { choose: 'ken.check' }, { do: { type: 'holds.checked' } }],
	mistakes: [
		{
			fault: 'F-27',
			description: 'Lets Ken take the route sheets out before checking the holds.',
			steps: [{ choose: 'ken.send' }, { do: { type: 'holds.checked' } }],
			expect: { missed: ['F-27'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const date = rng.pick(holidayEves());
		const holiday = holidayOn(addDays(date, 1)) as string;
		const h = households(rng, ROLES);
		const facts = ROLES.map((r) => cleanFacts(rng, h[r].number, cents(rng, 6500, 36000), date));
		const lowF = rng.int(36, 50);
		const highF = rng.int(55, 78);
		return {
			start: { date, time: '07:45' },
			weather: { lowF, highF, summary: 'Dry' },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF, highF }, accounts: facts, inbox: [] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'calendar',
					kind: 'document',
					title: 'Office calendar',
					summary: 'The wall calendar by the supervisor’s door.',
					details: [
						{ label: 'Today', value: date },
						{ label: 'Tomorrow', value: `${addDays(date, 1)}: ${holiday} (office closed)` }
					]
				},
				{
					id: 'list',
					kind: 'document',
					title: 'Lock-off list',
					summary: `${ROLES.length} accounts, printed last night.`,
					details: ROLES.map((r) => ({ label: h[r].number, value: `${h[r].holder}, ${h[r].address}` }))
				}
			],
			accounts: ROLES.map((r, i) => ({ number: h[r].number, holder: h[r].holder, address: h[r].address, status: 'active' as const, balanceCents: facts[i].pastDueCents, depositHeldCents: 0 })),
			refs: { ...Object.fromEntries(ROLES.map((r) => [r, h[r].number])), holiday },
			secrets: []
		};
	}
} satisfies Scenario;

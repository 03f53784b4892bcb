/**
 * Lock-off day in a heat wave (F-27, the ≥ 100 °F variant): the list is ready, the crews are loading
 * the trucks and the field foreman wants to get the locks done "before it gets hot". The forecast high
 * in the next 24 hours is 100 °F or more, so the whole day is held (WEATHER) — no account is locked.
 */
import type { Check, Scenario } from '../schema';
import { cents, lockoffDay } from '../shared/variants';
import { cleanFacts, households } from './parts';

const ROLES = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'] as const;
const triedTheList: Check = { any: [{ event: 'inbox.applied', refused: true }, { event: 'account.kept', refused: true }, { event: 'account.pulled', refused: true }, { choice: 'foreman.early' }] };

export default {
	id: 'lo-heat-hold',
	version: 1,
	title: 'Lock-off day: 104 in the forecast',
	procedure: 'lockoff-day',
	level: 'csr3',
	brief:
		'7:30 am, early September, a heat advisory on the radio. You lead today’s lock-off: nine accounts, notices and door tags out, the trucks loading. Start the day the way the handbook says — and decide what Hector from the field crew gets told.',
	objectives: ['Check the day’s holds before any work on the list', 'Apply the weather hold on the forecast, not on how hot it is right now', 'Hold the line with a colleague who wants to “beat the heat”'],
	competencies: ['C-LOCKOFF'],
	persona: { role: 'Field crew foreman', manner: 'Friendly, in a hurry, used to getting his way', behaviour: ['Wants to run the locks before noon while it is still in the 80s', 'Accepts the hold once the forecast is quoted to him'] },
	colleagues: [],
	faults: [
		{
			id: 'F-27',
			title: 'A forecast high of 100 °F or more',
			found: { all: [{ ctx: 'hold.code', is: 'WEATHER' }, { not: triedTheList }] },
			correctMove: 'Check the holds first: a forecast high at or above 100 °F in the next 24 hours holds the whole day. Tell the crew there are no locks today.',
			policyRef: '§5 Weather hold'
		}
	],
	expected: [
		{ id: 'weather-hold', label: 'The day was held for weather', check: { ctx: 'hold.code', is: 'WEATHER' }, policyRef: '§5 Weather hold' },
		{ id: 'nothing-dispatched', label: 'No work order went to the crews', check: { not: { effect: 'workOrder.create' } }, policyRef: '§5 Lock-off day' }
	],
	softOrder: [],
	documentation: [],
	critical: [],
	prompts: [
		{
			id: 'foreman',
			step: 'holds',
			from: 'Hector Ruiz (field foreman), at the door',
			text: '“Morning! It’s only 79 out there. Give me the list now and we’ll have every lock done by eleven, before it really cooks. Deal?”',
			blocking: true,
			options: [
				{ id: 'forecast', label: 'Check the 24-hour forecast and the day’s holds before anything goes out', then: '“Fair enough, let me know.”' },
				{
					id: 'early',
					label: '“Sure — start with the closest ones, I’ll send the route sheet over”',
					violation: { rule: 'weather-hold-ignored', reason: 'Promised the crew a route before checking the day’s holds; the forecast decides, not the morning temperature.', policyRef: '§5 Weather hold' },
					then: '“Great, we’re rolling.”'
				},
				{ id: 'ask-supervisor', label: '“Ask the supervisor, I just do the list”', then: '“She’s in a meeting till ten. Come on.”' }
			]
		}
	],
	targetMinutes: 4,
	timeLimitMinutes: 15,
	passMark: 80,
	hints: [{ step: 'holds', text: 'Read the forecast for the next 24 hours, not the thermometer.' }],
	golden: [{ inspect: 'forecast' }, { choose: 'foreman.forecast' }, { do: { type: 'holds.checked' } }],
	mistakes: [
		{
			fault: 'F-27',
			description: 'Promises the foreman an early route, then finds the hold.',
			steps: [{ choose: 'foreman.early' }, { do: { type: 'holds.checked' } }],
			expect: { missed: ['F-27'], passed: true, lost: { compliance: 10 } }
		}
	],
	world(rng) {
		const date = lockoffDay(rng);
		const h = households(rng, ROLES);
		const facts = ROLES.map((r) => cleanFacts(rng, h[r].number, cents(rng, 7500, 41000), date));
		const highF = rng.int(100, 108);
		const lowF = rng.int(68, 76);
		return {
			start: { date, time: '07:30' },
			weather: { lowF, highF, summary: `Heat advisory: high ${highF} °F this afternoon` },
			subject: `Lock-off list ${date}`,
			machineInput: { date, forecast: { lowF, highF }, accounts: facts, inbox: [] },
			customer: null,
			drawer: null,
			items: [
				{
					id: 'forecast',
					kind: 'document',
					title: 'National Weather Service forecast, Riverton',
					summary: 'Printed at 6:45 am for the next 24 hours.',
					details: [
						{ label: 'Now', value: '79 °F, clear' },
						{ label: 'This afternoon', value: `High ${highF} °F; heat advisory noon to 8 pm` },
						{ label: 'Tonight', value: `Low ${lowF} °F` }
					]
				},
				{
					id: 'list',
					kind: 'document',
					title: 'Lock-off list',
					summary: `${ROLES.length} accounts; notices and door tags on file.`,
					details: ROLES.map((r) => ({ label: h[r].number, value: `${h[r].holder}, ${h[r].address}` }))
				}
			],
			accounts: ROLES.map((r, i) => ({ number: h[r].number, holder: h[r].holder, address: h[r].address, status: 'active' as const, balanceCents: facts[i].pastDueCents, depositHeldCents: 0 })),
			refs: Object.fromEntries(ROLES.map((r) => [r, h[r].number])),
			secrets: []
		};
	}
} satisfies Scenario;

/** Drawer opening: the float bag counts $5 short (F-01). The skill: count what is there, report it, do not open. */
import type { Scenario } from '../schema';
import { businessDay, floatCounts } from '../shared/variants';

const SHORTFALLS = [
	{ key: 'd5', less: 1, what: 'one $5 bill' },
	{ key: 'd1', less: 5, what: 'five $1 bills' },
	{ key: 'c25', less: 20, what: 'a roll of quarters' }
] as const;

export default {
	id: 'do-short-float',
	version: 1,
	title: 'Monday float, counted as it is',
	procedure: 'drawer-opening',
	level: 'csr1',
	brief:
		'It is 7:50 am. You are opening your counter drawer with the float bag the vault released to you. Jordan Pike (CSR II) is next to you to verify, and Maria Ortiz is the senior on duty. Count the float and open the drawer — if you can.',
	objectives: ['Count the float by denomination, as it is in the bag', 'Know what happens when the float does not count to $200.00', 'Report a short float to the senior in writing'],
	competencies: ['C-OPEN'],
	persona: null,
	colleagues: [{ id: 'jordan', name: 'Jordan Pike', level: 'csr2', role: 'CSR II', acts: { 'float.verified': { type: 'float.verified', counts: { $ref: 'drawer.contents' } } } }],
	faults: [
		{
			id: 'F-01',
			title: 'The float counts $5 short',
			found: { all: [{ event: 'float.counted', where: { counts: { $ref: 'drawer.contents' } } }, { event: 'shortfall.reported' }] },
			correctMove: 'Enter the counts as they are in the bag; when the float does not count to $200.00, report it to the senior in writing and leave the drawer closed.',
			policyRef: '§2 Open'
		}
	],
	expected: [
		{ id: 'counted-as-is', label: 'The float was counted as it is in the bag', check: { event: 'float.counted', where: { counts: { $ref: 'drawer.contents' } } }, policyRef: '§2 Open' },
		{ id: 'reported', label: 'The short float was reported to a senior (incident report)', check: { effect: 'incident.report' }, policyRef: '§2 Open' },
		{ id: 'not-opened', label: 'The drawer was not opened', check: { outcome: ['not-opened'] }, policyRef: '§2 Open' }
	],
	softOrder: [],
	documentation: [
		{ id: 'note-amount', label: 'The report says what was counted ($195.00)', check: { event: 'shortfall.reported', where: { note: { contains: '195' } } }, policyRef: '§2 Open' },
		{ id: 'note-senior', label: 'The report names the senior who was told', check: { event: 'shortfall.reported', where: { note: { contains: 'Maria' } } }, policyRef: '§2 Open' }
	],
	targetMinutes: 4,
	timeLimitMinutes: 15,
	passMark: 80,
	hints: [
		{ step: 'count', text: 'Enter what is in the bag, denomination by denomination — not what the float should hold.' },
		{ step: 'reportShortfall', text: 'Say what you counted and which senior you told.' }
	],
	golden: [
		{ do: { type: 'float.counted', counts: { $ref: 'drawer.contents' } } },
		{ do: { type: 'shortfall.reported', note: 'Float counted $195.00, $5.00 short of $200.00. Told Maria Ortiz (senior); drawer not opened.' } }
	],
	mistakes: [
		{
			fault: 'F-01',
			description: 'Enters the policy float instead of what is in the bag; the verifier’s count differs; gives up.',
			steps: [{ do: { type: 'float.counted', counts: { $ref: 'refs.policyFloat' } } }, { ask: 'jordan' }, { finish: true }],
			expect: { missed: ['F-01'], passed: false, lost: { outcome: 40, documentation: 10 } }
		}
	],
	world(rng) {
		const short = rng.pick(SHORTFALLS);
		const contents = floatCounts();
		contents[short.key] = (contents[short.key] ?? 0) - short.less;
		const drawerName = `Counter ${rng.int(1, 3)}`;
		return {
			start: { date: businessDay(rng, [1]), time: '07:50' },
			weather: { lowF: rng.int(38, 55), highF: rng.int(60, 78), summary: 'Clear' },
			subject: drawerName,
			machineInput: { drawerRef: drawerName },
			customer: null,
			drawer: { name: drawerName, contents, checks: [], cardCents: null, note: 'The float bag released from the vault, sealed by last night’s closing cashier.' },
			items: [{ id: 'float-slip', kind: 'note', title: 'Float slip in the bag', summary: '“Float $200.00 — sealed 5:12 pm” (last night’s closing cashier).', details: [] }],
			accounts: [],
			refs: { policyFloat: floatCounts(), shortWhat: short.what },
			secrets: []
		};
	}
} satisfies Scenario;

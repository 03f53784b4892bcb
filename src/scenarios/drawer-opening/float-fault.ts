/**
 * The shape every "float does not count out" (F-01) scenario shares: count the bag as it is, report it
 * to the named senior in writing, leave the drawer closed. Each scenario supplies its story, the
 * seed's variants of what is wrong in the bag, and any colleague pressure to do otherwise.
 */
import type { Scenario, ScenarioData, World } from '../schema';
import type { Rng } from '$lib/server/sandbox/random';
import type { DenominationCounts } from '$lib/policy/settings';
import { businessDay, floatCounts } from '../shared/variants';

export interface FloatFault {
	/** What differs from the policy float, per denomination (negative = missing). */
	delta: Partial<Record<keyof DenominationCounts, number>>;
	what: string;
}

export interface FloatFaultSpec extends Pick<ScenarioData, 'id' | 'title' | 'level' | 'brief' | 'objectives' | 'prompts' | 'targetMinutes' | 'timeLimitMinutes'> {
	faultTitle: string;
	/** The counted total as the report should quote it (same for every variant, e.g. "195"). */
	countedText: string;
	/** Who the report must name (first name is enough). */
	reportTo: { name: string; first: string };
	/** The model report the golden path writes. */
	goldenNote: string;
	variants: readonly FloatFault[];
	weekdays?: number[];
	time: string;
	items: (rng: Rng, fault: FloatFault) => World['items'];
	bagNote: string;
	/** Extra steps before the count in the mistake path (a colleague's offer taken). */
	mistakeLead?: ScenarioData['golden'];
	/** Points the mistake path loses beyond outcome 40 + documentation 10. */
	mistakeCompliance?: number;
	mistakeCritical?: 'dual-control-breach';
	mistakeDescription: string;
}

const verifier = { id: 'jordan', name: 'Jordan Pike', level: 'csr2' as const, role: 'CSR II', acts: { 'float.verified': { type: 'float.verified', counts: { $ref: 'drawer.contents' } } } };

export function floatFaultScenario(o: FloatFaultSpec): Scenario {
	return {
		id: o.id,
		version: 1,
		title: o.title,
		procedure: 'drawer-opening',
		level: o.level,
		brief: o.brief,
		objectives: o.objectives,
		competencies: ['C-OPEN'],
		persona: null,
		colleagues: [verifier],
		faults: [
			{
				id: 'F-01',
				title: o.faultTitle,
				found: { all: [{ event: 'float.counted', where: { counts: { $ref: 'drawer.contents' } } }, { event: 'shortfall.reported' }] },
				correctMove: `Enter the counts as they are in the bag; when the float does not count to $200.00, report it to ${o.reportTo.name} in writing and leave the drawer closed.`,
				policyRef: '§2 Open'
			}
		],
		expected: [
			{ id: 'counted-as-is', label: 'The float was counted as it is in the bag', check: { event: 'float.counted', where: { counts: { $ref: 'drawer.contents' } } }, policyRef: '§2 Open' },
			{ id: 'reported', label: 'The float was reported in writing (incident report)', check: { effect: 'incident.report' }, policyRef: '§2 Open' },
			{ id: 'not-opened', label: 'The drawer was not opened', check: { outcome: ['not-opened'] }, policyRef: '§2 Open' }
		],
		softOrder: [],
		documentation: [
			{ id: 'note-amount', label: `The report says what was counted ($${o.countedText}.00)`, check: { event: 'shortfall.reported', where: { note: { contains: o.countedText } } }, policyRef: '§2 Open' },
			{ id: 'note-senior', label: `The report names who was told (${o.reportTo.name})`, check: { event: 'shortfall.reported', where: { note: { contains: o.reportTo.first } } }, policyRef: '§2 Open' }
		],
		prompts: o.prompts ?? [],
		targetMinutes: o.targetMinutes,
		timeLimitMinutes: o.timeLimitMinutes,
		passMark: 80,
		hints: [
			{ step: 'count', text: 'Enter what is in the bag, piece by piece — not what the float should hold.' },
			{ step: 'reportShortfall', text: 'Say what you counted, what is wrong and whom you told.' }
		],
		golden: [...(o.prompts ?? []).map((p) => ({ choose: `${p.id}.${p.options[0].id}` })), { do: { type: 'float.counted', counts: { $ref: 'drawer.contents' } } }, { do: { type: 'shortfall.reported', note: o.goldenNote } }],
		mistakes: [
			{
				fault: 'F-01',
				description: o.mistakeDescription,
				steps: [...(o.mistakeLead ?? []), { do: { type: 'float.counted', counts: { $ref: 'refs.policyFloat' } } }, { ask: 'jordan' }, { finish: true }],
				expect: { missed: ['F-01'], passed: false, ...(o.mistakeCritical ? { critical: o.mistakeCritical } : {}), lost: { outcome: 40, documentation: 10, ...(o.mistakeCompliance ? { compliance: o.mistakeCompliance } : {}) } }
			}
		],
		world(rng) {
			const fault = rng.pick(o.variants);
			const contents = floatCounts();
			for (const [k, n] of Object.entries(fault.delta)) contents[k as keyof DenominationCounts] = (contents[k as keyof DenominationCounts] ?? 0) + (n ?? 0);
			const drawerName = `Counter ${rng.int(1, 4)}`;
			return {
				start: { date: businessDay(rng, o.weekdays), time: o.time },
				weather: { lowF: rng.int(36, 58), highF: rng.int(58, 84), summary: rng.pick(['Clear', 'Overcast', 'Light rain', 'Fog clearing by noon']) },
				subject: drawerName,
				machineInput: { drawerRef: drawerName },
				customer: null,
				drawer: { name: drawerName, contents, checks: [], cardCents: null, note: o.bagNote },
				items: o.items(rng, fault),
				accounts: [],
				refs: { policyFloat: floatCounts(), what: fault.what },
				secrets: []
			};
		}
	};
}

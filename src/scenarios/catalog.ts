/**
 * The scenario library as the rest of the product sees it (practice list, assignments, evidence,
 * recommendations): summaries only — never expected outcomes or which account carries a fault.
 * The scenario engine fills SCENARIO_SUMMARIES from the validated scenario files; the competency
 * tracker reads it. Learning paths are ordered sets of scenario ids that seniors assign as they are.
 */
import type { Level } from '$lib/domain/levels';
import type { ProcedureKey } from '$machines/registry';

export interface ScenarioSummary {
	id: string;
	version: number;
	title: string;
	procedure: ProcedureKey;
	/** The level the trainee acts with (CSR I / II / III difficulty). */
	level: Level;
	/** Competency ids (ladder.md) a passed attempt evidences. */
	competencies: string[];
	/** Fault ids (policy §10) the scenario injects — for "recommended next" by missed faults. */
	faultIds: string[];
	/** What the trainee reads before starting. */
	brief: string;
	targetMinutes: number;
}

export interface LearningPath {
	id: string;
	title: string;
	description: string;
	/** In the order they should be taken. */
	scenarioIds: string[];
}

// Kept as literal data (checked against the scenario files by tests/unit/scenarios/catalog.test.ts) so that
// importing the catalog never pulls a scenario's answers into a page bundle.
export const SCENARIO_SUMMARIES: ScenarioSummary[] = [
	{
		id: 'do-short-float',
		version: 1,
		title: 'Monday float, counted as it is',
		procedure: 'drawer-opening',
		level: 'csr1',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:50 am. You are opening your counter drawer with the float bag the vault released to you. Jordan Pike (CSR II) is next to you to verify, and Maria Ortiz is the senior on duty. Count the float and open the drawer — if you can.',
		targetMinutes: 4
	},
	{
		id: 'cp-counterfeit-partial',
		version: 1,
		title: 'A partial payment and a doubtful $100',
		procedure: 'counter-payment',
		level: 'csr1',
		competencies: ['C-PAY', 'C-ID'],
		faultIds: ['F-02', 'F-08'],
		brief: 'Mid-morning at the front counter. A customer with a lock-off notice comes to pay what they can in cash. Take the payment the way policy says — and look at what you are handed.',
		targetMinutes: 8
	},
	{
		id: 'cp-restore-after-nsf',
		version: 1,
		title: 'Lights off after a bounced check',
		procedure: 'counter-payment',
		level: 'csr2',
		competencies: ['C-PAY', 'C-RESTORE'],
		faultIds: ['F-09', 'F-10'],
		brief: 'It is 4:10 pm. A customer whose service was locked off this morning comes to the counter to get it back on tonight. The lock-off followed a returned payment. Restore the service the way policy allows.',
		targetMinutes: 8
	},
	{
		id: 'cr-transposed-entry',
		version: 1,
		title: 'Close of day: a few cents out',
		procedure: 'cash-reconciliation',
		level: 'csr2',
		competencies: ['C-RECON'],
		faultIds: ['F-12', 'F-16'],
		brief: 'It is 5:05 pm and the counter is closed. Close and reconcile your drawer: blind count, remove the float, compare with the batch, find any difference, prepare the deposit and take it to the vault. Jordan Pike (CSR II) is closing with you.',
		targetMinutes: 12
	},
	{
		id: 'dd-letter-prior-occupant',
		version: 1,
		title: 'New tenant, old debt at the address',
		procedure: 'deposit-decision',
		level: 'csr2',
		competencies: ['C-DEPOSIT'],
		faultIds: ['F-17', 'F-20'],
		brief: 'A new tenant applies for service at an apartment that was disconnected a few months ago. She brings her ID, her lease and a letter from her previous utility. Decide her deposit the way policy says.',
		targetMinutes: 10
	},
	{
		id: 'lo-morning-list',
		version: 1,
		title: 'Lock-off day: the morning list',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-22', 'F-23', 'F-26', 'F-28'],
		brief: 'It is 7:45 am on a lock-off day and you lead it. Seven accounts are on the list. Check the day, post the overnight payments, review every account (including what came in the drop box and the fax machine), get the supervisor’s approval, dispatch, and close the day out when the crews report.',
		targetMinutes: 15
	},
	{
		id: 'lo-paid-after-three',
		version: 1,
		title: 'Lock-off day: payments after dispatch',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-28', 'F-29'],
		brief: 'You lead today’s lock-off. Five accounts, nothing overnight: review, get Ray’s approval and dispatch by 8:30. Then stay with the day: the counter and the crews will keep you busy until the last order is resolved and the list reconciled.',
		targetMinutes: 12
	},
	{
		id: 'lo-heat-hold',
		version: 1,
		title: 'Lock-off day: 104 in the forecast',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-27'],
		brief: '7:30 am, early September, a heat advisory on the radio. You lead today’s lock-off: nine accounts, notices and door tags out, the trucks loading. Start the day the way the handbook says — and decide what Hector from the field crew gets told.',
		targetMinutes: 4
	},
	{
		id: 'lo-twenty-accounts',
		version: 1,
		title: 'Lock-off day: twenty accounts, four that must not go',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-23', 'F-24', 'F-25', 'F-26'],
		brief: 'Tuesday, 7:40 am. You lead lock-off day and the list is long: twenty accounts. The overnight file has one payment in it and the fax tray has something in it too. Review every account properly — plans, disputes, certificates, notices and door tags — before Dana Whitfield approves the list, then see the day through.',
		targetMinutes: 20
	},
	{
		id: 'lo-holiday-eve',
		version: 1,
		title: 'Lock-off day: the day before a holiday',
		procedure: 'lockoff-day',
		level: 'csr2',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-27'],
		brief: 'You are a CSR II leading lock-off day for the first time, with Maria Ortiz (senior) supervising. It is 7:45 am, the list is printed and Ken from collections has the route sheets in his hand. Start the day the way the handbook says.',
		targetMinutes: 4
	},
	{
		id: 'lo-paper-tray',
		version: 1,
		title: 'Lock-off day: what is in the paper tray',
		procedure: 'lockoff-day',
		level: 'csr2',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-22', 'F-24', 'F-25'],
		brief: 'You are a CSR II leading lock-off day with Maria Ortiz (senior) supervising. Six accounts are on the list. The counter’s paper tray from yesterday afternoon has not been keyed yet, and the after-hours phone line took a payment. Review the list, get Dana Whitfield’s approval, dispatch and close the day.',
		targetMinutes: 12
	},
	{
		id: 'ir-high-bill-plan',
		version: 1,
		title: 'A bill three times the usual',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
		faultIds: ['F-35', 'F-32'],
		brief: 'You are a CSR I on the phones. An account holder calls, angry about a bill far higher than usual. Handle the contact: take control, let them vent, verify before you say anything about the account, find out what happened, and offer what you can — within your authority.',
		targetMinutes: 8
	},
	{
		id: 'ir-son-abusive',
		version: 1,
		title: 'Calling about Mom’s account',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID', 'C-ESCALATE'],
		faultIds: ['F-30', 'F-33', 'F-31'],
		brief: 'You are a CSR I on the phones. A man calls about his mother’s account and wants to know what she owes. Handle the contact the way policy says, whatever he says.',
		targetMinutes: 8
	}
];

export const LEARNING_PATHS: LearningPath[] = [
	{
		id: 'counter-basics',
		title: 'Counter basics',
		description: 'Open a drawer, take a payment, close the drawer: the cashier’s day, with the faults that catch new cashiers.',
		scenarioIds: ['do-short-float', 'cp-counterfeit-partial', 'cr-transposed-entry']
	},
	{
		id: 'difficult-contacts',
		title: 'Difficult contacts',
		description: 'Irate callers: identity before disclosure, what a CSR I may offer, the abuse protocol and warm transfers.',
		scenarioIds: ['ir-high-bill-plan', 'ir-son-abusive']
	},
	{
		id: 'service-decisions',
		title: 'Restoration and deposits',
		description: 'Getting service back on after a lock-off and deciding a new customer’s deposit (CSR II work).',
		scenarioIds: ['cp-restore-after-nsf', 'dd-letter-prior-occupant']
	},
	{
		id: 'lockoff-lead',
		title: 'Leading lock-off day',
		description: 'From a supervised CSR II day to the CSR III lead’s: holds, inbox, exclusions found outside the system, approval, payments during the day and results.',
		scenarioIds: ['lo-paper-tray', 'lo-holiday-eve', 'lo-morning-list', 'lo-heat-hold', 'lo-twenty-accounts', 'lo-paid-after-three']
	}
];

export function scenarioSummary(id: string): ScenarioSummary | undefined {
	return SCENARIO_SUMMARIES.find((s) => s.id === id);
}

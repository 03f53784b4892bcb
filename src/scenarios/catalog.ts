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
	},
	{
		id: 'ir-bath-lockoff',
		version: 1,
		title: 'No water at bath time',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID'],
		faultIds: ['F-31', 'F-32'],
		brief: 'It is 4:20 pm at the front counter. A parent comes in with a lock-off door tag: the water at home was locked off this morning, and their little girl, sick all week, needs a bath tonight. Handle the contact: control, acknowledge, verify before any account detail, find out what they need, offer what a CSR I can — and know what to hand on and what to answer yourself.',
		targetMinutes: 8
	},
	{
		id: 'ir-es-grandmother',
		version: 1,
		title: 'A red letter she cannot read',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID'],
		faultIds: ['F-30', 'F-35'],
		brief: 'Late morning at the front counter. An older woman comes to your window with a red lock-off notice and her grandson. She speaks Spanish; the boy speaks English and is eager to help. Handle the contact the way policy says — including who interprets, and who may hear about the account.',
		targetMinutes: 9
	},
	{
		id: 'ir-landlord-expired',
		version: 1,
		title: 'The owner wants his tenant’s balance',
		procedure: 'irate-contact',
		level: 'csr2',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
		faultIds: ['F-30', 'F-31'],
		brief: 'You are a CSR II on the phones. A property owner calls about the account of one of his tenants, who has a lock-off coming. He says he is on the account. Check what is on file before you say anything, and give him what policy allows — no more, no less.',
		targetMinutes: 9
	},
	{
		id: 'ir-es-leak-credit',
		version: 1,
		title: '“¡Es un robo!” — the leak bill',
		procedure: 'irate-contact',
		level: 'csr2',
		competencies: ['C-IRATE1', 'C-COMPLAINT'],
		faultIds: ['F-35', 'F-32'],
		brief: 'You are a CSR II on the phones. A caller who speaks Spanish is upset about a water bill several times his usual. Make sure you can understand each other, verify him, find out what happened, and give him what policy allows — within your authority, and through the right person when it is beyond it.',
		targetMinutes: 10
	},
	{
		id: 'ir-threat-counter',
		version: 1,
		title: '“You’ll regret this”',
		procedure: 'irate-contact',
		level: 'csr3',
		competencies: ['C-IRATE1', 'C-ESCALATE'],
		faultIds: ['F-33', 'F-34'],
		brief: 'Early afternoon at the front counter. A man whose water was locked off this morning comes to your window, sure he mailed a check weeks ago. Jordan Pike (CSR II) is at the next window. Handle the contact the way policy says — whatever he says, and whatever he does.',
		targetMinutes: 8
	},
	{
		id: 'ir-bill-was-wrong',
		version: 1,
		title: 'He read his own meter',
		procedure: 'irate-contact',
		level: 'csr3',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ESCALATE'],
		faultIds: ['F-32', 'F-35'],
		brief: 'You are a CSR III on the phones. A retired machinist calls for the third time about last month’s bill: he says the usage is wrong, he has a photo of his meter, and now he has a late fee. Verify him, look at the evidence yourself, fix what you can fix — and route what you cannot.',
		targetMinutes: 10
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
		description: 'The CSR III lead’s day: holds, inbox, exclusions found outside the system, approval and results.',
		scenarioIds: ['lo-morning-list']
	}
];

export function scenarioSummary(id: string): ScenarioSummary | undefined {
	return SCENARIO_SUMMARIES.find((s) => s.id === id);
}

/**
 * Learning paths: ordered sets of scenario ids that seniors assign as they are (/team/assign) and
 * trainees follow on /practice. Ladder paths carry a `level`: every scenario in them is at that level,
 * and together they hold enough distinct scenarios per competency of that level for the framework's
 * default evidence requirement, as far as the library allows (tests/unit/scenarios/learning-paths.test.ts).
 */
import type { Level } from '$lib/domain/levels';

export interface LearningPath {
	id: string;
	title: string;
	description: string;
	/** Ladder paths only: the level every scenario is at and whose competencies the path evidences. */
	level?: Level;
	/** In the order they should be taken. */
	scenarioIds: string[];
}

export const LEARNING_PATHS: LearningPath[] = [
	{
		id: 'csr1-foundations',
		title: 'CSR I foundations',
		level: 'csr1',
		description:
			'A new CSR I’s scenarios in teaching order: count and open a drawer; take payments (a counterfeit, a quick-change artist, the wrong account); irate contacts within a CSR I’s authority (identity before disclosure, abuse, a Spanish-speaking customer); a standard deposit; and a first close with a senior beside them. Passing it gives the scenario evidence for C-OPEN, C-PAY, C-ID and C-IRATE1.',
		scenarioIds: [
			'do-short-float',
			'do-mixed-strap',
			'cp-quick-change',
			'cp-counterfeit-partial',
			'cp-transposed-stub',
			'ir-high-bill-plan',
			'ir-bath-lockoff',
			'ir-son-abusive',
			'ir-es-grandmother',
			'dd-vacant-premise',
			'cr-stuck-twenties'
		]
	},
	{
		id: 'ready-csr2',
		title: 'Ready for CSR II',
		level: 'csr2',
		description:
			'CSR II work for a CSR I working towards promotion: three drawer closes, each with a difference to find; two restorations of service — a Friday payday one that misses the same-day cut-off, then one after a bounced check; two deposit decisions that turn on a letter of credit; and two complaints to resolve within policy, one with a Spanish-speaking caller. Passing it gives the scenario evidence for C-RECON, C-DEPOSIT, C-RESTORE and C-COMPLAINT.',
		scenarioIds: ['cr-transposed-entry', 'cr-check-keyed-cash', 'cr-posted-twice', 'cp-friday-cutoff', 'cp-restore-after-nsf', 'dd-letter-prior-occupant', 'dd-letter-61-days', 'ir-landlord-expired', 'ir-es-leak-credit']
	},
	{
		id: 'ready-csr3',
		title: 'Ready for CSR III',
		level: 'csr3',
		description:
			'CSR III work for a CSR II working towards promotion: lead four lock-off days (a weather hold, the morning list and its inbox, a twenty-account review, payments and crew results after dispatch); take a late-afternoon restoration on a cash-only account; work a repeat billing complaint through, fixing what a CSR III can and routing the rest; and follow the threat protocol at the counter. Passing it gives the scenario evidence for C-LOCKOFF and C-ESCALATE, and a further restoration for C-RESTORE.',
		scenarioIds: ['lo-heat-hold', 'lo-morning-list', 'lo-twenty-accounts', 'lo-paid-after-three', 'cp-cash-only-restore', 'ir-bill-was-wrong', 'ir-threat-counter']
	},
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

/**
 * The CSR ladder's competency framework (transcribed from the product's ladder reference, since users
 * of the product do not have it). Ids are stable; `level` says where a competency is first required.
 * Evidence requirements are data: version 1 holds the ladder's defaults; a supervisor publishes later
 * versions (stored in the database) and every sign-off records the version it was made under.
 */
import type { Level } from '$lib/domain/levels';

/** The version the defaults below are published as. */
export const FRAMEWORK_VERSION = 1;

export interface EvidenceRequirement {
	/** Passed attempts of distinct scenarios that evidence the competency (capped by how many scenarios exist). */
	passedScenarios: number;
	/** Of those scenarios, how many must have had a fault found in a passed attempt. */
	withFaultFound: number;
	/** Clean live runs of the matching procedure (when one exists). */
	cleanLiveRuns: number;
	/** Observation notes by a senior or supervisor; at least one is needed when neither scenarios nor a procedure exist. */
	observations: number;
}

export type CompetencyLevel = Extract<Level, 'csr1' | 'csr2' | 'csr3' | 'senior'>;

export interface Competency {
	id: string;
	title: string;
	level: CompetencyLevel;
	seedDuty: string;
	/** Procedures whose clean live runs evidence it (keys of the procedure registry). */
	procedures: string[];
	/** The ladder's default requirement (framework version 1). */
	requirement: EvidenceRequirement;
}

/** Ladder default: 2 passed distinct scenarios + 3 clean live runs, whichever exist; otherwise an observation note. */
const standard: EvidenceRequirement = { passedScenarios: 2, withFaultFound: 0, cleanLiveRuns: 3, observations: 0 };

export const COMPETENCIES: readonly Competency[] = [
	{ id: 'C-OPEN', title: 'Daily opening and closing office procedures; drawer float verified at open', level: 'csr1', seedDuty: 'Conduct daily opening and closing office procedures', procedures: ['drawer-opening'], requirement: standard },
	{ id: 'C-PAY', title: 'Receive and post payments of every tender; compare stub to balance; make change; issue receipts', level: 'csr1', seedDuty: 'Compare payment and remittance stub to account balance; compute each service payment and change returned', procedures: ['counter-payment'], requirement: standard },
	{ id: 'C-INFO', title: 'Explain bills, rates, usage and conservation tips; route or refer correctly', level: 'csr1', seedDuty: 'Explain utility services including usage and conservation tips', procedures: [], requirement: standard },
	{ id: 'C-ID', title: 'Verify identity and authority before disclosing or changing an account; keep information confidential', level: 'csr1', seedDuty: 'Maintain confidentiality of a wide range of sensitive information', procedures: [], requirement: standard },
	{ id: 'C-USR', title: 'Create and track service requests and work orders; address updates', level: 'csr1', seedDuty: 'Service requests, work orders, address updates', procedures: [], requirement: standard },
	{ id: 'C-IRATE1', title: 'Handle an initial complaint from an irate customer and route it to the right person', level: 'csr1', seedDuty: 'Handle initial complaints from customers, some of whom may be irate or difficult; route…', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-RECON', title: 'Reconcile the cash drawer at close; open and close batches; prepare the bank deposit; secure money in the vault', level: 'csr2', seedDuty: 'Reconcile cash drawer on a daily basis at close of business; open and close batches; secure money in vault', procedures: ['cash-reconciliation'], requirement: { passedScenarios: 3, withFaultFound: 1, cleanLiveRuns: 5, observations: 0 } },
	{ id: 'C-DEPOSIT', title: 'Review a service application, check utility credit, decide deposit and fees, collect or waive per policy, refund when earned', level: 'csr2', seedDuty: 'Determine if deposit and additional fees are required; verify credit and deposit information', procedures: ['deposit-decision'], requirement: standard },
	{ id: 'C-START', title: 'Start, stop, transfer service; final bills; standard new connections', level: 'csr2', seedDuty: 'Process requests for the start, cancellation and/or change of service; final bills', procedures: [], requirement: standard },
	{ id: 'C-ADJ', title: 'Account and leak adjustments; prorations; refunds; returned payments; payment reversal and transfer', level: 'csr2', seedDuty: 'Account and leak adjustments… refunds, return payment items', procedures: [], requirement: standard },
	{ id: 'C-PLAN', title: 'Payment plans and arrangements within policy', level: 'csr2', seedDuty: 'Calculates and processes payment plans', procedures: [], requirement: standard },
	{ id: 'C-RESTORE', title: 'Restore service after lock-off: payment, fees, restoration work order', level: 'csr2', seedDuty: 'Lock-offs, restoration of service', procedures: ['counter-payment'], requirement: standard },
	{ id: 'C-ASSIST', title: 'Affordability and discount program applications: eligibility, certification, recertification', level: 'csr2', seedDuty: 'Review income eligibility applications… recertify participants on a biannual basis', procedures: [], requirement: standard },
	{ id: 'C-COMPLAINT', title: 'Expedite resolution of complaints; de-escalate; offer options within policy; document', level: 'csr2', seedDuty: 'Assist in expediting resolution of customer complaints', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-LOCKOFF', title: 'Lead lock-off day: review lists, apply protections, dispatch, process results', level: 'csr3', seedDuty: 'Take lead responsibility on lock-off day, including the management of the lock-off list', procedures: ['lockoff-day'], requirement: standard },
	{ id: 'C-SPECIAL', title: 'Bankruptcies, foreclosures, property sales, special billings and credits, small claims', level: 'csr3', seedDuty: 'Bankruptcy, property sales, tax roll, small claims', procedures: [], requirement: standard },
	{ id: 'C-COMMERCIAL', title: 'New commercial connections and line extensions with inspections', level: 'csr3', seedDuty: 'Process new commercial connections and line extensions', procedures: [], requirement: standard },
	{ id: 'C-ESCALATE', title: 'Resolve situations not covered by written policy; know when and how to escalate; threat and safety protocol', level: 'csr3', seedDuty: 'Independently resolves problems… not addressed in written policies; hostile customers', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-REPORTS', title: 'Generate and audit reports; month-end statistics', level: 'csr3', seedDuty: 'Generate and audit various reports', procedures: [], requirement: standard },
	{ id: 'C-LEAD', title: 'Instruct and guide lower levels; verify counts; review and sign off', level: 'senior', seedDuty: 'Technical, functional and general supervision of I, II and III', procedures: [], requirement: standard }
];

export function competency(id: string): Competency | undefined {
	return COMPETENCIES.find((c) => c.id === id);
}

/** A published set of evidence requirements. */
export interface FrameworkVersion {
	version: number;
	note: string;
	createdAt: number;
	createdBy: number | null;
	requirements: Record<string, EvidenceRequirement>;
}

/** Version 1: the ladder's defaults. */
export const DEFAULT_FRAMEWORK: FrameworkVersion = {
	version: FRAMEWORK_VERSION,
	note: 'Ladder defaults.',
	createdAt: 0,
	createdBy: null,
	requirements: Object.fromEntries(COMPETENCIES.map((c) => [c.id, c.requirement]))
};

/** The requirement of a competency in a framework version (the default when the version predates it). */
export function requirementIn(framework: FrameworkVersion, id: string): EvidenceRequirement {
	return framework.requirements[id] ?? competency(id)?.requirement ?? standard;
}

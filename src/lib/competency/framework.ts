/**
 * The CSR ladder's competency framework (transcribed from the product's ladder reference, since users
 * of the product do not have it). Ids are stable; `level` says where a competency is first required.
 * Evidence requirements are data: the defaults below, editable by a supervisor (issue 6).
 */
import type { Level } from '$lib/domain/levels';

export const FRAMEWORK_VERSION = 1;

export interface EvidenceRequirement {
	/** Passed attempts of distinct scenarios that evidence the competency. */
	passedScenarios: number;
	/** Of those, how many must have had a fault found. */
	withFaultFound: number;
	/** Clean live runs of the matching procedure. */
	cleanLiveRuns: number;
	/** When neither scenarios nor a live procedure exist: a senior's observation note. */
	observation: boolean;
}

export interface Competency {
	id: string;
	title: string;
	level: Extract<Level, 'csr1' | 'csr2' | 'csr3' | 'senior'>;
	seedDuty: string;
	/** Procedures whose clean live runs evidence it (keys of the procedure registry). */
	procedures: string[];
	requirement: EvidenceRequirement;
}

const standard: EvidenceRequirement = { passedScenarios: 2, withFaultFound: 0, cleanLiveRuns: 3, observation: false };
const observationOnly: EvidenceRequirement = { passedScenarios: 0, withFaultFound: 0, cleanLiveRuns: 0, observation: true };

export const COMPETENCIES: readonly Competency[] = [
	{ id: 'C-OPEN', title: 'Daily opening and closing office procedures; drawer float verified at open', level: 'csr1', seedDuty: 'Conduct daily opening and closing office procedures', procedures: ['drawer-opening'], requirement: standard },
	{ id: 'C-PAY', title: 'Receive and post payments of every tender; compare stub to balance; make change; issue receipts', level: 'csr1', seedDuty: 'Compare payment and remittance stub to account balance; compute each service payment and change returned', procedures: ['counter-payment'], requirement: standard },
	{ id: 'C-INFO', title: 'Explain bills, rates, usage and conservation tips; route or refer correctly', level: 'csr1', seedDuty: 'Explain utility services including usage and conservation tips', procedures: [], requirement: observationOnly },
	{ id: 'C-ID', title: 'Verify identity and authority before disclosing or changing an account; keep information confidential', level: 'csr1', seedDuty: 'Maintain confidentiality of a wide range of sensitive information', procedures: [], requirement: observationOnly },
	{ id: 'C-USR', title: 'Create and track service requests and work orders; address updates', level: 'csr1', seedDuty: 'Service requests, work orders, address updates', procedures: [], requirement: observationOnly },
	{ id: 'C-IRATE1', title: 'Handle an initial complaint from an irate customer and route it to the right person', level: 'csr1', seedDuty: 'Handle initial complaints from customers, some of whom may be irate or difficult; route…', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-RECON', title: 'Reconcile the cash drawer at close; open and close batches; prepare the bank deposit; secure money in the vault', level: 'csr2', seedDuty: 'Reconcile cash drawer on a daily basis at close of business; open and close batches; secure money in vault', procedures: ['cash-reconciliation'], requirement: { passedScenarios: 3, withFaultFound: 1, cleanLiveRuns: 5, observation: false } },
	{ id: 'C-DEPOSIT', title: 'Review a service application, check utility credit, decide deposit and fees, collect or waive per policy, refund when earned', level: 'csr2', seedDuty: 'Determine if deposit and additional fees are required; verify credit and deposit information', procedures: ['deposit-decision'], requirement: standard },
	{ id: 'C-START', title: 'Start, stop, transfer service; final bills; standard new connections', level: 'csr2', seedDuty: 'Process requests for the start, cancellation and/or change of service; final bills', procedures: [], requirement: observationOnly },
	{ id: 'C-ADJ', title: 'Account and leak adjustments; prorations; refunds; returned payments; payment reversal and transfer', level: 'csr2', seedDuty: 'Account and leak adjustments… refunds, return payment items', procedures: [], requirement: observationOnly },
	{ id: 'C-PLAN', title: 'Payment plans and arrangements within policy', level: 'csr2', seedDuty: 'Calculates and processes payment plans', procedures: [], requirement: observationOnly },
	{ id: 'C-RESTORE', title: 'Restore service after lock-off: payment, fees, restoration work order', level: 'csr2', seedDuty: 'Lock-offs, restoration of service', procedures: ['counter-payment'], requirement: standard },
	{ id: 'C-ASSIST', title: 'Affordability and discount program applications: eligibility, certification, recertification', level: 'csr2', seedDuty: 'Review income eligibility applications… recertify participants on a biannual basis', procedures: [], requirement: observationOnly },
	{ id: 'C-COMPLAINT', title: 'Expedite resolution of complaints; de-escalate; offer options within policy; document', level: 'csr2', seedDuty: 'Assist in expediting resolution of customer complaints', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-LOCKOFF', title: 'Lead lock-off day: review lists, apply protections, dispatch, process results', level: 'csr3', seedDuty: 'Take lead responsibility on lock-off day, including the management of the lock-off list', procedures: ['lockoff-day'], requirement: standard },
	{ id: 'C-SPECIAL', title: 'Bankruptcies, foreclosures, property sales, special billings and credits, small claims', level: 'csr3', seedDuty: 'Bankruptcy, property sales, tax roll, small claims', procedures: [], requirement: observationOnly },
	{ id: 'C-COMMERCIAL', title: 'New commercial connections and line extensions with inspections', level: 'csr3', seedDuty: 'Process new commercial connections and line extensions', procedures: [], requirement: observationOnly },
	{ id: 'C-ESCALATE', title: 'Resolve situations not covered by written policy; know when and how to escalate; threat and safety protocol', level: 'csr3', seedDuty: 'Independently resolves problems… not addressed in written policies; hostile customers', procedures: ['irate-contact'], requirement: standard },
	{ id: 'C-REPORTS', title: 'Generate and audit reports; month-end statistics', level: 'csr3', seedDuty: 'Generate and audit various reports', procedures: [], requirement: observationOnly },
	{ id: 'C-LEAD', title: 'Instruct and guide lower levels; verify counts; review and sign off', level: 'senior', seedDuty: 'Technical, functional and general supervision of I, II and III', procedures: [], requirement: observationOnly }
];

export function competency(id: string): Competency | undefined {
	return COMPETENCIES.find((c) => c.id === id);
}

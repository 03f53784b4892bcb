/**
 * The procedures Counterline knows: each machine with its version, revision, rules, the competencies
 * its live runs evidence and who may run it live (ladder.md "Who may run a live procedure").
 */
import type { AnyStateMachine } from 'xstate';
import type { Level } from '$lib/domain/levels';
import type { Refusal } from './shared/types';
import * as drawerOpening from './drawer-opening.machine';
import * as counterPayment from './counter-payment.machine';
import * as cashReconciliation from './cash-reconciliation.machine';
import * as depositDecision from './deposit-decision.machine';
import * as lockoffDay from './lockoff-day.machine';
import * as irateContact from './irate-contact.machine';

export type ProcedureKey = 'drawer-opening' | 'counter-payment' | 'cash-reconciliation' | 'deposit-decision' | 'lockoff-day' | 'irate-contact';

export interface ProcedureDef {
	key: ProcedureKey;
	title: string;
	machine: AnyStateMachine;
	machineVersion: number;
	revision: { number: number; note: string };
	rules: Record<string, (context: never, event: never) => Refusal | null>;
	/** Competencies a clean live run can evidence (ladder.md "What live runs evidence"). */
	competencies: string[];
	/** Lowest level that runs it alone. */
	aloneFrom: Level;
	/** Lowest level that may run it with a supervising senior (senior or above) confirming each step. */
	supervisedFrom?: Level;
}

export const PROCEDURES: Record<ProcedureKey, ProcedureDef> = {
	'drawer-opening': {
		key: 'drawer-opening',
		title: 'Drawer opening',
		machine: drawerOpening.drawerOpeningMachine,
		machineVersion: drawerOpening.MACHINE_VERSION,
		revision: drawerOpening.REVISION,
		rules: drawerOpening.drawerOpeningRules,
		competencies: ['C-OPEN'],
		aloneFrom: 'csr1'
	},
	'counter-payment': {
		key: 'counter-payment',
		title: 'Counter payment',
		machine: counterPayment.counterPaymentMachine,
		machineVersion: counterPayment.MACHINE_VERSION,
		revision: counterPayment.REVISION,
		rules: counterPayment.counterPaymentRules,
		competencies: ['C-PAY', 'C-RESTORE'],
		aloneFrom: 'csr1'
	},
	'cash-reconciliation': {
		key: 'cash-reconciliation',
		title: 'Drawer close (cash reconciliation)',
		machine: cashReconciliation.cashReconciliationMachine,
		machineVersion: cashReconciliation.MACHINE_VERSION,
		revision: cashReconciliation.REVISION,
		rules: cashReconciliation.cashReconciliationRules,
		competencies: ['C-RECON'],
		aloneFrom: 'csr2',
		supervisedFrom: 'csr1'
	},
	'deposit-decision': {
		key: 'deposit-decision',
		title: 'Deposit decision',
		machine: depositDecision.depositDecisionMachine,
		machineVersion: depositDecision.MACHINE_VERSION,
		revision: depositDecision.REVISION,
		rules: depositDecision.depositDecisionRules,
		competencies: ['C-DEPOSIT'],
		aloneFrom: 'csr1'
	},
	'lockoff-day': {
		key: 'lockoff-day',
		title: 'Lock-off day',
		machine: lockoffDay.lockoffDayMachine,
		machineVersion: lockoffDay.MACHINE_VERSION,
		revision: lockoffDay.REVISION,
		rules: lockoffDay.lockoffDayRules,
		competencies: ['C-LOCKOFF'],
		aloneFrom: 'csr3',
		supervisedFrom: 'csr2'
	},
	'irate-contact': {
		key: 'irate-contact',
		title: 'Irate-customer contact',
		machine: irateContact.irateContactMachine,
		machineVersion: irateContact.MACHINE_VERSION,
		revision: irateContact.REVISION,
		rules: irateContact.irateContactRules,
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ESCALATE'],
		aloneFrom: 'csr1'
	}
};

export function procedureDef(key: string): ProcedureDef | undefined {
	// Own keys only: a posted "__proto__" or "constructor" names no procedure.
	return Object.hasOwn(PROCEDURES, key) ? (PROCEDURES as Record<string, ProcedureDef>)[key] : undefined;
}

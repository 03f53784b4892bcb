/**
 * The procedures Counterline knows: each machine with its version, revision, rules, the competencies
 * its live runs evidence and who may run it live (ladder.md "Who may run a live procedure").
 */
import type { AnyStateMachine } from 'xstate';
import type { Level } from '$lib/domain/levels';
import type { Refusal } from './shared/types';
import * as drawerOpening from './drawer-opening.machine';

export type ProcedureKey = 'drawer-opening';

export interface ProcedureDef {
	key: ProcedureKey;
	title: string;
	machine: AnyStateMachine;
	machineVersion: number;
	revision: { number: number; note: string };
	rules: Record<string, (context: never, event: never) => Refusal | null>;
	/** Competencies a clean live run evidences (ladder.md "What live runs evidence"). */
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
	}
};

export function procedureDef(key: string): ProcedureDef | undefined {
	return (PROCEDURES as Record<string, ProcedureDef>)[key];
}

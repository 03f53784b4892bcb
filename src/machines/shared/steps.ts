/** Reads a machine's step meta in document order: the checklist UI, procedure map and scorer share it. */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import type { StepMeta } from './types';

export interface StepInfo extends StepMeta {
	/** Full state node id, e.g. "cashReconciliation.count". */
	stateId: string;
}

function walk(node: AnyStateNode, out: StepInfo[]): void {
	const step = (node.meta as { step?: StepMeta } | undefined)?.step;
	if (step) out.push({ ...step, stateId: node.id });
	for (const child of Object.values(node.states) as AnyStateNode[]) walk(child, out);
}

/** Every step of a machine in the order its states are declared. */
export function listSteps(machine: AnyStateMachine): StepInfo[] {
	const out: StepInfo[] = [];
	walk(machine.root, out);
	return out;
}

/** The steps active in a snapshot (deepest last). */
export function activeSteps(snapshot: AnyMachineSnapshot): StepInfo[] {
	const out: StepInfo[] = [];
	for (const node of snapshot._nodes as AnyStateNode[]) {
		const step = (node.meta as { step?: StepMeta } | undefined)?.step;
		if (step) out.push({ ...step, stateId: node.id });
	}
	return out;
}

/** Every state node id of a machine (for coverage and the procedure map). */
export function allStateIds(machine: AnyStateMachine): string[] {
	const ids: string[] = [];
	const visit = (node: AnyStateNode) => {
		ids.push(node.id);
		for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
	};
	visit(machine.root);
	return ids;
}

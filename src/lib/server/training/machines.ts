/**
 * Machines by version, for re-scoring and replaying stored attempts. The live registry holds the
 * current version of each procedure; when a machine's MACHINE_VERSION changes, copy the previous
 * file to src/machines/archive/<key>.v<N>.machine.ts and add it to ARCHIVE while stored attempts use it.
 */
import type { AnyStateMachine } from 'xstate';
import { PROCEDURES, type ProcedureKey } from '$machines/registry';
import type { Refusal } from '$machines/shared/types';

export interface VersionedMachine {
	machine: AnyStateMachine;
	rules: Record<string, (context: never, event: never) => Refusal | null>;
}

/**
 * Earlier machine versions still needed by stored attempts. Empty: deposit-decision and lockoff-day
 * moved to v2 before any release, so no stored attempt anywhere runs under a v1.
 */
const ARCHIVE: Partial<Record<ProcedureKey, Record<number, VersionedMachine>>> = {};

/** The machine a stored attempt ran under. */
export function machineAt(procedure: ProcedureKey, version: number): VersionedMachine {
	const def = PROCEDURES[procedure];
	if (def && def.machineVersion === version) return { machine: def.machine, rules: def.rules };
	const old = ARCHIVE[procedure]?.[version];
	if (!old) throw new Error(`Machine ${procedure} v${version} is not available to replay this attempt.`);
	return old;
}

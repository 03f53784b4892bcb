import { describe, expect, test } from 'vitest';
import { machineAt } from '$lib/server/training/machines';
import { PROCEDURES, type ProcedureKey } from '$machines/registry';

describe('machines by version for stored attempts', () => {
	test.each(Object.keys(PROCEDURES) as ProcedureKey[])('%s: the current version resolves to the live machine', (key) => {
		const def = PROCEDURES[key];
		const resolved = machineAt(key, def.machineVersion);
		expect(resolved.machine).toBe(def.machine);
		expect(resolved.rules).toBe(def.rules);
	});

	test('a version that is neither current nor archived is refused with a message naming it', () => {
		const v = PROCEDURES['deposit-decision'].machineVersion + 1;
		expect(() => machineAt('deposit-decision', v)).toThrow(`Machine deposit-decision v${v} is not available`);
	});
});

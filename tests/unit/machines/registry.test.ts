import { describe, expect, it } from 'vitest';
import { PROCEDURES, procedureDef } from '$machines/registry';

describe('procedureDef', () => {
	it('finds every registered procedure by its key', () => {
		for (const key of Object.keys(PROCEDURES)) expect(procedureDef(key)?.key).toBe(key);
	});

	it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('names no procedure for the posted key %j', (key) => {
		expect(procedureDef(key)).toBeUndefined();
	});
});

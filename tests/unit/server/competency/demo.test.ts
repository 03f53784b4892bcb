import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { T0, makeTeam, makeUser } from '$tests/fixtures/training';
import { seedDemoSignoffs } from '$lib/server/competency/demo';
import { currentSignoffsOf } from '$lib/server/competency/progress';

describe('demo staff sign-offs', () => {
	it('CSR II and above hold their level’s competencies and below; CSR Is none; nothing above anyone’s level', () => {
		const store = testStore();
		const team = makeTeam(store);
		makeUser(store, 'supervisor', { username: 'supervisor' });
		const csr1 = makeUser(store, 'csr1', { teamId: team });
		const csr2 = makeUser(store, 'csr2', { teamId: team });
		const senior = makeUser(store, 'senior', { teamId: team });
		expect(seedDemoSignoffs(store, 'supervisor', T0)).toBe(14 + 20);
		expect(currentSignoffsOf(store, csr1.id, T0)).toEqual([]);
		const held = currentSignoffsOf(store, csr2.id, T0);
		expect(held).toHaveLength(14);
		expect(held).toContain('C-RECON');
		expect(held).not.toContain('C-LOCKOFF');
		expect(currentSignoffsOf(store, senior.id, T0)).toHaveLength(20);
	});
});

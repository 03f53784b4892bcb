import { describe, expect, it } from 'vitest';
import { can, decide, liveRunMode, mayRunLive } from '$lib/authz/can';
import { PROCEDURES } from '$machines/registry';
import type { Level } from '$lib/domain/levels';

const who = (level: Level, id = 1, isAdmin = false) => ({ id, level, isAdmin });
const signoff = (signer: ReturnType<typeof who>, trainee: { id: number; level: Level }, competencyLevel: Level, override = false) =>
	decide(signer, 'competency.signoff', { trainee, competencyLevel, override });

// Written out by hand from ladder.md's sign-off rules.
const table: [string, ReturnType<typeof who>, { id: number; level: Level }, Level, boolean][] = [
	['a senior signs off a CSR I on a CSR I competency', who('senior'), { id: 2, level: 'csr1' }, 'csr1', true],
	['a senior signs off a CSR I on a CSR III competency', who('senior'), { id: 2, level: 'csr1' }, 'csr3', true],
	['nobody signs off their own competency (supervisor, self)', who('supervisor', 5), { id: 5, level: 'supervisor' }, 'csr1', false],
	['nobody signs off their own competency (senior, self)', who('senior', 5), { id: 5, level: 'senior' }, 'csr1', false],
	['equal level refused: a senior cannot sign off another senior', who('senior'), { id: 2, level: 'senior' }, 'csr1', false],
	['lower level refused: a CSR III cannot sign off a CSR I', who('csr3'), { id: 2, level: 'csr1' }, 'csr1', false],
	['lower level refused: a CSR II cannot sign off a CSR I', who('csr2'), { id: 2, level: 'csr1' }, 'csr1', false],
	['a senior-level competency needs a supervisor', who('senior'), { id: 2, level: 'csr3' }, 'senior', false],
	['a supervisor signs off a senior-level competency', who('supervisor'), { id: 2, level: 'csr3' }, 'senior', true],
	['a supervisor signs off a senior', who('supervisor'), { id: 2, level: 'senior' }, 'senior', true],
	['the admin flag gives no sign-off power', who('csr1', 1, true), { id: 2, level: 'csr1' }, 'csr1', false]
];

describe('sign-off rules (can competency.signoff)', () => {
	it.each(table)('%s', (_n, signer, trainee, level, expected) => {
		const d = signoff(signer, trainee, level);
		expect(d.allowed).toBe(expected);
		if (!expected) expect(d.reason.length).toBeGreaterThan(10);
	});

	it('revocation follows the same rules', () => {
		expect(can(who('senior'), 'competency.revoke', { trainee: { id: 2, level: 'csr1' }, competencyLevel: 'csr1' })).toBe(true);
		expect(can(who('senior'), 'competency.revoke', { trainee: { id: 2, level: 'senior' }, competencyLevel: 'csr1' })).toBe(false);
	});

	it('only a supervisor may override unmet requirements', () => {
		expect(signoff(who('senior'), { id: 2, level: 'csr1' }, 'csr1', true)).toMatchObject({ allowed: false, reason: expect.stringContaining('supervisor') });
		expect(signoff(who('supervisor'), { id: 2, level: 'csr1' }, 'csr1', true).allowed).toBe(true);
	});

	it('promotions are recorded by a supervisor, never for themselves, and stop at senior', () => {
		expect(can(who('supervisor'), 'promotion.record', { trainee: { id: 2, level: 'csr1' } })).toBe(true);
		expect(can(who('senior'), 'promotion.record', { trainee: { id: 2, level: 'csr1' } })).toBe(false);
		expect(can(who('supervisor'), 'promotion.record', { trainee: { id: 2, level: 'senior' } })).toBe(false);
	});

	it('trainees see their own record; only leads see others’', () => {
		expect(can(who('csr1', 3), 'person.view', { targetUserId: 3 })).toBe(true);
		expect(can(who('csr3', 3), 'person.view', { targetUserId: 4 })).toBe(false);
		expect(can(who('senior', 3), 'person.view', { targetUserId: 4 })).toBe(true);
	});

	it('assignments go to people below the assigner', () => {
		expect(can(who('senior'), 'training.assign', { trainee: { id: 2, level: 'csr3' } })).toBe(true);
		expect(can(who('senior'), 'training.assign', { trainee: { id: 2, level: 'senior' } })).toBe(false);
		expect(can(who('csr3'), 'training.assign')).toBe(false);
	});
});

describe('live gating: one level early with a current sign-off, never more', () => {
	const recon = PROCEDURES['cash-reconciliation'];
	const lockoff = PROCEDURES['lockoff-day'];
	const csr1 = (signoffs: string[] = []) => ({ ...who('csr1'), currentSignoffs: signoffs });
	const csr2 = (signoffs: string[] = []) => ({ ...who('csr2'), currentSignoffs: signoffs });

	it('a CSR I closes supervised without the sign-off, alone with it', () => {
		expect(liveRunMode(csr1(), recon).mode).toBe('supervised');
		expect(liveRunMode(csr1(['C-RECON']), recon).mode).toBe('alone');
	});

	it('a CSR I with C-LOCKOFF still cannot lead lock-off day (two levels early)', () => {
		expect(liveRunMode(csr1(['C-LOCKOFF']), lockoff).mode).toBeNull();
		expect(mayRunLive(csr1(['C-LOCKOFF']), lockoff)).toBe(false);
	});

	it('a CSR II leads lock-off day alone with C-LOCKOFF, supervised without', () => {
		expect(liveRunMode(csr2(['C-LOCKOFF']), lockoff).mode).toBe('alone');
		expect(liveRunMode(csr2(), lockoff).mode).toBe('supervised');
	});

	it('another competency’s sign-off does not open the procedure', () => {
		expect(liveRunMode(csr1(['C-PAY', 'C-DEPOSIT']), recon).mode).toBe('supervised');
	});
});

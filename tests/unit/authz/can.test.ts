import { describe, expect, it } from 'vitest';
import { can, decide, type Action } from '$lib/authz/can';
import type { Level } from '$lib/domain/levels';

const user = (level: Level, isAdmin = false, id = 1) => ({ id, level, isAdmin });

// Expected decisions written out by hand from ladder.md ("Roles in the product" and "Model").
const table: [string, ReturnType<typeof user> | null, Action, Level | undefined, boolean][] = [
	['anonymous cannot use the app', null, 'app.use', undefined, false],
	['a CSR I searches accounts', user('csr1'), 'accounts.search', undefined, true],
	['a CSR I views an account', user('csr1'), 'accounts.view', undefined, true],
	['a CSR I cannot list users', user('csr1'), 'users.list', undefined, false],
	['a supervisor without the admin flag cannot list users', user('supervisor'), 'users.list', undefined, false],
	['an admin lists users', user('csr1', true), 'users.list', undefined, true],
	['an admin creates a CSR III', user('csr1', true), 'users.create', 'csr3', true],
	['an admin who is not a supervisor cannot create a senior', user('csr2', true), 'users.create', 'senior', false],
	['an admin who is not a supervisor cannot reset a supervisor', user('senior', true), 'users.resetPassword', 'supervisor', false],
	['an admin supervisor creates a senior', user('supervisor', true), 'users.create', 'senior', true],
	['an admin deactivates a senior', user('csr1', true), 'users.deactivate', 'senior', true],
	['a senior cannot reset the sandbox', user('senior'), 'sandbox.reset', undefined, false],
	['an admin resets the sandbox', user('csr2', true), 'sandbox.reset', undefined, true],
	['a senior cannot read the audit log', user('senior'), 'audit.view', undefined, false],
	['a supervisor reads the audit log', user('supervisor'), 'audit.view', undefined, true],
	['an admin reads the audit log', user('csr1', true), 'audit.view', undefined, true],
	['anyone signed in changes their own password', user('csr1'), 'password.change', undefined, true]
];

describe('can(): level × action', () => {
	it.each(table)('%s', (_name, who, action, targetLevel, expected) => {
		expect(can(who, action, { targetLevel })).toBe(expected);
	});

	it('an admin cannot deactivate their own account', () => {
		expect(decide(user('csr1', true, 9), 'users.deactivate', { targetUserId: 9 })).toEqual({ allowed: false, reason: 'You cannot deactivate your own account.' });
	});

	it('someone whose step was applied may still view the run when the machine keeps no role for them', () => {
		const run = { ownerId: 1, supervisorId: null, roles: { cashier: '1' } };
		expect(can(user('csr2', false, 5), 'run.view', { run })).toBe(false);
		expect(can(user('csr2', false, 5), 'run.view', { run: { ...run, participants: ['1', '5'] } })).toBe(true);
	});

	it('a refusal always carries a reason', () => {
		for (const [, who, action, targetLevel, expected] of table) {
			const d = decide(who, action, { targetLevel });
			if (!expected) expect(d.reason.length).toBeGreaterThan(5);
		}
	});
});

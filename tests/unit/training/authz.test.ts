import { describe, expect, it } from 'vitest';
import { decide } from '$lib/authz/can';
import type { Level } from '$lib/domain/levels';

const who = (id: number, level: Level) => ({ id, level, isAdmin: false });
const attempt = { userId: 1 };

describe('who may do what with training attempts', () => {
	it.each([
		['practice.use', who(2, 'csr1'), true],
		['attempt.start', who(2, 'csr1'), true],
		['attempt.view', who(1, 'csr1'), true],
		['attempt.view', who(2, 'csr3'), false],
		['attempt.view', who(3, 'senior'), true],
		['attempt.act', who(1, 'csr1'), true],
		['attempt.act', who(3, 'supervisor'), false],
		['attempt.comment', who(2, 'csr3'), false],
		['attempt.comment', who(3, 'senior'), true],
		['attempt.comment', who(4, 'supervisor'), true],
		['attempt.comment', { ...who(1, 'senior') }, false]
	] as const)('%s by %o → %s', (action, user, allowed) => {
		expect(decide(user, action, { attempt }).allowed).toBe(allowed);
	});

	it('nobody signed out, and no attempt named, gets in', () => {
		expect(decide(null, 'practice.use').allowed).toBe(false);
		expect(decide(who(3, 'senior'), 'attempt.view').allowed).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import {
	SESSION_TTL_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from '$lib/server/auth/session';
import { insertUser } from '$lib/server/repos/users';
import { admitAttempt, recordFailure, recordSuccess, throttleWait, withdrawAttempt } from '$lib/server/auth/throttle';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 17, 0);

function withUser() {
	const store = testStore();
	const id = insertUser(store, { username: 'pat', displayName: 'Pat Lee', level: 'csr1', isAdmin: false, hireDate: '2026-01-05', teamId: null, passwordHash: 'x' }, T0);
	return { store, id };
}

describe('session tokens (Lucia-guide design)', () => {
	it('tokens are 32 base32 characters and only their SHA-256 is stored', () => {
		const { store, id } = withUser();
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		createSession(store, token, id, T0);
		const stored = store.db.$client.prepare('SELECT id FROM sessions').all() as { id: string }[];
		expect(stored).toEqual([{ id: sessionIdFromToken(token) }]);
		expect(stored[0].id).not.toContain(token);
		expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a valid token resolves to its user; a tampered or unknown one does not', () => {
		const { store, id } = withUser();
		const token = generateSessionToken();
		createSession(store, token, id, T0);
		expect(validateSessionToken(store, token, T0 + 1000)?.user).toMatchObject({ id, username: 'pat', level: 'csr1' });
		const tampered = (token[0] === 'a' ? 'b' : 'a') + token.slice(1);
		expect(validateSessionToken(store, tampered, T0)).toBeNull();
		expect(validateSessionToken(store, 'not-a-token', T0)).toBeNull();
	});

	it('expires after 30 days and is deleted', () => {
		const { store, id } = withUser();
		const token = generateSessionToken();
		createSession(store, token, id, T0);
		expect(validateSessionToken(store, token, T0 + SESSION_TTL_MS - 1)).not.toBeNull();
		const token2 = generateSessionToken();
		createSession(store, token2, id, T0);
		expect(validateSessionToken(store, token2, T0 + SESSION_TTL_MS)).toBeNull();
		expect((store.db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE id = ?').get(sessionIdFromToken(token2)) as { n: number }).n).toBe(0);
	});

	it('slides: renewed to 30 days when fewer than 15 remain, untouched otherwise', () => {
		const { store, id } = withUser();
		const token = generateSessionToken();
		createSession(store, token, id, T0);
		const early = validateSessionToken(store, token, T0 + 10 * DAY)!;
		expect(early.session.expiresAt).toBe(T0 + SESSION_TTL_MS);
		const late = validateSessionToken(store, token, T0 + 16 * DAY)!;
		expect(late.session.expiresAt).toBe(T0 + 16 * DAY + SESSION_TTL_MS);
	});

	it('logout ends one session; deactivation ends them all', () => {
		const { store, id } = withUser();
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		const sa = createSession(store, a, id, T0);
		createSession(store, b, id, T0);
		invalidateSession(store, sa.id);
		expect(validateSessionToken(store, a, T0)).toBeNull();
		expect(validateSessionToken(store, b, T0)).not.toBeNull();
		invalidateUserSessions(store, id);
		expect(validateSessionToken(store, b, T0)).toBeNull();
	});

	it('an inactive user is rejected even with a live session', () => {
		const { store, id } = withUser();
		const token = generateSessionToken();
		createSession(store, token, id, T0);
		store.db.$client.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
		expect(validateSessionToken(store, token, T0)).toBeNull();
	});
});

describe('login throttling', () => {
	const settings = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

	it('allows the free failures, then makes each attempt wait a doubling delay', () => {
		const store = testStore();
		for (let i = 0; i < 5; i++) {
			expect(throttleWait(store, 'pat', '10.0.0.1', T0, settings)).toBe(0);
			recordFailure(store, 'pat', '10.0.0.1', T0);
		}
		expect(throttleWait(store, 'pat', '10.0.0.1', T0, settings)).toBe(1000);
		recordFailure(store, 'pat', '10.0.0.1', T0);
		expect(throttleWait(store, 'pat', '10.0.0.1', T0, settings)).toBe(2000);
		expect(throttleWait(store, 'pat', '10.0.0.1', T0 + 2000, settings)).toBe(0);
	});

	it('throttles the username from another IP, and the IP for another username', () => {
		const store = testStore();
		for (let i = 0; i < 6; i++) recordFailure(store, 'pat', '10.0.0.1', T0);
		expect(throttleWait(store, 'PAT', '10.9.9.9', T0, settings)).toBeGreaterThan(0);
		expect(throttleWait(store, 'sam', '10.0.0.1', T0, settings)).toBeGreaterThan(0);
		expect(throttleWait(store, 'sam', '10.9.9.9', T0, settings)).toBe(0);
	});

	it('admits attempts arriving together only up to the free failures: each is counted as it passes the gate', () => {
		const store = testStore();
		const admitted = Array.from({ length: 20 }, () => admitAttempt(store, 'pat', 'ip', T0, settings)).filter((w) => w === 0).length;
		expect(admitted).toBe(5);
	});

	it('a withdrawn attempt (a second person who got it right) gives its place back', () => {
		const store = testStore();
		for (let i = 0; i < 5; i++) admitAttempt(store, 'pat', 'ip', T0, settings);
		expect(throttleWait(store, 'pat', 'ip', T0, settings)).toBeGreaterThan(0);
		withdrawAttempt(store, 'pat', 'ip');
		expect(throttleWait(store, 'pat', 'ip', T0, settings)).toBe(0);
	});

	it('a success clears the counters and the delay is capped', () => {
		const store = testStore();
		for (let i = 0; i < 40; i++) recordFailure(store, 'pat', 'ip', T0);
		expect(throttleWait(store, 'pat', 'ip', T0, settings)).toBe(60_000);
		recordSuccess(store, 'pat', 'ip');
		expect(throttleWait(store, 'pat', 'ip', T0, settings)).toBe(0);
	});
});

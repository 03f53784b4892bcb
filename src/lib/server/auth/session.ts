/**
 * Sessions the Lucia-guide way: a 20-byte random token (base32) in an HttpOnly cookie; the database
 * stores only its SHA-256 (hex) as the session id; 30-day sliding expiry renewed when under 15 days remain.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Store } from '../store';
import type { Level } from '$lib/domain/levels';

export const SESSION_COOKIE = 'session';
const DAY = 86_400_000;
export const SESSION_TTL_MS = 30 * DAY;
const RENEW_BELOW_MS = 15 * DAY;

export interface SessionUser {
	id: number;
	username: string;
	displayName: string;
	level: Level;
	isAdmin: boolean;
	teamId: number | null;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: number;
}

export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Creates a session for a user; returns it (the token itself is never stored). */
export function createSession(store: Store, token: string, userId: number, nowMs: number): Session {
	const session = { id: sessionIdFromToken(token), userId, expiresAt: nowMs + SESSION_TTL_MS };
	store.db.$client.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)').run(session.id, session.userId, session.expiresAt);
	return session;
}

/** Validates a token: expired sessions and inactive users are rejected; renews when under 15 days remain. */
export function validateSessionToken(store: Store, token: string, nowMs: number): { session: Session; user: SessionUser } | null {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = sessionIdFromToken(token);
	const row = store.db.$client
		.prepare(
			`SELECT s.id, s.user_id AS userId, s.expires_at AS expiresAt, u.username, u.display_name AS displayName, u.level,
			        u.is_admin AS isAdmin, u.team_id AS teamId, u.active
			   FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`
		)
		.get(id) as (Session & Omit<SessionUser, 'id' | 'isAdmin'> & { isAdmin: number; active: number }) | undefined;
	if (!row) return null;
	if (nowMs >= row.expiresAt || !row.active) {
		store.db.$client.prepare('DELETE FROM sessions WHERE id = ?').run(id);
		return null;
	}
	const session: Session = { id: row.id, userId: row.userId, expiresAt: row.expiresAt };
	if (row.expiresAt - nowMs < RENEW_BELOW_MS) {
		session.expiresAt = nowMs + SESSION_TTL_MS;
		store.db.$client.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(session.expiresAt, id);
	}
	return {
		session,
		user: { id: row.userId, username: row.username, displayName: row.displayName, level: row.level, isAdmin: !!row.isAdmin, teamId: row.teamId }
	};
}

export function invalidateSession(store: Store, sessionId: string): void {
	store.db.$client.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
}

export function invalidateUserSessions(store: Store, userId: number): void {
	store.db.$client.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(expiresAt) });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

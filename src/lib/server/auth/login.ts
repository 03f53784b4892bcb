/** Sign-in: one generic failure message (no user enumeration), throttled per username and per IP. */
import { config } from '../config';
import { now } from '../clock';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import { findLoginByUsername } from '../repos/users';
import { verifyPassword, hashPassword } from './password';
import { createSession, generateSessionToken, type Session } from './session';
import { admitAttempt, recordSuccess, withdrawAttempt } from './throttle';

export const GENERIC_FAILURE = 'That username and password do not match an active account.';

let dummyHash: Promise<string> | null = null;

export type LoginResult = { ok: true; token: string; session: Session } | { ok: false; status: 400 | 429; message: string };

/** Checks credentials and, on success, creates a session. Every outcome is audited. */
export async function login(store: Store, username: string, password: string, ip: string): Promise<LoginResult> {
	const wait = mutate(store, () => admitAttempt(store, username, ip, now(), config.throttle));
	if (wait > 0) {
		return { ok: false, status: 429, message: `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.` };
	}
	const user = findLoginByUsername(store, username);
	// Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
	dummyHash ??= hashPassword('dummy password for timing');
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
	if (!user || !valid || !user.active) {
		mutate(store, () => audit(store, { actor: null, action: 'auth.login.failed', target: `username:${username.slice(0, 64)}`, summary: { ip } }));
		return { ok: false, status: 400, message: GENERIC_FAILURE };
	}
	const token = generateSessionToken();
	const session = mutate(store, () => {
		recordSuccess(store, username, ip);
		const s = createSession(store, token, user.id, now());
		audit(store, { actor: { id: user.id, username: user.username }, action: 'auth.login', target: `user:${user.id}`, summary: { ip } });
		return s;
	});
	return { ok: true, token, session };
}

export type CredentialCheck = { ok: true; user: import('./session').SessionUser } | { ok: false; message: string };

/**
 * Checks a second person's credentials on someone else's screen without creating a session for them
 * (or touching the first user's). Throttled and audited like a sign-in.
 */
export async function confirmSecondPerson(store: Store, username: string, password: string, ip: string): Promise<CredentialCheck> {
	const wait = mutate(store, () => admitAttempt(store, username, ip, now(), config.throttle));
	if (wait > 0) return { ok: false, message: `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.` };
	const user = findLoginByUsername(store, username);
	dummyHash ??= hashPassword('dummy password for timing');
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
	if (!user || !valid || !user.active) {
		mutate(store, () => audit(store, { actor: null, action: 'auth.secondPerson.failed', target: `username:${username.slice(0, 64)}`, summary: { ip } }));
		return { ok: false, message: 'Those second-person credentials do not match an active account.' };
	}
	mutate(store, () => withdrawAttempt(store, username, ip));
	return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, level: user.level, isAdmin: user.isAdmin, teamId: user.teamId } };
}

/** Admin changes to staff accounts; each runs in one transaction with its audit row. */
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import { now } from '../clock';
import { insertUser, setPasswordHash, setUserActive, type NewUser } from '../repos/users';
import { invalidateUserSessions, type SessionUser } from '../auth/session';

const actorOf = (u: SessionUser) => ({ id: u.id, username: u.username });

export function createUser(store: Store, actor: SessionUser, u: NewUser): number {
	return mutate(store, () => {
		const id = insertUser(store, u, now());
		audit(store, { actor: actorOf(actor), action: 'user.create', target: `user:${id}`, summary: { username: u.username, level: u.level, isAdmin: u.isAdmin, teamId: u.teamId } });
		return id;
	});
}

/** Deactivating ends every session of that user at once. */
export function setActive(store: Store, actor: SessionUser, userId: number, active: boolean): void {
	mutate(store, () => {
		setUserActive(store, userId, active);
		if (!active) invalidateUserSessions(store, userId);
		audit(store, { actor: actorOf(actor), action: active ? 'user.reactivate' : 'user.deactivate', target: `user:${userId}`, summary: { active } });
	});
}

/** A reset password also ends the user's sessions. */
export function resetPassword(store: Store, actor: SessionUser, userId: number, passwordHash: string): void {
	mutate(store, () => {
		setPasswordHash(store, userId, passwordHash);
		invalidateUserSessions(store, userId);
		audit(store, { actor: actorOf(actor), action: 'user.resetPassword', target: `user:${userId}`, summary: {} });
	});
}

/** A user changing their own password: other sessions end, the current one stays. */
export function changeOwnPassword(store: Store, user: SessionUser, currentSessionId: string, passwordHash: string): void {
	mutate(store, () => {
		setPasswordHash(store, user.id, passwordHash);
		store.db.$client.prepare('DELETE FROM sessions WHERE user_id = ? AND id <> ?').run(user.id, currentSessionId);
		audit(store, { actor: actorOf(user), action: 'user.changePassword', target: `user:${user.id}`, summary: {} });
	});
}

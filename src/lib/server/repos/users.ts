/** Staff accounts: queries and the changes admins make (each audited by the caller's mutate()). */
import type { Store } from '../store';
import type { Level } from '$lib/domain/levels';

export interface UserRow {
	id: number;
	username: string;
	displayName: string;
	level: Level;
	isAdmin: boolean;
	hireDate: string;
	teamId: number | null;
	teamName: string | null;
	active: boolean;
}

const SELECT = `SELECT u.id, u.username, u.display_name AS displayName, u.level, u.is_admin AS isAdmin, u.hire_date AS hireDate,
	u.team_id AS teamId, t.name AS teamName, u.active FROM users u LEFT JOIN teams t ON t.id = u.team_id`;

function fromRow(r: Record<string, unknown> | undefined): UserRow | null {
	if (!r) return null;
	return { ...(r as unknown as UserRow), isAdmin: !!r.isAdmin, active: !!r.active };
}

export function listUsers(store: Store): UserRow[] {
	return (store.db.$client.prepare(`${SELECT} ORDER BY u.active DESC, u.display_name`).all() as Record<string, unknown>[]).map((r) => fromRow(r)!);
}

/** Active people with a team (one team's, or every team's when teamId is null), by name. */
export function listTeamMembers(store: Store, teamId: number | null): UserRow[] {
	const where = teamId === null ? 'u.team_id IS NOT NULL' : 'u.team_id = ?';
	return (store.db.$client.prepare(`${SELECT} WHERE u.active = 1 AND ${where} ORDER BY u.display_name`).all(...(teamId === null ? [] : [teamId])) as Record<string, unknown>[]).map(
		(r) => fromRow(r)!
	);
}

export function findUserById(store: Store, id: number): UserRow | null {
	return fromRow(store.db.$client.prepare(`${SELECT} WHERE u.id = ?`).get(id) as Record<string, unknown> | undefined);
}

export function findLoginByUsername(store: Store, username: string): (UserRow & { passwordHash: string }) | null {
	const r = store.db.$client.prepare(`${SELECT.replace('u.active FROM', 'u.active, u.password_hash AS passwordHash FROM')} WHERE u.username = ? COLLATE NOCASE`).get(username) as
		| Record<string, unknown>
		| undefined;
	return r ? ({ ...fromRow(r)!, passwordHash: r.passwordHash as string } as UserRow & { passwordHash: string }) : null;
}

export function usernameTaken(store: Store, username: string): boolean {
	return !!store.db.$client.prepare('SELECT 1 FROM users WHERE username = ? COLLATE NOCASE').get(username);
}

export interface NewUser {
	username: string;
	displayName: string;
	level: Level;
	isAdmin: boolean;
	hireDate: string;
	teamId: number | null;
	passwordHash: string;
}

export function insertUser(store: Store, u: NewUser, createdAt: number): number {
	const info = store.db.$client
		.prepare('INSERT INTO users (username, display_name, level, is_admin, hire_date, team_id, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)')
		.run(u.username, u.displayName, u.level, u.isAdmin ? 1 : 0, u.hireDate, u.teamId, u.passwordHash, createdAt);
	return Number(info.lastInsertRowid);
}

export function setUserActive(store: Store, id: number, active: boolean): void {
	store.db.$client.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
}

export function setPasswordHash(store: Store, id: number, passwordHash: string): void {
	store.db.$client.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function listTeams(store: Store): { id: number; name: string; officeName: string }[] {
	return store.db.$client
		.prepare('SELECT t.id, t.name, o.name AS officeName FROM teams t JOIN offices o ON o.id = t.office_id ORDER BY o.name, t.name')
		.all() as { id: number; name: string; officeName: string }[];
}

export function countUsers(store: Store): number {
	return (store.db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

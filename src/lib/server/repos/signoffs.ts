/** Sign-offs and sign-off requests: the rows and the history. Writes run inside the caller's mutate(). */
import type { Store } from '../store';
import type { ActiveSignoff } from '$lib/competency/status';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export type UserSignoff = ActiveSignoff & { userId: number; competencyId: string };

const SELECT = `SELECT s.id, s.user_id AS userId, s.competency_id AS competencyId, s.signed_at AS signedAt, s.signed_by AS signedBy,
	u.display_name AS signedByName, s.note, s.framework_version AS frameworkVersion, s.revisions, s.override_reason AS overrideReason
	FROM competency_signoffs s JOIN users u ON u.id = s.signed_by`;

function parse(r: Record<string, unknown>): UserSignoff {
	return { ...(r as unknown as UserSignoff), revisions: JSON.parse(r.revisions as string) as Record<string, number> };
}

/** Sign-offs in force (not revoked, not superseded) of the given people. */
export function listActiveSignoffs(store: Store, userIds: readonly number[]): UserSignoff[] {
	if (userIds.length === 0) return [];
	return (store.db.$client.prepare(`${SELECT} WHERE s.ended_at IS NULL AND s.user_id IN (${placeholders(userIds.length)})`).all(...userIds) as Record<string, unknown>[]).map(parse);
}

export function findActiveSignoff(store: Store, userId: number, competencyId: string): UserSignoff | null {
	const r = store.db.$client.prepare(`${SELECT} WHERE s.ended_at IS NULL AND s.user_id = ? AND s.competency_id = ?`).get(userId, competencyId) as Record<string, unknown> | undefined;
	return r ? parse(r) : null;
}

export interface NewSignoff {
	userId: number;
	competencyId: string;
	signedBy: number;
	signedAt: number;
	note: string;
	frameworkVersion: number;
	revisions: Record<string, number>;
	evidence: unknown;
	requirementsMet: boolean;
	overrideReason: string | null;
}

/** Inserts a sign-off; the partial unique index refuses a second active one (SQLITE_CONSTRAINT_UNIQUE). */
export function insertSignoff(store: Store, s: NewSignoff): number {
	return Number(
		store.db.$client
			.prepare(
				`INSERT INTO competency_signoffs (user_id, competency_id, signed_by, signed_at, note, framework_version, revisions, evidence, requirements_met, override_reason)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(s.userId, s.competencyId, s.signedBy, s.signedAt, s.note, s.frameworkVersion, JSON.stringify(s.revisions), JSON.stringify(s.evidence), s.requirementsMet ? 1 : 0, s.overrideReason).lastInsertRowid
	);
}

/** Ends an active sign-off once; returns false when it was already ended (someone else got there first). */
export function endSignoff(store: Store, id: number, e: { at: number; by: number; kind: 'revoked' | 'superseded'; reason: string }): boolean {
	return (
		store.db.$client
			.prepare('UPDATE competency_signoffs SET ended_at = ?, ended_by = ?, end_kind = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL')
			.run(e.at, e.by, e.kind, e.reason, id).changes === 1
	);
}

export interface HistoryEntry {
	kind: 'sign-off' | 're-sign-off' | 'revocation';
	at: number;
	competencyId: string;
	byName: string;
	text: string;
	signoffId: number;
	frameworkVersion: number;
	overrideReason: string | null;
}

/** A person's sign-off history, newest first: sign-offs (re-sign-offs when an earlier one existed) and revocations. */
export function signoffHistory(store: Store, userId: number): HistoryEntry[] {
	const rows = store.db.$client
		.prepare(
			`SELECT s.id, s.competency_id AS competencyId, s.signed_at AS signedAt, su.display_name AS signedByName, s.note, s.framework_version AS frameworkVersion,
				s.override_reason AS overrideReason, s.ended_at AS endedAt, eu.display_name AS endedByName, s.end_kind AS endKind, s.end_reason AS endReason
			 FROM competency_signoffs s JOIN users su ON su.id = s.signed_by LEFT JOIN users eu ON eu.id = s.ended_by
			 WHERE s.user_id = ? ORDER BY s.signed_at, s.id`
		)
		.all(userId) as {
		id: number;
		competencyId: string;
		signedAt: number;
		signedByName: string;
		note: string;
		frameworkVersion: number;
		overrideReason: string | null;
		endedAt: number | null;
		endedByName: string | null;
		endKind: string | null;
		endReason: string | null;
	}[];
	const seen = new Set<string>();
	const out: HistoryEntry[] = [];
	for (const r of rows) {
		const base = { competencyId: r.competencyId, signoffId: r.id, frameworkVersion: r.frameworkVersion, overrideReason: r.overrideReason };
		out.push({ ...base, kind: seen.has(r.competencyId) ? 're-sign-off' : 'sign-off', at: r.signedAt, byName: r.signedByName, text: r.note });
		seen.add(r.competencyId);
		if (r.endedAt !== null && r.endKind === 'revoked') out.push({ ...base, kind: 'revocation', at: r.endedAt, byName: r.endedByName ?? '', text: r.endReason ?? '', overrideReason: null });
	}
	return out.sort((a, b) => b.at - a.at || b.signoffId - a.signoffId);
}

export interface OpenRequest {
	id: number;
	userId: number;
	userName: string;
	teamId: number | null;
	competencyId: string;
	requestedAt: number;
}

/** Open sign-off requests, of one team (or everyone when teamId is undefined). */
export function listOpenRequests(store: Store, opts: { teamId?: number | null; userId?: number } = {}): OpenRequest[] {
	const where = ['r.closed_at IS NULL', 'u.active = 1'];
	const args: number[] = [];
	if (opts.teamId !== undefined && opts.teamId !== null) {
		where.push('u.team_id = ?');
		args.push(opts.teamId);
	}
	if (opts.userId !== undefined) {
		where.push('r.user_id = ?');
		args.push(opts.userId);
	}
	return store.db.$client
		.prepare(
			`SELECT r.id, r.user_id AS userId, u.display_name AS userName, u.team_id AS teamId, r.competency_id AS competencyId, r.requested_at AS requestedAt
			 FROM signoff_requests r JOIN users u ON u.id = r.user_id WHERE ${where.join(' AND ')} ORDER BY r.requested_at`
		)
		.all(...args) as OpenRequest[];
}

export function insertRequest(store: Store, userId: number, competencyId: string, at: number): number {
	return Number(store.db.$client.prepare('INSERT INTO signoff_requests (user_id, competency_id, requested_at) VALUES (?, ?, ?)').run(userId, competencyId, at).lastInsertRowid);
}

export function closeRequests(store: Store, userId: number, competencyId: string, at: number, reason: string): void {
	store.db.$client.prepare('UPDATE signoff_requests SET closed_at = ?, closed_reason = ? WHERE user_id = ? AND competency_id = ? AND closed_at IS NULL').run(at, reason, userId, competencyId);
}

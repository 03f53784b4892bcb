/**
 * The outbox of xAPI statements: written in the same transaction as the change they describe, sent
 * to the LRS after the commit, retried with backoff until accepted — a failed POST loses nothing.
 */
import type { Store } from '../store';
import type { Statement } from '$lib/xapi/statements';

/** Queues statements (inside the caller's transaction); a statement id already queued is ignored. */
export function enqueueStatements(store: Store, source: string, statements: readonly Statement[], at: number): void {
	const insert = store.db.$client.prepare('INSERT OR IGNORE INTO xapi_outbox (statement_id, source, body, created_at, tries, next_try_at) VALUES (?, ?, ?, ?, 0, ?)');
	for (const s of statements) insert.run(s.id, source, JSON.stringify(s), at, at);
}

export interface PendingStatement {
	id: number;
	body: string;
	tries: number;
}

export function pendingStatements(store: Store, now: number, limit = 50): PendingStatement[] {
	return store.db.$client
		.prepare('SELECT id, body, tries FROM xapi_outbox WHERE sent_at IS NULL AND next_try_at <= ? ORDER BY id LIMIT ?')
		.all(now, limit) as PendingStatement[];
}

export function markSent(store: Store, ids: readonly number[], at: number): void {
	const stmt = store.db.$client.prepare('UPDATE xapi_outbox SET sent_at = ?, tries = tries + 1, last_error = NULL WHERE id = ?');
	store.db.$client.transaction(() => ids.forEach((id) => stmt.run(at, id)))();
}

/** Backoff: 30 s doubling per failure, capped at an hour. */
export function markFailed(store: Store, rows: readonly PendingStatement[], at: number, error: string): void {
	const stmt = store.db.$client.prepare('UPDATE xapi_outbox SET tries = tries + 1, next_try_at = ?, last_error = ? WHERE id = ?');
	store.db.$client.transaction(() => rows.forEach((r) => stmt.run(at + Math.min(3_600_000, 30_000 * 2 ** r.tries), error.slice(0, 500), r.id)))();
}

export function outboxCounts(store: Store): { pending: number; sent: number; failing: number } {
	return store.db.$client
		.prepare("SELECT count(*) FILTER (WHERE sent_at IS NULL) AS pending, count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent, count(*) FILTER (WHERE sent_at IS NULL AND tries > 0) AS failing FROM xapi_outbox")
		.get() as { pending: number; sent: number; failing: number };
}

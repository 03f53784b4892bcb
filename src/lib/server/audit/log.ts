/** Appending to the audit log: call inside mutate() so the row commits with the change it records. */
import { now } from '../clock';
import { readHead, type Store } from '../store';
import { rowHash, type AuditRowContent } from './chain';

export interface AuditEntry {
	actor: { id: number; username: string } | null;
	action: string;
	target?: string | null;
	summary: Record<string, unknown> | string;
	at?: number;
}

/** Records one state change: who, what, on what, a summary of the change, when. */
export function audit(store: Store, entry: AuditEntry): void {
	if (!store.db.$client.inTransaction) throw new Error('audit() must run inside mutate()');
	const head = readHead(store);
	const row: AuditRowContent = {
		at: entry.at ?? now(),
		actorId: entry.actor?.id ?? null,
		actorUsername: entry.actor?.username ?? null,
		action: entry.action,
		target: entry.target ?? null,
		summary: typeof entry.summary === 'string' ? entry.summary : JSON.stringify(entry.summary)
	};
	const hash = rowHash(store.auditKey, head.hash, row);
	store.db.$client
		.prepare('INSERT INTO audit_log (at, actor_id, actor_username, action, target, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
		.run(row.at, row.actorId, row.actorUsername, row.action, row.target, row.summary, head.hash, hash);
	store.head = { count: head.count + 1, hash };
	store.dirtyCheckpoint = true;
}

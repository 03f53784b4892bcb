/** Reading the audit log (newest first) for supervisors and administrators. */
import type { Store } from '../store';

export interface AuditView {
	id: number;
	at: number;
	actorUsername: string | null;
	action: string;
	target: string | null;
	summary: string;
}

export function recentAudit(store: Store, opts: { before?: number; action?: string; limit?: number } = {}): AuditView[] {
	const where: string[] = [];
	const args: (string | number)[] = [];
	if (opts.before) {
		where.push('id < ?');
		args.push(opts.before);
	}
	if (opts.action) {
		where.push('action LIKE ?');
		args.push(`${opts.action}%`);
	}
	args.push(opts.limit ?? 50);
	return store.db.$client
		.prepare(
			`SELECT id, at, actor_username AS actorUsername, action, target, summary FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
		)
		.all(...args) as AuditView[];
}

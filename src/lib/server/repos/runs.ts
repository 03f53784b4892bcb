/** Listing procedure runs ("My runs", "Runs in my office"). */
import type { Store } from '../store';

export interface RunListItem {
	id: number;
	procedure: string;
	subject: string | null;
	status: string;
	stepId: string | null;
	ownerName: string;
	startedAt: number;
	updatedAt: number;
	abandonReason: string | null;
}

const STATUSES = ['in_progress', 'awaiting_verification', 'completed', 'abandoned'] as const;

export function listRuns(store: Store, opts: { ownerId?: number; status?: string; limit?: number }): RunListItem[] {
	// Training attempts have their own pages (/practice): "My runs" lists live work only.
	const where: string[] = ["r.kind = 'live'"];
	const args: (string | number)[] = [];
	if (opts.ownerId !== undefined) {
		where.push('r.owner_id = ?');
		args.push(opts.ownerId);
	}
	if (opts.status && (STATUSES as readonly string[]).includes(opts.status)) {
		where.push('r.status = ?');
		args.push(opts.status);
	}
	args.push(opts.limit ?? 100);
	return store.db.$client
		.prepare(
			`SELECT r.id, r.procedure, r.subject, r.status, r.step_id AS stepId, u.display_name AS ownerName, r.started_at AS startedAt,
				r.updated_at AS updatedAt, r.abandon_reason AS abandonReason
			 FROM procedure_runs r JOIN users u ON u.id = r.owner_id WHERE ${where.join(' AND ')}
			 ORDER BY r.updated_at DESC, r.id DESC LIMIT ?`
		)
		.all(...args) as RunListItem[];
}

/** Drawers of the sandbox with whether a batch is open now. */
export function listDrawers(store: Store): { name: string; location: string; openBatchSince: string | null }[] {
	return store.db.$client
		.prepare(
			`SELECT d.name, d.location, (SELECT b.business_date FROM batches b WHERE b.drawer_id = d.id AND b.status = 'open' ORDER BY b.id DESC LIMIT 1) AS openBatchSince
			 FROM drawers d ORDER BY d.name`
		)
		.all() as { name: string; location: string; openBatchSince: string | null }[];
}

/** Ids (as strings, like run roles) of everyone with an applied step in a run. */
export function runParticipants(store: Store, runId: number): string[] {
	return (store.db.$client.prepare('SELECT DISTINCT actor_id AS id FROM run_events WHERE run_id = ? AND applied = 1').all(runId) as { id: number }[]).map((r) => String(r.id));
}

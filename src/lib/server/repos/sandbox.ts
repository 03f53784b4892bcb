/** Facts about the sandbox as a whole (its seed, date and size). */
import type { Store } from '../store';

export interface SandboxSummary {
	seed: string | null;
	today: string | null;
	accounts: number;
	locked: number;
	inbox: number;
}

export function sandboxSummary(store: Store): SandboxSummary {
	const db = store.db.$client;
	const meta = Object.fromEntries((db.prepare('SELECT key, value FROM sandbox_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
	const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
	return {
		seed: meta.seed ?? null,
		today: meta.today ?? null,
		accounts: count('SELECT count(*) AS n FROM accounts'),
		locked: count("SELECT count(*) AS n FROM accounts WHERE status = 'locked'"),
		inbox: count('SELECT count(*) AS n FROM payment_inbox WHERE posted_entry_id IS NULL')
	};
}

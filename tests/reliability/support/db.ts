/** Read-only looks into a server's database file (the tests' oracle; the server keeps writing in WAL). */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

export function runVersion(file: string, runId: number): number | null {
	return withDb(file, (db) => (db.prepare('SELECT version FROM procedure_runs WHERE id = ?').get(runId) as { version: number } | undefined)?.version ?? null);
}

/** Types of a run's applied events, in order (index i moved the run from version i+1 to i+2). */
export function appliedTypes(file: string, runId: number): string[] {
	return withDb(file, (db) => (db.prepare('SELECT type FROM run_events WHERE run_id = ? AND applied = 1 ORDER BY seq').all(runId) as { type: string }[]).map((r) => r.type));
}

/**
 * A digest of the state a request could change: every table except the append-only logs that record
 * refused attempts by design (audit log, login throttle, refused run events).
 */
export function stateDigest(file: string): Map<string, string> {
	return withDb(file, (db) => {
		const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name").all() as { name: string; sql: string }[];
		const out = new Map<string, string>();
		const skip = new Set(['audit_log', 'login_throttle', '__drizzle_migrations']);
		db.transaction(() => {
			for (const { name, sql } of tables) {
				if (skip.has(name)) continue;
				const where = name === 'run_events' ? ' WHERE applied = 1' : '';
				// A WITHOUT ROWID table is scanned in primary-key order already.
				const order = /without\s+rowid/i.test(sql) ? '' : ' ORDER BY rowid';
				const rows = db.prepare(`SELECT * FROM ${name}${where}${order}`).raw().all();
				out.set(name, `${rows.length}:${hash(JSON.stringify(rows))}`);
			}
		})();
		return out;
	});
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex');

/** Tables whose digest differs between two snapshots. */
export function changedTables(a: Map<string, string>, b: Map<string, string>): string[] {
	return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
}

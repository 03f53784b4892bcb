/** Opens the embedded SQLite database (WAL, foreign keys, busy timeout) and applies migrations. */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Distinct SQL texts kept compiled; past this the cache starts again (IN-lists make texts vary). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Makes `prepare` reuse compiled statements: the repos prepare their SQL on every call, and compiling
 * costs more than running most of these indexed queries (npm run bench). A reused statement comes
 * back in its default mode (a caller may have asked for raw or plucked rows), and one still
 * iterating is not handed out again: the caller gets a fresh one.
 */
export function cacheStatements(sqlite: Database.Database): void {
	const compile = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		let stmt = cache.get(source);
		if (stmt?.busy) return compile(source);
		if (!stmt) {
			if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
			stmt = compile(source);
			cache.set(source, stmt);
		} else if (stmt.reader) {
			stmt.raw(false);
			stmt.pluck(false);
			stmt.expand(false);
		}
		return stmt;
	}) as Database.Database['prepare'];
}

/** Opens (creating if needed) a database file or ':memory:' and migrates it to the latest schema. */
export function openDatabase(file: string, migrationsFolder: string): Db {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = drizzle(sqlite, { schema }) as Db;
	migrate(db, { migrationsFolder });
	cacheStatements(sqlite);
	return db;
}

/**
 * The process's database handle plus the audit chain state, and `mutate()`: the one way state
 * changes are written — a synchronous transaction whose audit rows get their checkpoint written
 * only after the commit succeeds.
 */
import { config } from './config';
import { openDatabase, type Db } from './db/client';
import { loadOrCreateKey, writeCheckpoint, GENESIS } from './audit/chain';

export interface Store {
	db: Db;
	auditKey: Buffer;
	/** Null for in-memory test stores. */
	checkpointFile: string | null;
	/** Head written by the current transaction, for the checkpoint after commit. */
	head: { count: number; hash: string } | null;
	dirtyCheckpoint: boolean;
}

let current: Store | null = null;

/** Builds a store around an open database (tests pass an in-memory one). */
export function createStore(db: Db, auditKey: Buffer, checkpointFile: string | null): Store {
	return { db, auditKey, checkpointFile, head: null, dirtyCheckpoint: false };
}

/** The process-wide store, opened and migrated on first use (never during a build: hooks' init skips it). */
export function getStore(): Store {
	if (!current) {
		const db = openDatabase(config.databaseFile, config.migrationsDir);
		current = createStore(db, loadOrCreateKey(config.auditKeyFile), config.auditCheckpointFile);
	}
	return current;
}

/** Replaces the process-wide store (tests). */
export function setStore(store: Store | null): void {
	current = store;
}

/**
 * Reads the chain head. Row ids are contiguous from 1 (AUTOINCREMENT inside transactions, and a
 * trigger forbids deletes), so the last id is the row count without a table scan.
 */
export function readHead(store: Store): { count: number; hash: string } {
	const row = store.db.$client.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
	return row ? { count: row.id, hash: row.hash } : { count: 0, hash: GENESIS };
}

/** Runs `fn` in one synchronous transaction; after commit, writes the audit checkpoint if rows were added. */
export function mutate<T>(store: Store, fn: (db: Db) => T): T {
	const sqlite = store.db.$client;
	// Nested call: the outer mutate() commits and writes the checkpoint.
	if (sqlite.inTransaction) return fn(store.db);
	let result: T;
	store.dirtyCheckpoint = false;
	try {
		result = sqlite.transaction(() => fn(store.db))();
	} catch (err) {
		store.dirtyCheckpoint = false;
		throw err;
	}
	if (store.dirtyCheckpoint && store.checkpointFile && store.head) {
		writeCheckpoint(store.checkpointFile, { ...store.head, at: Date.now() });
	}
	store.dirtyCheckpoint = false;
	return result;
}

// `npm run backup -- <file>`: an online backup of the configured database (DATABASE_URL), safe while
// the server is serving. SQLite's backup API copies the pages in one step under a read transaction,
// so the copy is one consistent moment even while writers commit (WAL). The copy is then checked —
// `PRAGMA integrity_check`, and its audit chain verified against the live checkpoint taken before
// the copy began — and gets its own checkpoint (`<file>.audit-checkpoint`) at the copy's head, so a
// later truncation of the backup is detectable. The audit key is NOT copied: it is the secret that
// makes the chain tamper-evident, so it is kept apart from the data (see README "Backup and restore").
import Database from 'better-sqlite3';
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { config } from '../src/lib/server/config';
import { GENESIS, loadOrCreateKey, readCheckpoint, verifyChain, writeCheckpoint, type StoredAuditRow } from '../src/lib/server/audit/chain';

function die(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!arg) die('Usage: npm run backup -- <backup-file>', 2);
const target = resolve(arg);
const checkpointFile = `${target}.audit-checkpoint`;
if (target === config.databaseFile) die('The backup file must not be the live database.', 2);
if (existsSync(target) || existsSync(checkpointFile)) die(`${target} already exists: choose a new file name (backups are never overwritten).`, 2);
if (!existsSync(config.databaseFile)) die(`No database at ${config.databaseFile} (set DATABASE_URL).`, 2);
if (!existsSync(config.auditKeyFile)) die(`No audit key at ${config.auditKeyFile}: the copy's audit log could not be verified.`, 2);

const started = Date.now();
const liveCheckpoint = readCheckpoint(config.auditCheckpointFile);
const partial = `${target}.partial`;
rmSync(partial, { force: true });

const source = new Database(config.databaseFile, { readonly: true, fileMustExist: true });
source.pragma('busy_timeout = 5000');
try {
	// Returning the page count makes the rest of the copy a single step: a concurrent write then
	// cannot restart the backup over and over, and the copy is one snapshot.
	await source.backup(partial, { progress: ({ totalPages }) => totalPages + 1 });
} catch (e) {
	rmSync(partial, { force: true });
	die(`Backup failed: ${(e as Error).message}`);
} finally {
	source.close();
}

const copy = new Database(partial, { fileMustExist: true });
const failures: string[] = [];
const integrity = copy.pragma('integrity_check', { simple: true });
if (integrity !== 'ok') failures.push(`integrity check: ${String(integrity)}`);
const rows = copy
	.prepare('SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, action, target, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
	.iterate() as IterableIterator<StoredAuditRow>;
const report = verifyChain(rows, loadOrCreateKey(config.auditKeyFile), liveCheckpoint);
failures.push(...report.problems.map((p) => `audit log: ${p}`));
const head = (copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: GENESIS };
// A backup is one self-contained file: no -wal/-shm beside it.
copy.pragma('journal_mode = DELETE');
copy.close();
if (failures.length) {
	rmSync(partial, { force: true });
	die(`Backup refused — the copy did not check out:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
}

renameSync(partial, target);
// Staff records and password hashes: readable by the owner only, like the live database's key.
chmodSync(target, 0o600);
writeCheckpoint(checkpointFile, { count: head.id, hash: head.hash, at: Date.now() });
const mb = (statSync(target).size / 1048576).toFixed(1);
console.log(`Backup written: ${target} (${mb} MB, ${Date.now() - started} ms)`);
console.log(`  integrity check ok; audit log ${report.rows} rows verified${liveCheckpoint ? ` (live checkpoint at row ${liveCheckpoint.count} matches)` : ''}`);
console.log(`  audit checkpoint of this copy: ${checkpointFile} (row ${head.id})`);
console.log(`  the audit key is not in the backup: keep ${config.auditKeyFile} safe and separate.`);

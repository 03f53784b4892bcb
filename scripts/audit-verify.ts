// `npm run audit:verify [-- path/to/db]`: checks the audit log's hash chain and its checkpoint file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { config } from '../src/lib/server/config';
import { loadOrCreateKey, readCheckpoint, verifyChain, type StoredAuditRow } from '../src/lib/server/audit/chain';

const dbFile = process.argv[2] ? resolve(process.argv[2]) : config.databaseFile;
const keyFile = process.argv[2] ? `${dbFile}.audit-key` : config.auditKeyFile;
const checkpointFile = process.argv[2] ? `${dbFile}.audit-checkpoint` : config.auditCheckpointFile;

if (!existsSync(dbFile)) {
	console.error(`No database at ${dbFile}`);
	process.exit(2);
}
if (!existsSync(keyFile)) {
	console.error(`No audit key at ${keyFile}: cannot verify.`);
	process.exit(2);
}
const db = new Database(dbFile, { readonly: true, fileMustExist: true });
const rows = db
	.prepare('SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, action, target, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
	.iterate() as IterableIterator<StoredAuditRow>;
const checkpoint = readCheckpoint(checkpointFile);
const report = verifyChain(rows, loadOrCreateKey(keyFile), checkpoint);
db.close();
if (!checkpoint) console.warn(`No checkpoint at ${checkpointFile}: truncation cannot be detected.`);
if (report.ok) {
	console.log(`Audit log OK: ${report.rows} rows, chain intact${checkpoint ? `, checkpoint at row ${checkpoint.count} matches` : ''}.`);
} else {
	console.error(`Audit log FAILED verification (${report.rows} rows):`);
	for (const p of report.problems) console.error(`  - ${p}`);
	process.exit(1);
}

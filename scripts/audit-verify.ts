// `npm run audit:verify [-- path/to/copy.db] [--key FILE] [--checkpoint FILE]`: checks the audit log's
// hash chain and its checkpoint. Without a path it checks the configured database. With a path (a
// copy or a backup) it uses the key and checkpoint beside that file (`<copy>.audit-key`,
// `<copy>.audit-checkpoint`); a backup carries no key (the key is the secret), so the deployment's
// key is used when none lies beside the copy. Exit codes: 0 intact, 1 tampered, 2 cannot check.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';
import { loadOrCreateKey, readCheckpoint, verifyChain, type StoredAuditRow } from '../src/lib/server/audit/chain';

const { values: opts, positionals } = parseArgs({ options: { key: { type: 'string' }, checkpoint: { type: 'string' } }, allowPositionals: true });
const copy = positionals[0] ? resolve(positionals[0]) : null;
const dbFile = copy ?? config.databaseFile;
const besideKey = copy && existsSync(`${copy}.audit-key`) ? `${copy}.audit-key` : null;
const keyFile = opts.key ? resolve(opts.key) : copy ? (besideKey ?? config.auditKeyFile) : config.auditKeyFile;
const checkpointFile = opts.checkpoint ? resolve(opts.checkpoint) : copy ? `${copy}.audit-checkpoint` : config.auditCheckpointFile;

if (!existsSync(dbFile)) {
	console.error(`No database at ${dbFile}`);
	process.exit(2);
}
if (!existsSync(keyFile)) {
	console.error(`No audit key at ${keyFile}: cannot verify (pass --key FILE).`);
	process.exit(2);
}
if (copy && !opts.key && !besideKey) console.log(`Using the deployment's audit key ${keyFile}.`);
let checkpoint;
try {
	checkpoint = readCheckpoint(checkpointFile);
} catch (e) {
	console.error(`Audit log FAILED verification: ${(e as Error).message}`);
	process.exit(1);
}
const db = new Database(dbFile, { readonly: true, fileMustExist: true });
const rows = db
	.prepare('SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, action, target, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
	.iterate() as IterableIterator<StoredAuditRow>;
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

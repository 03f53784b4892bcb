/**
 * `npm run audit:verify` at the command line (issue 8): on copies of a database whose audit log was
 * tampered with — a row edited, a row deleted, the tail cut off — it exits 1 and names each problem;
 * an intact copy verifies; without its key it cannot check (exit 2).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '$lib/server/db/client';
import { createStore, mutate } from '$lib/server/store';
import { audit } from '$lib/server/audit/log';
import { loadOrCreateKey } from '$lib/server/audit/chain';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'counterline-audit-'));
const original = join(dir, 'live.db');
const ROWS = 12;

/** The intact copy goes through `npm run audit:verify` itself; the rest run the same script directly (faster). */
const verify = (args: string[], env: Record<string, string>, via: 'npm' | 'node' = 'node') => cli('audit:verify', args, env, via);

/** A copy of the live database with its key and checkpoint beside it, then `sql` run on it (triggers that guard the log dropped first, as an attacker with the file would). */
function tamperedCopy(name: string, sql: string): string {
	const file = join(dir, `${name}.db`);
	copyFileSync(original, file);
	copyFileSync(`${original}.audit-key`, `${file}.audit-key`);
	copyFileSync(`${original}.audit-checkpoint`, `${file}.audit-checkpoint`);
	const db = new Database(file);
	db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
	db.exec(sql);
	db.close();
	return file;
}

beforeAll(() => {
	const db = openDatabase(original, 'drizzle');
	const store = createStore(db, loadOrCreateKey(`${original}.audit-key`), `${original}.audit-checkpoint`);
	for (let i = 1; i <= ROWS; i++) mutate(store, () => audit(store, { actor: { id: 1, username: 'csr1' }, action: 'run.step', target: `run:${i}`, summary: { step: i }, at: 1_790_000_000_000 + i }));
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run audit:verify on tampered copies', () => {
	test('intact, edited, deleted, truncated, no key, broken checkpoint: each reported as what it is', async () => {
		const cases = {
			intact: tamperedCopy('intact', 'SELECT 1'),
			edited: tamperedCopy('edited', "UPDATE audit_log SET summary = '{\"step\":99}' WHERE id = 5"),
			deleted: tamperedCopy('deleted', 'DELETE FROM audit_log WHERE id = 7'),
			truncated: tamperedCopy('truncated', `DELETE FROM audit_log WHERE id > ${ROWS - 2}`),
			rehashed: tamperedCopy('rehashed', "UPDATE audit_log SET summary = 'x', hash = lower(hex(randomblob(32))) WHERE id = 3"),
			noKey: tamperedCopy('no-key', 'SELECT 1'),
			badCheckpoint: tamperedCopy('bad-checkpoint', 'SELECT 1')
		};
		rmSync(`${cases.noKey}.audit-key`);
		writeFileSync(`${cases.badCheckpoint}.audit-checkpoint`, '{"count": "many"');
		// No deployment key to fall back on for the copy without one.
		const noDeployment = { DATABASE_URL: join(dir, 'elsewhere', 'none.db') };
		const [intact, edited, deleted, truncated, rehashed, noKey, badCheckpoint] = await Promise.all(Object.values(cases).map((f, i) => verify([f], noDeployment, i === 0 ? 'npm' : 'node')));

		expect(intact.code, intact.output).toBe(0);
		expect(intact.output).toContain(`Audit log OK: ${ROWS} rows, chain intact, checkpoint at row ${ROWS} matches.`);

		expect(edited.code).toBe(1);
		expect(edited.output).toMatch(/row 5: content does not match its hash \(edited\)/);

		expect(deleted.code).toBe(1);
		expect(deleted.output).toMatch(/row 8: previous-hash link broken/);

		expect(truncated.code).toBe(1);
		expect(truncated.output).toMatch(new RegExp(`log has ${ROWS - 2} rows but the checkpoint recorded ${ROWS}.*truncated`));

		expect(rehashed.code, 'a row edited with a new hash made up without the key').toBe(1);
		expect(rehashed.output).toMatch(/row 3: content does not match its hash/);

		expect(noKey.code).toBe(2);
		expect(noKey.output).toMatch(/No audit key/);

		expect(badCheckpoint.code).toBe(1);
		expect(badCheckpoint.output).toMatch(/FAILED/);
	}, 60_000);
});

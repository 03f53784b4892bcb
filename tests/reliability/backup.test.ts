/**
 * Backup and restore (issue 8): `npm run backup -- <file>` copies the live database while the
 * server serves an office at work (steps committing all the while). Each copy passes
 * `PRAGMA integrity_check`, is a consistent moment (every run matches its event log, audit rows and
 * sandbox effects), carries its own audit checkpoint and verifies with `npm run audit:verify`; the
 * app starts on a restored copy with all its data — sessions, runs in progress — and carries on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServer } from './support/server';
import { cli } from './support/cli';
import { PORTS } from './support/ports';
import { SCALE } from './support/scale';
import { rng, SEED } from './support/random';
import { signInPairs } from './support/people';
import { describeAttempts, emptyLog, Office } from './support/office';
import { Client } from './support/http';
import { applied, LiveRun, readRunPage, stepFields } from './support/live-run';
import { countFields, FLOAT } from './support/drivers/drawer-opening';
import { DRIVERS } from './support/drivers';
import { checkConsistency, worldBaseline, type Baseline } from './support/consistency';
import { changedTables, stateDigest, withDb } from './support/db';

const server = testServer({ port: PORTS.backup, accounts: SCALE.backupAccounts });
const out = mkdtempSync(join(tmpdir(), 'counterline-backups-'));
let office: Office;
let base: Baseline;
let parked = 0;

/** The backup and verification commands, against the live server's configuration. */
const run = (script: string, args: string[], env: Record<string, string> = {}, via: 'npm' | 'node' = 'node') => cli(script, args, { DATABASE_URL: server.dbFile, ...env }, via);

beforeAll(async () => {
	await server.start();
	base = worldBaseline(server.dbFile);
	office = new Office(await signInPairs(server.url), rng(SEED));
});
afterAll(async () => {
	await server.dispose();
	rmSync(out, { recursive: true, force: true });
});

describe('npm run backup under load', () => {
	const backups: { file: string; count: number }[] = [];

	test('two online backups while the office keeps committing steps', async () => {
		let stop = false;
		const log = emptyLog();
		const load = office.workAll(() => !stop, log);
		// Readers too: account search and pages while the copy is taken.
		const reads: number[] = [];
		const reader = (async () => {
			const c = office.people[0].second;
			while (!stop) reads.push((await c.get('/accounts?q=smith')).status, (await c.get('/runs')).status);
		})();
		await new Promise((r) => setTimeout(r, 1500));
		// A run parked mid-way (counted, waiting for its verifier) that the restore must bring back.
		const park = await office.people[0].owner.post('/drawer?/open', { drawer: 'Counter 3' });
		parked = Number(/\/runs\/(\d+)$/.exec(park.location ?? '')?.[1]);
		expect((await office.people[0].owner.post(`/runs/${parked}?/step`, stepFields(1, { action: 'float.counted', as: 'owner', fields: countFields(FLOAT) }))).status).toBe(303);
		for (const name of ['first.db', 'second.db']) {
			const before = log.acked.length;
			const r = await run('backup', [join(out, name)], {}, 'npm');
			expect(r.code, r.output).toBe(0);
			expect(r.output).toMatch(/integrity check ok; audit log \d+ rows verified/);
			expect(log.acked.length, 'steps kept committing during the backup').toBeGreaterThan(before);
			const cp = JSON.parse(readFileSync(join(out, `${name}.audit-checkpoint`), 'utf8')) as { count: number };
			backups.push({ file: join(out, name), count: cp.count });
			console.log(`backup ${name}: ${(statSync(join(out, name)).size / 1048576).toFixed(1)} MB in ${r.ms} ms (npm + tsx start included), ${log.acked.length - before} steps committed meanwhile`);
			await new Promise((r) => setTimeout(r, 1000));
		}
		stop = true;
		await Promise.all([load, reader]);
		expect(describeAttempts([...log.unanswered, ...log.unexpected])).toEqual([]);
		expect(reads.filter((s) => s !== 200)).toEqual([]);
		expect(backups[1].count).toBeGreaterThan(backups[0].count);
	}, 300_000);

	test('each copy passes the integrity check and is one consistent moment', () => {
		for (const b of backups) {
			expect(withDb(b.file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
			expect(existsSync(`${b.file}-wal`), 'a backup is one self-contained file').toBe(false);
			const report = checkConsistency(b.file, base);
			expect(report.problems).toEqual([]);
			expect(report.appliedEvents).toBeGreaterThan(0);
		}
	});

	test('each copy verifies against its own checkpoint; an older copy fails against a newer checkpoint (truncation)', async () => {
		const [own0, own1, mixed, implicit] = await Promise.all([
			run('audit:verify', [backups[0].file, '--key', server.keyFile], {}, 'npm'),
			run('audit:verify', [backups[1].file, '--key', server.keyFile]),
			run('audit:verify', [backups[0].file, '--key', server.keyFile, '--checkpoint', `${backups[1].file}.audit-checkpoint`]),
			// Without --key the deployment's key (AUDIT_KEY_FILE, beside DATABASE_URL) is used.
			run('audit:verify', [backups[0].file])
		]);
		for (const [r, b] of [
			[own0, backups[0]],
			[own1, backups[1]]
		] as const) {
			expect(r.code, r.output).toBe(0);
			expect(r.output).toContain(`checkpoint at row ${b.count} matches`);
		}
		expect(mixed.code).toBe(1);
		expect(mixed.output).toMatch(/truncated/);
		expect(implicit.code, implicit.output).toBe(0);
	});

	test('a backup never overwrites an existing file', async () => {
		const r = await run('backup', [backups[0].file]);
		expect(r.code).toBe(2);
		expect(r.output).toMatch(/already exists/);
	});
});

/** The same person's browser, pointed at another server (the cookie came with the backup's sessions). */
function moveClient(c: Client, base: string): Client {
	return Object.assign(new Client(base), { cookie: c.cookie, username: c.username });
}

describe('restore', () => {
	const restoreDir = mkdtempSync(join(tmpdir(), 'counterline-restore-'));
	const restored = testServer({ port: PORTS.restore, dir: restoreDir });
	afterAll(async () => {
		await restored.dispose();
		rmSync(restoreDir, { recursive: true, force: true });
	});

	test('the app starts on the restored copy with all its data, sessions and runs, and carries on', async () => {
		const backup = join(out, 'second.db');
		copyFileSync(backup, restored.dbFile);
		copyFileSync(`${backup}.audit-checkpoint`, restored.checkpointFile);
		copyFileSync(server.keyFile, restored.keyFile);
		await server.stop();
		const expected = stateDigest(backup);
		await restored.start();
		expect(changedTables(expected, stateDigest(restored.dbFile)), 'tables that differ from the backup after starting on it').toEqual([]);

		// Sessions from before the backup still work; every run left open resumes where it was.
		const people = office.people.map((p) => ({ owner: moveClient(p.owner, restored.url), second: moveClient(p.second, restored.url) }));
		expect((await people[0].owner.get('/runs')).status).toBe(200);
		expect(readRunPage((await people[0].owner.get(`/runs/${parked}`)).body)).toMatchObject({ version: 2, offered: ['float.verified'] });
		const open = withDb(restored.dbFile, (db) => db.prepare("SELECT id FROM procedure_runs WHERE status NOT IN ('completed', 'abandoned')").all() as { id: number }[]);
		for (const { id } of open) {
			const before = id === parked ? null : office.run(id);
			const pair = before ? people[office.people.indexOf(before.people)] : people[0];
			const run = new LiveRun(before?.driver ?? DRIVERS[0], before?.plan ?? { procedure: 'drawer-opening', runId: id, notes: {} }, pair);
			const a = await run.step(rng(SEED));
			expect(a !== 'finished' && applied(a), `run ${id} on the restored server: ${a === 'finished' ? 'nothing to do' : `${a.outcome?.status} ${a.outcome?.message}`}`).toBe(true);
		}
		expect(open.length).toBeGreaterThan(0);
		console.log(`restore: ${open.length} runs open in the backup all moved on a step on the restored server`);
		expect(checkConsistency(restored.dbFile, base).problems).toEqual([]);
		await restored.stop();
		const verify = await run('audit:verify', [], { DATABASE_URL: restored.dbFile });
		expect(verify.code, verify.output).toBe(0);
		expect(withDb(restored.dbFile, (db) => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n)).toBeGreaterThan(
			JSON.parse(readFileSync(`${backup}.audit-checkpoint`, 'utf8')).count
		);
		expect(withDb(restored.dbFile, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
	}, 120_000);
});

/**
 * Crash and resume (issue 8): live runs are driven over HTTP by several people at once while the
 * server is killed with SIGKILL — at the runner's test-only kill points (inside a step's
 * transaction just before its commit; just after the commit, before the response) and at random
 * moments. After each restart: every step a client was told succeeded is still there; the step at a
 * kill point is absent (before commit) or present (after commit); every unanswered step, retried by
 * its client with the same row version, is either applied now or refused as already applied; the
 * database is consistent (see support/consistency.ts) and the audit chain verifies. At the end every
 * run is resumed and finished.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { SCALE } from './support/scale';
import { rng, SEED } from './support/random';
import { signInPairs } from './support/people';
import { applied } from './support/live-run';
import { describeAttempts, emptyLog, Office } from './support/office';
import { auditProblems, checkConsistency, worldBaseline, type Baseline } from './support/consistency';
import { appliedTypes, runVersion, withDb } from './support/db';

const server = testServer({ port: PORTS.crash });
const random = rng(SEED);
let base: Baseline;
let office: Office;

type Kind = 'before-commit' | 'after-commit' | 'random';
const KINDS: Kind[] = ['before-commit', 'after-commit', 'random'];
const ALREADY = /already submitted/;

beforeAll(async () => {
	await server.start();
	base = worldBaseline(server.dbFile);
	office = new Office(await signInPairs(server.url), random);
	await server.stop();
});
afterAll(() => server.dispose());

test(`runs survive ${SCALE.kills} SIGKILLs (kill points before and after commit, random moments) and all resume`, async () => {
	const stats = { kills: { 'before-commit': 0, 'after-commit': 0, random: 0 } as Record<Kind, number>, acked: 0, retriedApplied: 0, retriedAlready: 0 };
	const t0 = Date.now();
	for (let k = 0; k < SCALE.kills; k++) {
		const kind = KINDS[k % KINDS.length];
		const nth = 1 + Math.floor(random() * 4);
		await server.start(kind === 'random' ? {} : { COUNTERLINE_KILL_AT: `${kind}:${nth}` });
		let dead = false;
		const death = server.exited().then(() => {
			dead = true;
		});
		const timer = kind === 'random' ? setTimeout(() => void server.kill(), 20 + random() * 400) : null;
		const log = emptyLog();
		const workers = office.workAll(() => !dead, log);
		const watchdog = new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 30_000).unref());
		expect(await Promise.race([death.then(() => 'died' as const), watchdog]), `round ${k} (${kind}): the server never reached its kill point`).toBe('died');
		if (timer) clearTimeout(timer);
		await workers;
		const killedAt = /KILL-POINT (\S+) run=(\d+) version=(\d+)/.exec(server.stderr());
		stats.kills[kind]++;
		stats.acked += log.acked.length;
		expect(describeAttempts(log.unexpected), `round ${k} (${kind}), seed ${SEED}`).toEqual([]);

		await server.start();
		const db = server.dbFile;
		// No step a client was told had succeeded is lost.
		for (const a of log.acked) expect(appliedTypes(db, a.runId)[a.version - 1], `acknowledged step ${a.choice.action} of run ${a.runId} at v${a.version}`).toBe(a.choice.action);
		// The step at the kill point: not there before its commit, there after it — and its client never got an answer.
		if (kind !== 'random') {
			expect(killedAt?.[1]).toBe(kind);
			const runId = Number(killedAt![2]);
			const version = Number(killedAt![3]);
			expect(log.unanswered.some((a) => a.runId === runId && a.version === version)).toBe(true);
			expect(runVersion(db, runId)).toBe(kind === 'before-commit' ? version : version + 1);
		}
		// Every unanswered client retries the same post: applied now if the crash lost it, else refused as already applied.
		for (const a of log.unanswered) {
			const before = runVersion(db, a.runId);
			const retry = await office.run(a.runId).send(a.version, a.choice);
			if (before === a.version) {
				expect(applied(retry), `retry of ${a.choice.action} on run ${a.runId}: ${retry.outcome?.status} ${retry.outcome?.message}`).toBe(true);
				stats.retriedApplied++;
			} else {
				expect(retry.outcome?.status).toBe(409);
				expect(retry.outcome?.message).toMatch(ALREADY);
				stats.retriedAlready++;
			}
			if (killedAt && Number(killedAt[2]) === a.runId && Number(killedAt[3]) === a.version) expect(applied(retry)).toBe(kind === 'before-commit');
		}
		const report = checkConsistency(db, base);
		expect(report.problems, `after kill ${k + 1} (${kind})`).toEqual([]);
		expect(auditProblems(db, server.keyFile, server.checkpointFile)).toEqual([]);
		await server.stop();
	}

	// Every run resumes: a page that offers its current step, driven to the end.
	await server.start();
	const open = withDb(server.dbFile, (db) => db.prepare("SELECT id FROM procedure_runs WHERE status NOT IN ('completed', 'abandoned')").all() as { id: number }[]);
	for (const { id } of open) {
		const run = office.adopt(id, server.dbFile);
		for (let i = 0; i < 50; i++) {
			const a = await run.step(random);
			if (a === 'finished') break;
			expect(applied(a), `resuming run ${id}: ${a.outcome?.status} ${a.outcome?.message}`).toBe(true);
		}
	}
	const left = withDb(server.dbFile, (db) => db.prepare("SELECT id, status, step_id AS step FROM procedure_runs WHERE status <> 'completed'").all());
	expect(left).toEqual([]);
	const final = checkConsistency(server.dbFile, base);
	expect(final.problems).toEqual([]);
	expect(auditProblems(server.dbFile, server.keyFile, server.checkpointFile)).toEqual([]);
	expect(final.runs).toBeGreaterThan(0);
	console.log(
		`crash-resume (seed ${SEED}): ${SCALE.kills} kills ${JSON.stringify(stats.kills)}, ${final.runs} runs, ${final.appliedEvents} applied steps (${stats.acked} acknowledged while crashing), ` +
			`${final.effects} effects; unanswered steps retried: ${stats.retriedApplied} applied, ${stats.retriedAlready} refused as already applied; ${((Date.now() - t0) / 1000).toFixed(1)} s`
	);
}, 900_000);

test('the consistency check itself catches a half-applied step (tampered copies)', async () => {
	await server.stop();
	const tamperings: [string, string, RegExp][] = [
		['an applied event without its state', 'DELETE FROM run_events WHERE rowid = (SELECT max(rowid) FROM run_events WHERE applied = 1)', /row version|replayed|audit rows/],
		['an effect without its run', "INSERT INTO incident_reports (at, reported_by, run_id, summary) VALUES (0, 1, NULL, 'orphan')", /incident_reports: \d+ rows written/],
		['a run step without its effect', 'DELETE FROM incident_reports WHERE rowid = (SELECT max(rowid) FROM incident_reports)', /incident_reports/],
		['a state without its audit row', "UPDATE procedure_runs SET version = version + 1 WHERE id = (SELECT min(id) FROM procedure_runs)", /row version/]
	];
	for (const [name, sql, expected] of tamperings) {
		const copy = join(server.dir, 'tampered.db');
		rmSync(copy, { force: true });
		withDb(server.dbFile, (db) => db.exec(`VACUUM INTO '${copy}'`));
		const db = new Database(copy);
		db.exec(sql);
		db.close();
		const problems = checkConsistency(copy, base).problems;
		expect(problems.join('\n'), name).toMatch(expected);
	}
});

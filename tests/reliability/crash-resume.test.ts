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
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { SCALE } from './support/scale';
import { rng, SEED } from './support/random';
import { signInPairs } from './support/people';
import { DRIVERS, type DriverPeople } from './support/drivers';
import { applied, LiveRun, type StepAttempt } from './support/live-run';
import { auditProblems, checkConsistency, worldBaseline, type Baseline } from './support/consistency';
import { appliedTypes, runVersion, withDb } from './support/db';

const server = testServer({ port: PORTS.crash });
const random = rng(SEED);
let base: Baseline;
let people: DriverPeople[];
const runs = new Map<number, LiveRun>();

type Kind = 'before-commit' | 'after-commit' | 'random';
const KINDS: Kind[] = ['before-commit', 'after-commit', 'random'];
const ALREADY = /already submitted/;

beforeAll(async () => {
	await server.start();
	base = worldBaseline(server.dbFile);
	people = await signInPairs(server.url);
	await server.stop();
});
afterAll(() => server.dispose());

interface RoundLog {
	acked: StepAttempt[];
	unanswered: StepAttempt[];
	unexpected: StepAttempt[];
}

async function newRun(p: DriverPeople): Promise<LiveRun | null> {
	const driver = DRIVERS[Math.floor(random() * DRIVERS.length)];
	const plan = await driver.start(p, random);
	if (!plan) return null;
	const run = new LiveRun(driver, plan, p);
	runs.set(run.id, run);
	return run;
}

/** One person's session at the counter: step their run until it finishes, then start another; stop when the server is gone. */
async function work(p: DriverPeople, alive: () => boolean, log: RoundLog): Promise<void> {
	let run = [...runs.values()].find((r) => r.people === p && !r.plan.notes.finished) ?? null;
	while (alive()) {
		try {
			run ??= await newRun(p);
			if (!run) continue;
			const a = await run.step(random);
			if (a === 'finished') {
				run.plan.notes.finished = true;
				run = null;
			} else if (a.error) {
				log.unanswered.push(a);
				return;
			} else if (applied(a)) log.acked.push(a);
			else log.unexpected.push(a);
		} catch {
			return; // a page read or a start failed: the server is gone
		}
	}
}

function ownerRun(runId: number): LiveRun {
	const r = runs.get(runId);
	if (!r) throw new Error(`run ${runId} is not one the test started`);
	return r;
}

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
		const log: RoundLog = { acked: [], unanswered: [], unexpected: [] };
		const workers = people.map((p) => work(p, () => !dead, log));
		const watchdog = new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 30_000).unref());
		expect(await Promise.race([death.then(() => 'died' as const), watchdog]), `round ${k} (${kind}): the server never reached its kill point`).toBe('died');
		if (timer) clearTimeout(timer);
		await Promise.all(workers);
		const killedAt = /KILL-POINT (\S+) run=(\d+) version=(\d+)/.exec(server.stderr());
		stats.kills[kind]++;
		stats.acked += log.acked.length;
		expect(log.unexpected.map((a) => `${a.runId}@${a.version} ${a.choice.action}: ${a.outcome?.status} ${a.outcome?.message}`)).toEqual([]);

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
			const retry = await ownerRun(a.runId).send(a.version, a.choice);
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
		const run = runs.get(id) ?? adopt(id);
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

/** A run started by a post whose answer was lost in a crash: its owner picks it up from "My runs". */
function adopt(id: number): LiveRun {
	const owner = withDb(server.dbFile, (db) => db.prepare('SELECT u.username AS u, r.procedure AS p FROM procedure_runs r JOIN users u ON u.id = r.owner_id WHERE r.id = ?').get(id) as { u: string; p: string });
	const p = people.find((x) => x.owner.username === owner.u);
	const driver = DRIVERS.find((d) => d.procedure === owner.p);
	if (!p || !driver) throw new Error(`run ${id} (${owner.p}) of ${owner.u}: no driver or person for it`);
	const run = new LiveRun(driver, { procedure: owner.p, runId: id, notes: { open: false, loops: 0 } }, p);
	runs.set(id, run);
	return run;
}

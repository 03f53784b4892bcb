/**
 * `npm run bench` (issue 8): builds the benchmark organisation, starts the production build on it,
 * loads each endpoint from this process over loopback, then measures machine replay and a full
 * re-score, and writes bench/results.json and bench/results.md (the table it also prints).
 * Knobs (environment): see bench/config.ts. A reduced-scale run writes under bench/.data/ instead,
 * so the committed results always come from a full-scale run.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchConfig, isFullScale } from './config';
import { buildOrg, BENCH_PASSWORD, type OrgReport } from './org';
import { Connection, load, type LoadResult } from './load';
import { login, rssMb, rssSampler, startServer } from './server';
import { getJob, readFixtures, stepJob } from './phases';
import { pageJs, type PageJs } from './js-size';
import { measureReplay, rescoreAll } from './cpu';
import { sampleLiveRun } from './live-runs';
import { renderTable, targetsOf, type Results } from './report';
import { toLocal } from '../src/lib/domain/calendar';

const cfg = benchConfig();
const full = isFullScale(cfg);
const dataDir = 'bench/.data';
mkdirSync(dataDir, { recursive: true });
const dbFile = cfg.dbFile ?? join(dataDir, `org-${cfg.attempts}.db`);
const say = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

if (!existsSync('build/index.js')) throw new Error('No production build: run `npm run bench` (vite build first).');

const started = new Date();
const load0 = loadavg();
let org: OrgReport | null = null;
if (cfg.reuseDb && existsSync(dbFile)) say(`reusing ${dbFile} (BENCH_REUSE_DB=1): generation not measured`);
else {
	say(`generating: ${cfg.teams} teams of ${cfg.teamSize}, ${cfg.accounts} accounts, ${cfg.attempts} attempts, ${cfg.liveRuns} live runs`);
	org = await buildOrg({ file: dbFile, teams: cfg.teams, teamSize: cfg.teamSize, accounts: cfg.accounts, attempts: cfg.attempts, liveRuns: cfg.liveRuns, sampleSeeds: cfg.sampleSeeds }, (l) => say(`  ${l}`));
	say(`generated in ${org.seconds.total} s: ${org.sizeMb} MB (${org.bytesPerAttempt} bytes per attempt with its run row)`);
}

const fx = readFixtures(dbFile, cfg.connections);
// The step forms' defaults as a browser sends them (read from the golden path through the real step forms).
const golden = sampleLiveRun(toLocal(Date.now()).date, Date.now() - 3_600_000);
const defaults = Object.fromEntries(golden.forms.map((f) => [f.action, f.defaults]));

say('starting the production server');
const server = await startServer(dbFile, cfg.port, (l) => say(`  server: ${l}`), cfg.serverProfileDir);
const rssIdle = rssMb(server.proc.pid!);
const rss = rssSampler(server.proc.pid!);
const conns = Array.from({ length: cfg.connections }, () => new Connection('127.0.0.1', cfg.port, server.base));
const results: Partial<Results> = {};
try {
	say(`signing in ${cfg.connections} trainees and ${cfg.connections} supervisor sessions`);
	const trainee = await Promise.all(conns.map((c, i) => login(c, fx.trainees[i % fx.trainees.length], BENCH_PASSWORD)));
	const supervisor = await Promise.all(conns.map((c) => login(c, 'supervisor', 'counterline-demo')));

	if (!cfg.skip.includes('js')) say('page JavaScript');
	const js: PageJs[] = [];
	if (!cfg.skip.includes('js')) {
		const start = await conns[0].send({ path: '/practice/cp-quick-change?/start', cookie: trainee[0], form: {} });
		const attemptPath = (JSON.parse(start.body) as { location?: string }).location;
		if (!attemptPath?.startsWith('/practice/attempts/')) throw new Error(`could not start a practice attempt: ${start.body.slice(0, 200)}`);
		for (const [name, path, cookie] of [
			['practice', attemptPath, trainee[0]],
			['trainee dashboard', '/training', trainee[0]],
			['team dashboard', `/team?team=${fx.teamIds[0]}`, supervisor[0]]
		] as const)
			js.push({ ...(await pageJs(conns[0], path, cookie)), path: name === 'practice' ? '/practice/attempts/[id]' : path });
	}

	const opts = { seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds };
	const phases: [string, string, Parameters<typeof load>[1], string][] = [
		['bare page (ceiling)', 'GET /bench-bare', getJob(() => '/bench-bare', (i) => trainee[i]), 'bare'],
		['login page', 'GET /login', getJob(() => '/login', () => undefined), 'login'],
		['account search', 'GET /accounts?q=…', getJob((i, n) => `/accounts?q=${encodeURIComponent(fx.searches[(i * 37 + n) % fx.searches.length])}`, (i) => trainee[i]), 'search'],
		['account page', 'GET /accounts/[number]', getJob((i, n) => `/accounts/${fx.accountNumbers[(i * 61 + n) % fx.accountNumbers.length]}`, (i) => trainee[i]), 'account'],
		['trainee dashboard', 'GET /training', getJob(() => '/training', (i) => trainee[i]), 'trainee'],
		['team dashboard (25 × 20)', 'GET /team?team=…', getJob((i, n) => `/team?team=${fx.teamIds[(i + n * cfg.connections) % fx.teamIds.length]}`, (i) => supervisor[i]), 'team'],
		['checklist step POST', 'POST /runs/[id]?/step', stepJob(fx, (i) => trainee[i], cfg.connections, defaults), 'steps'],
		['bare page (again)', 'GET /bench-bare', getJob(() => '/bench-bare', (i) => trainee[i]), 'bare']
	];
	const selected = phases.filter(([, , , key]) => !cfg.endpoints || cfg.endpoints.includes(key));
	// A warm-up round first (one second of every endpoint, not counted), so the first phase measured
	// does not pay for the server's JIT and caches alone.
	say('warm-up round');
	for (const [, , job] of selected) await load(conns, job, { seconds: 1, warmupSeconds: 0 });
	const measured: (LoadResult & { name: string; what: string; rssPeakMb: number })[] = [];
	rss.take();
	for (const [name, what, job] of selected) {
		const r = await load(conns, job, opts);
		measured.push({ name, what, ...r, rssPeakMb: rss.take() });
		say(`  ${name.padEnd(26)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples[0]})` : ''}`);
	}
	results.load = { connections: cfg.connections, seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds, phases: measured };
	results.js = js;
	results.serverRss = { idleMb: rssIdle, peakUnderLoadMb: Math.max(...measured.map((m) => m.rssPeakMb)) };
} finally {
	rss.stop();
	conns.forEach((c) => c.close());
	await server.stop();
}

if (!cfg.skip.includes('replay')) {
	say(`replaying stored attempts on one core for ${cfg.replaySeconds} s`);
	results.replay = measureReplay(dbFile, { seconds: cfg.replaySeconds, sample: 3000 });
	say(`  ${results.replay.eventsPerSecond} machine events/s (${results.replay.eventsPerCpuSecond} per CPU-second)`);
}

if (!cfg.skip.includes('rescore')) {
	say('re-scoring every stored attempt with one worker thread per core');
	let lastShown = 0;
	results.rescore = await rescoreAll(dbFile, {
		onProgress: (n) => {
			if (n - lastShown >= 100_000) {
				lastShown = n;
				say(`  re-scored ${n}`);
			}
		}
	});
	say(`  ${results.rescore.attempts} attempts in ${results.rescore.seconds} s (${results.rescore.attemptsPerSecond}/s), ${results.rescore.mismatches} mismatches`);
}
if (cfg.skip.length || cfg.endpoints) {
	say(`partial run (BENCH_SKIP / BENCH_ENDPOINTS): no results file written`);
	if (!cfg.keepDb) for (const suffix of ['', '-wal', '-shm', '.audit-key', '.audit-checkpoint']) rmSync(dbFile + suffix, { force: true });
	process.exit(0);
}

const final: Results = {
	generatedAt: started.toISOString(),
	fullScale: full,
	machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: load0.map((x) => Math.round(x * 100) / 100), loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
	config: cfg,
	generation: org,
	load: results.load!,
	serverRss: results.serverRss!,
	replay: results.replay!,
	rescore: results.rescore!,
	js: results.js!,
	targets: []
};
final.targets = targetsOf(final);
const table = renderTable(final);
console.log(`\n${table}`);
const out = full ? 'bench' : dataDir;
writeFileSync(join(out, 'results.json'), `${JSON.stringify(final, null, '\t')}\n`);
writeFileSync(join(out, 'results.md'), table);
say(`wrote ${join(out, 'results.json')} and ${join(out, 'results.md')}${full ? '' : ' (reduced scale: bench/results.json is only written by a full-scale run)'}`);
if (!cfg.keepDb) for (const suffix of ['', '-wal', '-shm', '.audit-key', '.audit-checkpoint']) rmSync(dbFile + suffix, { force: true });

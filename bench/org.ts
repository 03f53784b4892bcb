/**
 * Builds the benchmark organisation in a fresh database file: the demo office (its users, sign-offs
 * and the sandbox generator's accounts), plus staff in teams, scenario attempts (bench/attempts.ts)
 * and completed live runs (bench/live-runs.ts). Bulk rows are written with prepared statements in
 * large transactions with the journal off (a crash leaves a half-built benchmark file, nothing else);
 * they are synthetic and not audited one by one: one audit row records the generation.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db/client';
import { createStore, mutate } from '../src/lib/server/store';
import { loadOrCreateKey } from '../src/lib/server/audit/chain';
import { audit } from '../src/lib/server/audit/log';
import { seedDemoStaff } from '../src/lib/server/bootstrap';
import { seedDemoSignoffs } from '../src/lib/server/competency/demo';
import { generateSandbox } from '../src/lib/server/sandbox/generate';
import { hashPassword } from '../src/lib/server/auth/password';
import { toLocal } from '../src/lib/domain/calendar';
import { COMPETENCIES } from '../src/lib/competency/framework';
import { levelRank, type Level } from '../src/lib/domain/levels';
import { insertAttempts, sampleAttempts } from './attempts';
import { insertLiveRuns, sampleLiveRun } from './live-runs';

export interface OrgOptions {
	file: string;
	teams: number;
	teamSize: number;
	accounts: number;
	liveRuns: number;
	attempts: number;
	/** Seeds per scenario path in the attempt sample. */
	sampleSeeds: number;
}

export interface OrgReport {
	file: string;
	staff: number;
	teams: number;
	accounts: number;
	liveRuns: number;
	attempts: number;
	sampleAttempts: number;
	seconds: { total: number; sandbox: number; staff: number; samples: number; attempts: number; liveRuns: number; finish: number };
	sizeMb: number;
	bytesPerAttempt: number | null;
}

/** Password of every benchmark staff member. */
export const BENCH_PASSWORD = 'counterline-bench';

/** Levels in a team of 25 (two seniors lead; nobody at supervisor level, so a supervisor sees all 25). */
const TEAM_LEVELS: Level[] = ['senior', 'senior', ...Array<Level>(5).fill('csr3'), ...Array<Level>(8).fill('csr2'), ...Array<Level>(10).fill('csr1')];

export const benchUsername = (n: number) => `b${String(n).padStart(4, '0')}`;

const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

export async function buildOrg(opts: OrgOptions, log: (line: string) => void = () => {}): Promise<OrgReport> {
	for (const suffix of ['', '-wal', '-shm', '.audit-key', '.audit-checkpoint']) if (existsSync(opts.file + suffix)) rmSync(opts.file + suffix);
	const t0 = performance.now();
	const nowMs = Date.now();
	const today = toLocal(nowMs).date;
	const store = createStore(openDatabase(opts.file, 'drizzle'), loadOrCreateKey(`${opts.file}.audit-key`), `${opts.file}.audit-checkpoint`);
	const db = store.db.$client;
	// Bulk generation: no rollback journal, no fsync. The server later opens the file in WAL as usual.
	db.pragma('journal_mode = OFF');
	db.pragma('synchronous = OFF');
	db.pragma('cache_size = -262144');
	await seedDemoStaff(store);
	seedDemoSignoffs(store, 'supervisor', nowMs);

	const tSandbox = performance.now();
	mutate(store, () => {
		const r = generateSandbox(db, { accounts: opts.accounts, seed: 42, today });
		audit(store, { actor: null, action: 'sandbox.generate', target: 'sandbox', summary: { seed: 42, today, accounts: r.accounts } });
	});
	const sandboxSecs = secs(tSandbox);
	log(`sandbox: ${opts.accounts} accounts in ${sandboxSecs} s`);

	const tStaff = performance.now();
	const hash = await hashPassword(BENCH_PASSWORD);
	const supervisorId = (db.prepare("SELECT id FROM users WHERE username = 'supervisor'").get() as { id: number }).id;
	const staff: { id: number; level: Level }[] = [];
	const teamIds: number[] = [];
	db.transaction(() => {
		const officeId = (db.prepare('SELECT id FROM offices ORDER BY id LIMIT 1').get() as { id: number }).id;
		const team = db.prepare('INSERT INTO teams (office_id, name) VALUES (?, ?)');
		const user = db.prepare('INSERT INTO users (username, display_name, level, is_admin, hire_date, team_id, password_hash, active, created_at) VALUES (?, ?, ?, 0, ?, ?, ?, 1, ?)');
		const signoff = db.prepare(
			`INSERT INTO competency_signoffs (user_id, competency_id, signed_by, signed_at, note, framework_version, revisions, evidence, requirements_met, override_reason)
			 VALUES (?, ?, ?, ?, 'Observed at the counter; evidence reviewed.', 1, '{}', '{"bench":true}', 1, NULL)`
		);
		for (let t = 0; t < opts.teams; t++) {
			const teamId = Number(team.run(officeId, `Team ${String(t + 1).padStart(2, '0')}`).lastInsertRowid);
			teamIds.push(teamId);
			for (let m = 0; m < opts.teamSize; m++) {
				const n = t * opts.teamSize + m;
				const level = TEAM_LEVELS[m % TEAM_LEVELS.length];
				const hire = `20${String(12 + (n % 14)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
				const id = Number(user.run(benchUsername(n), `Bench Person ${n}`, level, hire, teamId, hash, nowMs).lastInsertRowid);
				staff.push({ id, level });
				// Sign-offs on the competencies below one's level, some old enough to have lapsed.
				for (const c of COMPETENCIES) if (levelRank(c.level) < levelRank(level)) signoff.run(id, c.id, supervisorId, nowMs - ((n * 37 + c.id.length * 11) % 400) * 86_400_000);
			}
		}
	})();
	const staffSecs = secs(tStaff);
	const staffIds = staff.map((s) => s.id);
	log(`staff: ${staff.length} in ${opts.teams} teams in ${staffSecs} s`);

	const tSamples = performance.now();
	const samples = sampleAttempts(opts.sampleSeeds);
	const samplesSecs = secs(tSamples);
	log(`attempt sample: ${samples.length} real attempts (golden and mistake paths, ${opts.sampleSeeds} seeds) in ${samplesSecs} s`);

	const tAttempts = performance.now();
	const before = statSync(opts.file).size;
	const attempts = insertAttempts(db, staffIds, opts.attempts, samples, nowMs, (done) => {
		if (done % 200_000 === 0 || done === opts.attempts) log(`  attempts written: ${done}`);
	});
	const attemptsSecs = secs(tAttempts);
	const attemptBytes = statSync(opts.file).size - before;
	log(`attempts: ${attempts} in ${attemptsSecs} s`);

	const tRuns = performance.now();
	const liveSample = sampleLiveRun(today, nowMs - 3_600_000);
	const liveRuns = insertLiveRuns(db, staffIds, opts.liveRuns, liveSample, nowMs);
	const runsSecs = secs(tRuns);
	log(`live runs: ${liveRuns} in ${runsSecs} s`);

	const tFinish = performance.now();
	mutate(store, () =>
		audit(store, { actor: null, action: 'bench.generate', target: 'bench', summary: { teams: opts.teams, staff: staff.length, attempts, liveRuns, samples: samples.length } })
	);
	db.pragma('journal_mode = WAL');
	db.exec('ANALYZE');
	db.close();
	const finishSecs = secs(tFinish);
	return {
		file: opts.file,
		staff: staff.length,
		teams: opts.teams,
		accounts: opts.accounts,
		liveRuns,
		attempts,
		sampleAttempts: samples.length,
		seconds: { total: secs(t0), sandbox: sandboxSecs, staff: staffSecs, samples: samplesSecs, attempts: attemptsSecs, liveRuns: runsSecs, finish: finishSecs },
		sizeMb: Math.round(statSync(opts.file).size / 1e5) / 10,
		bytesPerAttempt: attempts ? Math.round(attemptBytes / attempts) : null
	};
}

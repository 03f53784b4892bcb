/**
 * Builds the benchmark organisation in a fresh database: the demo office plus 2,000 staff in 80 teams
 * of 25, a 20,000-account sandbox, 100,000 completed live runs and (via bench/attempts.ts) 1,000,000
 * scenario attempts with compact event logs. Bulk rows are synthetic and not audited individually;
 * one audit row records the generation.
 */
import { statSync } from 'node:fs';
import { createActor } from 'xstate';

export interface OrgReport {
	file: string;
	staff: number;
	teams: number;
	accounts: number;
	liveRuns: number;
	attempts: number;
	seconds: { total: number; sandbox: number; staff: number; runs: number; attempts: number };
	sizeMb: number;
}

export interface OrgOptions {
	file: string;
	teams: number;
	teamSize: number;
	accounts: number;
	liveRuns: number;
	attempts: number;
}

const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

export async function buildOrg(opts: OrgOptions): Promise<OrgReport> {
	process.env.DATABASE_URL = opts.file;
	process.env.SEED_ACCOUNTS = String(opts.accounts);
	process.env.SEED_TODAY ||= '2026-11-02';
	// Modules read configuration at import: import them after the environment is set.
	const { openDatabase } = await import('../src/lib/server/db/client');
	const { createStore, mutate } = await import('../src/lib/server/store');
	const { loadOrCreateKey } = await import('../src/lib/server/audit/chain');
	const { audit } = await import('../src/lib/server/audit/log');
	const { config } = await import('../src/lib/server/config');
	const { seedDemoStaff, seedSandboxIfEmpty } = await import('../src/lib/server/bootstrap');
	const { hashPassword } = await import('../src/lib/server/auth/password');
	const { drawerOpeningMachine, MACHINE_VERSION } = await import('../src/machines/drawer-opening.machine');
	const { policy } = await import('../src/lib/policy/settings');

	const t0 = performance.now();
	const store = createStore(openDatabase(config.databaseFile, config.migrationsDir), loadOrCreateKey(config.auditKeyFile), config.auditCheckpointFile);
	const db = store.db.$client;
	await seedDemoStaff(store);
	const tSandbox = performance.now();
	seedSandboxIfEmpty(store);
	const sandboxSecs = secs(tSandbox);

	const tStaff = performance.now();
	const hash = await hashPassword('counterline-bench');
	const levels = ['csr1', 'csr1', 'csr1', 'csr1', 'csr1', 'csr1', 'csr1', 'csr1', 'csr2', 'csr2', 'csr2', 'csr2', 'csr2', 'csr2', 'csr2', 'csr3', 'csr3', 'csr3', 'csr3', 'csr3', 'csr1', 'csr2', 'csr3', 'senior', 'supervisor'] as const;
	const staffIds: number[] = [];
	db.transaction(() => {
		const officeId = (db.prepare('SELECT id FROM offices ORDER BY id LIMIT 1').get() as { id: number }).id;
		const team = db.prepare('INSERT INTO teams (office_id, name) VALUES (?, ?)');
		const user = db.prepare('INSERT INTO users (username, display_name, level, is_admin, hire_date, team_id, password_hash, active, created_at) VALUES (?, ?, ?, 0, ?, ?, ?, 1, ?)');
		for (let t = 0; t < opts.teams; t++) {
			const teamId = Number(team.run(officeId, `Bench team ${t + 1}`).lastInsertRowid);
			for (let m = 0; m < opts.teamSize; m++) {
				const n = t * opts.teamSize + m;
				const hire = `20${String(15 + (n % 11)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
				staffIds.push(Number(user.run(`b${String(n).padStart(4, '0')}`, `Bench Person ${n}`, levels[m % levels.length], hire, teamId, hash, Date.now()).lastInsertRowid));
			}
		}
	})();
	const staffSecs = secs(tStaff);

	// One real completed drawer-opening run, replicated: rows shaped exactly as the runner writes them.
	const tRuns = performance.now();
	const input = { policy, drawerRef: 'Counter 1' };
	const a = createActor(drawerOpeningMachine, { input }).start();
	const at = Date.UTC(2026, 10, 2, 15, 0);
	const events = [
		{ type: 'float.counted', counts: policy.drawer.floatCounts, at, by: { userId: '1', level: 'csr1' } },
		{ type: 'float.verified', counts: policy.drawer.floatCounts, at, by: { userId: '2', level: 'csr2' } },
		{ type: 'signed', at, by: { userId: '1', level: 'csr1' } }
	];
	for (const e of events) a.send(e as never);
	const snapshot = JSON.stringify(a.getPersistedSnapshot());
	a.stop();
	const inputJson = JSON.stringify(input);
	db.transaction(() => {
		const run = db.prepare(
			`INSERT INTO procedure_runs (procedure, machine_version, revision, owner_id, status, subject, input, snapshot, step_id, version, effects_applied, outcome, started_at, updated_at, completed_at)
			 VALUES ('drawer-opening', ?, 1, ?, 'completed', 'Counter 1', ?, ?, NULL, 4, 1, 'opened', ?, ?, ?)`
		);
		const ev = db.prepare('INSERT INTO run_events (run_id, seq, at, actor_id, type, event, applied, refusal, step_id) VALUES (?, ?, ?, ?, ?, ?, 1, NULL, ?)');
		const steps = ['count', 'verify', 'sign'];
		for (let i = 0; i < opts.liveRuns; i++) {
			const owner = staffIds[i % staffIds.length];
			const when = at - (i % 540) * 86_400_000;
			const id = Number(run.run(MACHINE_VERSION, owner, inputJson, snapshot, when, when, when).lastInsertRowid);
			events.forEach((e, k) => ev.run(id, k + 1, when, k === 1 ? staffIds[(i + 1) % staffIds.length] : owner, e.type, JSON.stringify(e), steps[k]));
		}
	})();
	const runsSecs = secs(tRuns);

	const tAttempts = performance.now();
	const { insertAttempts } = await import('./attempts');
	const attempts = await insertAttempts(db, staffIds, opts.attempts);
	const attemptsSecs = secs(tAttempts);

	mutate(store, () => audit(store, { actor: null, action: 'bench.generate', target: 'bench', summary: { staff: staffIds.length, runs: opts.liveRuns, attempts } }));
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
	return {
		file: opts.file,
		staff: staffIds.length,
		teams: opts.teams,
		accounts: opts.accounts,
		liveRuns: opts.liveRuns,
		attempts,
		seconds: { total: secs(t0), sandbox: sandboxSecs, staff: staffSecs, runs: runsSecs, attempts: attemptsSecs },
		sizeMb: Math.round(statSync(opts.file).size / 1e5) / 10
	};
}

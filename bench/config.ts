/** The benchmark's knobs, from the environment (defaults: the full scale of issue 8). */
function int(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return n;
}

export const FULL = { teams: 80, teamSize: 25, accounts: 20_000, attempts: 1_000_000, liveRuns: 100_000, connections: 32 } as const;

export function benchConfig() {
	return {
		/** BENCH_TEAMS × BENCH_TEAM_SIZE staff. */
		teams: int('BENCH_TEAMS', FULL.teams),
		teamSize: int('BENCH_TEAM_SIZE', FULL.teamSize),
		accounts: int('BENCH_ACCOUNTS', FULL.accounts),
		attempts: int('BENCH_ATTEMPTS', FULL.attempts),
		liveRuns: int('BENCH_LIVE_RUNS', FULL.liveRuns),
		/** Seeds per scenario path in the sample of real attempts the stored ones are copied from. */
		sampleSeeds: int('BENCH_SAMPLE_SEEDS', 4),
		connections: int('BENCH_CONNECTIONS', FULL.connections),
		/** Measured seconds per endpoint, after BENCH_WARMUP seconds not counted. */
		seconds: int('BENCH_SECONDS', 5),
		warmupSeconds: int('BENCH_WARMUP', 1),
		replaySeconds: int('BENCH_REPLAY_SECONDS', 5),
		port: int('BENCH_PORT', 4391),
		/** Reuse bench/.data/org-<attempts>.db from an earlier run (generation is then not measured). */
		reuseDb: process.env.BENCH_REUSE_DB === '1' || !!process.env.BENCH_DB,
		/** Development: an existing database file to load instead of generating one (implies reuse). */
		dbFile: process.env.BENCH_DB || null,
		/** Development: only these endpoints (bare, login, search, account, trainee, team, steps). */
		endpoints: process.env.BENCH_ENDPOINTS ? process.env.BENCH_ENDPOINTS.split(',') : null,
		/** Development: skip parts (js, replay, rescore); a partial run writes no results file. */
		skip: (process.env.BENCH_SKIP ?? '').split(',').filter(Boolean),
		/** Development: write the server's CPU profile (node --cpu-prof) into this directory. */
		serverProfileDir: process.env.BENCH_SERVER_PROF || null,
		/** Keep the generated database afterwards (it is large at full scale; default: deleted). */
		keepDb: process.env.BENCH_KEEP_DB === '1' || process.env.BENCH_REUSE_DB === '1' || !!process.env.BENCH_DB
	};
}

export type BenchConfig = ReturnType<typeof benchConfig>;

/** Whether a run is at the full scale (only those write bench/results.json). */
export const isFullScale = (c: BenchConfig) =>
	c.teams === FULL.teams && c.teamSize === FULL.teamSize && c.accounts === FULL.accounts && c.attempts === FULL.attempts && c.liveRuns === FULL.liveRuns && c.connections === FULL.connections && !c.reuseDb;

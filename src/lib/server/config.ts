/** The only module that reads the environment. Everything configurable about a deployment lives here. */
import { dirname, resolve } from 'node:path';

function int(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return n;
}

const KILL_POINTS = ['before-commit', 'after-commit'] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

/** Test-only crash point: `<point>` or `<point>:<n>` (the n-th applied step); ignored outside test mode. */
function killAt(): { point: KillPoint; nth: number } | null {
	const raw = process.env.COUNTERLINE_KILL_AT;
	if (process.env.COUNTERLINE_TEST_MODE !== '1' || !raw) return null;
	const m = /^([a-z-]+)(?::(\d{1,6}))?$/.exec(raw);
	const point = KILL_POINTS.find((p) => p === m?.[1]);
	if (!m || !point) throw new Error(`COUNTERLINE_KILL_AT must be ${KILL_POINTS.join(' or ')}, optionally with ":<n>", got "${raw}"`);
	return { point, nth: Math.max(1, Number(m[2] ?? 1)) };
}

const databaseFile = resolve(process.env.DATABASE_URL?.replace(/^file:/, '') || './data/counterline.db');

export const config = {
	databaseFile,
	dataDir: dirname(databaseFile),
	migrationsDir: resolve(process.env.MIGRATIONS_DIR || './drizzle'),
	auditKeyFile: resolve(process.env.AUDIT_KEY_FILE || `${databaseFile}.audit-key`),
	auditCheckpointFile: resolve(process.env.AUDIT_CHECKPOINT_FILE || `${databaseFile}.audit-checkpoint`),
	origin: process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`,
	/** Test-only switches (fixed clock endpoint). Ignored unless explicitly enabled; never set in production. */
	testMode: process.env.COUNTERLINE_TEST_MODE === '1',
	/** Test-only (reliability tests): the runner SIGKILLs its own process at this point of the n-th applied step. */
	killAt: killAt(),
	production: process.env.NODE_ENV === 'production',
	throttle: {
		freeFailures: int('LOGIN_THROTTLE_FREE_FAILURES', 5),
		baseDelayMs: int('LOGIN_THROTTLE_BASE_MS', 1000),
		maxDelayMs: int('LOGIN_THROTTLE_MAX_MS', 5 * 60_000)
	},
	seed: {
		accounts: int('SEED_ACCOUNTS', 500),
		seed: int('SEED', 42),
		today: process.env.SEED_TODAY || ''
	},
	demoPassword: process.env.DEMO_PASSWORD || 'counterline-demo',
	/** Learning record store for xAPI statements; unset endpoint = statements wait in the outbox (and stay downloadable). */
	lrs: {
		endpoint: (process.env.LRS_ENDPOINT || '').replace(/\/+$/, ''),
		username: process.env.LRS_USERNAME || '',
		password: process.env.LRS_PASSWORD || '',
		retryMs: int('LRS_RETRY_MS', 60_000)
	}
};

export type Config = typeof config;

/** The only module that reads the environment. Everything configurable about a deployment lives here. */
import { dirname, resolve } from 'node:path';

function int(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return n;
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

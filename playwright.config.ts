import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	forbidOnly: true,
	reporter: process.env.PLAYWRIGHT_JSON ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON }]] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'off',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Playwright's own browser download cannot work here: Debian's Chromium (stack-notes item 5).
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'node tests/e2e/support/server.js',
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: 'test-results/e2e-db/counterline.db',
			COUNTERLINE_TEST_MODE: '1',
			SEED_TODAY: '2026-11-02',
			SEED_ACCOUNTS: '300',
			LOGIN_THROTTLE_FREE_FAILURES: '5',
			LOGIN_THROTTLE_BASE_MS: '1000'
		}
	}
});

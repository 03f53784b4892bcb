// Reliability and security tests (issue 8): they drive production-build servers over HTTP, so they
// run apart from the unit tests, after the build (`npm run test:reliability`, part of `npm test`).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const report = process.env.VITEST_RELIABILITY_JSON;

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' },
		expect: { requireAssertions: true },
		globalSetup: ['tests/reliability/support/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		reporters: report ? ['default', ['json', { outputFile: report }]] : ['default']
	}
});

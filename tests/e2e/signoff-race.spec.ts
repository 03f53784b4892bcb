import { expect, request as newRequest, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from './support/auth';
import { recordAttempts, registerCatalog } from './support/training';

const DB = 'test-results/e2e-db/counterline.db';

async function session(baseURL: string, username: string) {
	// Accept text/html: SvelteKit answers form actions with real statuses (303 / 409), as a browser without JavaScript sees them.
	const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, Accept: 'text/html' } });
	const r = await ctx.post('/login', { form: { username, password: DEMO_PASSWORD }, maxRedirects: 0 });
	expect(r.status()).toBe(303);
	return ctx;
}

test('50 parallel sign-offs of the same competency over HTTP record exactly one', async ({ request, baseURL }) => {
	await registerCatalog(request);
	await recordAttempts(request, [
		{ username: 'csr1b', scenarioId: 'e2e-id-caller', passed: true, score: 90 },
		{ username: 'csr1b', scenarioId: 'e2e-id-spouse', passed: true, score: 85 }
	]);
	const db = new Database(DB, { readonly: true });
	const { id } = db.prepare("SELECT id FROM users WHERE username = 'csr1b'").get() as { id: number };
	const senior = await session(baseURL!, 'senior');
	const supervisor = await session(baseURL!, 'supervisor');

	const responses = await Promise.all(
		Array.from({ length: 50 }, (_, i) =>
			(i % 2 ? supervisor : senior).post(`/people/${id}?/signoff`, { form: { competency: 'C-ID', note: `Race sign-off ${i}` }, maxRedirects: 0 })
		)
	);
	const statuses = responses.map((r) => r.status());
	expect(statuses.filter((s) => s === 303)).toHaveLength(1);
	expect(statuses.filter((s) => s === 409)).toHaveLength(49);

	const rows = db.prepare("SELECT count(*) AS n, sum(ended_at IS NULL) AS active FROM competency_signoffs WHERE user_id = ? AND competency_id = 'C-ID'").get(id);
	expect(rows).toEqual({ n: 1, active: 1 });
	const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'competency.signoff' AND target = ?").get(`user:${id}`);
	expect(audited).toEqual({ n: 1 });
	db.close();
	await senior.dispose();
	await supervisor.dispose();
});

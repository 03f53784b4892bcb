/**
 * Sessions (issue 8), against the production build: expired, revoked, tampered and other people's
 * cookies are rejected; signing out and deactivation end sessions; login throttling holds when the
 * attempts arrive all at once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { Client, DEMO_PASSWORD, toLogin } from './support/http';
import { withDb } from './support/db';

const DAY = 86_400_000;
const server = testServer({ port: PORTS.sessions });
let supervisor: Client;

beforeAll(async () => {
	await server.start();
	supervisor = await Client.signIn(server.url, 'supervisor');
});
afterAll(() => server.dispose());

const sessionRow = (token: string) =>
	withDb(server.dbFile, (db) => db.prepare('SELECT user_id AS userId, expires_at AS expiresAt FROM sessions WHERE id = ?').get(createHash('sha256').update(token).digest('hex'))) as
		| { userId: number; expiresAt: number }
		| undefined;

async function setClock(at: number | null): Promise<void> {
	const r = await fetch(`${server.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
	expect(r.status).toBe(200);
}

/** A client carrying someone else's (or a made-up) cookie. */
const withCookie = (cookie: string) => Object.assign(new Client(server.url), { cookie });

async function rejected(c: Client): Promise<void> {
	const r = await c.get('/runs');
	expect(toLogin(r), `expected a redirect to sign in, got ${r.status}`).toBe(true);
}

async function accepted(c: Client): Promise<void> {
	expect((await c.get('/runs')).status).toBe(200);
}

describe('cookies that must not work', () => {
	test('an expired session is rejected and removed; one under 15 days from expiry slides forward', async () => {
		const c = await Client.signIn(server.url, 'csr2');
		const token = c.cookie!;
		const issued = sessionRow(token)!;
		try {
			await setClock(issued.expiresAt - 14 * DAY);
			await accepted(c);
			expect(sessionRow(token)!.expiresAt).toBe(issued.expiresAt - 14 * DAY + 30 * DAY);
			await setClock(issued.expiresAt + 16 * DAY + 1);
			const r = await c.get('/runs');
			expect(toLogin(r)).toBe(true);
			expect(c.cookie, 'the server clears the dead cookie').toBeNull();
		} finally {
			await setClock(null);
		}
		expect(sessionRow(token)).toBeUndefined();
		await rejected(withCookie(token));
	});

	test('a tampered, truncated, stretched or garbage cookie is rejected without an error', async () => {
		const c = await Client.signIn(server.url, 'csr2');
		const t = c.cookie!;
		const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
		const forged = [flip(t, 0), flip(t, t.length - 1), t.slice(0, -1), `${t}a`, t.toUpperCase(), 'a'.repeat(32), "' OR 1=1 --", 'x'.repeat(8000), '', '%00', '😀'.repeat(16)];
		for (const f of forged) {
			const r = await withCookie(encodeURIComponent(f)).get('/runs');
			expect(r.status, `cookie ${f.slice(0, 40)}`).toBeLessThan(500);
			expect(toLogin(r), `cookie ${f.slice(0, 40)}`).toBe(true);
		}
		await accepted(c);
	});

	test('what the database stores (the token hash) does not work as a cookie', async () => {
		const c = await Client.signIn(server.url, 'csr3');
		await rejected(withCookie(createHash('sha256').update(c.cookie!).digest('hex')));
	});

	test("one person's cookie does not reach another's run", async () => {
		const csr1 = await Client.signIn(server.url, 'csr1');
		const csr3 = await Client.signIn(server.url, 'csr3');
		const open = await csr1.post('/drawer?/open', { drawer: 'Counter 3' });
		const runId = /\/runs\/(\d+)$/.exec(open.location ?? '')![1];
		expect((await csr3.get(`/runs/${runId}`)).status).toBe(403);
		expect((await csr3.post(`/runs/${runId}?/abandon`, { reason: 'Not mine to end.' })).status).toBe(403);
		expect((await csr1.get(`/runs/${runId}`)).status).toBe(200);
	});
});

describe('ending sessions', () => {
	test('signing out ends that session (a replayed cookie is rejected) and only that one', async () => {
		const a = await Client.signIn(server.url, 'csr1b');
		const b = await Client.signIn(server.url, 'csr1b');
		const token = a.cookie!;
		const out = await a.post('/logout', {});
		expect(toLogin(out)).toBe(true);
		expect(a.cookie).toBeNull();
		await rejected(withCookie(token));
		await accepted(b);
	});

	test('changing one’s password ends one’s other sessions; an admin reset ends them all', async () => {
		const a = await Client.signIn(server.url, 'csr2b');
		const b = await Client.signIn(server.url, 'csr2b');
		const changed = await a.post('/settings/password', { current: DEMO_PASSWORD, password: 'another-long-password', repeat: 'another-long-password' });
		expect(changed.status).toBe(200);
		await accepted(a);
		await rejected(b);
		const id = withDb(server.dbFile, (db) => (db.prepare("SELECT id FROM users WHERE username = 'csr2b'").get() as { id: number }).id);
		const reset = await supervisor.post(`/admin/users/${id}?/resetPassword`, { password: DEMO_PASSWORD });
		expect(reset.status).toBe(303);
		await rejected(a);
		await Client.signIn(server.url, 'csr2b');
	});

	test('deactivation ends every session at once; reactivation does not revive them', async () => {
		const a = await Client.signIn(server.url, 'csr1c');
		const b = await Client.signIn(server.url, 'csr1c');
		const id = withDb(server.dbFile, (db) => (db.prepare("SELECT id FROM users WHERE username = 'csr1c'").get() as { id: number }).id);
		expect((await supervisor.post(`/admin/users/${id}?/deactivate`, { confirm: 'yes' })).status).toBe(303);
		await rejected(a);
		await rejected(b);
		const login = await new Client(server.url).post('/login', { username: 'csr1c', password: DEMO_PASSWORD });
		expect(login.status).toBe(400);
		expect(login.message).toMatch(/do not match an active account/);
		expect((await supervisor.post(`/admin/users/${id}?/reactivate`, {})).status).toBe(303);
		await rejected(withCookie(a.cookie ?? ''));
		await Client.signIn(server.url, 'csr1c');
	});
});

describe('login throttling under parallel attempts', () => {
	const FREE = 5;
	// A server of its own: its throttle must not spill into the tests above (one client IP).
	const throttled = testServer({ port: PORTS.throttle, env: { LOGIN_THROTTLE_FREE_FAILURES: String(FREE), LOGIN_THROTTLE_BASE_MS: '600000' } });
	beforeAll(() => throttled.start());
	afterAll(() => throttled.dispose());

	const attempt = (username: string, password: string) => new Client(throttled.url).post('/login', { username, password });

	test(`40 simultaneous wrong passwords: at most ${FREE} are checked, the rest wait — and so does the right one`, async () => {
		const wrong = await Promise.all(Array.from({ length: 40 }, () => attempt('csr3', 'not-the-password')));
		const statuses = wrong.map((r) => r.status);
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(FREE);
		expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
		for (const r of wrong.filter((x) => x.status === 429)) expect(r.message).toMatch(/Too many failed attempts/);
		const right = await attempt('csr3', DEMO_PASSWORD);
		expect(right.status).toBe(429);
		const audited = withDb(throttled.dbFile, (db) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login.failed'").get() as { n: number }).n);
		expect(audited, 'every checked failure is audited').toBe(statuses.filter((s) => s === 400).length);
	});
});

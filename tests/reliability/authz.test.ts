/**
 * The authorisation matrix (issue 8) against the production build over HTTP: every route in
 * src/routes has rows in authz-expectations.ts (a missing route fails), and each row's cells — one
 * per level, the admin flag and anonymous — match what the server does.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUTHZ, WHO, type AuthzCase, type Expect, type Fixtures, type Who } from './authz-expectations';
import { listRoutes, actionPath } from './support/routes';
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { Client, type Outcome } from './support/http';
import { countFields, FLOAT } from './support/drivers/drawer-opening';
import { stepFields } from './support/live-run';
import { withDb } from './support/db';

// The production configuration: no test switches.
const server = testServer({ port: PORTS.authz, env: { COUNTERLINE_TEST_MODE: '' } });
const USERNAME: Record<Exclude<Who, 'anon'>, string> = {
	csr1: 'csr1',
	csr2: 'csr2',
	csr3: 'csr3',
	senior: 'senior',
	supervisor: 'authz-sup',
	supervisorAdmin: 'supervisor',
	admin: 'admin'
};
const clients = {} as Record<Who, Client>;
let fx: Fixtures;
let userIds: Record<string, number>;

const key = (c: Pick<AuthzCase, 'route' | 'what'>) => `${c.route} ${c.what}`;

async function runAt(step: 'count' | 'verify'): Promise<{ runId: number; version: number }> {
	const r = await clients.csr1.post('/drawer?/open', { drawer: 'Counter 3' });
	const runId = Number(/\/runs\/(\d+)$/.exec(r.location ?? '')?.[1]);
	if (!runId) throw new Error(`could not open a run: ${r.status} ${r.message}`);
	if (step === 'count') return { runId, version: 1 };
	const c = await clients.csr1.post(`/runs/${runId}?/step`, stepFields(1, { action: 'float.counted', as: 'owner', fields: countFields(FLOAT) }));
	if (c.status !== 303) throw new Error(`could not count run ${runId}: ${c.status} ${c.message}`);
	return { runId, version: 2 };
}

beforeAll(async () => {
	await server.start();
	clients.anon = new Client(server.url);
	clients.supervisorAdmin = await Client.signIn(server.url, 'supervisor');
	// A supervisor without the admin flag, to tell the level from the flag.
	const made = await clients.supervisorAdmin.post('/admin/users?/create', {
		username: 'authz-sup',
		displayName: 'Sam Level',
		level: 'supervisor',
		hireDate: '2020-02-03',
		teamId: '',
		password: 'counterline-demo'
	});
	if (made.status !== 303) throw new Error(`could not create the non-admin supervisor: ${made.status} ${made.message}`);
	for (const who of WHO) if (who !== 'anon' && who !== 'supervisorAdmin') clients[who] = await Client.signIn(server.url, USERNAME[who]);
	const ids = withDb(server.dbFile, (db) => ({
		accountNumber: (db.prepare('SELECT number FROM accounts ORDER BY id LIMIT 1').get() as { number: string }).number,
		csrUserId: (db.prepare("SELECT id FROM users WHERE username = 'csr1c'").get() as { id: number }).id,
		seniorUserId: (db.prepare("SELECT id FROM users WHERE username = 'senior'").get() as { id: number }).id,
		traineeId: (db.prepare("SELECT id FROM users WHERE username = 'csr1'").get() as { id: number }).id
	}));
	userIds = withDb(server.dbFile, (db) => Object.fromEntries((db.prepare('SELECT username, id FROM users').all() as { username: string; id: number }[]).map((u) => [u.username, u.id])));
	fx = { ...ids, self: ids.traineeId, runAtCount: (await runAt('count')).runId, runAtVerify: (await runAt('verify')).runId, fresh: null };
});
afterAll(() => server.dispose());

/** What the answer means for authorisation. */
function classify(o: Outcome): Expect | `unexpected ${number}` {
	if (o.status >= 500) return `unexpected ${o.status}`;
	if (o.status === 403) return 'deny';
	if (o.status === 404) return 'missing';
	if (o.kind === 'redirect') return o.location?.startsWith('/login') ? 'login' : 'ok';
	if (o.status >= 200 && o.status < 300) return 'ok';
	if (o.status === 400 || o.status === 409 || o.status === 422) return 'invalid';
	return `unexpected ${o.status}`;
}

const matches = (expected: Expect, got: string) => got === expected || (expected === 'allow' && (got === 'ok' || got === 'invalid'));

async function cell(c: AuthzCase, who: Who): Promise<Outcome> {
	let client = clients[who];
	const f: Fixtures = { ...fx, self: who === 'anon' ? fx.traineeId : userIds[USERNAME[who]], fresh: null };
	if (c.fresh === 'run-at-count' || c.fresh === 'run-at-verify') f.fresh = await runAt(c.fresh === 'run-at-count' ? 'count' : 'verify');
	if (c.fresh === 'session') client = who === 'anon' ? new Client(server.url) : await Client.signIn(server.url, USERNAME[who]);
	const path = c.path ? c.path(f) : c.route;
	if (c.what === 'GET') return client.get(path);
	if (c.what.startsWith('action:')) return client.post(actionPath(path, c.what.slice('action:'.length)), c.body?.(f) ?? {});
	return client.post(path, {}, { method: c.what, raw: { body: '{}', contentType: 'application/json' } });
}

describe('authorisation matrix', () => {
	test('every page, form action and API method in src/routes has expectations (and none is stale)', () => {
		const required = listRoutes().flatMap((r) => [...(r.page ? [`${r.id} GET`] : []), ...r.actions.map((a) => `${r.id} action:${a}`), ...r.methods.map((m) => `${r.id} ${m}`)]);
		const written = new Set(AUTHZ.map(key));
		const missing = required.filter((k) => !written.has(k));
		const stale = [...written].filter((k) => !required.includes(k));
		expect(missing, 'routes without rows in tests/reliability/authz-expectations.ts — add a row per page/action with the expected outcome for every person').toEqual([]);
		expect(stale, 'rows for routes that no longer exist').toEqual([]);
	});

	test.each(AUTHZ.map((c) => [`${key(c)}${c.name ? ` (${c.name})` : ''}`, c] as const))('%s', async (_name, c) => {
		const got: Record<string, string> = {};
		for (const who of WHO) {
			const o = await cell(c, who);
			got[who] = classify(o);
			if (!matches(c.expect[WHO.indexOf(who)], got[who])) got[who] += ` (expected ${c.expect[WHO.indexOf(who)]}; ${o.status} ${o.location ?? o.message.slice(0, 120)})`;
		}
		const expected = Object.fromEntries(WHO.map((w, i) => [w, matches(c.expect[i], got[w]) ? got[w] : c.expect[i]]));
		expect(got).toEqual(expected);
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testStore } from '$tests/fixtures/db';
import { T0, TEST_CATALOG, addAttempt, makeUser } from '$tests/fixtures/training';
import { signOff } from '$lib/server/competency/signoff';
import { flushOutbox } from '$lib/server/xapi/sender';
import { outboxCounts } from '$lib/server/xapi/outbox';
import { statementProblems } from '$tests/fixtures/xapi';
import { config } from '$lib/server/config';

/** A local LRS stub: answers with the scripted statuses in turn, records what it accepted. */
function stubLrs(statuses: number[]) {
	const received: { auth: string | undefined; version: string | undefined; body: Record<string, unknown>[] }[] = [];
	let i = 0;
	const server: Server = createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			const status = statuses[Math.min(i++, statuses.length - 1)];
			if (status === 200) received.push({ auth: req.headers.authorization, version: req.headers['x-experience-api-version'] as string, body: JSON.parse(raw) });
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(status === 200 ? '[]' : '{"error":"down"}');
		});
	});
	return new Promise<{ url: string; received: typeof received; close: () => Promise<void> }>((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`, received, close: () => new Promise((r) => server.close(() => r())) }))
	);
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
	await close?.();
	close = null;
});

describe('xAPI outbox → LRS', () => {
	it('a failed POST keeps every statement; the retry after the backoff delivers them once, with auth and version headers', async () => {
		const store = testStore();
		const t = makeUser(store, 'csr1');
		const sup = makeUser(store, 'supervisor');
		addAttempt(store, t.id, { scenarioId: 'pay-a', score: 92 });
		signOff(store, sup, t.id, 'C-PAY', { note: 'ok', overrideReason: 'Runs pending.' }, T0, { catalog: TEST_CATALOG });
		const lrs = await stubLrs([503, 200]);
		close = lrs.close;
		let clock = T0;
		const opts = { origin: config.origin, catalog: TEST_CATALOG, now: () => clock };
		const target = { endpoint: lrs.url, username: 'counterline', password: 's3cret' };

		const first = await flushOutbox(store, target, opts);
		expect(first).toEqual({ sent: 0, failed: 3 });
		expect(outboxCounts(store)).toEqual({ pending: 3, sent: 0, failing: 3 });

		// Before the backoff ends nothing is retried.
		expect(await flushOutbox(store, target, opts)).toEqual({ sent: 0, failed: 0 });
		clock += 31_000;
		expect(await flushOutbox(store, target, opts)).toEqual({ sent: 3, failed: 0 });
		expect(outboxCounts(store)).toEqual({ pending: 0, sent: 3, failing: 0 });

		const [batch] = lrs.received;
		expect(batch.auth).toBe(`Basic ${Buffer.from('counterline:s3cret').toString('base64')}`);
		expect(batch.version).toBe('1.0.3');
		expect(batch.body.map((s) => (s.verb as { id: string }).id).sort()).toEqual(['http://adlnet.gov/expapi/verbs/attempted', 'http://adlnet.gov/expapi/verbs/passed', `${config.origin}/xapi/verbs/signed-off`].sort());
		for (const s of batch.body) expect(statementProblems(s, config.origin)).toEqual([]);

		// Nothing left: a later flush sends nothing twice.
		clock += 3_600_000;
		expect(await flushOutbox(store, target, opts)).toEqual({ sent: 0, failed: 0 });
		expect(lrs.received).toHaveLength(1);
	});

	it('an unreachable LRS is a failure like any other (nothing lost)', async () => {
		const store = testStore();
		const t = makeUser(store, 'csr1');
		addAttempt(store, t.id, { scenarioId: 'pay-a' });
		const r = await flushOutbox(store, { endpoint: 'http://127.0.0.1:9', username: '', password: '' }, { origin: config.origin, catalog: TEST_CATALOG, now: () => T0 });
		expect(r).toEqual({ sent: 0, failed: 2 });
		expect(outboxCounts(store).pending).toBe(2);
	});
});

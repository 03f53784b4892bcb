/**
 * Races over HTTP (issue 8): many concurrent duplicate submissions of the same step with the same
 * row version — as a double-clicking cashier, a second tab or a retrying proxy would send them —
 * apply exactly once; every other copy is refused as already submitted, and the step's effect
 * (a drawer's batch) exists once. Concurrent abandons of one run: one wins.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { SCALE } from './support/scale';
import { signInPairs } from './support/people';
import { countFields, FLOAT } from './support/drivers/drawer-opening';
import type { DriverPeople } from './support/drivers';
import { readRunPage, stepFields } from './support/live-run';
import type { Outcome } from './support/http';
import { appliedTypes, runVersion, withDb } from './support/db';
import { checkConsistency, worldBaseline, type Baseline } from './support/consistency';

const server = testServer({ port: PORTS.races });
let people: DriverPeople;
let base: Baseline;

beforeAll(async () => {
	await server.start();
	base = worldBaseline(server.dbFile);
	[people] = await signInPairs(server.url, [['csr1', 'csr2']]);
});
afterAll(() => server.dispose());

async function openRun(drawer: string): Promise<number> {
	const r = await people.owner.post('/drawer?/open', { drawer });
	expect(r.status, r.message).toBe(303);
	return Number(/\/runs\/(\d+)$/.exec(r.location ?? '')![1]);
}

async function versionOf(runId: number): Promise<number> {
	const page = readRunPage((await people.owner.get(`/runs/${runId}`)).body);
	expect(page.version).not.toBeNull();
	return page.version!;
}

/** Sends `n` copies of one post at once (half as plain form posts, half as enhanced ones). */
function burst(n: number, send: (accept: 'html' | 'json') => Promise<Outcome>): Promise<Outcome[]> {
	return Promise.all(Array.from({ length: n }, (_, i) => send(i % 2 ? 'json' : 'html')));
}

function tally(outcomes: Outcome[]): Record<string, number> {
	const t: Record<string, number> = {};
	for (const o of outcomes) t[`${o.status}${o.kind === 'redirect' ? ' redirect' : ''}`] = (t[`${o.status}${o.kind === 'redirect' ? ' redirect' : ''}`] ?? 0) + 1;
	return t;
}

describe(`${SCALE.duplicates} concurrent duplicate submissions`, () => {
	test('of a float count: applied once, every other copy refused as already submitted', async () => {
		const runId = await openRun('Counter 3');
		const v = await versionOf(runId);
		const fields = stepFields(v, { action: 'float.counted', as: 'owner', fields: countFields(FLOAT) });
		const t0 = Date.now();
		const outcomes = await burst(SCALE.duplicates, (accept) => people.owner.post(`/runs/${runId}?/step`, fields, { accept }));
		const ms = Date.now() - t0;
		expect(tally(outcomes)).toEqual({ '303 redirect': 1, '409': SCALE.duplicates - 1 });
		for (const o of outcomes) if (o.status === 409) expect(o.message).toMatch(/already submitted/);
		expect(runVersion(server.dbFile, runId)).toBe(v + 1);
		expect(appliedTypes(server.dbFile, runId)).toEqual(['float.counted']);
		console.log(`races: ${SCALE.duplicates} duplicate float counts in ${ms} ms → 1 applied`);
	});

	test('of the sign-off that opens the drawer: one batch, one applied step', async () => {
		const runId = await openRun('Counter 1');
		let v = await versionOf(runId);
		expect((await people.owner.post(`/runs/${runId}?/step`, stepFields(v, { action: 'float.counted', as: 'owner', fields: countFields(FLOAT) }))).status).toBe(303);
		expect((await people.second.post(`/runs/${runId}?/step`, stepFields(v + 1, { action: 'float.verified', as: 'second', fields: countFields(FLOAT) }))).status).toBe(303);
		v = await versionOf(runId);
		const fields = stepFields(v, { action: 'signed', as: 'owner', fields: {} });
		const outcomes = await burst(SCALE.duplicates, (accept) => people.owner.post(`/runs/${runId}?/step`, fields, { accept }));
		expect(tally(outcomes)).toEqual({ '303 redirect': 1, '409': SCALE.duplicates - 1 });
		const batches = withDb(server.dbFile, (db) =>
			db.prepare("SELECT count(*) AS n FROM batches b JOIN drawers d ON d.id = b.drawer_id WHERE d.name = 'Counter 1' AND b.status = 'open'").get()
		);
		expect(batches).toEqual({ n: 1 });
		expect(appliedTypes(server.dbFile, runId)).toEqual(['float.counted', 'float.verified', 'signed']);
	});

	test('of an abandon: one wins, the rest are told the run has ended', async () => {
		const runId = await openRun('Drive-up');
		const outcomes = await burst(Math.min(SCALE.duplicates, 200), (accept) => people.owner.post(`/runs/${runId}?/abandon`, { reason: 'Customer left the counter.' }, { accept }));
		const t = tally(outcomes);
		expect(t['303 redirect']).toBe(1);
		expect(t['409']).toBe(outcomes.length - 1);
		for (const o of outcomes) if (o.status === 409) expect(o.message).toMatch(/already ended|abandoned/);
		expect(withDb(server.dbFile, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'run.abandon' AND target = ?").get(`run:${runId}`))).toEqual({ n: 1 });
	});

	test('leave every run consistent with its event log, the audit log and the sandbox', () => {
		expect(checkConsistency(server.dbFile, base).problems).toEqual([]);
	});
});

/**
 * Bad input (issue 8): a fast-check fuzzer sends malformed and hostile requests to every form
 * action, API route and page found in src/routes — broken fields (wrong types, huge strings,
 * negative/fractional/overflowing money and counts, unknown events), other people's and made-up
 * ids, missing or foreign Origin, wrong content types, as plain and as enhanced form posts. Every
 * answer must be below 500; a refusal must carry a message a person can read (a 4xx, or the form
 * re-rendered with its error); and no row may change (state tables compared before and after).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { listRoutes, fillRoute, actionPath, type RouteInfo } from './support/routes';
import { testServer } from './support/server';
import { PORTS } from './support/ports';
import { SCALE } from './support/scale';
import { SEED } from './support/random';
import { Client, type Fields, type OriginMode, type Outcome } from './support/http';
import { changedTables, stateDigest, withDb } from './support/db';
import { FIELD_NAMES, hostileId, hostileText } from './support/hostile';
import { FUZZ_HINTS, type FieldFuzz, type FuzzFixtures, type FuzzHint } from './fuzz-hints';
import { offeredActions } from './support/step-fuzz';

const server = testServer({ port: PORTS.fuzz });
const clients = new Map<string | null, Client>();
let fx: FuzzFixtures;

interface Target {
	route: RouteInfo;
	what: string;
}

interface FuzzRequest {
	/** Who sends it (demo username; null = anonymous). */
	as: string | null;
	mode: string;
	method: string;
	path: string;
	origin: OriginMode;
	accept: 'html' | 'json';
	fields: Fields;
	raw?: { body: string; contentType: string };
}

const targets: Target[] = listRoutes().flatMap((route) => [
	...(route.page ? [{ route, what: 'GET' }] : []),
	...route.actions.map((a) => ({ route, what: `action:${a}` })),
	...route.methods.map((m) => ({ route, what: m }))
]);

beforeAll(async () => {
	await server.start();
	clients.set(null, new Client(server.url));
	for (const u of ['supervisor', 'csr1', 'csr1b', 'csr2']) clients.set(u, await Client.signIn(server.url, u));
	const open = async (who: string) => {
		const r = await clients.get(who)!.post('/drawer?/open', { drawer: 'Counter 3' });
		return Number(/\/runs\/(\d+)$/.exec(r.location ?? '')![1]);
	};
	// A run of another procedure whose first step has a money field (the irate contact's "wants something
	// you cannot offer", with an amount): its step forms are fuzzed from their FieldSpec.
	const irate = await clients.get('csr1')!.post('/runs/new?/start', { procedure: 'irate-contact', subject: '', 'q.channel': 'phone', 'q.caller': 'Pat Caller' });
	const irateRun = Number(/\/runs\/(\d+)$/.exec(irate.location ?? '')?.[1]);
	if (!irateRun) throw new Error(`could not start an irate contact: ${irate.status} ${irate.message}`);
	const stepForms = withDb(server.dbFile, (db) => {
		const run = db.prepare('SELECT procedure, input, snapshot, version FROM procedure_runs WHERE id = ?').get(irateRun) as { procedure: string; input: string; snapshot: string; version: number };
		const csr1 = db.prepare("SELECT id FROM users WHERE username = 'csr1'").get() as { id: number };
		const withMoney = offeredActions(run, { level: 'csr1', id: csr1.id }).filter((a) => a.fields.some((f) => f.kind === 'money'));
		if (!withMoney.length) throw new Error('the irate contact offers no step form with an amount any more: pick another fixture for money fuzzing');
		return withMoney.map((action) => ({ as: 'csr1', runId: irateRun, version: run.version, action }));
	});
	fx = {
		ownRun: await open('csr1'),
		foreignRun: await open('csr2'),
		stepForms,
		...withDb(server.dbFile, (db) => ({
			csrUserId: (db.prepare("SELECT id FROM users WHERE username = 'csr1c'").get() as { id: number }).id,
			selfUserId: (db.prepare("SELECT id FROM users WHERE username = 'supervisor'").get() as { id: number }).id,
			accountNumber: (db.prepare('SELECT number FROM accounts ORDER BY id LIMIT 1').get() as { number: string }).number
		}))
	};
});
afterAll(() => server.dispose());

/** A form from the hint's valid values with at least one field broken (or left out). */
function brokenForm(fields: Record<string, FieldFuzz>): fc.Arbitrary<Fields> {
	const names = Object.keys(fields);
	return fc
		.tuple(fc.subarray(names, { minLength: 1 }), fc.record(Object.fromEntries(names.map((n) => [n, fields[n].invalid]))), junkFields(2))
		.map(([broken, bad, junk]) => {
			const form: Fields = { ...junk };
			for (const n of names) {
				const v = broken.includes(n) ? bad[n] : fields[n].valid;
				if (v !== null) form[n] = v;
			}
			return form;
		});
}

/** Fields nobody asked for, with hostile values (repeated keys become arrays). */
function junkFields(max: number): fc.Arbitrary<Fields> {
	return fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES.map((n) => `x-${n}`)), fc.string({ maxLength: 12 }).map((s) => `zz${s}`)), fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 })), { maxKeys: max });
}

function paramsArb(t: Target, hint: FuzzHint | undefined, hostile: boolean): fc.Arbitrary<Record<string, string>> {
	const names = t.route.params;
	if (!names.length) return fc.constant({});
	const valid = hint?.params?.(fx);
	if (!hostile && valid) return fc.constant(valid);
	const foreign = hint?.foreign?.(fx);
	return fc.record(Object.fromEntries(names.map((p) => [p, foreign?.[p] ? fc.oneof(hostileId, fc.constant(foreign[p])) : hostileId])));
}

function requestArb(t: Target, hint: FuzzHint | undefined): fc.Arbitrary<FuzzRequest> {
	const as = hint?.as === undefined ? 'supervisor' : hint.as;
	const validParams = !!hint?.params || !t.route.params.length;
	const form = hint?.fields ? brokenForm(hint.fields) : junkFields(6);
	const accept = fc.constantFrom<'html' | 'json'>('html', 'json');
	const at = (params: Record<string, string>, query = '') => fillRoute(t.route.id, params) + query;

	if (t.what === 'GET') {
		const query = fc.dictionary(fc.constantFrom('q', 'status', 'scope', 'before', 'action', 'procedure', 'subject', 'redirectTo', 'done', 'created', 'id'), hostileText, { maxKeys: 3 });
		return fc.record({ params: paramsArb(t, hint, true), query }).map(({ params, query }) => ({
			as,
			mode: 'page',
			method: 'GET',
			path: at(params, Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''),
			origin: 'same' as const,
			accept: 'html' as const,
			fields: {}
		}));
	}

	if (!t.what.startsWith('action:')) {
		const raw = hint?.raw ?? fc.record({ body: hostileText, contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream') });
		return fc.record({ params: paramsArb(t, hint, true), raw, origin: fc.constantFrom<OriginMode>('same', 'same', 'missing', 'foreign') }).map(({ params, raw, origin }) => ({
			as,
			mode: 'api',
			method: t.what,
			path: at(params),
			origin,
			accept: 'json' as const,
			fields: {},
			raw
		}));
	}

	const action = t.what.slice('action:'.length);
	const post = (mode: string, params: fc.Arbitrary<Record<string, string>>, origin: fc.Arbitrary<OriginMode>, body: fc.Arbitrary<Fields>, raw?: fc.Arbitrary<{ body: string; contentType: string }>) =>
		fc.record({ params, origin, accept, fields: body, raw: raw ?? fc.constant(undefined) }).map((r) => ({
			as,
			mode,
			method: 'POST',
			path: actionPath(at(r.params), action),
			origin: r.origin,
			accept: r.accept,
			fields: r.fields,
			...(r.raw ? { raw: r.raw } : {})
		}));
	const validForm = hint?.fields ? fc.constant(Object.fromEntries(Object.entries(hint.fields).flatMap(([k, f]) => (f.valid === null ? [] : [[k, f.valid]])))) : junkFields(6);
	const modes: fc.Arbitrary<FuzzRequest>[] = [
		// Cross-site posts are refused whatever they carry.
		post('origin', paramsArb(t, hint, false), fc.constantFrom<OriginMode>('missing', 'foreign', 'null'), validForm)
	];
	if (t.route.params.length) modes.push(post('params', paramsArb(t, hint, true), fc.constant('same'), hint?.hostileParamsOnly || hint?.originOnly ? validForm : form));
	if (!hint?.hostileParamsOnly && !hint?.originOnly) {
		const p = paramsArb(t, hint, !validParams);
		modes.push(post('fields', p, fc.constant('same'), form), post('fields', p, fc.constant('same'), form));
		// A form's fields sent as JSON or multipart garbage.
		modes.push(
			post('content-type', p, fc.constant('same'), fc.constant({}), fc.oneof(
				form.map((f) => ({ body: JSON.stringify(f), contentType: 'application/json' })),
				hostileText.map((body) => ({ body, contentType: 'multipart/form-data; boundary=zz' })),
				hostileText.map((body) => ({ body, contentType: 'text/plain' }))
			))
		);
	}
	return fc.oneof(...modes);
}

/** Why an answer to a hostile request is wrong, or null when it is a proper refusal. */
function judge(req: FuzzRequest, o: Outcome): string | null {
	if (o.status >= 500) return `server error ${o.status}: ${o.message.slice(0, 200)}`;
	// Node's HTTP layer refuses oversized headers or bodies before the app sees them (no page to show).
	if (o.status === 431 || o.status === 413) return null;
	if (req.method === 'GET') return o.status >= 400 && !o.message ? `${o.status} without a message` : null;
	if (o.status < 400) return `not refused: ${o.status} ${o.kind}${o.location ? ` → ${o.location}` : ''}`;
	if (!o.message.trim()) return `${o.status} without a message a person can read`;
	return null;
}

async function send(req: FuzzRequest): Promise<Outcome> {
	const as = clients.get(req.as);
	if (!as) throw new Error(`fuzz hint: no signed-in client for ${req.as}`);
	const once = () => (req.method === 'GET' ? as.get(req.path) : as.post(req.path, req.fields, { origin: req.origin, accept: req.accept, method: req.method, raw: req.raw }));
	try {
		return await once();
	} catch (e) {
		// A body over the size limit is answered 413 and its connection closed; a request already queued
		// on that kept-alive socket sees a reset. Sent again on a fresh connection it must still be refused.
		if (!server.running()) throw e;
		return once();
	}
}

const stats = { requests: 0, targets: 0 };
const PER_ROUTE = SCALE.fuzzPerRoute(targets.length);

describe('bad input to every form action, API route and page', () => {
	test.each(targets.map((t) => [`${t.route.id} ${t.what}`, t] as const))(`%s: ${PER_ROUTE} hostile requests`, async (name, t) => {
		const hints = FUZZ_HINTS[name];
		const variants = hints === undefined ? [undefined] : typeof hints === 'function' ? hints(fx) : [hints];
		const before = stateDigest(server.dbFile);
		let sent = 0;
		if (!server.running()) await server.start(); // an earlier target brought it down: that one failed already
		const assertion = fc.assert(
			fc.asyncProperty(fc.oneof(...variants.map((h) => requestArb(t, h))), async (req) => {
				sent++;
				const o = await send(req);
				const why = judge(req, o);
				if (why) throw new Error(`${req.method} ${req.path.slice(0, 120)} as ${req.as} [${req.mode}, origin ${req.origin}, ${req.accept}] ${JSON.stringify(req.raw ?? req.fields).slice(0, 300)} → ${why}`);
			}),
			{ numRuns: PER_ROUTE, seed: SEED, endOnFailure: true }
		);
		await assertion.catch((e: Error) => {
			throw server.running() ? e : new Error(`the server died while fuzzing ${name}: ${server.stderr().slice(-3000)}\n${e.message}`);
		});
		stats.requests += sent;
		stats.targets++;
		const changed = changedTables(before, stateDigest(server.dbFile));
		expect(changed, `rows changed by hostile requests to ${name}${hints ? '' : ' (no hint in tests/reliability/fuzz-hints.ts: add one if valid-looking posts are legitimate)'}`).toEqual([]);
	});

	test('every target was fuzzed', () => {
		expect(stats.targets).toBe(targets.length);
		console.log(`fuzz (seed ${SEED}): ${stats.requests} hostile requests over ${targets.length} targets (${PER_ROUTE} each)`);
	});
});

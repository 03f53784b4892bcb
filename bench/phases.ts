/**
 * The endpoints under load, each a Job for bench/load.ts: what one connection does per iteration.
 * Every connection signs in as its own person (trainees for the counter pages and step POSTs, the
 * demo supervisor for the team dashboard); answers are checked (status, a whole HTML page, or the
 * step action's redirect), so a fast error never counts as throughput.
 */
import Database from 'better-sqlite3';
import type { Connection, Job, Response } from './load';
import { callers, IRATE_GOLDEN, type Caller } from './live-runs';
import { addDays, toLocal } from '../src/lib/domain/calendar';

export interface Fixtures {
	/** Bench trainees (CSR I and II) who sign in, one per connection. */
	trainees: string[];
	teamIds: number[];
	accountNumbers: string[];
	searches: string[];
	callers: Caller[];
}

/** Reads what the load needs from the benchmark database (before the server opens it). */
export function readFixtures(file: string, connections: number): Fixtures {
	const db = new Database(file, { readonly: true });
	try {
		const trainees = (
			db.prepare("SELECT username FROM users WHERE username LIKE 'b%' AND level IN ('csr1', 'csr2') AND team_id IS NOT NULL ORDER BY team_id, id").all() as { username: string }[]
		).map((r) => r.username);
		// One trainee per team first, so the connections' dashboards spread over teams.
		const spread = [...trainees].sort((a, b) => (Number(a.slice(1)) % 25) - (Number(b.slice(1)) % 25) || a.localeCompare(b));
		const teamIds = (db.prepare("SELECT DISTINCT team_id AS id FROM users WHERE username LIKE 'b%' AND team_id IS NOT NULL ORDER BY team_id").all() as { id: number }[]).map((r) => r.id);
		const accountNumbers = (db.prepare('SELECT number FROM accounts ORDER BY (id * 7919) % 20011 LIMIT 2000').all() as { number: string }[]).map((r) => r.number);
		// What people type: a surname, a surname and first name, a street fragment, an account number's first digits.
		const people = db
			.prepare('SELECT c.first_name AS first, c.last_name AS last, p.address FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id ORDER BY (a.id * 104729) % 20011 LIMIT 300')
			.all() as { first: string; last: string; address: string }[];
		const searches: string[] = [];
		people.forEach((p, i) => {
			const kind = i % 4;
			if (kind === 0) searches.push(p.last.slice(0, 5));
			else if (kind === 1) searches.push(`${p.last} ${p.first.slice(0, 3)}`);
			else if (kind === 2) searches.push(p.address.split(' ').slice(1, 3).join(' ').slice(0, 8));
			else searches.push(accountNumbers[i].replace(/-/g, '').slice(0, 7));
		});
		return { trainees: spread.slice(0, Math.max(connections, 1)), teamIds, accountNumbers, searches, callers: callers(db, 20_000) };
	} finally {
		db.close();
	}
}

const page = (r: Response) => r.status === 200 && r.body.includes('</html>');

/** A GET of a page per iteration, the path chosen per connection and iteration. */
export function getJob(pathOf: (conn: number, n: number) => string, cookieOf: (conn: number) => string | undefined): Job {
	const counters = new Map<number, number>();
	return async (conn, i, time) => {
		const n = counters.get(i) ?? 0;
		counters.set(i, n + 1);
		const r = await time(() => conn.send({ path: pathOf(i, n), cookie: cookieOf(i) }));
		return [{ ok: page(r) }];
	};
}

interface RunState {
	runId: number;
	version: number;
	step: number;
	caller: Caller;
}

/**
 * Checklist step POSTs along the irate contact's golden path: each connection starts its own run on
 * an account of its own (an untimed start POST), then posts the eight steps in turn with the row
 * version the last step left, and starts the next run when one completes.
 */
export function stepJob(fx: Fixtures, cookieOf: (conn: number) => string, connections: number, defaults: Record<string, Record<string, string>>): Job {
	const state = new Map<number, RunState | null>();
	const started = new Map<number, number>();
	const dueBy = addDays(toLocal(Date.now()).date, 3);
	const perConn = Math.floor(fx.callers.length / connections);
	const start = async (conn: Connection, i: number): Promise<RunState> => {
		const k = started.get(i) ?? 0;
		started.set(i, k + 1);
		const caller = fx.callers[i * perConn + (k % perConn)];
		const r = await conn.send({ path: '/runs/new?/start', cookie: cookieOf(i), form: { procedure: 'irate-contact', subject: caller.number, 'q.channel': 'phone', 'q.caller': caller.name } });
		const body = r.status === 200 ? (JSON.parse(r.body) as { type: string; location?: string }) : null;
		const id = body?.type === 'redirect' ? /^\/runs\/(\d+)$/.exec(body.location ?? '')?.[1] : undefined;
		if (!id) throw new Error(`run start refused: ${r.status} ${r.body.slice(0, 200)}`);
		return { runId: Number(id), version: 1, step: 0, caller };
	};
	return async (conn, i, time) => {
		const s = state.get(i) ?? (await start(conn, i));
		state.set(i, s);
		const step = IRATE_GOLDEN[s.step];
		const form = { version: String(s.version), action: step.action, ...defaults[step.action], ...step.fields(s.caller, dueBy) };
		const r = await time(() => conn.send({ path: `/runs/${s.runId}?/step`, cookie: cookieOf(i), form }));
		const ok = r.status === 200 && (JSON.parse(r.body) as { type: string }).type === 'redirect';
		if (!ok) {
			state.set(i, null);
			throw new Error(`step ${step.action} of run ${s.runId} (v${s.version}) answered ${r.status} ${r.body.slice(0, 200)}`);
		}
		s.version++;
		s.step++;
		if (s.step === IRATE_GOLDEN.length) state.set(i, null);
		return [{ ok }];
	};
}

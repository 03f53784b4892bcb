/**
 * Measures the time of a checklist step POST on the seeded demo (issue 4): starts the production
 * build on a fresh demo database, signs in, and 100 times opens a drawer-opening run, POSTs the
 * float-count step (timed) and abandons the run. Prints the median and p95 in ms.
 * Usage: npx vite build && npx tsx bench/step-post.ts [--n 100]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policy, DENOMINATIONS } from '../src/lib/policy/settings';

const N = Number(process.argv[process.argv.indexOf('--n') + 1]) || 100;
const PORT = 4290;
const base = `http://localhost:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'counterline-bench-'));
const server = spawn(process.execPath, ['build/index.js'], {
	env: { ...process.env, PORT: String(PORT), ORIGIN: base, NODE_ENV: 'production', DATABASE_URL: join(dir, 'c.db') },
	stdio: 'ignore'
});

async function up() {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${base}/login`)).ok) return;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

async function post(path: string, form: Record<string, string>, cookie = '') {
	return fetch(base + path, {
		method: 'POST',
		redirect: 'manual',
		// As the enhanced form in the browser sends it: SvelteKit answers with a JSON action result.
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true', origin: base, cookie },
		body: new URLSearchParams(form)
	});
}

try {
	await up();
	const login = await post('/login', { username: 'csr1', password: 'counterline-demo' });
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie) throw new Error('login failed');
	const counts: Record<string, string> = { version: '1', event: 'float.counted', action: 'float.counted' };
	for (const d of DENOMINATIONS) counts[`counts.${d.key}`] = String(policy.drawer.floatCounts[d.key] ?? 0);
	const times: number[] = [];
	const drawers = ['Counter 1', 'Counter 2', 'Counter 3', 'Drive-up'];
	for (let i = 0; i < N; i++) {
		let start = await post('/runs/new?/start', { procedure: 'drawer-opening', subject: drawers[0] }, cookie);
		// Some generated drawers are already open: use the first closed one.
		const redirectOf = async (r: Response) => ((await r.clone().json()) as { type: string; location?: string });
		while ((await redirectOf(start)).type !== 'redirect' && drawers.length > 1) {
			drawers.shift();
			start = await post('/runs/new?/start', { procedure: 'drawer-opening', subject: drawers[0] }, cookie);
		}
		const loc = (await redirectOf(start)).location ?? '';
		const id = /\/runs\/(\d+)/.exec(loc)?.[1];
		if (!id) throw new Error(`could not start a run: ${(await start.text()).slice(0, 300)}`);
		const t0 = performance.now();
		const r = await post(`/runs/${id}?/step`, counts, cookie);
		const body = (await r.json()) as { type: string };
		times.push(performance.now() - t0);
		if (body.type !== 'redirect') throw new Error(`step POST answered ${JSON.stringify(body).slice(0, 200)}`);
		await post(`/runs/${id}?/abandon`, { reason: 'benchmark' }, cookie);
	}
	times.sort((a, b) => a - b);
	const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
	console.log(`step POST (drawer opening, float count) over ${N}: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
} finally {
	server.kill('SIGKILL');
}

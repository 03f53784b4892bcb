/**
 * A small closed-loop HTTP load generator (32 connections, fixed duration; Node's fetch keeps
 * connections alive): each connection sends its next request as soon as the previous answers. Written
 * here rather than adding autocannon because step POSTs need per-connection state (each connection
 * drives its own runs with the right row version).
 */

export interface LoadResult {
	requests: number;
	errors: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
}

/** One connection's work: returns whether the response was what it should be. */
export type Job = (send: Send, conn: number) => Promise<boolean>;
export type Send = (method: 'GET' | 'POST', path: string, opts?: { cookie?: string; form?: Record<string, string> }) => Promise<{ status: number; body: string }>;

export async function load(base: string, job: Job, opts: { connections: number; seconds: number }): Promise<LoadResult> {
	const send: Send = async (method, path, o = {}) => {
		const headers: Record<string, string> = { origin: base };
		if (o.cookie) headers.cookie = o.cookie;
		let body: string | undefined;
		if (o.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers.accept = 'application/json';
			headers['x-sveltekit-action'] = 'true';
			body = new URLSearchParams(o.form).toString();
		}
		const r = await fetch(base + path, { method, headers, body, redirect: 'manual' });
		return { status: r.status, body: await r.text() };
	};
	const latencies: number[] = [];
	let errors = 0;
	const end = performance.now() + opts.seconds * 1000;
	await Promise.all(
		Array.from({ length: opts.connections }, async (_, conn) => {
			while (performance.now() < end) {
				const t0 = performance.now();
				let ok: boolean;
				try {
					ok = await job(send, conn);
				} catch {
					ok = false;
				}
				latencies.push(performance.now() - t0);
				if (!ok) errors++;
			}
		})
	);
	latencies.sort((a, b) => a - b);
	const q = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
	return { requests: latencies.length, errors, rps: Math.round(latencies.length / opts.seconds), p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * A small closed-loop HTTP load generator: N connections, each its own keep-alive socket (one
 * node:http Agent with one socket per connection), each sending its next request as soon as the
 * previous response has been read in full. Written here rather than adding a dependency because the
 * step POSTs need per-connection state (each connection drives its own runs with the right row
 * version). Latencies are kept whole (a few seconds of requests fit easily), so percentiles are exact.
 */
import http from 'node:http';

export interface Response {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface Request {
	method?: 'GET' | 'POST';
	path: string;
	cookie?: string;
	/** Posted as an enhanced SvelteKit form (the action answers with JSON). */
	form?: Record<string, string>;
}

/** One connection: a keep-alive socket to the server. */
export class Connection {
	private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	constructor(
		private host: string,
		private port: number,
		private origin: string
	) {}

	send(req: Request): Promise<Response> {
		const headers: Record<string, string> = { origin: this.origin, 'accept-encoding': 'identity' };
		if (req.cookie) headers.cookie = req.cookie;
		let body: string | undefined;
		if (req.form) {
			body = new URLSearchParams(req.form).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = String(Buffer.byteLength(body));
			headers.accept = 'application/json';
			headers['x-sveltekit-action'] = 'true';
		} else headers.accept = 'text/html';
		return new Promise((resolve, reject) => {
			const r = http.request({ host: this.host, port: this.port, path: req.path, method: req.method ?? (req.form ? 'POST' : 'GET'), headers, agent: this.agent }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			});
			r.on('error', reject);
			r.end(body);
		});
	}

	close(): void {
		this.agent.destroy();
	}
}

/**
 * One connection's loop body: does one unit of work and reports the timed requests it made
 * (latency in ms and whether the answer was right). Untimed set-up requests are simply not reported.
 */
export type Job = (conn: Connection, index: number, time: <T>(fn: () => Promise<T>) => Promise<T>) => Promise<{ ok: boolean }[]>;

export interface LoadResult {
	connections: number;
	seconds: number;
	requests: number;
	errors: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	/** First few error descriptions, for the log. */
	errorSamples: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Runs `job` on every connection for `warmupSeconds` (not counted) then `seconds` (measured). */
export async function load(conns: Connection[], job: Job, opts: { seconds: number; warmupSeconds: number }): Promise<LoadResult> {
	let latencies: number[] = [];
	let errors = 0;
	const errorSamples: string[] = [];
	let measuring = false;
	const t0 = performance.now();
	const warmEnd = t0 + opts.warmupSeconds * 1000;
	const end = warmEnd + opts.seconds * 1000;
	let measureStart = warmEnd;
	await Promise.all(
		conns.map(async (conn, i) => {
			for (;;) {
				const now = performance.now();
				if (now >= end) return;
				if (!measuring && now >= warmEnd) {
					measuring = true;
					measureStart = now;
					latencies = [];
					errors = 0;
					errorSamples.length = 0;
				}
				const times: number[] = [];
				const time = async <T>(fn: () => Promise<T>): Promise<T> => {
					const s = performance.now();
					try {
						return await fn();
					} finally {
						times.push(performance.now() - s);
					}
				};
				let results: { ok: boolean }[];
				try {
					results = await job(conn, i, time);
				} catch (e) {
					results = times.map(() => ({ ok: false }));
					if (results.length === 0) results = [{ ok: false }];
					if (errorSamples.length < 5) errorSamples.push(e instanceof Error ? e.message : String(e));
				}
				// Requests finishing after the end still count: each was sent within the window.
				results.forEach((r, k) => {
					latencies.push(times[k] ?? 0);
					if (!r.ok) errors++;
				});
			}
		})
	);
	const elapsed = (performance.now() - measureStart) / 1000;
	latencies.sort((a, b) => a - b);
	const q = (p: number) => round1(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0);
	return {
		connections: conns.length,
		seconds: round1(elapsed),
		requests: latencies.length,
		errors,
		rps: Math.round(latencies.length / elapsed),
		p50: q(0.5),
		p95: q(0.95),
		p99: q(0.99),
		max: round1(latencies[latencies.length - 1] ?? 0),
		errorSamples
	};
}

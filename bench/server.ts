/**
 * The production server under test: `node build/index.js` on the benchmark database, with login
 * throttling relaxed (the benchmark signs in dozens of sessions at once from one address), and a
 * sampler of its resident memory (VmRSS from /proc) while the load runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Connection } from './load';

export interface Server {
	base: string;
	port: number;
	proc: ChildProcess;
	stop(): Promise<void>;
}

export async function startServer(dbFile: string, port: number, output: (line: string) => void = () => {}, profileDir: string | null = null): Promise<Server> {
	const base = `http://localhost:${port}`;
	const proc = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: base,
			NODE_ENV: 'production',
			DATABASE_URL: dbFile,
			LOGIN_THROTTLE_FREE_FAILURES: '1000000',
			LOGIN_THROTTLE_BASE_MS: '0',
			LRS_ENDPOINT: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
	proc.stderr!.on('data', (d: Buffer) => {
		log += d.toString();
		output(d.toString().trimEnd());
	});
	for (let i = 0; i < 600; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log.slice(-2000)}`);
		try {
			if ((await fetch(`${base}/login`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
		if (i === 599) throw new Error(`server did not start:\n${log.slice(-2000)}`);
	}
	return {
		base,
		port,
		proc,
		stop: () =>
			new Promise((resolve) => {
				if (proc.exitCode !== null) return resolve();
				proc.once('exit', () => resolve());
				proc.kill('SIGTERM');
				setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
			})
	};
}

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** Samples a process's RSS every `ms` until stopped; returns the peak. */
export function rssSampler(pid: number, ms = 200) {
	let peak = 0;
	const tick = () => {
		try {
			peak = Math.max(peak, rssMb(pid));
		} catch {
			// the process has gone
		}
	};
	tick();
	const timer = setInterval(tick, ms);
	return {
		/** Peak since the last reset. */
		take(): number {
			tick();
			const p = peak;
			peak = 0;
			return p;
		},
		stop: () => clearInterval(timer)
	};
}

/** Signs in through the login form; returns the session cookie ("session=…"). */
export async function login(conn: Connection, username: string, password: string): Promise<string> {
	const r = await conn.send({ path: '/login', form: { username, password } });
	const set = r.headers['set-cookie'] ?? [];
	const cookie = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('session=') && c.length > 'session='.length);
	if (!cookie) throw new Error(`login as ${username} failed: ${r.status} ${r.body.slice(0, 200)}`);
	return cookie;
}

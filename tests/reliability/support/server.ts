/**
 * A production server process (build/index.js) on a fresh temporary database, as the reliability
 * tests need it: started, killed with SIGKILL, restarted on the same files, its stderr kept (kill
 * points announce themselves there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServerOptions {
	port: number;
	/** Sandbox accounts generated on first start. */
	accounts?: number;
	/** Use an existing directory holding counterline.db (a restore) instead of a fresh one. */
	dir?: string;
	env?: Record<string, string>;
}

export interface TestServer {
	url: string;
	port: number;
	dir: string;
	dbFile: string;
	keyFile: string;
	checkpointFile: string;
	/** Starts (or restarts) the process; `env` adds variables for this start only. Resolves when /login answers. */
	start(env?: Record<string, string>): Promise<void>;
	/** SIGKILL, as a crash would. */
	kill(): Promise<void>;
	/** Graceful stop (SIGTERM). */
	stop(): Promise<void>;
	/** Resolves when the current process exits by itself (e.g. at a kill point). */
	exited(): Promise<NodeJS.Signals | number | null>;
	/** Everything the current process wrote to stderr. */
	stderr(): string;
	running(): boolean;
	/** Stops the process and deletes the temporary directory. */
	dispose(): Promise<void>;
}

/** Tests run from the project root (vitest's root). */
const ROOT = resolve(process.cwd());

export function testServer(opts: ServerOptions): TestServer {
	const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'counterline-rel-'));
	const dbFile = join(dir, 'counterline.db');
	const url = `http://localhost:${opts.port}`;
	let child: ChildProcess | null = null;
	let exit: Promise<NodeJS.Signals | number | null> = Promise.resolve(null);
	let errText = '';

	async function waitUp(c: ChildProcess): Promise<void> {
		const deadline = Date.now() + 90_000;
		while (Date.now() < deadline) {
			if (c.exitCode !== null || c.signalCode !== null) throw new Error(`server on ${url} exited during start: ${errText.slice(-2000)}`);
			try {
				const r = await fetch(`${url}/login`);
				await r.arrayBuffer();
				if (r.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`server on ${url} did not start within 90 s`);
	}

	async function signal(sig: NodeJS.Signals): Promise<void> {
		const c = child;
		if (!c || c.exitCode !== null || c.signalCode !== null) return;
		const done = exit;
		c.kill(sig);
		await done;
	}

	return {
		url,
		port: opts.port,
		dir,
		dbFile,
		keyFile: `${dbFile}.audit-key`,
		checkpointFile: `${dbFile}.audit-checkpoint`,
		async start(env = {}) {
			if (child && child.exitCode === null && child.signalCode === null) throw new Error('server already running');
			errText = '';
			const c = spawn(process.execPath, [join(ROOT, 'build/index.js')], {
				cwd: ROOT,
				env: {
					PATH: process.env.PATH ?? '',
					TZ: 'UTC',
					PORT: String(opts.port),
					ORIGIN: url,
					NODE_ENV: 'production',
					DATABASE_URL: dbFile,
					SEED_TODAY: '2026-11-02',
					SEED_ACCOUNTS: String(opts.accounts ?? 100),
					COUNTERLINE_TEST_MODE: '1',
					...opts.env,
					...env
				},
				stdio: ['ignore', 'ignore', 'pipe']
			});
			c.stderr?.setEncoding('utf8');
			c.stderr?.on('data', (d: string) => {
				errText += d;
			});
			exit = new Promise((r) => c.once('exit', (code, sig) => r(sig ?? code)));
			child = c;
			await waitUp(c);
		},
		kill: () => signal('SIGKILL'),
		stop: () => signal('SIGTERM'),
		exited: () => exit,
		stderr: () => errText,
		running: () => !!child && child.exitCode === null && child.signalCode === null,
		async dispose() {
			await signal('SIGKILL');
			if (!opts.dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

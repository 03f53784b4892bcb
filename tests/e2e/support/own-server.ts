/** Starts and stops a production server process of its own (for restart tests), on a fresh database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
	url: string;
	start(): Promise<void>;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export function ownServer(port: number): OwnServer {
	const dir = mkdtempSync(join(tmpdir(), 'counterline-e2e-'));
	let child: ChildProcess | null = null;
	const url = `http://localhost:${port}`;
	return {
		url,
		async start() {
			child = spawn(process.execPath, ['build/index.js'], {
				env: {
					...process.env,
					PORT: String(port),
					ORIGIN: url,
					NODE_ENV: 'production',
					DATABASE_URL: join(dir, 'counterline.db'),
					SEED_TODAY: '2026-11-02',
					SEED_ACCOUNTS: '100',
					COUNTERLINE_TEST_MODE: '1'
				},
				stdio: 'ignore'
			});
			const deadline = Date.now() + 60_000;
			while (Date.now() < deadline) {
				try {
					const r = await fetch(`${url}/login`);
					if (r.ok) return;
				} catch {
					// not up yet
				}
				await new Promise((r) => setTimeout(r, 200));
			}
			throw new Error(`server on ${url} did not start`);
		},
		async stop(signal = 'SIGKILL') {
			const c = child;
			if (!c || c.exitCode !== null) return;
			await new Promise<void>((resolve) => {
				c.once('exit', () => resolve());
				c.kill(signal);
			});
			child = null;
		}
	};
}

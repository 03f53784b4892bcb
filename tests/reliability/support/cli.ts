/**
 * Runs one of the project's command-line scripts as an operator would: through npm (`npm run x --
 * args`), or — where a test calls it many times — the same script straight with node and tsx,
 * which skips npm's own start-up.
 */
import { spawn } from 'node:child_process';

export interface CliResult {
	code: number | null;
	output: string;
	ms: number;
}

const SCRIPTS: Record<string, string> = { backup: 'scripts/backup.ts', 'audit:verify': 'scripts/audit-verify.ts' };

export function cli(script: keyof typeof SCRIPTS | string, args: string[], env: Record<string, string> = {}, via: 'npm' | 'node' = 'node'): Promise<CliResult> {
	const t0 = Date.now();
	const [cmd, argv] = via === 'npm' ? ['npm', ['run', '--silent', script, '--', ...args]] : [process.execPath, ['--import', 'tsx', SCRIPTS[script], ...args]];
	return new Promise((resolve) => {
		const c = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		c.stdout.on('data', (d) => (output += d));
		c.stderr.on('data', (d) => (output += d));
		c.on('exit', (code) => resolve({ code, output, ms: Date.now() - t0 }));
	});
}

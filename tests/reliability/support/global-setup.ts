/** Builds the production server first when build/ is missing or older than the sources (as `npm start` does). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(path: string): number {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

export default function setup(): void {
	const root = process.cwd();
	const entry = join(root, 'build', 'index.js');
	const sources = ['src', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts'].map((p) => join(root, p)).filter(existsSync);
	if (existsSync(entry) && Math.max(...sources.map(newest)) <= statSync(entry).mtimeMs) return;
	console.log('Building the production server for the reliability tests…');
	const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) throw new Error('vite build failed');
}

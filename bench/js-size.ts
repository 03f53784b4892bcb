/**
 * Gzip size of the JavaScript a page loads before it is interactive: the module preloads and entry
 * imports in its server-rendered HTML, plus everything those import statically (the closure, so
 * nothing is missed if a preload link is). Chunks only reached through dynamic import() are listed
 * apart (lazy). Gzip level 9, as adapter-node precompresses its assets.
 */
import { gzipSync } from 'node:zlib';
import type { Connection } from './load';

export interface PageJs {
	path: string;
	files: number;
	rawKb: number;
	gzipKb: number;
	lazyFiles: number;
	lazyGzipKb: number;
	/** The largest files shipped up front, by gzip size. */
	largest: { file: string; gzipKb: number }[];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const EXPORT_FROM = /export\s*(?:\*|\{[^}]*\})\s*from\s*["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

export async function pageJs(conn: Connection, path: string, cookie: string): Promise<PageJs> {
	const res = await conn.send({ path, cookie });
	if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
	const html = res.body;
	const base = new URL(path, 'http://x');
	const entry = new Set<string>();
	// SvelteKit lists the preloads in the Link header (and, for some configurations, in <link> tags).
	const header = ([] as string[]).concat(res.headers.link ?? []).join(', ');
	for (const m of header.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)) entry.add(new URL(m[1], base).pathname);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) entry.add(new URL(m[1], base).pathname);
	for (const m of html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) entry.add(new URL(m[1], base).pathname);
	const bodies = new Map<string, Buffer>();
	const fetchJs = async (p: string) => {
		if (!bodies.has(p)) {
			const r = await conn.send({ path: p });
			if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
			bodies.set(p, Buffer.from(r.body, 'utf8'));
		}
		return bodies.get(p)!.toString('utf8');
	};
	const upfront = new Set<string>();
	const lazy = new Set<string>();
	const queue = [...entry];
	while (queue.length) {
		const p = queue.shift()!;
		if (upfront.has(p)) continue;
		upfront.add(p);
		const src = await fetchJs(p);
		for (const re of [STATIC_IMPORT, EXPORT_FROM]) for (const m of src.matchAll(re)) queue.push(new URL(m[1], `http://x${p}`).pathname);
		for (const m of src.matchAll(DYNAMIC_IMPORT)) lazy.add(new URL(m[1], `http://x${p}`).pathname);
	}
	const lazyOnly = [...lazy].filter((p) => !upfront.has(p));
	for (const p of lazyOnly) await fetchJs(p);
	const gz = (p: string) => gzipSync(bodies.get(p)!, { level: 9 }).length;
	const sizes = [...upfront].map((p) => ({ file: p.replace(/^\/_app\/immutable\//, ''), raw: bodies.get(p)!.length, gzip: gz(p) }));
	return {
		path,
		files: sizes.length,
		rawKb: kb(sizes.reduce((s, x) => s + x.raw, 0)),
		gzipKb: kb(sizes.reduce((s, x) => s + x.gzip, 0)),
		lazyFiles: lazyOnly.length,
		lazyGzipKb: kb(lazyOnly.reduce((s, p) => s + gz(p), 0)),
		largest: sizes
			.sort((a, b) => b.gzip - a.gzip)
			.slice(0, 6)
			.map((x) => ({ file: x.file, gzipKb: kb(x.gzip) }))
	};
}

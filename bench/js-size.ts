/** Gzip size of the JavaScript a page loads up front (its module preloads and entry scripts); lazy chunks are not counted. */
import { gzipSync } from 'node:zlib';

export async function pageJsGzip(base: string, path: string, cookie: string): Promise<{ files: number; gzipKb: number }> {
	const html = await (await fetch(base + path, { headers: { cookie } })).text();
	const urls = new Set<string>();
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) urls.add(m[1]);
	let bytes = 0;
	for (const u of urls) {
		const abs = new URL(u, base + path).toString();
		const body = Buffer.from(await (await fetch(abs)).arrayBuffer());
		bytes += gzipSync(body, { level: 9 }).length;
	}
	return { files: urls.size, gzipKb: Math.round(bytes / 102.4) / 10 };
}

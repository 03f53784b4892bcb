/**
 * An HTTP client that talks to the server the way browsers do: form posts (without JavaScript, and
 * enhanced ones as `use:enhance` sends them), the session cookie, redirects not followed — and reads
 * each answer back into one shape: an effective status and the message a person would see.
 */
import { parse as devalueParse } from 'devalue';

export const DEMO_PASSWORD = 'counterline-demo';

export type Fields = Record<string, string | string[]>;

export interface Outcome {
	/** What happened: the HTTP status, or for an enhanced form post the status of its result. */
	status: number;
	http: number;
	kind: 'redirect' | 'failure' | 'error' | 'success' | 'page';
	location: string | null;
	/** The message shown to the person ('' when there is none). */
	message: string;
	body: string;
}

export type OriginMode = 'same' | 'missing' | 'foreign' | 'null';

export interface PostOptions {
	origin?: OriginMode;
	/** 'html' = a form post without JavaScript; 'json' = an enhanced post (use:enhance). */
	accept?: 'html' | 'json';
	/** Raw body instead of form fields (e.g. JSON to an API route). */
	raw?: { body: string; contentType: string };
	/** Another method than POST (API routes). */
	method?: string;
}

const decode = (s: string) =>
	s
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();

/** The message an HTML page shows: an alert banner, field errors, or the error page's text. */
export function htmlMessage(html: string): string {
	const parts: string[] = [];
	for (const m of html.matchAll(/role="alert"[^>]*>([\s\S]*?)<\/(?:div|p)>/g)) parts.push(decode(m[1]));
	for (const m of html.matchAll(/(?:id="[^"]*-err(?:or)?"|class="(?:field-)?error")[^>]*>([\s\S]*?)<\/(?:p|span|div)>/g)) parts.push(decode(m[1]));
	const err = /<h1 id="err-title">([\s\S]*?)<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(html);
	if (err) parts.push(`${decode(err[1])}: ${decode(err[2])}`);
	// SvelteKit's static error page (errors from +server.ts endpoints): the message is its heading.
	const fallback = /class="message">\s*<h1>([\s\S]*?)<\/h1>/.exec(html);
	if (fallback) parts.push(decode(fallback[1]));
	return parts.filter(Boolean).join(' | ');
}

function messageOf(data: unknown): string {
	if (!data || typeof data !== 'object') return '';
	const d = data as { message?: unknown; errors?: unknown };
	const parts: string[] = [];
	if (typeof d.message === 'string' && d.message) parts.push(d.message);
	if (d.errors && typeof d.errors === 'object') for (const v of Object.values(d.errors)) if (typeof v === 'string' && v) parts.push(v);
	return parts.join(' | ');
}

async function read(res: Response): Promise<Outcome> {
	const body = await res.text();
	const location = res.headers.get('location');
	const type = res.headers.get('content-type') ?? '';
	if (res.status >= 300 && res.status < 400) return { status: res.status, http: res.status, kind: 'redirect', location, message: '', body };
	if (type.includes('application/json')) {
		type ActionJson = { type?: string; status?: number; location?: string; data?: string; error?: { message?: string }; message?: string };
		let j: ActionJson | null;
		try {
			j = JSON.parse(body) as ActionJson;
		} catch {
			j = null;
		}
		if (j?.type === 'redirect') return { status: j.status ?? 303, http: res.status, kind: 'redirect', location: j.location ?? null, message: '', body };
		if (j?.type === 'failure' || j?.type === 'success') {
			let data: unknown;
			try {
				data = j.data ? devalueParse(j.data) : null;
			} catch {
				data = null;
			}
			return { status: j.status ?? res.status, http: res.status, kind: j.type, location: null, message: messageOf(data), body };
		}
		if (j?.type === 'error') return { status: res.status, http: res.status, kind: 'error', location: null, message: j.error?.message ?? '', body };
		return { status: res.status, http: res.status, kind: res.ok ? 'success' : 'error', location: null, message: j?.message ?? '', body };
	}
	const message = type.includes('text/html') ? htmlMessage(body) : body.slice(0, 300);
	return { status: res.status, http: res.status, kind: res.ok ? 'page' : 'error', location: null, message, body };
}

/** A browser-like client with (at most) one session cookie. */
export class Client {
	cookie: string | null = null;
	/** Who signed in (null for an anonymous client). */
	username: string | null = null;

	constructor(readonly base: string) {}

	/** Signs in through the login form; throws unless it succeeds. */
	static async signIn(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
		const c = new Client(base);
		const r = await c.post('/login', { username, password });
		if (r.status !== 303 || !c.cookie) throw new Error(`sign-in as ${username} failed: ${r.status} ${r.message}`);
		c.username = username;
		return c;
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return { ...(this.cookie ? { cookie: `session=${this.cookie}` } : {}), ...extra };
	}

	private remember(res: Response): void {
		for (const c of res.headers.getSetCookie()) {
			const m = /^session=([^;]*)/.exec(c);
			if (m) this.cookie = m[1] && !/max-age=0/i.test(c) ? m[1] : null;
		}
	}

	async get(path: string): Promise<Outcome> {
		const res = await fetch(this.base + path, { headers: this.headers({ accept: 'text/html' }), redirect: 'manual' });
		this.remember(res);
		return read(res);
	}

	async post(path: string, fields: Fields, opts: PostOptions = {}): Promise<Outcome> {
		const origin = opts.origin ?? 'same';
		const extra: Record<string, string> = {};
		if (origin === 'same') extra.origin = this.base;
		else if (origin === 'foreign') extra.origin = 'https://evil.example';
		else if (origin === 'null') extra.origin = 'null';
		if (opts.accept === 'json') {
			extra.accept = 'application/json';
			extra['x-sveltekit-action'] = 'true';
		} else extra.accept = 'text/html';
		let body: string;
		if (opts.raw) {
			body = opts.raw.body;
			extra['content-type'] = opts.raw.contentType;
		} else {
			const form = new URLSearchParams();
			for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
			body = form.toString();
			extra['content-type'] = 'application/x-www-form-urlencoded';
		}
		const method = opts.method ?? 'POST';
		const res = await fetch(this.base + path, { method, headers: this.headers(extra), body: method === 'GET' || method === 'HEAD' ? undefined : body, redirect: 'manual' });
		this.remember(res);
		return read(res);
	}
}

/** Whether a redirect sends the person to sign in. */
export const toLogin = (o: Outcome): boolean => o.kind === 'redirect' && !!o.location?.startsWith('/login');

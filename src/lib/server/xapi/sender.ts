/**
 * Sends queued statements to the configured LRS (POST <endpoint>/statements, xAPI 1.0.3 headers,
 * Basic auth) after commits and on a timer; failures stay queued with backoff. One flush at a time.
 */
import type { Store } from '../store';
import { XAPI_VERSION } from '$lib/xapi/statements';
import type { TrackerCatalog } from '../competency/catalog';
import { markFailed, markSent, pendingStatements } from './outbox';
import { sweepAttempts } from './records';

export interface LrsTarget {
	endpoint: string;
	username: string;
	password: string;
}

export interface FlushResult {
	sent: number;
	failed: number;
}

let flushing: Promise<FlushResult> | null = null;

/** Sends what is due; concurrent callers share the flush in progress. */
export function flushOutbox(store: Store, lrs: LrsTarget, opts: { origin: string; catalog: TrackerCatalog; now: () => number; fetch?: typeof fetch }): Promise<FlushResult> {
	if (!lrs.endpoint) return Promise.resolve({ sent: 0, failed: 0 });
	flushing ??= send(store, lrs, opts).finally(() => {
		flushing = null;
	});
	return flushing;
}

async function send(store: Store, lrs: LrsTarget, opts: { origin: string; catalog: TrackerCatalog; now: () => number; fetch?: typeof fetch }): Promise<FlushResult> {
	const doFetch = opts.fetch ?? fetch;
	sweepAttempts(store, opts.origin, opts.catalog, opts.now());
	const result = { sent: 0, failed: 0 };
	for (;;) {
		const batch = pendingStatements(store, opts.now());
		if (batch.length === 0) return result;
		try {
			const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION };
			if (lrs.username) headers.Authorization = `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64')}`;
			const res = await doFetch(`${lrs.endpoint}/statements`, { method: 'POST', headers, body: `[${batch.map((b) => b.body).join(',')}]`, signal: AbortSignal.timeout(15_000) });
			// 409: the LRS already holds these ids (a retried batch): they are delivered.
			if (!res.ok && res.status !== 409) throw new Error(`LRS answered ${res.status}`);
			markSent(store, batch.map((b) => b.id), opts.now());
			result.sent += batch.length;
		} catch (e) {
			markFailed(store, batch, opts.now(), e instanceof Error ? e.message : String(e));
			result.failed += batch.length;
			return result;
		}
	}
}

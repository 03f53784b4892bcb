/** The process's link to the configured LRS: a flush after each commit that queued statements, and a retry timer. */
import { config } from '../config';
import { now } from '../clock';
import { getStore } from '../store';
import { trackerCatalog } from '../competency/catalog';
import { flushOutbox } from './sender';

/** Sends queued statements now, without holding up the request (errors stay in the outbox). */
export function kickOutbox(): void {
	if (!config.lrs.endpoint) return;
	void flushOutbox(getStore(), config.lrs, { origin: config.origin, catalog: trackerCatalog(), now }).catch((e) => console.error('xAPI outbox flush failed', e));
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Retries failed and late statements every LRS_RETRY_MS while the server runs. */
export function startOutboxTimer(): void {
	if (!config.lrs.endpoint || timer) return;
	timer = setInterval(kickOutbox, config.lrs.retryMs);
	timer.unref();
	kickOutbox();
}

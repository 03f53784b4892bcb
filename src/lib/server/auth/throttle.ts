/**
 * Login throttling per username and per IP: after a number of free failures, each further attempt
 * must wait a delay that doubles per failure, up to a cap. Stored in the database so a restart
 * does not reset it. Thresholds are settings (config.throttle).
 */
import type { Store } from '../store';

export interface ThrottleSettings {
	freeFailures: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

function keys(username: string, ip: string): string[] {
	return [`user:${username.toLowerCase()}`, `ip:${ip}`];
}

function delayFor(failures: number, s: ThrottleSettings): number {
	if (failures < s.freeFailures) return 0;
	return Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.min(30, failures - s.freeFailures));
}

/** Milliseconds the caller must still wait before another attempt (0 = may try now). */
export function throttleWait(store: Store, username: string, ip: string, nowMs: number, s: ThrottleSettings): number {
	let wait = 0;
	const stmt = store.db.$client.prepare('SELECT failures, last_failure_at AS lastFailureAt FROM login_throttle WHERE key = ?');
	for (const key of keys(username, ip)) {
		const row = stmt.get(key) as { failures: number; lastFailureAt: number } | undefined;
		if (!row) continue;
		const delay = delayFor(row.failures, s);
		// A clock that stepped back (NTP, the test clock) must not stretch the wait beyond the delay itself.
		wait = Math.max(wait, Math.min(delay, row.lastFailureAt + delay - nowMs));
	}
	return Math.max(0, wait);
}

export function recordFailure(store: Store, username: string, ip: string, nowMs: number): void {
	const stmt = store.db.$client.prepare(
		`INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?, 1, ?)
		 ON CONFLICT(key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`
	);
	for (const key of keys(username, ip)) stmt.run(key, nowMs);
}

export function recordSuccess(store: Store, username: string, ip: string): void {
	const stmt = store.db.$client.prepare('DELETE FROM login_throttle WHERE key = ?');
	for (const key of keys(username, ip)) stmt.run(key);
}

/**
 * Takes an attempt through the gate: returns the wait when throttled (nothing recorded), else
 * counts the attempt as a failure *before* the password is checked (a success clears it). The
 * check and the count happen with no await between them, so attempts arriving together cannot all
 * pass the gate while the first ones are still being verified.
 */
export function admitAttempt(store: Store, username: string, ip: string, nowMs: number, s: ThrottleSettings): number {
	const wait = throttleWait(store, username, ip, nowMs, s);
	if (wait === 0) recordFailure(store, username, ip, nowMs);
	return wait;
}

/** Takes back an admitted attempt that turned out right without ending the throttle (a second person's confirmation). */
export function withdrawAttempt(store: Store, username: string, ip: string): void {
	const dec = store.db.$client.prepare('UPDATE login_throttle SET failures = failures - 1 WHERE key = ? AND failures > 0');
	for (const key of keys(username, ip)) dec.run(key);
	store.db.$client.prepare('DELETE FROM login_throttle WHERE failures <= 0').run();
}

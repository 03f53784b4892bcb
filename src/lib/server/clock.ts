/**
 * The server's only source of "now". Production reads the system clock; a test-only setting
 * (enabled by COUNTERLINE_TEST_MODE=1, ignored otherwise) lets end-to-end tests fix or move time.
 */
import { config } from './config';

let fixedAt: number | null = null;
let offsetMs = 0;

/** Epoch milliseconds now, per the server clock. */
export function now(): number {
	if (fixedAt !== null) return fixedAt;
	return Date.now() + offsetMs;
}

/** Test-only: fix the clock at an instant (or release it with null). Refused outside test mode. */
export function setTestClock(at: number | null): void {
	if (!config.testMode) throw new Error('The test clock is disabled outside test mode.');
	fixedAt = at;
	offsetMs = 0;
}

/** Whether the test clock may be used in this process. */
export function testClockEnabled(): boolean {
	return config.testMode;
}

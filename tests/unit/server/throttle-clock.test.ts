import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { recordFailure, throttleWait } from '$lib/server/auth/throttle';

const T0 = Date.UTC(2026, 10, 23, 16, 0);
const settings = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('login throttling when the clock steps back', () => {
	it('never asks for longer than the delay itself (failures recorded "in the future" of now)', () => {
		const store = testStore();
		for (let i = 0; i < 7; i++) recordFailure(store, 'pat', '10.0.0.1', T0);
		expect(throttleWait(store, 'pat', '10.0.0.1', T0, settings)).toBe(4000);
		// Twenty days earlier (a test clock, an NTP step): still the 4 s delay, not twenty days.
		expect(throttleWait(store, 'pat', '10.0.0.1', T0 - 20 * 86_400_000, settings)).toBe(4000);
		expect(throttleWait(store, 'pat', '10.0.0.1', T0 + 4000, settings)).toBe(0);
	});
});

/** Test-only: fix the server clock (COUNTERLINE_TEST_MODE=1). In any other mode this route does not exist. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { setTestClock, testClockEnabled } from '$lib/server/clock';

export const POST: RequestHandler = async ({ request }) => {
	if (!testClockEnabled()) error(404, { message: 'Not found' });
	const body = (await request.json().catch(() => null)) as { at?: unknown } | null;
	const at = body?.at;
	if (at !== null && (typeof at !== 'number' || !Number.isSafeInteger(at))) error(400, { message: 'Send {"at": epochMs} or {"at": null}.' });
	setTestClock(at);
	return json({ at });
};

/** Display formatting of instants in the office's time zone. */
import { policy } from '$lib/policy/settings';

const stamp = new Intl.DateTimeFormat('en-US', {
	timeZone: policy.timeZone,
	year: 'numeric',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit'
});

/** "Nov 2, 2026, 3:05 PM" in the office's time zone. */
export function formatStamp(epochMs: number): string {
	return stamp.format(new Date(epochMs));
}

import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { searchAccounts } from '$lib/server/repos/accounts';

describe('account search by number', () => {
	const store = testStore();
	generateSandbox(store.db.$client, { accounts: 300, seed: 42, today: '2026-11-02' });
	const numbers = (store.db.$client.prepare('SELECT number FROM accounts ORDER BY number').all() as { number: string }[]).map((r) => r.number);
	const byDigits = (digits: string) => numbers.filter((n) => n.replace(/-/g, '').startsWith(digits)).slice(0, 20);

	it.each([
		['the first digits, dashes left out', (n: string) => n.replace(/-/g, '').slice(0, 6)],
		['the whole number without dashes', (n: string) => n.replace(/-/g, '')],
		['the number as printed', (n: string) => n],
		['the first three digits (every account)', (n: string) => n.slice(0, 3)],
		['digits running into the suffix', (n: string) => n.replace(/-/g, '').slice(0, 10)]
	])('finds accounts by %s, in number order', (_, typed) => {
		for (const n of [numbers[0], numbers[123], numbers[299]]) {
			const q = typed(n);
			expect(searchAccounts(store, q).map((h) => h.number)).toEqual(byDigits(q.replace(/-/g, '')));
		}
	});

	it('digits that match no account fall through to the name and address search', () => {
		expect(searchAccounts(store, '999999')).toEqual([]);
	});
});

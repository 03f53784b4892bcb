import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { nextLockoffDay } from '$lib/server/sandbox/delinquency';
import { readLockoffList } from '$lib/server/repos/lockoff-list';
import { exclusionsFor } from '$lib/domain/exclusions';
import { daysBetween } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

function listed(seed: number, accounts: number, today: string) {
	const db: Database.Database = openDatabase(':memory:', 'drizzle').$client;
	generateSandbox(db, { accounts, seed, today });
	const date = nextLockoffDay(today);
	const list = readLockoffList(db, date);
	const codes = list.accounts.map((a) => {
		const paid = list.inbox.filter((i) => i.accountNumber === a.accountNumber).reduce((s, i) => s + i.amountCents, 0);
		return { a, codes: exclusionsFor(a, { date, paidCents: paid }, policy).map((f) => f.code) };
	});
	return { db, date, list, codes };
}

describe('the next lock-off day’s list shows the cases a lead must catch, for any seed', () => {
	it.each([
		// [seed, accounts, today, at least this many on the list]
		[42, 300, '2026-11-02', 20], // the e2e sandbox (Monday)
		[42, 500, '2026-11-02', 30], // the demo sandbox
		[7, 150, '2026-11-05', 8], // a Thursday
		[1234, 120, '2026-11-06', 8] // a Friday: the list is for the next Monday
	])('seed %i, %i accounts, today %s', (seed, accounts, today, size) => {
		const { date, codes } = listed(seed, accounts, today);
		expect(codes.length).toBeGreaterThanOrEqual(size);
		const one = (pred: (x: (typeof codes)[number]) => boolean) => codes.filter(pred).length;
		// Paid overnight through the inbox (F-22), a covering medical certificate (F-23), a notice mailed 8 days before (F-26).
		expect(one((x) => x.codes[0] === 'PAID')).toBeGreaterThanOrEqual(1);
		expect(one((x) => x.codes.includes('MEDICAL'))).toBeGreaterThanOrEqual(1);
		expect(one((x) => !!x.a.notice.mailedOn && daysBetween(x.a.notice.mailedOn, date) === 8 && x.codes.includes('NOTICE'))).toBeGreaterThanOrEqual(1);
		// And accounts a crew can actually lock (for the locked-then-paid case).
		expect(one((x) => x.codes.length === 0)).toBeGreaterThanOrEqual(2);
	});

	it('is part of the deterministic sandbox: the same seed and day give the same list', () => {
		const a = listed(42, 300, '2026-11-02');
		const b = listed(42, 300, '2026-11-02');
		expect(JSON.stringify(b.list)).toBe(JSON.stringify(a.list));
	});
});

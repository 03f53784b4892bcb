import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { seedOpenBatch } from '$tests/fixtures/drawer-close';
import { listOverShort } from '$lib/server/repos/over-short';
import { can } from '$lib/authz/can';
import type { Level } from '$lib/domain/levels';

describe("the office's cash over/short ledger", () => {
	it('lists entries newest first with the drawer, batch and bag, and totals over, short and net', () => {
		const store = testStore();
		const { batchId } = seedOpenBatch(store);
		const db = store.db.$client;
		db.prepare("UPDATE batches SET bag_number = 'B-9' WHERE id = ?").run(batchId);
		const ins = db.prepare("INSERT INTO cash_over_short (batch_id, amount_cents, explanation, recorded_at, recorded_by) VALUES (?, ?, ?, ?, 'morgan')");
		ins.run(batchId, -700, 'Short $7.00, not found.', 2000);
		ins.run(batchId, 25, 'Over a quarter.', 1000);
		const { entries, totals } = listOverShort(store);
		expect(entries.map((e) => [e.drawer, e.businessDate, e.amountCents, e.bagNumber, e.recordedBy])).toEqual([
			['Counter 4', '2026-11-02', -700, 'B-9', 'morgan'],
			['Counter 4', '2026-11-02', 25, 'B-9', 'morgan']
		]);
		expect(totals).toEqual({ entries: 2, overCents: 25, shortCents: -700, netCents: -675 });
	});

	it.each([
		['csr1', false],
		['csr2', false],
		['csr3', false],
		['senior', true],
		['supervisor', true]
	] as [Level, boolean][])('%s may see it: %s', (level, allowed) => {
		expect(can({ id: 1, level, isAdmin: false }, 'overShort.view')).toBe(allowed);
	});
});

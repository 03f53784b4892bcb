import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { SHOWCASE_BALANCE_CENTS } from '$lib/server/sandbox/showcase-payment';
import { readPaymentAccount } from '$lib/server/repos/payment-account';
import { fromLocal } from '$lib/domain/calendar';

describe('counter-payment showcase in the generated sandbox', () => {
	it.each([100, 300])('%i accounts: an active account owes exactly $62.40 of a current bill, nothing past due', (accounts) => {
		const db = openDatabase(':memory:', 'drizzle').$client;
		generateSandbox(db, { accounts, seed: 42, today: '2026-11-02' });
		const rows = db
			.prepare("SELECT a.number FROM accounts a WHERE a.status = 'active' AND (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) = ?")
			.all(SHOWCASE_BALANCE_CENTS) as { number: string }[];
		expect(rows.length).toBeGreaterThanOrEqual(1);
		const a = readPaymentAccount(db, rows[0].number, fromLocal('2026-11-03', 14 * 60 + 50))!.account;
		expect(a).toMatchObject({ balanceCents: 6240, pastDueCents: 0, lockoffAmountCents: 0, cashOnly: false });
		const last = db
			.prepare("SELECT l.kind, l.tender, l.posted_on AS posted FROM ledger_entries l JOIN accounts a ON a.id = l.account_id WHERE a.number = ? ORDER BY l.posted_at DESC LIMIT 1")
			.get(rows[0].number);
		expect(last).toEqual({ kind: 'payment', tender: 'online', posted: '2026-11-01' });
	});
});

import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { generateSandbox } from '$lib/server/sandbox/generate';
import { formatApplication, parseApplication, type ServiceApplication } from '$lib/server/sandbox/service-application';
import { policy } from '$lib/policy/settings';
import { daysBetween } from '$lib/domain/calendar';

const TODAY = '2026-11-02';

describe('service application notes', () => {
	const app: ServiceApplication = {
		receivedOn: TODAY,
		occupancy: 'tenant',
		serviceStartDate: '2026-11-03',
		billingCycleDay: 9,
		documentsPresented: ['photo-id', 'landlord-form', 'tax-notice'],
		listedAdults: [
			{ name: "Sean O'Brien", accountNumber: '100-075542-01' },
			{ name: 'Pa Nhia Vang', accountNumber: null }
		],
		letterOfCredit: { utility: 'Placer County Water Agency', issuedOn: '2026-09-02', monthsCovered: 12, noLatePayments: false, noReturnedItems: true, noDisconnections: true },
		enrollingInAutopay: true
	};

	it('read back exactly what was written', () => {
		expect(parseApplication(formatApplication(app))).toEqual(app);
		expect(parseApplication(formatApplication({ ...app, listedAdults: [], letterOfCredit: null, enrollingInAutopay: false }))).toMatchObject({ listedAdults: [], letterOfCredit: null });
	});

	it('refuse anything else', () => {
		expect(parseApplication('Holder verified by PIN; moving out.')).toBeNull();
		expect(parseApplication(formatApplication(app).replace('photo ID', 'passport'))).toBeNull();
	});
});

describe('deposit showcase in the generated sandbox', () => {
	const db = openDatabase(':memory:', 'drizzle').$client;
	generateSandbox(db, { accounts: 300, seed: 42, today: TODAY });
	const apps = (
		db
			.prepare("SELECT a.id, a.number, a.opened_on AS openedOn, a.deposit_held_cents AS held, n.body FROM account_notes n JOIN accounts a ON a.id = n.account_id WHERE n.category = 'application' ORDER BY a.id")
			.all() as { id: number; number: string; openedOn: string; held: number; body: string }[]
	).map((r) => ({ ...r, app: parseApplication(r.body)! }));

	it('holds a tenant with a valid letter of credit and one 61 days old, a listed adult with a write-off and an owner on autopay', () => {
		expect(apps).toHaveLength(6);
		const ages = apps.filter((a) => a.app.letterOfCredit).map((a) => daysBetween(a.app.letterOfCredit!.issuedOn, a.app.receivedOn));
		expect(ages.sort((x, y) => x - y)).toEqual([20, policy.deposit.letterMaxAgeDays + 1]);
		expect(apps.filter((a) => a.app.occupancy === 'tenant' && a.app.letterOfCredit && daysBetween(a.app.letterOfCredit.issuedOn, TODAY) <= policy.deposit.letterMaxAgeDays)).toHaveLength(1);
		const adult = apps.find((a) => a.app.listedAdults.length)!.app.listedAdults[0];
		expect(db.prepare("SELECT count(*) AS n FROM ledger_entries l JOIN accounts a ON a.id = l.account_id WHERE a.number = ? AND l.kind = 'write-off'").get(adult.accountNumber)).toEqual({ n: 1 });
		expect(apps.some((a) => a.app.occupancy === 'owner' && a.app.enrollingInAutopay)).toBe(true);
	});

	it('applications are new accounts: no history, no deposit, opened for the service start', () => {
		for (const a of apps) {
			expect(a.app.receivedOn).toBe(TODAY);
			expect(a.openedOn).toBe(a.app.serviceStartDate);
			expect(a.held).toBe(0);
			for (const t of ['ledger_entries', 'bills', 'work_orders', 'notices', 'protections'])
				expect(db.prepare(`SELECT count(*) AS n FROM ${t} WHERE account_id = ?`).get(a.id), `${a.number} ${t}`).toEqual({ n: 0 });
			expect(db.prepare('SELECT count(*) AS n FROM account_notes WHERE account_id = ?').get(a.id)).toEqual({ n: 1 });
		}
	});
});

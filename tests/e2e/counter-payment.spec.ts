import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { signIn, DEMO_PASSWORD } from './support/auth';

// Tuesday 3 November 2026, 2:50 pm in the office (America/Los_Angeles, PST = UTC−8): before the 3:00 pm same-day cut-off.
const TUESDAY_1450 = Date.UTC(2026, 10, 3, 22, 50);
const DB = 'test-results/e2e-db/counterline.db';

type Holder = { number: string; holder: string; address: string };

/** Reads fixtures from the e2e sandbox (read-only), as a tester would look them up. */
function fixture(where: string): Holder {
	const db = new Database(DB, { readonly: true, fileMustExist: true });
	try {
		const row = db
			.prepare(
				`SELECT a.number, c.first_name || ' ' || c.last_name AS holder, p.address || coalesce(' ' || p.unit, '') AS address
				 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE ${where} ORDER BY a.number LIMIT 1`
			)
			.get() as Holder | undefined;
		if (!row) throw new Error(`no sandbox account where ${where}`);
		return row;
	} finally {
		db.close();
	}
}

const hasOpenBatch = (username: string) => {
	const db = new Database(DB, { readonly: true, fileMustExist: true });
	try {
		return !!db.prepare("SELECT 1 FROM batches WHERE status = 'open' AND opened_by = ?").get(username);
	} finally {
		db.close();
	}
};

const FLOAT: [string, string][] = [
	['$20', '2'],
	['$10', '4'],
	['$5', '8'],
	['$1', '50'],
	['Quarters', '80'],
	['Dimes', '50'],
	['Nickels', '80'],
	['Pennies', '100']
];

/** A payment posts to the cashier's open batch: open Counter 1 (a CSR II verifies on the same screen) unless already open. */
async function openMyDrawer(page: Page) {
	if (hasOpenBatch('csr1')) return;
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My drawer' }).click();
	await page.getByRole('button', { name: 'Open Counter 1' }).click();
	for (const [label, n] of FLOAT) await page.getByLabel(label, { exact: true }).fill(n);
	await page.getByRole('button', { name: 'Submit float count' }).click();
	await expect(page.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
	for (const [label, n] of FLOAT) await page.getByLabel(label, { exact: true }).fill(n);
	await page.getByLabel('Their username').fill('csr2');
	await page.getByLabel('Their password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Verify float' }).click();
	await expect(page.getByRole('heading', { name: 'Both sign' })).toBeVisible();
	await page.getByRole('button', { name: 'Both signed: open the drawer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
}

/** Identify the account and verify the holder by photo ID, as at the counter. */
async function identifyAndVerify(page: Page, a: Holder) {
	await expect(page.getByRole('heading', { name: 'Identify the account' })).toBeVisible();
	await page.getByLabel('Account number on the stub').fill(a.number);
	await page.getByRole('button', { name: 'Number, holder and address match' }).click();
	await expect(page.getByRole('heading', { name: 'Who is paying?' })).toBeVisible();
	await page.getByLabel(/Payer.s name \(as on their ID\)/).fill(a.holder);
	await page.getByLabel('Service address the payer gives').fill(a.address);
	await page.getByLabel('Verified with').selectOption('photo-id');
	await page.getByRole('button', { name: 'Payer verified' }).click();
}

async function finish(page: Page, note: string) {
	await page.getByRole('button', { name: 'Receipt given' }).click();
	await page.getByLabel('What else was said or promised').fill(note);
	await page.getByRole('button', { name: 'Save the note and finish' }).click();
}

/** Signs in on the real clock, then fixes the server's clock at Tuesday 2:50 pm for the journey. */
async function signInOnTuesday(page: Page, username: string) {
	const request = page.context().request;
	await request.post('/__test/clock', { data: { at: null } });
	await signIn(page, username);
	expect((await request.post('/__test/clock', { data: { at: TUESDAY_1450 } })).ok()).toBe(true);
}

// Seconds when the machine is idle; the headroom is for a loaded CI box, not for slow steps.
test.describe.configure({ mode: 'serial', timeout: 45_000 });

test.afterAll(async ({ request }) => {
	await request.post('/__test/clock', { data: { at: null } });
});

test('a CSR I takes $80.00 cash on a $62.40 bill and gives $17.60 change', async ({ page }) => {
	const a = fixture("a.status = 'active' AND (SELECT sum(amount_cents) FROM ledger_entries l WHERE l.account_id = a.id) = 6240");
	await signInOnTuesday(page, 'csr1');
	await openMyDrawer(page);

	// From search to the account page, then Take a payment.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
	// Results come as you type; wait for them (and the address bar) before opening the account.
	await page.getByLabel('Find an account').fill(a.number);
	await expect(page).toHaveURL(/\/accounts\?q=/);
	await page.getByRole('link', { name: a.number, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.holder);
	await expect(page.getByLabel('Balance')).toContainText('$62.40');
	await page.getByRole('link', { name: 'Take a payment' }).click();
	await page.getByRole('button', { name: 'Start payment' }).click();

	await identifyAndVerify(page, a);
	await expect(page.getByRole('heading', { name: /Compare the stub/ })).toBeVisible();
	await page.getByLabel('Amount the customer pays').fill('62.40');
	await page.getByRole('button', { name: 'Continue to the tender' }).click();

	await page.getByLabel('$20', { exact: true }).fill('4');
	await expect(page.getByRole('row', { name: /Total counted/ })).toContainText('$80.00');
	await page.getByRole('button', { name: 'Cash received' }).click();

	await expect(page.getByRole('heading', { name: 'Count the change back' })).toBeVisible();
	await expect(page.getByText('Change to give')).toBeVisible();
	await page.getByRole('button', { name: 'Change counted back: $17.60' }).click();
	await page.getByRole('button', { name: /^Post \$62\.40 to batch B-\d+$/ }).click();
	await expect(page.locator('.captured')).toContainText('$17.60');
	await finish(page, 'Paid the current bill in cash at the counter.');
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('paid');

	await page.getByRole('link', { name: 'Printable summary' }).click();
	await expect(page.getByText('Change given')).toBeVisible();
	await expect(page.getByRole('main')).toContainText('$17.60');

	await page.goto(`/accounts/${a.number}`);
	await expect(page.getByLabel('Balance')).toContainText('$0.00');
	await expect(page.getByRole('cell', { name: /Counter payment \(4×\$20\)/ })).toBeVisible();
});

test('a locked account restored at 2:50 pm on a Tuesday: personal check refused, card taken, same-day reconnect order', async ({ page }) => {
	const a = fixture(
		"a.status = 'locked' AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.account_id = a.id AND w.kind = 'reconnect' AND w.status = 'open')"
	);
	await signInOnTuesday(page, 'csr1');
	await openMyDrawer(page);
	await page.goto(`/accounts/${a.number}`);
	await page.getByRole('link', { name: 'Take a payment' }).click();
	await page.getByRole('button', { name: 'Start payment' }).click();
	await identifyAndVerify(page, a);

	await expect(page.getByRole('heading', { name: /Locked off/ })).toBeVisible();
	const standard = page.getByRole('button', { name: /^Standard restoration — \$/ });
	const total = (await standard.textContent())!.replace(/^.*\$/, '').replace(/,/g, '').trim();
	await standard.click();
	await page.getByLabel('Amount the customer pays').fill(total);
	await page.getByRole('button', { name: 'Continue to the tender' }).click();

	await test.step('a personal check is refused with the policy reason', async () => {
		await page.locator('summary').filter({ hasText: 'Personal check' }).click();
		const check = page.locator('form').filter({ has: page.getByRole('button', { name: 'Accept check' }) });
		await check.getByLabel('Check number').fill('2291');
		await check.getByLabel('Pay to the order of').fill('Riverton Municipal Utilities');
		await check.getByLabel('Date on the check').fill('2026-11-03');
		await check.getByLabel('Amount written in words').fill(total);
		await check.getByLabel('Amount in figures').fill(total);
		await check.getByLabel('Signed', { exact: true }).check();
		await check.getByRole('button', { name: 'Accept check' }).click();
		await expect(page.getByRole('alert')).toContainText('guaranteed funds only');
		await expect(page.getByRole('alert')).toContainText('no personal check');
		await expect(page.getByRole('alert')).toContainText('§6');
	});

	await page.locator('summary').filter({ hasText: /^Card$/ }).click();
	await page.getByLabel('Authorisation code from the terminal').fill('A48213');
	await page.getByRole('button', { name: 'Card approved' }).click();
	await page.getByRole('button', { name: /^Post \$[\d,.]+ to batch B-\d+$/ }).click();

	await expect(page.getByRole('heading', { name: 'Place the reconnect order' })).toBeVisible();
	await expect(page.getByText('same day — 2026-11-03')).toBeVisible();
	await page.getByRole('button', { name: 'Place the reconnect order for 2026-11-03' }).click();
	await finish(page, 'Crew reconnects this afternoon; customer told to leave the gate unlocked.');
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('restored');

	await page.goto(`/accounts/${a.number}`);
	await expect(page.getByRole('listitem').filter({ hasText: 'reconnect · open · 2026-11-03 (same-day)' })).toBeVisible();
});

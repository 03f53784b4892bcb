import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { signIn, DEMO_PASSWORD } from './support/auth';

// The e2e sandbox's today, Monday 2026-11-02, is a lock-off day; the server clock is set to it (Pacific time).
const at = (h: number, m = 0) => Date.UTC(2026, 10, 2, h + 8, m);
const DAY = '2026-11-02';

async function clock(page: Page, epochMs: number | null) {
	const r = await page.request.post('/__test/clock', { data: { at: epochMs } });
	expect(r.ok()).toBe(true);
}

/** The cases a lead must catch on today's list, found the way a tester would: in the sandbox (read-only). */
function fixtures() {
	const db = new Database('test-results/e2e-db/counterline.db', { readonly: true, fileMustExist: true });
	try {
		const one = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: string } | undefined)?.n;
		const listed = `SELECT a.number AS n FROM notices t JOIN accounts a ON a.id = t.account_id WHERE t.kind = 'lockoff-notice' AND t.lockoff_date = '${DAY}' AND a.status = 'active'`;
		return {
			paid: one(`${listed} AND EXISTS (SELECT 1 FROM payment_inbox i WHERE i.account_number = a.number AND i.posted_entry_id IS NULL AND i.amount_cents >= t.amount_cents) ORDER BY a.number`),
			medical: one(`${listed} AND EXISTS (SELECT 1 FROM protections p WHERE p.account_id = a.id AND p.kind = 'medical' AND p.status = 'active' AND p.starts_on <= ? AND p.ends_on >= ?) ORDER BY a.number`, DAY, DAY),
			notice8: one(`${listed} AND julianday(t.lockoff_date) - julianday(t.issued_on) = 8`)
		};
	} finally {
		db.close();
	}
}

test.afterAll(async ({ request }) => {
	await request.post('/__test/clock', { data: { at: null } });
});

test('a CSR III runs lock-off day: paid, medical and 8-day-notice accounts pulled with their codes; the supervisor approves; a locked account pays and gets its reconnect order', async ({ page }) => {
	test.setTimeout(90_000);
	const f = fixtures();
	expect(f.paid && f.medical && f.notice8, JSON.stringify(f)).toBeTruthy();
	await clock(page, at(8));
	await signIn(page, 'csr3');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Start lock-off day' }).click();
	await expect(page.getByRole('heading', { name: 'Lock-off day — Monday 2026-11-02' })).toBeVisible();

	// The sandbox has no weather feed: the lead enters the forecast, then checks the holds.
	await page.getByLabel('Forecast low (°F)').fill('44');
	await page.getByLabel('Forecast high (°F)').fill('68');
	await page.getByRole('button', { name: 'Record the forecast' }).click();
	await page.getByRole('button', { name: "Check the day's holds" }).click();
	await page.getByRole('button', { name: /Post \d+ overnight payments/ }).click();
	await expect(page.getByRole('heading', { name: 'Review every listed account' })).toBeVisible();

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	const rows = page.getByRole('list', { name: /Rows to work through/ });
	const row = (n: string) => rows.getByRole('listitem').filter({ hasText: n });
	// The facts show why, and the code they show is preselected.
	await expect(row(f.paid!)).toContainText('PAID: The past-due was paid after the list was built.');
	await expect(row(f.medical!)).toContainText('MEDICAL: A medical certificate issued');
	await expect(row(f.notice8!)).toContainText('(8 days)');
	await expect(row(f.notice8!)).toContainText('NOTICE: The notice was mailed 8 days before the lock-off date');
	for (const [n, code] of [
		[f.paid!, 'PAID'],
		[f.medical!, 'MEDICAL'],
		[f.notice8!, 'NOTICE']
	]) {
		await expect(row(n).getByLabel(`Reason code for ${n}`)).toHaveValue(code);
		await row(n).getByRole('button', { name: `Pull ${n}` }).click();
		await expect(row(n)).toHaveCount(0);
	}

	// Filters: only the accounts still needing a pull.
	await page.getByRole('button', { name: /^Needs a pull/ }).click();
	await expect(rows.getByRole('listitem').filter({ hasText: 'may be locked off' }).first()).toBeHidden();
	await page.getByRole('button', { name: /^All/ }).click();

	// The rest by keyboard: Enter takes the row's decision and moves focus to the next row.
	await rows.getByRole('listitem').first().getByRole('button').first().focus();
	for (let left = await rows.getByRole('listitem').count(); left > 0; left--) {
		await page.keyboard.press('Enter');
		await expect(rows.getByRole('listitem')).toHaveCount(left - 1);
		if (left > 1) await expect(rows.getByRole('listitem').first().getByRole('button').first()).toBeFocused();
	}
	await clock(page, at(9));
	await page.getByRole('button', { name: 'Send the list to the supervisor' }).click();

	// The supervisor approves on the same screen; the lead cannot approve their own list.
	await expect(page.getByRole('heading', { name: 'Supervisor approves the final list' })).toBeVisible();
	const approval = page.locator('form').filter({ has: page.getByRole('button', { name: 'Approve the final list' }) });
	await approval.getByLabel('Their username').fill('csr3');
	await approval.getByLabel('Their password').fill(DEMO_PASSWORD);
	await approval.getByRole('button', { name: 'Approve the final list' }).click();
	await expect(page.getByRole('alert')).toContainText('second person');
	await clock(page, at(9, 30));
	await approval.getByLabel('Their username').fill('supervisor');
	await approval.getByLabel('Their password').fill(DEMO_PASSWORD);
	await approval.getByRole('button', { name: 'Approve the final list' }).click();
	await expect(page.getByRole('heading', { name: 'Dispatch the route sheets' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Checklist' })).toContainText('Dana Whitfield · list.approved');

	await clock(page, at(9, 45));
	await page.getByRole('button', { name: /Dispatch \d+ lock-off orders/ }).click();
	await expect(page.getByRole('heading', { name: 'Work the orders' })).toBeVisible();

	// The crew locks the first account on the route; the holder then pays the past-due at the counter.
	const first = rows.getByRole('listitem').first();
	const locked = (await first.getAttribute('data-row'))!;
	const pastDue = (await first.getByText(/^\$[\d,]+\.\d\d$/).first().textContent())!.replace(/[$,]/g, '');
	await clock(page, at(10, 30));
	await first.getByRole('button', { name: `Locked (completed) ${locked}` }).click();
	await expect(row(locked)).toHaveCount(0);
	await clock(page, at(11, 15));
	await page.getByText('A payment or an exclusion arrived').click();
	const pay = page.locator('form').filter({ has: page.getByRole('button', { name: 'Record the payment' }) });
	await pay.getByLabel('Account paid').selectOption(locked);
	await pay.getByLabel('Amount').fill(pastDue);
	await pay.getByLabel('Receipt or confirmation number').fill('CTR-20451');
	await pay.getByRole('button', { name: 'Record the payment' }).click();
	await expect(row(locked)).toContainText('PAID');
	await row(locked).getByRole('button', { name: `Order the reconnect ${locked}` }).click();
	await expect(row(locked)).toHaveCount(0);

	// The report lists the pulls with their codes and the reconnect.
	await page.getByRole('link', { name: 'Printable summary' }).click();
	const list = page.getByRole('table').first();
	for (const [n, code] of [
		[f.paid!, 'PAID'],
		[f.medical!, 'MEDICAL'],
		[f.notice8!, 'NOTICE']
	])
		await expect(list.getByRole('row').filter({ hasText: n })).toContainText(code);
	await expect(list.getByRole('row').filter({ hasText: locked })).toContainText(`RC-${DAY}-${locked}`);

	// The reconnect order is on the account, for today.
	await page.goto(`/accounts/${locked}`);
	await expect(page.getByRole('region', { name: 'Notices and work orders' })).toContainText(`reconnect · open · ${DAY} (same-day)`);
	await expect(page.getByRole('region', { name: 'Notices and work orders' })).toContainText(`lockoff · completed · ${DAY}`);
	await expect(page.getByRole('list', { name: 'Account flags' })).toContainText('Locked');
});

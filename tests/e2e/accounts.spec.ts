import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signIn } from './support/auth';

test('a CSR searches by name as they type and opens the account', async ({ page }) => {
	await signIn(page, 'csr1');
	await page.getByRole('link', { name: 'Accounts', exact: true }).click();
	// The home page has the same search box: wait for the Accounts page, or the fill can land on the old page.
	await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
	// Take a real holder's surname from an account-number search, then find them by name.
	await page.getByLabel('Find an account').fill('100');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/[?&]q=100\b/);
	const firstRow = page.getByRole('row').nth(1);
	const holder = (await firstRow.getByRole('cell').nth(1).textContent())!.trim();
	const surname = holder.split(' ').slice(-1)[0];

	await page.getByLabel('Find an account').fill(surname.slice(0, 4));
	await expect(page.getByRole('cell', { name: holder }).first()).toBeVisible();
	await page.getByRole('row').filter({ hasText: holder }).first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(holder);
	await expect(page.getByRole('heading', { name: /^Ledger/ })).toBeVisible();
	await expect(page.getByLabel('Balance')).toContainText('$');
});

test('an unknown account number answers 404 with a helpful message', async ({ page }) => {
	await signIn(page, 'csr1');
	const r = await page.goto('/accounts/999-999999-99');
	expect(r?.status()).toBe(404);
	await expect(page.getByText('No account 999-999999-99')).toBeVisible();
});

test('search with no match shows an empty state', async ({ page }) => {
	await signIn(page, 'csr1');
	await page.goto('/accounts?q=zzzzqqq');
	await expect(page.getByText('No account matches')).toBeVisible();
});

test.describe('accessibility: no serious or critical axe violations', () => {
	const pages: [string, string | null, string][] = [
		['login', null, '/login'],
		['home', 'csr1', '/'],
		['search', 'csr1', '/accounts?q=ri'],
		['admin users', 'admin', '/admin/users'],
		['admin sandbox', 'admin', '/admin/sandbox'],
		['audit log', 'supervisor', '/audit']
	];
	for (const [name, who, path] of pages) {
		test(name, async ({ page }) => {
			if (who) await signIn(page, who);
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		});
	}

	test('account page', async ({ page }) => {
		await signIn(page, 'csr1');
		await page.goto('/accounts?q=100');
		await page.getByRole('row').nth(1).getByRole('link').click();
		await expect(page.getByRole('heading', { name: /^Ledger/ })).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});

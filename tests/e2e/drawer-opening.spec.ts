import { expect, test, type Page } from '@playwright/test';
import { signIn, DEMO_PASSWORD } from './support/auth';

// The policy float: 2×$20, 4×$10, 8×$5, 50×$1, 80 quarters, 50 dimes, 80 nickels, 100 pennies = $200.00.
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

async function fillGrid(page: Page, counts: [string, string][]) {
	for (const [label, n] of counts) await page.getByLabel(label, { exact: true }).fill(n);
}

test('a CSR I opens a drawer: counts with the keyboard, a CSR II verifies on the same screen, both sign', async ({ page }) => {
	await signIn(page, 'csr1');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My drawer' }).click();
	await page.getByRole('button', { name: 'Open Counter 2' }).click();
	await expect(page.getByRole('heading', { name: 'Count the float' })).toBeVisible();

	// 10-key flow: Enter moves to the next denomination.
	await page.getByLabel('$100', { exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('$50', { exact: true })).toBeFocused();
	await fillGrid(page, FLOAT);
	await expect(page.getByRole('row', { name: /Total counted/ })).toContainText('$200.00');

	// A half-filled grid survives a reload (kept in the browser until submitted).
	await page.reload();
	await expect(page.getByLabel('Quarters', { exact: true })).toHaveValue('80');
	await page.getByRole('button', { name: 'Submit float count' }).click();

	await expect(page.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
	await fillGrid(page, FLOAT);
	// The cashier cannot be their own second person.
	await page.getByLabel('Their username').fill('csr1');
	await page.getByLabel('Their password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Verify float' }).click();
	await expect(page.getByRole('alert')).toContainText('second person');

	await fillGrid(page, FLOAT);
	await page.getByLabel('Their username').fill('csr2');
	await page.getByLabel('Their password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Verify float' }).click();
	await expect(page.getByRole('heading', { name: 'Both sign' })).toBeVisible();
	await page.getByRole('button', { name: 'Both signed: open the drawer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('opened');
	// The first user is still signed in as themselves.
	await expect(page.getByRole('banner')).toContainText('Alex Rivera');

	const checklist = page.getByRole('navigation', { name: 'Checklist' });
	await expect(checklist).toContainText('Morgan Ellis · float.verified');
	await expect(checklist).toContainText('refused');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My drawer' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Counter 2' })).toContainText('Open since');
});

test('a stale double submit is refused with a clear message and applied once', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'csr2');
	await page.goto('/drawer');
	await page.getByRole('button', { name: 'Open Counter 3' }).click();
	await page.waitForURL(/\/runs\/\d+$/);
	const url = page.url();
	const second = await context.newPage();
	await second.goto(url);
	await fillGrid(page, FLOAT);
	await page.getByRole('button', { name: 'Submit float count' }).click();
	await expect(page.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
	await fillGrid(second, FLOAT);
	await second.getByRole('button', { name: 'Submit float count' }).click();
	await expect(second.getByRole('alert')).toContainText('already submitted');
	await expect(second.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
});

test('the second person can verify from their own "To verify" queue', async ({ browser }) => {
	const cashier = await (await browser.newContext()).newPage();
	await signIn(cashier, 'csr1b');
	await cashier.goto('/drawer');
	await cashier.getByRole('button', { name: 'Open Drive-up' }).click();
	await fillGrid(cashier, FLOAT);
	await cashier.getByRole('button', { name: 'Submit float count' }).click();
	await expect(cashier.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();

	const verifier = await (await browser.newContext()).newPage();
	await signIn(verifier, 'csr2b');
	await verifier.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'To verify' }).click();
	await verifier.getByRole('link', { name: /Drawer opening — Drive-up/ }).click();
	await fillGrid(verifier, FLOAT);
	// Signed in as themselves: no same-screen credentials are asked for.
	await expect(verifier.getByLabel('Their username')).toHaveCount(0);
	await verifier.getByRole('button', { name: 'Verify float' }).click();
	await expect(verifier.getByRole('heading', { name: 'Both sign' })).toBeVisible();
	// The sign-off itself belongs to the cashier, not the verifier.
	await expect(verifier.getByText('Only the person running this procedure')).toBeVisible();

	await cashier.reload();
	await cashier.getByRole('button', { name: 'Both signed: open the drawer' }).click();
	await expect(cashier.getByRole('status').filter({ hasText: 'Completed' })).toBeVisible();
});

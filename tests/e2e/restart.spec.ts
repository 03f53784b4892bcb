import { expect, test } from '@playwright/test';
import { ownServer } from './support/own-server';
import { DEMO_PASSWORD } from './support/auth';

test('a run survives a server crash and restart: same step, counts intact, still signed in', async ({ page }) => {
	test.setTimeout(120_000);
	const server = ownServer(Number(process.env.E2E_PORT ?? 4173) + 7);
	await server.start();
	try {
		await page.goto(`${server.url}/login`);
		await page.getByLabel('Username').fill('csr2');
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
		await page.goto(`${server.url}/drawer`);
		await page.getByRole('button', { name: 'Open Counter 1' }).click();
		for (const [label, n] of [
			['$20', '2'],
			['$10', '4'],
			['$5', '8'],
			['$1', '50'],
			['Quarters', '80'],
			['Dimes', '50'],
			['Nickels', '80'],
			['Pennies', '100']
		])
			await page.getByLabel(label, { exact: true }).fill(n);
		await page.getByRole('button', { name: 'Submit float count' }).click();
		await expect(page.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
		const runUrl = page.url();

		await server.stop('SIGKILL');
		await server.start();

		await page.goto(runUrl);
		await expect(page.getByRole('heading', { name: 'Second person verifies the float' })).toBeVisible();
		await expect(page.getByRole('definition').filter({ hasText: '$200.00' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Checklist' })).toContainText('float.counted');
	} finally {
		await server.stop();
	}
});

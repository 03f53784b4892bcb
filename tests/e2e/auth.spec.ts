import { expect, test } from '@playwright/test';
import { signIn, DEMO_PASSWORD } from './support/auth';

const roles: [string, string, string[], string[]][] = [
	['csr1', 'CSR I', ['Home', 'Accounts'], ['Users', 'Sandbox', 'Audit log']],
	['csr2', 'CSR II', ['Home', 'Accounts'], ['Users', 'Sandbox', 'Audit log']],
	['csr3', 'CSR III', ['Home', 'Accounts'], ['Users', 'Sandbox', 'Audit log']],
	['senior', 'CSR Senior', ['Home', 'Accounts'], ['Users', 'Sandbox', 'Audit log']],
	['supervisor', 'Supervisor', ['Home', 'Accounts', 'Audit log', 'Users', 'Sandbox'], []],
	['admin', 'CSR I', ['Home', 'Accounts', 'Audit log', 'Users', 'Sandbox'], []]
];

for (const [username, title, visible, hidden] of roles) {
	test(`${username} signs in and sees the navigation of their role`, async ({ page }) => {
		await signIn(page, username);
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const label of visible) await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
		for (const label of hidden) await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
		await expect(page.locator('header .badge')).toContainText(title);
	});
}

test('a wrong password gets the same generic message as an unknown user', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Username').fill('csr2');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText('That username and password do not match an active account.');
	await page.getByLabel('Username').fill('nobody-here');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('That username and password do not match an active account.');
});

test('a CSR I opening an admin page gets the 403 page, not a crash', async ({ page }) => {
	await signIn(page, 'csr1');
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
	await expect(page.getByText('Only an administrator')).toBeVisible();
});

test('an unknown page says so', async ({ page }) => {
	await signIn(page, 'csr1');
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('signed-out visitors are sent to sign in and returned afterwards', async ({ page }) => {
	await page.goto('/accounts?q=al');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await page.getByLabel('Username').fill('csr1');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/accounts\?q=al$/);
});

test('a deactivated user is signed out at once', async ({ browser }) => {
	const admin = await browser.newPage();
	await signIn(admin, 'admin');
	// Create a throwaway user so other tests keep their accounts.
	await admin.goto('/admin/users');
	await admin.getByLabel('Username').fill('temp.csr');
	await admin.getByLabel('Full name').fill('Temp Person');
	await admin.getByLabel('Hire date').fill('2026-10-01');
	await admin.getByLabel(/First password/).fill('temporary-pass-1');
	await admin.getByRole('button', { name: 'Create user' }).click();
	await expect(admin.getByRole('status')).toContainText('temp.csr');

	const user = await browser.newPage();
	await signIn(user, 'temp.csr', 'temporary-pass-1');

	await admin.getByRole('link', { name: 'Temp Person' }).click();
	await admin.getByLabel('Yes, deactivate this account').check();
	await admin.getByRole('button', { name: 'Deactivate account' }).click();
	await expect(admin.getByRole('status')).toContainText('deactivated');

	await user.goto('/accounts');
	await expect(user).toHaveURL(/\/login/);
	await user.getByLabel('Username').fill('temp.csr');
	await user.getByLabel('Password').fill('temporary-pass-1');
	await user.getByRole('button', { name: 'Sign in' }).click();
	await expect(user.getByRole('alert')).toHaveText('That username and password do not match an active account.');
});

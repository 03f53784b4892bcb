import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { signIn, DEMO_PASSWORD } from './support/auth';

interface Holder {
	number: string;
	name: string;
	address: string;
	pin: string;
}

/** An active account of the e2e sandbox (read-only), away from the first ones other journeys use. */
function holderAt(offset: number): Holder {
	const db = new Database('test-results/e2e-db/counterline.db', { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				`SELECT a.number, c.first_name || ' ' || c.last_name AS name, p.address || coalesce(' ' || p.unit, '') AS address, c.pin
				 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id
				 WHERE a.status = 'active' AND c.preferred_language = 'en' ORDER BY a.id LIMIT 1 OFFSET ?`
			)
			.get(offset) as Holder;
	} finally {
		db.close();
	}
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/** From the account page: New contact, on the phone, through control and acknowledge to verification. */
async function openContact(page: Page, h: Holder) {
	await page.goto(`/accounts/${h.number}`);
	await page.getByRole('link', { name: 'New contact' }).click();
	await expect(page.getByLabel('Account number (if known)')).toHaveValue(h.number);
	await page.getByLabel('Phone').check();
	await page.getByLabel('Caller’s name, as they gave it (optional)').fill(h.name);
	await page.getByRole('button', { name: 'Start contact' }).click();
	await expect(heading(page, 'Take control of the conversation')).toBeVisible();
	await page.getByRole('button', { name: 'Done: calm greeting, my name, offer to help' }).click();
	await expect(heading(page, 'Acknowledge: let the customer vent, name the feeling')).toBeVisible();
	await page.getByRole('button', { name: 'Done: let them finish, named the feeling' }).click();
	await expect(heading(page, 'Verify identity before any account detail')).toBeVisible();
}

test('CSR I handles an angry caller who asks for a supervisor: warm transfer to a senior recorded', async ({ page }) => {
	const h = holderAt(17);
	await signIn(page, 'csr1');
	await openContact(page, h);

	await page.getByLabel('Name the caller gives').fill(h.name);
	await page.getByLabel('Service address they give').fill(h.address);
	await page.getByLabel('Account PIN they give (optional)').fill(h.pin);
	await page.getByRole('button', { name: 'Check identity' }).click();
	await expect(heading(page, 'Refocus with clarifying questions')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Recorded so far' })).toContainText('Verified as the account holder by account PIN');

	// The caller demands a supervisor: the warm transfer becomes the next move, with a drafted brief.
	await page.getByRole('button', { name: 'Asks for a supervisor' }).click();
	const brief = page.getByLabel('Brief for the senior');
	await expect(brief).toHaveValue(/Wants a supervisor/);
	await brief.fill(`${h.name} disputes a high bill and wants a supervisor. Verified by PIN. Explained the bill.`);
	await page.getByRole('button', { name: 'Warm transfer to a senior' }).click();

	// The senior takes the contact on the same screen.
	await expect(heading(page, 'Warm transfer to a senior')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Warm transfer to a senior' })).toContainText('disputes a high bill and wants a supervisor');
	await page.getByLabel('Their username').fill('senior');
	await page.getByLabel('Their password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'The senior takes the contact' }).click();

	await expect(heading(page, 'Refocus with clarifying questions')).toBeVisible();
	await page.getByRole('button', { name: 'Done: I know what happened and what they want' }).click();
	await expect(heading(page, 'Problem-solve within your authority')).toBeVisible();
	await page.getByLabel('What you offer').selectOption({ label: 'explain the bill or policy' });
	await page.getByRole('button', { name: 'Record what the senior offers' }).click();
	await page.getByLabel('Next step 1').fill('Senior reviews the bill and calls back');
	await page.getByLabel('By 1').fill('2026-11-05');
	await page.getByRole('button', { name: 'Next steps agreed' }).click();

	await expect(heading(page, 'Close: thank and document')).toBeVisible();
	await page.getByLabel('Why they contacted us (for the account note)').fill('Disputes a high bill; asked for a supervisor.');
	await page.getByRole('button', { name: 'Close and save the note' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('resolved');
	await expect(page.getByRole('region', { name: 'Recorded so far' })).toContainText('Warm transfer to a senior (taken)');
	await expect(page.getByRole('navigation', { name: 'Checklist' })).toContainText('Maria Ortiz · escalation.accepted');

	await page.goto(`/accounts/${h.number}`);
	await expect(page.getByText('Escalations: warm transfer to senior (customer-asked), taken')).toBeVisible();
});

test('an account detail before verification is refused with the policy reason', async ({ page }) => {
	const h = holderAt(23);
	await signIn(page, 'csr1c');
	await openContact(page, h);
	await page.locator('summary').filter({ hasText: 'Tell them an account detail' }).click();
	await page.getByLabel('Which detail').selectOption({ label: 'The balance' });
	await page.getByRole('button', { name: 'Tell them an account detail' }).click();
	await expect(page.getByRole('alert')).toContainText('Verify identity');
	await expect(page.getByRole('alert')).toContainText('§1 Identity before disclosure');
	// Nothing moved: still at verification, and the refusal is in the checklist.
	await expect(heading(page, 'Verify identity before any account detail')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Checklist' })).toContainText('detail.disclosed — refused');
});

import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { signIn, DEMO_PASSWORD } from './support/auth';

/** The generated tenant application with the newest (valid) letter of credit, read from the e2e database. */
function letterApplicant(): { number: string; address: string; letterDate: string } {
	const db = new Database('test-results/e2e-db/counterline.db', { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare(
				`SELECT a.number, p.address, n.body FROM account_notes n JOIN accounts a ON a.id = n.account_id JOIN premises p ON p.id = a.premise_id
				 WHERE n.category = 'application' AND n.body LIKE '%(tenant)%' AND n.body NOT LIKE '%Letter of credit: none%'`
			)
			.all() as { number: string; address: string; body: string }[];
		const dated = rows.map((r) => ({ number: r.number, address: r.address, letterDate: /Letter of credit: [^,]+, dated (\d{4}-\d{2}-\d{2})/.exec(r.body)![1] }));
		dated.sort((x, y) => (x.letterDate < y.letterDate ? 1 : -1));
		return dated[0];
	} finally {
		db.close();
	}
}

/** Serious or critical axe violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('a CSR I decides the deposit of a tenant with a valid letter of credit: a CSR II applies the waiver, the letter prints', async ({ browser }) => {
	const applicant = letterApplicant();
	const page = await (await browser.newContext()).newPage();
	await signIn(page, 'csr1');
	await nav(page, 'Start');
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'New service' }) });
	await card.getByLabel('Account number or service address').fill(applicant.address);
	await card.getByRole('button', { name: 'Start deposit decision' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Deposit decision — ${applicant.number}`);

	await expect(page.getByRole('heading', { name: 'Verify identity and right to occupy' })).toBeVisible();
	await expect(page.getByText('Photo ID, Lease', { exact: true })).toBeVisible();
	await page.getByLabel('Photo ID', { exact: true }).check();
	await page.getByLabel('Lease', { exact: true }).check();
	await page.getByRole('button', { name: 'Identity and right to occupy verified' }).click();

	await expect(page.getByRole('heading', { name: 'Check utility credit status' })).toBeVisible();
	await expect(page.getByText(new RegExp(`Sacramento Valley Power, dated ${applicant.letterDate} .*: qualifies`))).toBeVisible();
	await page.getByRole('button', { name: 'Credit status checked' }).click();

	await expect(page.getByRole('heading', { name: 'Decide: waiver, standard or doubled deposit' })).toBeVisible();
	await expect(page.getByText('How the deposit is computed (policy §4)')).toBeVisible();
	await expect(page.getByText('Rounded up to the dollar')).toBeVisible();
	expect(await axeProblems(page)).toEqual([]);
	// A CSR I is not offered the waiver itself, only the referral.
	await expect(page.getByRole('button', { name: /^Apply the waiver/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Refer the waiver (letter of credit) to a CSR II' }).click();

	await expect(page.getByRole('heading', { name: 'A CSR II or above applies the waiver' })).toBeVisible();
	await expect(page.getByText('Awaiting a second person')).toBeVisible();
	// Another CSR I cannot be that second person.
	await page.getByLabel('Their username').fill('csr1b');
	await page.getByLabel('Their password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Apply the waiver (letter of credit)' }).click();
	await expect(page.getByRole('alert')).toContainText('This step needs a CSR II or above.');

	// The CSR II finds it in their queue and applies it, signed in as themselves.
	const verifier = await (await browser.newContext()).newPage();
	await signIn(verifier, 'csr2');
	await nav(verifier, 'To verify');
	await verifier.getByRole('link', { name: `Deposit decision — ${applicant.number}` }).click();
	await expect(verifier.getByText(`a letter of credit from Sacramento Valley Power dated ${applicant.letterDate}`)).toBeVisible();
	await expect(verifier.getByLabel('Their username')).toHaveCount(0);
	await verifier.getByRole('button', { name: 'Apply the waiver (letter of credit)' }).click();
	await expect(verifier.getByRole('heading', { name: 'Receipt and account note' })).toBeVisible();

	await page.reload();
	await expect(page.getByText('waived: letter of credit (by Morgan Ellis)').first()).toBeVisible();
	await page.getByLabel('Your note: how you verified the applicant and what you explained').fill('Photo ID and lease seen; letter of credit read with the applicant.');
	await page.getByRole('button', { name: 'Write the note and finish' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('waived');

	await page.getByRole('link', { name: 'Printable summary' }).click();
	await expect(page.getByRole('heading', { name: 'Deposit decision letter' })).toBeVisible();
	await expect(page.getByText(`No security deposit is required: it is waived because of a letter of credit from Sacramento Valley Power dated ${applicant.letterDate}`)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Waiver' })).toBeVisible();
	await expect(page.getByText('Morgan Ellis').first()).toBeVisible();
	expect(await axeProblems(page)).toEqual([]);

	await page.goto(`/accounts/${applicant.number}`);
	await expect(page.getByText(/Deposit waived \(letter of credit from Sacramento Valley Power/)).toBeVisible();
});

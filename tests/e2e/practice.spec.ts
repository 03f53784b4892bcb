import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signIn } from './support/auth';
import { GOLDEN_REPLIES, say, startScenario } from './support/practice';

const GOLDEN = GOLDEN_REPLIES.highBillPlan;

async function axeClean(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });
let firstResult = '';

test('a CSR I practising an irate call verifies identity first, offers what a CSR I can, and passes', async ({ page }) => {
	await signIn(page, 'csr1b');
	await startScenario(page, 'A bill three times the usual');
	await expect(page.getByRole('timer')).toContainText('Time left');
	await expect(page.getByRole('meter', { name: 'Mood' })).toBeVisible();
	await axeClean(page);
	for (const phrase of GOLDEN.slice(0, 3)) await say(page, phrase);
	await expect(page.getByRole('navigation', { name: 'Checklist' })).toContainText('identity.checked');
	for (const phrase of GOLDEN.slice(3)) await say(page, phrase);

	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByText('Passed', { exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Faults in this scenario' })).toContainText('F-35');
	await expect(page.getByRole('region', { name: 'Faults in this scenario' }).getByText('missed')).toHaveCount(0);
	await axeClean(page);
	firstResult = page.url();
});

test('a second attempt that discloses before verifying fails, citing the rule', async ({ page }) => {
	await signIn(page, 'csr1b');
	await page.goto(firstResult);
	await page.getByRole('button', { name: 'Try again (new variant)' }).click();
	await expect(page.getByText('Scenario time')).toBeVisible();
	await say(page, 'Let me pull that up');
	await expect(page.getByRole('alert')).toContainText('Verify identity');
	for (const phrase of GOLDEN) await say(page, phrase);
	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByText('Not passed', { exact: true })).toBeVisible();
	await expect(page.getByRole('alert').first()).toContainText('Disclosed account details before verifying identity — policy §1 Identity before disclosure');
	await expect(page.getByRole('region', { name: 'Compared with earlier attempts' })).toContainText('passed');
});

test('the replay shows each step, and a senior’s comment reaches the trainee', async ({ page }) => {
	await signIn(page, 'csr1b');
	await page.goto(firstResult.replace(/result$/, 'replay'));
	const total = Number((await page.getByText(/^Event 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]);
	expect(total).toBeGreaterThan(GOLDEN.length);
	const labels: string[] = [];
	for (let i = 1; i <= total; i++) {
		await expect(page.getByText(`Event ${i} of ${total}`)).toBeVisible();
		labels.push((await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '');
		if (i < total) await page.getByRole('link', { name: 'Next event →' }).click();
	}
	expect(labels.filter((l) => l.startsWith('You said:'))).toHaveLength(GOLDEN.length);
	expect(labels.some((l) => l.includes('Maria Ortiz (simulated): escalation.accepted'))).toBe(true);
	await expect(page.getByRole('navigation', { name: 'Checklist at this point' })).toContainText('Close: thank and document');
	await expect(page.getByRole('meter', { name: 'Customer’s mood' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Comments' }).getByRole('textbox')).toHaveCount(0);
	await axeClean(page);

	await page.context().clearCookies();
	await signIn(page, 'senior');
	await page.goto(firstResult);
	await page.getByLabel('Comment on this attempt').fill('Good warm transfer: the brief meant the customer did not repeat the story.');
	await page.getByRole('button', { name: 'Add comment' }).click();
	await expect(page.getByRole('region', { name: 'Comments' })).toContainText('Maria Ortiz');
	await page.context().clearCookies();
	await signIn(page, 'csr1b');
	await page.goto(firstResult);
	await expect(page.getByRole('region', { name: 'Comments' })).toContainText('Good warm transfer');
});

test('a practice drawer opening uses the live step forms: count what is in the bag, report the short float', async ({ page }) => {
	await signIn(page, 'csr1b');
	await startScenario(page, 'Monday float, counted as it is');
	const rows = page.getByRole('table', { name: 'Drawer contents by denomination' }).getByRole('row');
	const n = await rows.count();
	for (let i = 1; i < n; i++) {
		const [label, count] = await rows.nth(i).getByRole('cell').allTextContents();
		await page.getByLabel(label, { exact: true }).fill(count);
	}
	await page.getByRole('button', { name: 'Submit float count' }).click();
	await expect(page.getByRole('heading', { name: 'Report the short float to a senior' })).toBeVisible();
	await page.getByLabel('What you counted and which senior you told').fill('Counted $195.00, $5.00 short. Told Maria Ortiz; drawer not opened.');
	await page.getByRole('button', { name: 'Report to senior' }).click();
	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByText('Passed', { exact: true })).toBeVisible();
	await expect(page.getByText('100.00')).toBeVisible();
});

test('before the end, no page or data response of any scenario carries a fault marker', async ({ page }) => {
	await signIn(page, 'csr1c');
	await page.goto('/practice');
	await axeClean(page);
	const ids = await page.locator('a[href^="/practice/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!).filter((h) => /^\/practice\/[a-z-]+$/.test(h)))]);
	expect(ids.length).toBeGreaterThanOrEqual(8);
	for (const href of ids) {
		await page.goto(href);
		const brief = await page.content();
		expect(brief, href).not.toMatch(/F-\d\d/);
		await page.getByRole('button', { name: 'Start the scenario' }).click();
		await expect(page.getByText('Scenario time')).toBeVisible();
		const url = new URL(page.url());
		const html = await (await page.request.get(url.pathname)).text();
		const json = await (await page.request.get(`${url.pathname}/__data.json`)).text();
		for (const body of [html, json]) {
			expect(body, href).not.toMatch(/F-\d\d/);
			expect(body, href).not.toContain('"refs"');
			expect(body, href).not.toContain('correctMove');
			expect(body, href).not.toContain('"style"');
		}
	}
});

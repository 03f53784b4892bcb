import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { signIn, DEMO_PASSWORD } from './support/auth';
import { ownServer } from './support/own-server';
import { DENOMS } from './support/drawer-close';

// The policy float (2×$20, 4×$10, 8×$5, 50×$1, $20 quarters, $5 dimes, $4 nickels, $1 pennies).
const FLOAT: Record<string, number> = { $20: 2, $10: 4, $5: 8, $1: 50, Quarters: 80, Dimes: 50, Nickels: 80, Pennies: 100 };

interface Batch {
	cashCents: number;
	checks: { number: string; amountCents: number }[];
	cardCents: number;
}

/** The open batch of a drawer in the e2e database (read-only), as the start module reads it: payments posted, voids excluded. */
function openBatch(drawer: string): Batch {
	const db = new Database('test-results/e2e-db/counterline.db', { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare(
				`SELECT l.tender, -l.amount_cents AS cents, l.memo FROM ledger_entries l JOIN batches b ON b.id = l.batch_id JOIN drawers d ON d.id = b.drawer_id
				 WHERE d.name = ? AND b.status = 'open' AND l.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.corrects_id = l.id AND r.kind = 'reversal')
				 ORDER BY l.posted_at, l.id`
			)
			.all(drawer) as { tender: string; cents: number; memo: string }[];
		const sum = (t: string) => rows.filter((r) => r.tender === t).reduce((s, r) => s + r.cents, 0);
		const checks = rows.filter((r) => r.tender === 'check').map((r) => ({ number: /#(\d+)/.exec(r.memo)![1], amountCents: r.cents }));
		return { cashCents: sum('cash'), checks, cardCents: sum('card') };
	} finally {
		db.close();
	}
}

function piecesFor(cents: number): Record<string, number> {
	const out: Record<string, number> = {};
	let left = cents;
	for (const [label, value] of DENOMS) {
		const n = Math.floor(left / value);
		if (n) out[label] = n;
		left -= n * value;
	}
	return out;
}
const withFloat = (counts: Record<string, number>) => Object.fromEntries(DENOMS.map(([l]) => [l, (counts[l] ?? 0) + (FLOAT[l] ?? 0)]).filter(([, n]) => n));
const dollars = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function fillGrid(scope: Locator, counts: Record<string, number>) {
	for (const [label] of DENOMS) await scope.getByLabel(label, { exact: true }).fill(counts[label] ? String(counts[label]) : '');
}
async function fillChecks(scope: Locator, checks: Batch['checks']) {
	for (const [i, c] of checks.entries()) {
		await scope.getByLabel(`Check ${i + 1} number`).fill(c.number);
		await scope.getByLabel(`Check ${i + 1} amount`).fill(dollars(c.amountCents));
	}
}
/** The form of the current step that carries a given button. */
const formWith = (page: Page, button: string) => page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) });
async function secondPerson(scope: Locator, username: string) {
	await scope.getByLabel('Their username').fill(username);
	await scope.getByLabel('Their password').fill(DEMO_PASSWORD);
}

test('a CSR II closes a drawer $7.00 short: recount, senior count, explanation, verified slip, two-person vault drop; the over/short ledger shows it', async ({ page, browser }) => {
	test.setTimeout(60_000);
	const batch = openBatch('Counter 4');
	expect(batch.cashCents).toBeGreaterThan(700);
	const deposit = batch.cashCents - 700;
	const checksCents = batch.checks.reduce((s, c) => s + c.amountCents, 0);

	await signIn(page, 'csr2');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My drawer' }).click();
	await page.getByRole('link', { name: 'Close Counter 4' }).click();
	await expect(page.getByLabel('Drawer')).toHaveValue('Counter 4');
	await page.getByRole('button', { name: 'Close drawer' }).click();
	await expect(page.getByRole('heading', { name: 'Blind count' })).toBeVisible();

	// The whole count by keyboard, 10-key style: Enter moves through the grid, the check list and on to the card total.
	const drawer = withFloat(piecesFor(deposit));
	await page.getByLabel('$100', { exact: true }).focus();
	for (const [label] of DENOMS) {
		await expect(page.getByLabel(label, { exact: true })).toBeFocused();
		if (drawer[label]) await page.keyboard.type(String(drawer[label]));
		await page.keyboard.press('Enter');
	}
	await expect(page.getByLabel('Check 1 number')).toBeFocused();
	for (const c of batch.checks) {
		await page.keyboard.type(c.number);
		await page.keyboard.press('Enter');
		await page.keyboard.type(dollars(c.amountCents));
		await page.keyboard.press('Enter');
	}
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Card settlement total')).toBeFocused();
	await page.keyboard.type(dollars(batch.cardCents));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Remove the float' })).toBeVisible();
	const floatForm = formWith(page, 'Float is out: compare with the batch');
	await fillGrid(floatForm, FLOAT);
	await floatForm.getByRole('button', { name: 'Float is out: compare with the batch' }).click();

	await expect(page.getByRole('heading', { name: 'Recount and locate the difference' })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: 'short $7.00' }).first()).toBeVisible();
	await expect(page.getByText("Needs a senior's second count: variance $7.00 ≥ $5.00.")).toBeVisible();
	await page.getByLabel('Item you checked').selectOption({ label: 'Bills stuck together' });
	await page.getByRole('button', { name: 'Mark as checked' }).click();
	await expect(page.getByText('1 of 5 checked')).toBeVisible();
	const recount = formWith(page, 'Submit recount');
	await fillGrid(recount, piecesFor(deposit));
	await fillChecks(recount, batch.checks);
	await recount.getByRole('button', { name: 'Submit recount' }).click();

	// The senior counts on the same screen with their own credentials; the cashier stays signed in.
	await expect(page.getByRole('heading', { name: "Senior's second count" })).toBeVisible();
	const seniorForm = formWith(page, 'Record the senior’s count');
	await fillGrid(seniorForm, piecesFor(deposit));
	await fillChecks(seniorForm, batch.checks);
	await secondPerson(seniorForm, 'senior');
	await seniorForm.getByRole('button', { name: 'Record the senior’s count' }).click();

	await expect(page.getByRole('heading', { name: 'Explain the variance' })).toBeVisible();
	await page.getByLabel('What was checked, what was found, who counted').fill('Recounted and checklist worked; Maria Ortiz counted again: $7.00 short, not found.');
	await page.getByRole('button', { name: 'Record the explanation' }).click();

	await expect(page.getByRole('heading', { name: 'Prepare the deposit slip' })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: money(deposit + checksCents) })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: '−$200.00' })).toBeVisible();
	await page.getByLabel('Total you wrote on the slip').fill(dollars(deposit + checksCents));
	await page.getByRole('button', { name: 'Slip prepared' }).click();

	await expect(page.getByRole('heading', { name: 'Second person verifies the deposit' })).toBeVisible();
	const verify = formWith(page, 'Slip verified, bag sealed');
	await verify.getByLabel('Sealed bag number').fill('RMU-261102-47');
	await secondPerson(verify, 'csr2b');
	await verify.getByRole('button', { name: 'Slip verified, bag sealed' }).click();

	await expect(page.getByRole('heading', { name: 'Vault drop: cashier' })).toBeVisible();
	await page.getByRole('button', { name: 'Log my vault access' }).click();
	await expect(page.getByRole('heading', { name: 'Vault drop: second person' })).toBeVisible();
	// Nobody does the vault drop alone.
	await secondPerson(formWith(page, 'Log the second person’s vault access'), 'csr2');
	await page.getByRole('button', { name: 'Log the second person’s vault access' }).click();
	await expect(page.getByRole('alert')).toContainText('second person');
	await secondPerson(formWith(page, 'Log the second person’s vault access'), 'csr2b');
	await page.getByRole('button', { name: 'Log the second person’s vault access' }).click();

	await expect(page.getByRole('status').filter({ hasText: 'Completed' })).toContainText('closed');
	await expect(page.getByRole('banner')).toContainText('Morgan Ellis');
	const recorded = page.locator('.captured');
	await expect(recorded).toContainText('short $7.00');
	await expect(recorded).toContainText('RMU-261102-47 (verified by Luis Herrera)');
	await expect(recorded).toContainText('Morgan Ellis and Luis Herrera');

	// The printable drawer close report with the deposit slip.
	await page.getByRole('link', { name: 'Printable summary' }).click();
	for (const text of ['Deposit slip', 'Less float', 'RMU-261102-47', 'Luis Herrera', 'Maria Ortiz', 'short $7.00', batch.checks[0]?.number ?? 'Checks'])
		await expect(page.locator('article')).toContainText(text);

	// Batch closed: the drawer shows closed and can be opened again tomorrow.
	await page.goto('/drawer');
	await expect(page.getByRole('listitem').filter({ hasText: 'Counter 4' })).toContainText('Closed');

	// The office's over/short ledger, as a senior sees it.
	const senior = await (await browser.newContext()).newPage();
	await signIn(senior, 'senior');
	await senior.goto('/drawer');
	await senior.getByRole('link', { name: 'Office cash over/short ledger' }).click();
	const row = senior.getByRole('row').filter({ hasText: 'Counter 4' }).filter({ hasText: 'short $7.00' });
	await expect(row).toContainText('Maria Ortiz counted again');
	await expect(row).toContainText('Morgan Ellis');
	await expect(row).toContainText('RMU-261102-47');
});

test('blind count: before the count, neither the run page nor its data mention any expected total', async ({ page }) => {
	const batch = openBatch('Counter 5');
	expect(batch.cashCents + batch.cardCents).toBeGreaterThan(0);
	await signIn(page, 'csr2');
	await page.goto('/runs/new?procedure=cash-reconciliation&subject=Counter%205');
	await page.getByRole('button', { name: 'Close drawer' }).click();
	await expect(page.getByRole('heading', { name: 'Blind count' })).toBeVisible();
	const runUrl = page.url();

	const checksCents = batch.checks.reduce((s, c) => s + c.amountCents, 0);
	const amounts = [batch.cashCents, batch.cardCents, checksCents, batch.cashCents + checksCents, ...batch.checks.map((c) => c.amountCents)].filter((c) => c > 0);
	const marks = [
		...amounts.map((c) => money(c)),
		...amounts.map((c) => new RegExp(`(?<![0-9A-Za-z])${c}(?![0-9A-Za-z])`)),
		...batch.checks.map((c) => new RegExp(`(?<![0-9A-Za-z])${c.number}(?![0-9A-Za-z])`))
	];
	const html = await page.content();
	const data = await (await page.request.get(`${runUrl}/__data.json`)).text();
	expect(data).toContain('Blind count');
	for (const text of [html, data])
		for (const m of marks) expect(typeof m === 'string' ? text.includes(m) : m.test(text), `${String(m)} in the page before the count`).toBe(false);

	// The count step is usable with assistive technology too.
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// Leave the drawer open for others: abandon this close.
	await page.getByText('Abandon this procedure…').click();
	await page.getByLabel('Why?').fill('Blind-count check only');
	await page.getByRole('button', { name: 'Abandon procedure' }).click();
	await expect(page.getByText('Abandoned: Blind-count check only')).toBeVisible();
});

test('a drawer close survives a server crash and restart: same step, every count intact', async ({ page }) => {
	test.setTimeout(120_000);
	const server = ownServer(Number(process.env.E2E_PORT ?? 4173) + 7);
	await server.start();
	try {
		await page.goto(`${server.url}/login`);
		await page.getByLabel('Username').fill('csr2');
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
		await page.goto(`${server.url}/runs/new?procedure=cash-reconciliation&subject=Counter%204`);
		await page.getByRole('button', { name: 'Close drawer' }).click();
		await expect(page.getByRole('heading', { name: 'Blind count' })).toBeVisible();
		const runUrl = page.url();
		// The drawer holds the float, $63.00 in bills and one check; the card terminal settled $41.10.
		await fillGrid(page.locator('form'), withFloat({ $50: 1, $10: 1, $1: 3 }));
		await fillChecks(page.locator('form'), [{ number: '5150', amountCents: 2575 }]);
		await page.getByLabel('Card settlement total').fill('41.10');
		await page.getByRole('button', { name: 'Submit blind count' }).click();
		const floatForm = formWith(page, 'Float is out: compare with the batch');
		await fillGrid(floatForm, FLOAT);
		await floatForm.getByRole('button', { name: 'Float is out: compare with the batch' }).click();
		await expect(page.getByRole('heading', { name: 'Recount and locate the difference' })).toBeVisible();
		// Half a recount typed when the server dies (kept in the browser until submitted).
		await formWith(page, 'Submit recount').getByLabel('$50', { exact: true }).fill('1');
		await formWith(page, 'Submit recount').getByLabel('Check 1 number').fill('5150');

		await server.stop('SIGKILL');
		await server.start();

		await page.goto(runUrl);
		await expect(page.getByRole('heading', { name: 'Recount and locate the difference' })).toBeVisible();
		const recorded = page.locator('.captured');
		await expect(recorded).toContainText('$263.00');
		await expect(recorded).toContainText('1 check, $25.75');
		await expect(recorded).toContainText('$41.10');
		await expect(recorded).toContainText('Deposit cash (float out)');
		await expect(page.getByRole('definition').filter({ hasText: 'counted $63.00' })).toBeVisible();
		await expect(formWith(page, 'Submit recount').getByLabel('$50', { exact: true })).toHaveValue('1');
		await expect(formWith(page, 'Submit recount').getByLabel('Check 1 number')).toHaveValue('5150');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		const checklist = page.getByRole('navigation', { name: 'Checklist' });
		await expect(checklist).toContainText('count.entered');
		await expect(checklist).toContainText('float.removed');
	} finally {
		await server.stop();
	}
});

import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { formWith, startScenario } from './support/practice';
import { cents, dollars, fact, fillChecks, fillGrid, lookClosely, minus, readDrawer, readFloat, valueOf } from './support/drawer-close';

/** Two amounts whose digits are the same but for one pair of neighbours swapped (a keying transposition). */
function transposed(a: string, b: string): boolean {
	const x = a.replace(/\D/g, '');
	const y = b.replace(/\D/g, '');
	const diff = [...x].flatMap((d, i) => (d === y[i] ? [] : [i]));
	return x.length === y.length && diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
}

// Issue 5: the trainee plays the close from what the page shows them — the drawer, the float the step
// names, the stub copies and the batch report — never from the scenario's answers.
test('a practice drawer close a few cents out: the locate-differences checklist finds the transposed entry, and the attempt passes', async ({ page }) => {
	test.setTimeout(60_000);
	// csr2b: a CSR II whose practice no other journey counts (they only act as a live second person elsewhere).
	await signIn(page, 'csr2b');
	await startScenario(page, 'Close of day: a few cents out');

	// Blind count: everything physically in the drawer, float included.
	const drawer = await readDrawer(page);
	const count = formWith(page, 'Submit blind count');
	await fillGrid(count, drawer.pieces);
	await fillChecks(count, drawer.checks);
	await count.getByLabel('Card settlement total').fill(dollars(drawer.cardCents));
	await count.getByRole('button', { name: 'Submit blind count' }).click();

	// Take out the float in the pieces the step names.
	await expect(page.getByRole('heading', { name: 'Remove the float' })).toBeVisible();
	const float = await readFloat(page);
	const floatForm = formWith(page, 'Float is out: compare with the batch');
	await fillGrid(floatForm, float);
	await floatForm.getByRole('button', { name: 'Float is out: compare with the batch' }).click();

	// The comparison: a few cents out, and the difference divides by 9.
	await expect(page.getByRole('heading', { name: 'Recount and locate the difference' })).toBeVisible();
	const varianceText = (await fact(page, 'Variance (cash + checks)').textContent()) ?? '';
	const variance = cents(varianceText) * (varianceText.startsWith('short') ? -1 : 1);
	expect(variance).not.toBe(0);
	expect(Math.abs(variance) % 9).toBe(0);

	// Locate-differences checklist: divisible by 9, so compare each keyed payment with its stub copy.
	await page.getByLabel(/Locate-differences checklist/).selectOption({ label: 'Difference divisible by 9: look for a transposed entry' });
	await page.getByRole('button', { name: 'Mark as checked' }).click();
	await expect(page.getByText('1 of 5 checked')).toBeVisible();
	const stubs = await lookClosely(page, 'Stub copies of today’s cash payments');
	const keyed = await lookClosely(page, 'Batch report: cash payments as keyed');
	expect(keyed.size).toBe(stubs.size);
	const differing = [...keyed].filter(([account, amount]) => cents(stubs.get(account) ?? '$0.00') !== cents(amount));
	expect(differing).toHaveLength(1);
	const [account, keyedText] = differing[0];
	const stubText = stubs.get(account)!;
	expect(transposed(keyedText, stubText), `${keyedText} vs ${stubText}`).toBe(true);
	// The drawer holds what the customer paid; the batch what was keyed: that is the whole variance.
	expect(cents(stubText) - cents(keyedText)).toBe(variance);

	const paid = /\$[\d,]+\.\d\d/.exec(stubText)![0];
	const finding = formWith(page, 'Record the finding');
	await finding.getByLabel('What you found').selectOption({ label: 'A transposed entry (two digits swapped when keyed)' });
	await finding.getByLabel('Details').fill(`${account}: keyed ${keyedText}, stub shows ${paid}`);
	await finding.getByRole('button', { name: 'Record the finding' }).click();
	const recorded = page.getByRole('region', { name: 'Recorded so far' });
	await expect(recorded).toContainText(`A transposed entry (two digits swapped when keyed): ${account}: keyed ${keyedText}, stub shows ${paid}`);

	// One recount of the deposit (float out) and the checks: the difference stays, now explained.
	const deposit = minus(drawer.pieces, float);
	const recount = formWith(page, 'Submit recount');
	await fillGrid(recount, deposit);
	await fillChecks(recount, drawer.checks);
	await recount.getByRole('button', { name: 'Submit recount' }).click();

	await expect(page.getByRole('heading', { name: 'Explain the variance' })).toBeVisible();
	await page
		.getByLabel('What was checked, what was found, who counted')
		.fill(`${varianceText}, divisible by 9. Compared the batch with the stub copies: ${account} was keyed ${keyedText}, the stub shows ${paid} — a transposed entry. Recounted once; account correction requested.`);
	await page.getByRole('button', { name: 'Record the explanation' }).click();

	// The slip: deposit cash plus the checks (cards are not on it).
	await expect(page.getByRole('heading', { name: 'Prepare the deposit slip' })).toBeVisible();
	const slipCents = valueOf(deposit) + drawer.checks.reduce((s, c) => s + c.amountCents, 0);
	expect(cents((await fact(page, 'Deposit total').textContent()) ?? '')).toBe(slipCents);
	await page.getByLabel('Total you wrote on the slip').fill(dollars(slipCents));
	await page.getByRole('button', { name: 'Slip prepared' }).click();

	await page.getByRole('button', { name: /^Ask Jordan Pike .*: Second person verifies the deposit$/ }).click();
	await expect(recorded).toContainText('verified by Jordan Pike (simulated CSR II)');

	// At the vault, the colleague offers to drop the bag alone: dual control says no.
	await page.getByRole('group', { name: /Jordan Pike/ }).getByRole('button', { name: 'we both go' }).click();
	await page.getByRole('button', { name: 'Log my vault access' }).click();
	await page.getByRole('button', { name: /^Ask Jordan Pike .*: Vault drop: second person$/ }).click();

	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByText('Passed', { exact: true })).toBeVisible();
	const faults = page.getByRole('region', { name: 'Faults in this scenario' });
	await expect(faults.getByRole('listitem').filter({ hasText: 'F-12' })).toContainText('found');
	await expect(faults.getByText('missed')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'What went well' })).toContainText('The transposed entry was identified');
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { signIn } from './support/auth';
import { parseCsv } from './support/training';
import { GOLDEN_REPLIES, converse, playGolden, say, startScenario } from './support/practice';
import { statementProblems } from '../fixtures/xapi';

async function as(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

// Due dates and "overdue" follow the server clock: fix it at the seeded sandbox's Monday morning.
const NOW = Date.UTC(2026, 10, 2, 17, 0);
test.beforeEach(async ({ request }) => {
	await request.post('/__test/clock', { data: { at: NOW } });
});
test.afterEach(async ({ request }) => {
	await request.post('/__test/clock', { data: { at: null } });
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('assign a path, practise, evidence, request, sign off, readiness, promote, matrix, exports', async ({ browser, request, baseURL }) => {
	test.setTimeout(60_000);

	// A senior assigns a real learning path — two CSR I irate contacts, both evidence C-ID — to a CSR I with a due date and a note.
	const senior = await as(browser, 'senior');
	await nav(senior, 'Team').click();
	await senior.getByRole('link', { name: 'Assign training' }).click();
	await senior.getByLabel('Assign to').selectOption({ label: 'Alex Rivera (CSR I, Counter Team A)' });
	await senior.getByLabel('Learning path').selectOption({ label: 'Difficult contacts (2 scenarios)' });
	await senior.getByLabel('Due date').fill('2026-11-13');
	await senior.getByLabel('Note to the trainee').fill('Before you take phone contacts on your own.');
	await senior.getByRole('button', { name: 'Assign' }).click();
	await expect(senior.getByRole('status')).toHaveText('Training assigned.');

	// The CSR I sees it under My training, and at the top of Practice with its due date.
	const csr1 = await as(browser, 'csr1');
	await nav(csr1, 'My training').click();
	const assigned = csr1.getByRole('region', { name: 'Assigned to me' });
	await expect(assigned).toContainText('Difficult contacts');
	await expect(assigned).toContainText('2026-11-13');
	await expect(assigned).toContainText('Not started');
	await nav(csr1, 'Practice').click();
	const top = csr1.getByRole('region', { name: 'Assigned to you' });
	await expect(top.getByRole('row')).toHaveCount(3);
	await expect(top.getByRole('row').nth(1)).toContainText('A bill three times the usual');
	await expect(top.getByRole('row').nth(1)).toContainText('2026-11-13');
	await expect(top.getByRole('row').nth(2)).toContainText('Calling about Mom’s account');
	const axe = await new AxeBuilder({ page: csr1 }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	// Past the due date, Practice flags the assigned scenarios as overdue.
	await request.post('/__test/clock', { data: { at: NOW + 14 * 86_400_000 } });
	await csr1.reload();
	await expect(top.getByRole('row').nth(1)).toContainText('Overdue');
	await request.post('/__test/clock', { data: { at: NOW } });

	// The CSR I practises in the browser: a first try that discloses before verifying fails…
	await startScenario(csr1, 'A bill three times the usual');
	await say(csr1, 'Let me pull that up');
	await converse(csr1, GOLDEN_REPLIES.highBillPlan);
	await expect(csr1.getByText('Not passed', { exact: true })).toBeVisible();
	await nav(csr1, 'My training').click();
	await expect(csr1.getByRole('region', { name: 'Assigned to me' })).toContainText('In progress');

	// …then both scenarios of the path are played through and passed.
	await playGolden(csr1, 'A bill three times the usual', GOLDEN_REPLIES.highBillPlan);
	await playGolden(csr1, 'Calling about Mom’s account', GOLDEN_REPLIES.sonAbusive);
	await nav(csr1, 'My training').click();
	await expect(csr1.getByRole('region', { name: 'Completed' })).toContainText('Difficult contacts');
	await expect(csr1.getByRole('region', { name: 'Assigned to me' })).toContainText('Nothing assigned right now.');
	await nav(csr1, 'Practice').click();
	await expect(csr1.getByRole('region', { name: 'Assigned to you' })).toHaveCount(0);

	// Evidence from those attempts appears on their record; they request sign-off.
	await nav(csr1, 'My training').click();
	await csr1.getByRole('button', { name: 'Request sign-off of C-ID' }).click();
	await expect(csr1.getByRole('status')).toContainText('Sign-off requested');
	const cid = csr1.getByRole('article', { name: /C-ID/ });
	await expect(cid).toContainText('Evidence complete');
	await expect(cid).toContainText('2 scenarios passed (2 needed)');
	await expect(cid).toContainText(/not passed, \d+(\.\d+)?\/100/);
	await expect(csr1.getByRole('region', { name: 'Readiness' })).toContainText('0 of 14 competencies signed off');

	// The request reaches the team's senior, who reviews the evidence and signs off.
	await nav(senior, 'Team').click();
	await senior.getByRole('region', { name: 'Sign-off requests' }).getByRole('link', { name: /Alex Rivera: C-ID/ }).click();
	const card = senior.getByRole('article', { name: /C-ID/ });
	await expect(card.getByRole('link', { name: 'Calling about Mom’s account' })).toBeVisible();
	await card.getByRole('button', { name: 'Sign off C-ID' }).click();
	await expect(card.getByText('Write a note: what you reviewed and observed.')).toBeVisible();
	await card.getByLabel('Sign-off note').fill('Reviewed both calls and the failed first try; verified before disclosing in the passed ones.');
	await card.getByRole('button', { name: 'Sign off C-ID' }).click();
	await expect(senior.getByRole('status')).toHaveText('Sign-off recorded.');
	await expect(senior.getByRole('article', { name: /C-ID/ })).toContainText('Signed off by Maria Ortiz');

	// The CSR I's readiness updates.
	await csr1.reload();
	await expect(csr1.getByRole('region', { name: 'Readiness' })).toContainText('1 of 14 competencies signed off');
	await expect(csr1.getByRole('region', { name: 'Readiness' })).not.toContainText('C-ID,');

	// A supervisor promotes to CSR II: not ready, so an override with a written reason.
	const sup = await as(browser, 'supervisor');
	await nav(sup, 'Team').click();
	await sup.getByLabel('Team', { exact: true }).selectOption({ label: 'Counter Team A' });
	await sup.getByRole('button', { name: 'Show' }).click();
	await sup.getByRole('table', { name: 'Competency status by person (Counter Team A)' }).getByRole('link', { name: 'Alex Rivera' }).click();
	const readiness = sup.getByRole('region', { name: 'Readiness' });
	await readiness.getByRole('button', { name: 'Promote to CSR II' }).click();
	await expect(readiness.getByText('Write a note for the record.')).toBeVisible();
	await readiness.getByLabel('Note for the record').fill('Covers the phones and counter confidently.');
	await readiness.getByRole('button', { name: 'Promote to CSR II' }).click();
	await expect(readiness.getByText(/Not ready: 13 competencies are not signed off/)).toBeVisible();
	await expect(readiness.getByLabel('Note for the record')).toHaveValue('Covers the phones and counter confidently.');
	await readiness.getByLabel('Override reason').fill('Office needs a second CSR II on Team A; remaining sign-offs scheduled this quarter.');
	await readiness.getByRole('button', { name: 'Promote to CSR II' }).click();
	await expect(sup.getByRole('status')).toHaveText('Promotion recorded.');
	await expect(sup.getByRole('main')).toContainText('CSR II since');

	// The team matrix shows it.
	await nav(sup, 'Team').click();
	const matrix = sup.getByRole('table', { name: /Competency status by person/ });
	const row = matrix.getByRole('row', { name: /Alex Rivera/ });
	await expect(row.getByRole('rowheader')).toContainText('CSR II');
	await expect(row.getByRole('cell').nth(3)).toHaveText('✓Signed off');

	// CSV and xAPI exports download and parse.
	await row.getByRole('link', { name: 'Alex Rivera' }).click();
	const [csvDownload] = await Promise.all([sup.waitForEvent('download'), sup.getByRole('link', { name: 'Download CSV' }).click()]);
	const csv = parseCsv(readFileSync((await csvDownload.path())!, 'utf8'));
	expect(csv[0].slice(0, 8)).toEqual(['Person', 'Username', 'Level', 'Team', 'Competency', 'Competency title', 'Competency level', 'Status']);
	const idRow = csv.find((r) => r[4] === 'C-ID')!;
	expect(idRow.slice(0, 3)).toEqual(['Alex Rivera', 'csr1', 'CSR II']);
	expect(idRow[7]).toBe('Signed off');
	expect(idRow[16]).toBe('Maria Ortiz');

	const [jsonDownload] = await Promise.all([sup.waitForEvent('download'), sup.getByRole('link', { name: 'Download xAPI statements' }).click()]);
	const statements = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as Record<string, unknown>[];
	const verbs = statements.map((s) => (s.verb as { id: string }).id.split('/').pop());
	expect(verbs.filter((v) => v === 'attempted')).toHaveLength(3);
	expect(verbs.filter((v) => v === 'passed')).toHaveLength(2);
	expect(verbs.filter((v) => v === 'failed')).toHaveLength(1);
	expect(verbs.filter((v) => v === 'signed-off')).toHaveLength(1);
	for (const s of statements) expect(statementProblems(s, baseURL!)).toEqual([]);
});

test.describe('accessibility of the tracker pages: no serious or critical axe violations', () => {
	const pages: [string, string, string][] = [
		['My training', 'csr1', '/training'],
		['person page (senior view)', 'senior', '/people/1'],
		['team dashboard', 'senior', '/team'],
		['assign form', 'senior', '/team/assign'],
		['readiness dashboard', 'supervisor', '/readiness'],
		['framework editor', 'supervisor', '/framework'],
		['printable record', 'supervisor', '/people/1/record']
	];
	for (const [name, who, path] of pages) {
		test(name, async ({ page }) => {
			await signIn(page, who);
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
		});
	}
});

/**
 * Reading a practice drawer close the way the trainee does: the drawer's physical contents, the float
 * the step asks to take out, the documents they look at closely, and the figures the step shows.
 * Everything comes from the page; amounts are handled in integer cents.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The count grid's denominations, as it labels them, with their value in cents. */
export const DENOMS: [string, number][] = [
	['$100', 10000],
	['$50', 5000],
	['$20', 2000],
	['$10', 1000],
	['$5', 500],
	['$1', 100],
	['Quarters', 25],
	['Dimes', 10],
	['Nickels', 5],
	['Pennies', 1]
];

export type Pieces = Record<string, number>;
export interface CheckSeen {
	number: string;
	amountCents: number;
}
export interface DrawerSeen {
	pieces: Pieces;
	checks: CheckSeen[];
	cardCents: number;
}

/** "$1,234.56" → 123456 (no float arithmetic). */
export function cents(text: string): number {
	const m = /\$([\d,]+)\.(\d\d)/.exec(text);
	if (!m) throw new Error(`No amount in "${text}"`);
	return Number(m[1].replaceAll(',', '')) * 100 + Number(m[2]);
}
/** 123456 → "1234.56", as typed into an amount field. */
export const dollars = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;
export const valueOf = (pieces: Pieces) => DENOMS.reduce((s, [label, v]) => s + (pieces[label] ?? 0) * v, 0);
export const minus = (a: Pieces, b: Pieces): Pieces => Object.fromEntries(DENOMS.map(([l]) => [l, (a[l] ?? 0) - (b[l] ?? 0)]));

/** What is physically in the drawer, as the "what is physically there" panel shows it. */
export async function readDrawer(page: Page): Promise<DrawerSeen> {
	const rows = page.getByRole('table', { name: 'Drawer contents by denomination' }).getByRole('row');
	const pieces: Pieces = {};
	for (const row of (await rows.all()).slice(1)) {
		const [label, count] = await row.getByRole('cell').allTextContents();
		pieces[label.trim()] = Number(count);
	}
	const checksLine = (await page.getByText(/^Checks: #/).textContent()) ?? '';
	const checks = [...checksLine.matchAll(/#(\d+) (\$[\d,]+\.\d\d)/g)].map((m) => ({ number: m[1], amountCents: cents(m[2]) }));
	const cardCents = cents((await page.getByText(/^Card terminal settlement slip: /).textContent()) ?? '');
	return { pieces, checks, cardCents };
}

/** The float the step asks for: "Take out the $200.00 float in its own pieces: 2 × $20, 4 × $10, …". */
export async function readFloat(page: Page): Promise<Pieces> {
	const text = (await page.getByText(/float in its own pieces: /).textContent()) ?? '';
	return Object.fromEntries([...text.split('pieces:')[1].matchAll(/(\d+) × ([^,.]+)/g)].map((m) => [m[2].trim(), Number(m[1])]));
}

/** Opens an item in front of the trainee ("Look closely") and reads its lines as label → value. */
export async function lookClosely(page: Page, title: string): Promise<Map<string, string>> {
	await page.getByRole('button', { name: `Look closely at ${title}` }).click();
	const item = page.getByRole('listitem').filter({ hasText: title });
	await expect(item.getByRole('term').first()).toBeVisible();
	const terms = await item.getByRole('term').allTextContents();
	const values = await item.getByRole('definition').allTextContents();
	return new Map(terms.map((t, i) => [t, values[i]]));
}

/** The value next to a label the page shows (e.g. the step's "Variance (cash + checks)"). */
export const fact = (page: Page, label: string) => page.getByRole('term').filter({ hasText: label }).first().locator('xpath=following-sibling::dd[1]');

export async function fillGrid(form: Locator, pieces: Pieces): Promise<void> {
	for (const [label] of DENOMS) if (pieces[label]) await form.getByLabel(label, { exact: true }).fill(String(pieces[label]));
}
export async function fillChecks(form: Locator, checks: CheckSeen[]): Promise<void> {
	for (const [i, c] of checks.entries()) {
		await form.getByLabel(`Check ${i + 1} number`).fill(c.number);
		await form.getByLabel(`Check ${i + 1} amount`).fill(dollars(c.amountCents));
	}
}

/**
 * Playing training scenarios through the practice pages as a trainee does: open Practice, pick the
 * scenario, start it, act through what the page offers. Nothing here reads the server's answers; the
 * golden replies are phrases of the choices shown on screen (their order is shuffled per variant).
 */
import { expect, type Page } from '@playwright/test';

/** From anywhere: Practice → the scenario's brief → Start; leaves the page on the new attempt. */
export async function startScenario(page: Page, title: string): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
	await page.getByRole('link', { name: title }).first().click();
	await page.getByRole('button', { name: 'Start the scenario' }).click();
	await expect(page.getByText('Scenario time')).toBeVisible();
}

/** Picks the reply that contains `phrase` among the ones shown. */
export async function say(page: Page, phrase: string): Promise<void> {
	await page.getByRole('group', { name: 'What do you say?' }).getByRole('button', { name: phrase }).click();
}

/** Says each reply in turn; a whole conversation ends on the attempt's result page. */
export async function converse(page: Page, phrases: readonly string[]): Promise<void> {
	for (const phrase of phrases) await say(page, phrase);
}

/** The form of the current step that carries a given button. */
export const formWith = (page: Page, button: string) => page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) });

/** Golden replies of the irate-contact scenarios the journeys play, by a phrase each contains. */
export const GOLDEN_REPLIES = {
	/** "A bill three times the usual" (CSR I): verify, then offer only what a CSR I may and bring in the senior for the plan. */
	highBillPlan: [
		'this is your CSR speaking',
		'I can hear how upsetting',
		'First, to protect your account',
		'Has anything changed at home',
		'Here’s what I can do right now',
		'Offer the plan: half of the past-due',
		'I can answer that',
		'To recap: your first plan installment'
	],
	/** "Calling about Mom’s account" (CSR I): not on the account, abusive, demands a supervisor. */
	sonAbusive: [
		'Thank you for calling Riverton Utilities',
		'I can hear you’re worried about your mom',
		'Are you the account holder, or authorised on the account',
		'I need you to stop using that language',
		'If the language continues, I will end this call',
		'I’ll bring in my senior, Maria Ortiz',
		'Only your mother, or someone she authorises in writing',
		'I’ll mail the authorisation form to your mother'
	]
} as const;

/** Plays a scenario's golden conversation from Practice to its result page, and checks it passed. */
export async function playGolden(page: Page, title: string, replies: readonly string[]): Promise<void> {
	await startScenario(page, title);
	await converse(page, replies);
	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByText('Passed', { exact: true })).toBeVisible();
}

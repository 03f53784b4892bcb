/**
 * How big the reliability runs are. `npm test` uses the default sizes (the whole suite in a few
 * minutes on 2 cores); `RELIABILITY_SCALE=full` runs the counts issue 8 asks for.
 */
const full = process.env.RELIABILITY_SCALE === 'full';

export const SCALE = {
	full,
	/** Crash and resume: server kills (kill points and random moments together). */
	kills: full ? 120 : 25,
	/** Races: concurrent duplicate submissions of one step (the full count is cheap: always run it). */
	duplicates: 1000,
	/** Bad input: requests per form action, API route and page (full: at least 200 each and 10,000 in all). */
	fuzzPerRoute: (targets: number) => (full ? Math.max(200, Math.ceil(10_000 / targets)) : 20),
	/** Backup: sandbox accounts in the database being backed up. */
	backupAccounts: full ? 20000 : 2000
};

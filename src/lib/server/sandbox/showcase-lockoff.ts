/**
 * Makes sure the next lock-off day's list shows the cases a lead must catch (policy §5, faults F-22,
 * F-23, F-26), whatever the seed and size: an account paid overnight through the inbox (PAID), one
 * with a medical certificate covering the day (MEDICAL), and one whose notice was mailed only 8 days
 * before (NOTICE). The generator usually deals the first two; the 8-day notice it deals only by
 * chance (its short notices are 8 or 9 days). Runs after the accounts are written and only adjusts
 * rows the generator made, choosing accounts in list order, so the same seed and day give the same
 * sandbox. Accounts are never added (a sandbox of N accounts stays N).
 */
import type Database from 'better-sqlite3';
import { policy } from '$lib/policy/settings';
import { addDays, daysBetween } from '$lib/domain/calendar';
import { exclusionsFor, type ExclusionCode } from '$lib/domain/exclusions';
import { readLockoffList } from '../repos/lockoff-list';
import type { LocalClock } from './book';
import { CLINICS, CONDITIONS } from './names';

/** The short notice the showcase guarantees: mailed 8 days before the lock-off date, two short of the minimum. */
const SHORT_NOTICE_DAYS = policy.delinquency.noticeMinDays - 2;

export function showcaseLockoff(sqlite: Database.Database, clock: LocalClock, today: string, lockDay: string): void {
	const d = policy.delinquency;
	const list = readLockoffList(sqlite, lockDay);
	const paidBy = (n: string) => list.inbox.filter((i) => i.accountNumber === n).reduce((s, i) => s + i.amountCents, 0);
	const findings = new Map(list.accounts.map((a) => [a.accountNumber, exclusionsFor(a, { date: lockDay, paidCents: paidBy(a.accountNumber) }, policy).map((f) => f.code)]));
	const idOf = (n: string) => (sqlite.prepare('SELECT id FROM accounts WHERE number = ?').get(n) as { id: number }).id;
	const has = (code: ExclusionCode) => [...findings.values()].some((f) => f.includes(code));
	// Accounts the showcase may change: nothing on file pulls them, and each is used for one case only.
	const clean = list.accounts.filter((a) => findings.get(a.accountNumber)!.length === 0);
	const take = () => clean.shift();

	if (!list.accounts.some((a) => a.notice.mailedOn && daysBetween(a.notice.mailedOn, lockDay) === SHORT_NOTICE_DAYS)) {
		// Prefer a notice that is already short (one more day late keeps its amount true); else a clean account's.
		const short = list.accounts.find((a) => a.notice.mailedOn && daysBetween(a.notice.mailedOn, lockDay) < d.noticeMinDays && findings.get(a.accountNumber)!.join() === 'NOTICE');
		const a = short ?? take();
		if (a?.notice.mailedOn) {
			const id = idOf(a.accountNumber);
			const mailed = addDays(lockDay, -SHORT_NOTICE_DAYS);
			sqlite.prepare("UPDATE notices SET issued_on = ? WHERE account_id = ? AND kind = 'lockoff-notice' AND lockoff_date = ?").run(mailed, id, lockDay);
			sqlite
				.prepare("UPDATE account_notes SET created_at = ? WHERE account_id = ? AND category = 'collections' AND body LIKE ?")
				.run(clock.at(mailed, 16 * 60 + 30), id, `Lock-off notice mailed for ${lockDay}:%`);
		}
	}

	if (!has('PAID')) {
		const a = take();
		if (a) {
			const tag = a.doorTag.deliveredOn ? d.doorTagFeeCents : 0;
			sqlite.prepare("INSERT INTO payment_inbox (account_number, amount_cents, channel, received_at) VALUES (?, ?, 'drop-box', ?)").run(a.accountNumber, a.pastDueCents + tag, clock.at(addDays(today, -1), 21 * 60 + 40));
		}
	}

	if (!has('MEDICAL')) {
		const a = take();
		if (a) {
			const issued = addDays(lockDay, -5) < today ? addDays(lockDay, -5) : today;
			const ends = addDays(issued, d.medicalCertificateDays - 1);
			const details = `Medical certificate from ${CLINICS[0]}: ${CONDITIONS[0]}. Covers ${issued} to ${ends}.`;
			const id = idOf(a.accountNumber);
			sqlite.prepare("INSERT INTO protections (account_id, kind, status, starts_on, ends_on, details) VALUES (?, 'medical', 'active', ?, ?, ?)").run(id, issued, ends, details);
			sqlite.prepare("INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, 'System', 'collections', ?)").run(id, clock.at(issued, 10 * 60), `Medical certificate received by fax. ${details}`);
		}
	}
}

/**
 * Lock-off day starts from the day itself (no subject): the date is today in the office's time zone,
 * the list is read from the sandbox (notices naming today, protections, past-due since the notice,
 * the unposted overnight inbox). The sandbox has no weather feed, so the forecast is left for the
 * lead to enter at the holds step. Whether lock-offs can happen today is the machine's call
 * (dayHoldAt): a day it would hold is refused here with its reason, before anything is recorded.
 */
import { policy } from '$lib/policy/settings';
import { toLocal, weekdayOf } from '$lib/domain/calendar';
import { dayHoldAt, type LockoffDayInput } from '$machines/lockoff-day.machine';
import { readLockoffList } from '../../repos/lockoff-list';
import type { ProcedureStart } from './types';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const lockoffDayStart: ProcedureStart = {
	subjectLabel: null,
	plan(db, { at }) {
		const date = toLocal(at, policy.timeZone).date;
		const hold = dayHoldAt({ policy, date, forecast: null }, at);
		if (hold) return { ok: false, message: `Lock-off day cannot run today (${date}): ${hold.reason}` };
		const other = db
			.prepare(
				`SELECT id, status FROM procedure_runs WHERE procedure = 'lockoff-day' AND json_extract(input, '$.date') = ?
				 AND (status IN ('in_progress', 'awaiting_verification') OR (status = 'completed' AND coalesce(outcome, '') <> 'held')) ORDER BY id LIMIT 1`
			)
			.get(date) as { id: number; status: string } | undefined;
		if (other)
			return {
				ok: false,
				message: `Lock-off day ${date} ${other.status === 'completed' ? 'has already been run' : 'is already under way'} (run #${other.id}). There is one list per day.`
			};
		const list = readLockoffList(db, date);
		if (list.accounts.length === 0) return { ok: false, message: `Nobody is on the lock-off list for ${date}: no lock-off notice names this date.` };
		const input: Omit<LockoffDayInput, 'policy'> = { date, forecast: null, accounts: list.accounts, inbox: list.inbox };
		return { ok: true, input: { ...input }, subject: `${WEEKDAYS[weekdayOf(date) - 1]} ${date}` };
	}
};

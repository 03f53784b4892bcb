/**
 * The lock-off path (policy §5): lock-off notices (≥ 10 days, a few short or misaddressed), door
 * tags with their fee, locks with the lock-off fee and work order, the protections that pull an
 * account from the list (plan, medical, dispute, assistance, bankruptcy), and last night's unposted
 * drop-box and online payments.
 */
import { policy } from '$lib/policy/settings';
import { formatCents } from '$lib/domain/money';
import { addDays, addMonths, daysBetween, lockoffCalendarHold, nextBusinessDay } from '$lib/domain/calendar';
import { businessDay, onOrBeforeBusinessDay, pastDueAt, post, type World } from './book';
import { pay, type Ctx } from './history';
import { AGENCIES, CLINICS, CONDITIONS, FIELD_CREW, SENIOR_STAFF, STAFF } from './names';

const d = policy.delinquency;

export interface Path {
	issued: string;
	lockDate: string;
	locked: boolean;
}

export function nextLockoffDay(date: string): string {
	let day = date;
	while (lockoffCalendarHold(day)) day = addDays(day, 1);
	return day;
}

function previousLockoffDay(date: string): string {
	let day = date;
	while (lockoffCalendarHold(day)) day = addDays(day, -1);
	return day;
}

function businessDayBetween(ctx: Ctx, from: string, to: string): string {
	let day = addDays(from, ctx.rng.int(0, Math.max(0, daysBetween(from, to))));
	while (!businessDay(day) && day > from) day = addDays(day, -1);
	return day;
}

/** When the account's current notice was mailed and for which lock-off day (decided before its payments are). */
export function planPath(ctx: Ctx, w: World): Path {
	const { rng, today, lockDays } = ctx;
	if (w.profile === 'locked') {
		const lockDate = previousLockoffDay(addDays(today, -rng.int(3, 20)));
		return { lockDate, issued: onOrBeforeBusinessDay(addDays(lockDate, -rng.int(d.noticeMinDays, d.noticeMinDays + 4))), locked: true };
	}
	const lockDate = w.flavour && w.flavour !== 'broken' ? lockDays[0] : lockDays[rng.pick([0, 0, 0, 0, 0, 0, 1, 1, 2, 2])];
	let issued =
		w.flavour === 'short-notice' ? addDays(lockDate, -rng.int(d.noticeMinDays - 2, d.noticeMinDays - 1)) : onOrBeforeBusinessDay(addDays(lockDate, -rng.int(d.noticeMinDays, d.noticeMinDays + 3)));
	if (issued >= today) issued = addDays(today, -1);
	return { issued, lockDate, locked: false };
}

/** The first bill left unpaid so that something is past due when the notice is mailed. */
export function firstUnpaid(ctx: Ctx, w: World, issued: string, deeper: boolean): number {
	let k = w.bills.length - 1;
	while (k > 0 && w.bills[k].due >= issued) k--;
	return Math.max(0, deeper ? k - 1 : k);
}

function notice(ctx: Ctx, w: World, issued: string, lockDate: string, addressOk: boolean): void {
	const cents = pastDueAt(w, ctx.clock.at(issued, 16 * 60), issued);
	w.notices.push({ kind: 'lockoff-notice', issuedOn: issued, lockoffDate: lockDate, cents, addressOk });
	w.notes.push({ at: ctx.clock.at(issued, 16 * 60 + 30), author: 'System', category: 'collections', body: `Lock-off notice mailed for ${lockDate}: past due ${formatCents(cents)}.` });
}

function doorTag(ctx: Ctx, w: World, on: string, lockDate: string): void {
	post(w, ctx.clock, on, 13 * 60, 'fee', null, d.doorTagFeeCents, `Door tag fee (lock-off ${lockDate})`);
	// The lock-off amount (policy §3): the past-due on the lock-off notice plus the door-tag fee.
	const cents = noticedCents(w, lockDate) + d.doorTagFeeCents;
	w.notices.push({ kind: 'door-tag', issuedOn: on, lockoffDate: lockDate, cents, addressOk: true });
	w.notes.push({ at: ctx.clock.at(on, 13 * 60 + 10), author: ctx.rng.pick(FIELD_CREW), category: 'field', body: `Door tag hung for lock-off on ${lockDate}; amount to avoid lock-off ${formatCents(cents)}.` });
}

/** Locks the service on a lock-off day (never after the 2:00 pm cut-off); returns the minute it was done. */
function lock(ctx: Ctx, w: World, on: string): number {
	const minutes = ctx.rng.int(8 * 60 + 30, d.noNewLockoffsAfterMinutes);
	const at = ctx.clock.at(on, minutes);
	post(w, ctx.clock, on, minutes, 'fee', null, d.lockoffFeeCents, 'Lock-off (disconnect) fee');
	w.orders.push({ kind: 'lockoff', status: 'completed', createdAt: ctx.clock.at(addDays(on, -1), 15 * 60), scheduledFor: on, priority: 'normal', resolvedAt: at, memo: 'Locked at the meter; lock-off tag left on the door.' });
	w.notes.push({ at: at + 600_000, author: ctx.rng.pick(FIELD_CREW), category: 'field', body: `Service locked off for non-payment on ${on}.` });
	return minutes;
}

/** The notice, door tag, protections and payments of an account on the lock-off path, in time order. */
export function applyPath(ctx: Ctx, w: World, path: Path): void {
	const { rng, clock, today } = ctx;
	const events: { at: number; run: () => void }[] = [];
	const at = (on: string, minutes: number, run: () => void) => events.push({ at: clock.at(on, minutes), run });
	at(path.issued, 16 * 60, () => notice(ctx, w, path.issued, path.lockDate, w.flavour !== 'bad-address'));
	const after = addDays(path.issued, 1);
	const lastBefore = addDays(path.lockDate < today ? path.lockDate : today, -1);
	const p = w.profile;
	// Tags go up 2–4 days before the lock-off, and by yesterday at the latest for the coming lock-off days.
	let tagOn = w.flavour === 'late-tag' ? addDays(path.lockDate, -1) : onOrBeforeBusinessDay(addDays(path.lockDate, -rng.int(d.doorTagDaysBefore, d.doorTagDaysBefore + 2)));
	if (tagOn >= today && w.flavour !== 'late-tag') tagOn = onOrBeforeBusinessDay(addDays(today, -1));
	if (tagOn <= path.issued) tagOn = today;
	const tagged = w.flavour !== 'no-tag' && tagOn < today;
	// Plans are signed after the door tag went up (the tag is what brings most customers in), before the lock-off date.
	const signed = p === 'plan' && w.flavour !== 'broken' ? businessDayBetween(ctx, tagged && tagOn <= lastBefore ? tagOn : after, lastBefore) : null;
	if (tagged) at(tagOn, 13 * 60, () => doorTag(ctx, w, tagOn, path.lockDate));
	if (path.locked)
		at(path.lockDate, 8 * 60 + 30, () => {
			lock(ctx, w, path.lockDate);
			w.status = 'locked';
		});
	if (signed) {
		at(signed, 15 * 60, () => {
			const pastDue = pastDueAt(w, clock.at(signed, 15 * 60), signed);
			const down = Math.ceil((pastDue * policy.plans.downPaymentPercent) / 100);
			const installment = Math.ceil((pastDue - down) / policy.plans.maxInstallments);
			pay(ctx, w, signed, rng.pick(['cash', 'card', 'check'] as const), down, 'Payment plan down payment', undefined, 15 * 60 + 5);
			const details = `Signed ${signed} before the ${path.lockDate} lock-off. Past due ${formatCents(pastDue)}: down payment ${formatCents(down)} paid; ${policy.plans.maxInstallments} monthly installments of ${formatCents(installment)} on top of current bills.`;
			w.protections.push({ kind: 'plan', status: 'active', startsOn: signed, endsOn: addMonths(signed, policy.plans.maxInstallments), details });
			w.notes.push({ at: clock.at(signed, 15 * 60 + 20), author: rng.pick(STAFF.slice(3)), category: 'collections', body: `Holder verified by photo ID; requested a payment plan. ${details}` });
		});
	}
	if (p === 'dispute') {
		const opened = businessDayBetween(ctx, after, lastBefore);
		at(opened, 14 * 60, () => {
			const pastDue = pastDueAt(w, clock.at(opened, 14 * 60), opened);
			const bill = [...w.bills].reverse().find((b) => b.due < opened) ?? w.bills[w.bills.length - 1];
			const disputed = Math.min(pastDue, Math.floor((bill.cents * rng.int(30, 70)) / 100));
			const undisputed = pastDue - disputed;
			const paid = w.flavour !== 'undisputed-unpaid' && undisputed > 0;
			if (paid) pay(ctx, w, opened, rng.pick(['cash', 'card'] as const), undisputed, 'Payment of the undisputed amount');
			const details = `Disputes ${formatCents(disputed)} of the bill of ${bill.date} (meter read questioned). Undisputed ${formatCents(undisputed)} ${paid ? 'paid' : 'not yet paid'}.`;
			w.protections.push({ kind: 'dispute', status: 'active', startsOn: opened, endsOn: null, details });
			w.orders.push({ kind: 'reread', status: 'open', createdAt: clock.at(opened, 14 * 60 + 15), scheduledFor: nextBusinessDay(today), priority: 'normal', resolvedAt: null, memo: 'Dispute: reread the water meter and check for a stuck register.' });
			w.notes.push({ at: clock.at(opened, 14 * 60 + 20), author: rng.pick(STAFF.slice(3)), category: 'contact', body: `Holder verified by PIN; disputes the bill. ${details} Reread ordered.` });
		});
	}
	if (p === 'medical') {
		const issued = w.flavour === 'today' ? today : businessDayBetween(ctx, maxDate(addDays(today, -25), addDays(path.lockDate, 1 - d.medicalCertificateDays)), addDays(today, -1));
		for (let i = rng.int(0, 2), prior = issued; i > 0; i--) {
			prior = addDays(prior, -rng.int(d.medicalCertificateDays + 5, 120));
			w.protections.push({ kind: 'medical', status: 'ended', startsOn: prior, endsOn: addDays(prior, d.medicalCertificateDays - 1), details: `Medical certificate from ${rng.pick(CLINICS)}.` });
		}
		const details = `Medical certificate from ${rng.pick(CLINICS)}: ${rng.pick(CONDITIONS)}. Covers ${issued} to ${addDays(issued, d.medicalCertificateDays - 1)}.`;
		w.protections.push({ kind: 'medical', status: 'active', startsOn: issued, endsOn: addDays(issued, d.medicalCertificateDays - 1), details });
		w.notes.push({ at: clock.at(issued, issued === today ? 7 * 60 + 45 : 10 * 60), author: issued === today ? 'System' : rng.pick(STAFF.slice(3)), category: 'collections', body: `${issued === today ? 'Faxed medical certificate received.' : 'Medical certificate received by fax.'} ${details}` });
	}
	if (p === 'assist') {
		const pledged = businessDayBetween(ctx, maxDate(after, addDays(path.lockDate, 1 - d.assistancePledgeHoldDays)), addDays(today, -1));
		const details = `Pledge from ${rng.pick(AGENCIES)} toward the past-due balance; payment expected from the agency.`;
		w.protections.push({ kind: 'assist', status: 'active', startsOn: pledged, endsOn: addDays(pledged, d.assistancePledgeHoldDays - 1), details });
		w.notes.push({ at: clock.at(pledged, 15 * 60), author: rng.pick(STAFF), category: 'collections', body: `Assistance pledge received by phone from the agency caseworker. ${details}` });
	}
	if (p === 'bankruptcy') {
		const filed = businessDayBetween(ctx, after, addDays(today, -1));
		const details = `Chapter 7 petition filed ${filed}, U.S. Bankruptcy Court, Eastern District of California, case 26-${rng.int(20000, 29999)}. Stop collection of the pre-petition balance.`;
		w.protections.push({ kind: 'bankruptcy', status: 'active', startsOn: filed, endsOn: null, details });
		w.notes.push({ at: clock.at(filed, 15 * 60 + 30), author: rng.pick(SENIOR_STAFF), category: 'account', body: `Notice of bankruptcy filing received. ${details} Referred to the supervisor for a post-petition account and adequate assurance.` });
	}
	if (w.flavour === 'below-min') {
		const paid = businessDayBetween(ctx, after, addDays(today, -1));
		at(paid, 15 * 60, () => {
			// Leaves less than the minimum of what the notice says is past due (BELOW_MIN).
			const noticed = noticedCents(w, path.lockDate);
			const leave = rng.int(1000, d.minimumPastDueCents - 500);
			if (noticed > leave) pay(ctx, w, paid, rng.pick(['cash', 'card'] as const), noticed - leave, 'Partial payment toward the lock-off notice');
		});
	}
	events.sort((a, b) => a.at - b.at).forEach((e) => e.run());
	inbox(ctx, w, path);
}

/** What the lock-off notice for this path says is past due. */
function noticedCents(w: World, lockDate: string): number {
	return w.notices.findLast((n) => n.kind === 'lockoff-notice' && n.lockoffDate === lockDate)?.cents ?? 0;
}

/** Last evening's drop-box or online payment, not yet posted: the lock-off amount (PAID), or a partial one leaving under or over the minimum. */
function inbox(ctx: Ctx, w: World, path: Path): void {
	const { rng, clock, today } = ctx;
	const f = w.flavour;
	if (f !== 'inbox-full' && f !== 'inbox-partial' && f !== 'inbox-short') return;
	const noticed = noticedCents(w, path.lockDate);
	const tagged = w.notices.some((n) => n.kind === 'door-tag' && n.lockoffDate === path.lockDate);
	let cents = noticed + (tagged ? d.doorTagFeeCents : 0);
	if (f === 'inbox-full' && rng.chance(0.3)) cents = Math.ceil(cents / 100) * 100;
	if (f === 'inbox-partial') cents = noticed - rng.int(1000, d.minimumPastDueCents - 500);
	if (f === 'inbox-short') cents = noticed - d.minimumPastDueCents - rng.int(500, 3000);
	if (cents <= 0) cents = Math.max(100, Math.floor(noticed / 4));
	const night = addDays(today, -1);
	w.inbox.push({ cents, channel: rng.pick(['drop-box', 'online'] as const), receivedAt: clock.at(night, rng.int(17 * 60 + 30, 23 * 60 + 50)) });
}

/** A lock-off months ago for a late payer, paid off with the reconnect fee (and a deposit if none was held) and reconnected. */
export function lockAndRestore(ctx: Ctx, w: World, k: number, standardDeposit: () => number, state: { lastPayOn: string }): void {
	const { rng, clock } = ctx;
	const issued = onOrBeforeBusinessDay(addDays(w.bills[k].due, rng.int(4, 8)));
	const lockDate = nextLockoffDay(addDays(issued, rng.int(d.noticeMinDays, d.noticeMinDays + 2)));
	notice(ctx, w, issued, lockDate, true);
	doorTag(ctx, w, onOrBeforeBusinessDay(addDays(lockDate, -d.doorTagDaysBefore)), lockDate);
	const minutes = Math.min(lock(ctx, w, lockDate) + rng.int(30, 60), policy.restoration.sameDayPaidByMinutes);
	post(w, clock, lockDate, minutes, 'fee', null, policy.restoration.reconnectFeeCents, 'Reconnect fee');
	let depositNote = '';
	if (w.depositHeld === 0) {
		w.depositHeld = standardDeposit();
		post(w, clock, lockDate, minutes, 'deposit', null, w.depositHeld, 'Security deposit required after disconnection for non-payment');
		depositNote = ` Deposit of ${formatCents(w.depositHeld)} collected.`;
	}
	const owed = pastDueAt(w, clock.at(lockDate, minutes), lockDate);
	pay(ctx, w, lockDate, rng.pick(['cash', 'card'] as const), owed, 'Restoration payment (guaranteed funds)', undefined, minutes + 5);
	w.orders.push({ kind: 'reconnect', status: 'completed', createdAt: clock.at(lockDate, minutes + 10), scheduledFor: lockDate, priority: 'high', resolvedAt: clock.at(lockDate, minutes + 130), memo: 'Same-day reconnect: paid before the cut-off.' });
	w.notes.push({ at: clock.at(lockDate, minutes + 15), author: rng.pick(STAFF), category: 'collections', body: `Holder verified by photo ID; paid ${formatCents(owed)} in guaranteed funds to restore service.${depositNote} Reconnect order created for today.` });
	state.lastPayOn = lockDate;
}

function maxDate(a: string, b: string): string {
	return a > b ? a : b;
}

/**
 * One account's 18 months, shaped by its profile: which bills are paid, how and when; deposits
 * (charged, in installments, refunded, applied at close); leak adjustments; closures and
 * write-offs; and, for the delinquent profiles, the lock-off path.
 */
import { policy } from '$lib/policy/settings';
import { ceilToDollarFraction, formatCents } from '$lib/domain/money';
import { addDays, addMonths, withinMonths } from '$lib/domain/calendar';
import { balanceAt, newWorld, pastDueAt, post, type World } from './book';
import { buildBills, leakCredit, pay, payBills, type Ctx, type Hook, type PayOptions } from './history';
import { applyPath, firstUnpaid, lockAndRestore, nextLockoffDay, planPath } from './delinquency';
import { CONTACT_NOTES, STAFF } from './names';
import { ON_PATH, type Flavour, type Profile } from './profiles';

export interface AccountSeed {
	id: number;
	number: string;
	profile: Profile;
	flavour: Flavour;
	openedOn: string;
	electric: boolean;
	apartment: boolean;
	cycleDay: number;
	/** For a few accounts: one payment keyed to this similar account number, then transferred. */
	misappliedTo?: { id: number; number: string };
}

const dep = policy.deposit;
const HOLDS_OLD_DEPOSIT: ReadonlySet<Profile> = new Set(['late', 'nsf', 'written-off', 'moved-out', 'locked', ...ON_PATH]);

/** The standard deposit at a date (policy §4): twice the average of the last 12 months' bills, whole dollars up, at least the minimum; no-history amount under 3 bills. */
function standardDeposit(w: World, on: string): number {
	const recent = w.bills.filter((b) => b.date <= on && withinMonths(b.date, on, dep.historyMonths));
	if (recent.length < dep.minimumBillsForHistory) return dep.noHistoryCents;
	const sum = recent.reduce((s, b) => s + b.cents, 0);
	return Math.max(dep.minimumCents, ceilToDollarFraction(dep.averageMultiplier * sum, recent.length));
}

export function simulateAccount(ctx: Ctx, s: AccountSeed): World {
	const { rng, clock, today } = ctx;
	const w = newWorld({ id: s.id, number: s.number, profile: s.profile, flavour: s.flavour, today, openedOn: s.openedOn, electric: s.electric });
	const p = s.profile;
	if (p === 'written-off') w.closedOn = addDays(today, -rng.int(185, 420));
	if (p === 'moved-out') w.closedOn = addDays(today, -(rng.chance(0.3) ? rng.int(3, 25) : rng.int(26, 300)));
	const leakIdx = buildBills(ctx, w, s.cycleDay, s.apartment, s.flavour === 'leak');
	const n = w.bills.length;
	if (HOLDS_OLD_DEPOSIT.has(p) && n >= 12 && rng.chance(0.4)) w.depositHeld = standardDeposit(w, w.bills[11].date);
	const hooks: Hook[] = [];
	const o: PayOptions = { unpaidFrom: Number.POSITIVE_INFINITY, lateShare: 0.02, autopayFrom: Number.POSITIVE_INFINITY, hooks };
	const hook = (on: string, minutes: number, run: Hook['run']) => hooks.push({ at: clock.at(on, minutes), run });

	if (leakIdx !== null) leakHooks(ctx, w, leakIdx, hook);
	if (s.misappliedTo && n >= 8) o.misapplied = { k: rng.int(2, n - 5), toId: s.misappliedTo.id, toNumber: s.misappliedTo.number };
	if (p === 'autopay' || (p === 'new' && s.flavour === 'owner-waiver') || (p === 'nsf' && rng.chance(0.4))) {
		w.autopay = true;
		o.autopayFrom = p === 'autopay' ? 0 : 1;
		o.lateShare = 0;
	}
	if (p === 'on-time' && s.flavour === 'deposit-refund' && n >= 4) {
		const k = rng.int(2, n - 2);
		w.depositHeld = standardDeposit(w, w.bills[0].date);
		hook(w.bills[k].date, 5 * 60, () => {
			post(w, clock, w.bills[k].date, 5 * 60 + 1, 'deposit', null, -w.depositHeld, 'Deposit refund credited to the bill (12 consecutive on-time months)');
			w.depositHeld = 0;
		});
	}
	if (p === 'late') {
		o.lateShare = 0.4;
		if (s.flavour === 'restored') {
			const from = addMonths(today, -12);
			const to = addMonths(today, -4);
			const j = w.bills.findIndex((b) => b.date > from && b.date <= to && rng.chance(0.3));
			const k = j >= 0 ? j : Math.max(0, n - 6);
			o.skip = new Set([k]);
			hook(addDays(w.bills[k].due, 1), 5 * 60 + 30, (state) => lockAndRestore(ctx, w, k, () => standardDeposit(w, w.bills[k].due), state));
		}
	}
	if (p === 'nsf') {
		o.lateShare = 0.1;
		const from = addDays(addMonths(today, -12), 10);
		const to = addDays(today, -45);
		const candidates = rng.shuffle(w.bills.map((b, k) => k).filter((k) => w.bills[k].date >= from && w.bills[k].date <= to));
		const wanted = s.flavour === 'cash-only' ? (rng.chance(0.2) ? 3 : 2) : 1;
		const returns = new Set<number>();
		for (const k of candidates) if (returns.size < wanted && !returns.has(k - 1) && !returns.has(k + 1)) returns.add(k);
		o.returns = returns;
	}
	if (p === 'new') newAccountDeposit(ctx, w, s.flavour, hook);
	if (p === 'moved-out' || p === 'written-off') closeOut(ctx, w, o, hook);

	const path = p === 'locked' || ON_PATH.has(p) ? planPath(ctx, w) : null;
	if (path) {
		o.lateShare = 0.25;
		o.unpaidFrom = firstUnpaid(ctx, w, path.issued, rng.chance(path.locked ? 0.5 : 0.3) && s.flavour !== 'below-min');
		if (p === 'plan' && s.flavour === 'broken') brokenPlan(ctx, w, o, hook);
	}
	payBills(ctx, w, o);
	if (path) applyPath(ctx, w, path);
	if (p === 'written-off' && w.closedOn) writeOff(ctx, w, w.closedOn);
	if (p === 'moved-out') w.status = balanceAt(w, clock.at(today, 0)) === 0 && w.closedOn! < addDays(today, -1) ? 'closed' : 'final';

	if (rng.chance(0.15)) {
		const on = addDays(today, -rng.int(3, 400));
		if (on > w.openedOn) w.notes.push({ at: clock.at(on, rng.int(8 * 60, 16 * 60 + 50)), author: rng.pick(STAFF), category: 'contact', body: rng.pick(CONTACT_NOTES) });
	}
	if (rng.chance(0.03) && n > 3) {
		const on = addDays(w.bills[n - 2].date, 3);
		w.orders.push({ kind: 'reread', status: 'completed', createdAt: clock.at(on, 9 * 60), scheduledFor: addDays(on, 2), priority: 'normal', resolvedAt: clock.at(addDays(on, 2), 13 * 60), memo: 'Reread confirmed the original read.' });
	}
	return w;
}

/** A leak: the investigation order, then 50 % of the excess water credited once the repair is shown. */
function leakHooks(ctx: Ctx, w: World, k: number, hook: (on: string, minutes: number, run: Hook['run']) => void): void {
	const { rng, clock } = ctx;
	const seen = addDays(w.bills[k].date, rng.int(2, 6));
	w.orders.push({ kind: 'investigate', status: 'completed', createdAt: clock.at(seen, 9 * 60), scheduledFor: addDays(seen, 1), priority: 'normal', resolvedAt: clock.at(addDays(seen, 1), 14 * 60), memo: 'High usage: leak found on the customer side (irrigation line). Customer arranging repair.' });
	const on = addDays(w.bills[k + 1].date, -2);
	hook(on, 10 * 60, () => {
		const { cents, excess } = leakCredit(w, k);
		if (cents <= 0) return;
		post(w, clock, on, 10 * 60, 'adjustment', null, -cents, `Leak adjustment: ${policy.leak.creditPercentOfExcess}% of ${excess} CCF excess water (repair receipt on file)`);
		const a = policy.leak.authorityCents;
		const by = cents <= a.csr2 ? 'M. Ellis (CSR II)' : cents <= a.csr3 ? 'T. Brooks (CSR III)' : 'D. Whitfield (supervisor)';
		w.notes.push({ at: clock.at(on, 10 * 60 + 5), author: by.split(' (')[0], category: 'account', body: `Leak adjustment of ${formatCents(cents)} approved by ${by}: usage back to normal, plumber's receipt seen. One per 12 months.` });
	});
}

/** New service: the no-history deposit in installments, or a waiver (owner on autopay, letter of credit). */
function newAccountDeposit(ctx: Ctx, w: World, flavour: Flavour, hook: (on: string, minutes: number, run: Hook['run']) => void): void {
	const { rng, clock } = ctx;
	const at = clock.at(w.openedOn, 10 * 60 + 30);
	if (flavour === 'owner-waiver' || flavour === 'letter-waiver') {
		const why = flavour === 'owner-waiver' ? 'owner-occupant (county tax notice seen) enrolled in ACH autopay' : `letter of credit from Sacramento Valley Power dated ${addDays(w.openedOn, -rng.int(5, 50))}: 12 consecutive months, no late or returned payment`;
		w.notes.push({ at, author: rng.pick(['M. Ellis', 'L. Herrera']), category: 'account', body: `New service. Deposit waived: ${why}.` });
		return;
	}
	const amount = dep.noHistoryCents;
	const now = amount > dep.installmentAboveCents ? Math.ceil((amount * dep.installmentNowPercent) / 100) : amount;
	post(w, clock, w.openedOn, 10 * 60 + 20, 'deposit', null, now, 'Security deposit (no premise history)');
	pay(ctx, w, w.openedOn, rng.pick(['cash', 'card', 'check'] as const), now, 'Deposit payment', undefined, 10 * 60 + 25);
	w.depositHeld = now;
	const parts = dep.installmentBills;
	const rest = amount - now;
	for (let i = 0; i < parts && rest > 0 && i < w.bills.length; i++) {
		const part = i === parts - 1 ? rest - Math.floor(rest / parts) * (parts - 1) : Math.floor(rest / parts);
		const bill = w.bills[i];
		hook(bill.date, 5 * 60, () => {
			post(w, clock, bill.date, 5 * 60 + 1, 'deposit', null, part, `Security deposit installment ${i + 1} of ${parts}`);
			w.depositHeld += part;
		});
	}
	const refundFrom = addMonths(w.openedOn, dep.refundAfterOnTimeMonths);
	w.notes.push({ at, author: rng.pick(STAFF), category: 'account', body: `New service, tenant (lease seen). No-history deposit ${formatCents(amount)}: ${formatCents(now)} paid today, the rest on the next ${parts} bills. Refund eligible after ${dep.refundAfterOnTimeMonths} on-time months (from ${refundFrom}).` });
}

/** Moving out or written off: the deposit applied to the final bill, any credit refunded to the holder. */
function closeOut(ctx: Ctx, w: World, o: PayOptions, hook: (on: string, minutes: number, run: Hook['run']) => void): void {
	const { rng, clock, today } = ctx;
	const closed = w.closedOn!;
	if (w.profile === 'written-off') {
		o.lateShare = 0.3;
		o.unpaidFrom = Math.max(0, w.bills.length - rng.int(2, 3));
		o.feesUntil = addDays(closed, 45);
	}
	w.status = 'closed';
	if (w.depositHeld > 0)
		hook(closed, 5 * 60, () => {
			post(w, clock, closed, 5 * 60 + 1, 'deposit', null, -w.depositHeld, 'Deposit applied to the final bill');
			w.depositHeld = 0;
		});
	const refundOn = addDays(closed, rng.int(10, 20));
	if (refundOn < today)
		hook(refundOn, 9 * 60, () => {
			const credit = -balanceAt(w, clock.at(refundOn, 9 * 60));
			if (credit > 0) post(w, clock, refundOn, 9 * 60, 'refund', null, credit, 'Refund check mailed to the account holder (credit after final bill)');
		});
	w.notes.push({ at: clock.at(addDays(closed, -rng.int(3, 10)), 11 * 60), author: rng.pick(STAFF), category: 'account', body: `Holder verified by PIN; moving out. Final read and stop service ordered for ${closed}; forwarding address taken.` });
}

function writeOff(ctx: Ctx, w: World, closed: string): void {
	const on = addMonths(closed, 3);
	const balance = balanceAt(w, ctx.clock.at(on, 10 * 60));
	if (balance <= 0 || on >= ctx.today) return;
	post(w, ctx.clock, on, 10 * 60, 'write-off', null, -balance, 'Uncollectible final balance written off (referred to collections)');
	w.notes.push({ at: ctx.clock.at(on, 10 * 60 + 10), author: 'D. Whitfield', category: 'account', body: `Final balance of ${formatCents(balance)} unpaid 90 days after close; written off and referred to collections. A new application by this customer needs it paid or on a plan first.` });
}

/** A plan signed months ago: down payment, first installment paid with the next bill, the second missed (plan broken). */
function brokenPlan(ctx: Ctx, w: World, o: PayOptions, hook: (on: string, minutes: number, run: Hook['run']) => void): void {
	const { rng, clock } = ctx;
	const kc = o.unpaidFrom;
	const k0 = kc - 3;
	if (k0 < 1) return;
	const issued = addDays(w.bills[k0].due, rng.int(3, 6));
	const lockDate = nextLockoffDay(addDays(issued, rng.int(policy.delinquency.noticeMinDays, policy.delinquency.noticeMinDays + 2)));
	const signed = addDays(issued, rng.int(2, 6));
	const k1 = w.bills.findIndex((b) => b.date > signed);
	if (k1 < 0 || k1 + 1 > kc) return;
	const k2 = k1 + 1;
	const grace = addDays(w.bills[k2].due, policy.plans.missedInstallmentGraceDays);
	o.skip = new Set(Array.from({ length: k1 - k0 }, (_, i) => k0 + i));
	o.lateShare = 0;
	o.unpaidFrom = k2;
	let installment = 0;
	hook(issued, 16 * 60, () => {
		const cents = pastDueAt(w, clock.at(issued, 16 * 60), issued);
		w.notices.push({ kind: 'lockoff-notice', issuedOn: issued, lockoffDate: lockDate, cents, addressOk: true });
	});
	hook(signed, 11 * 60, () => {
		const pastDue = pastDueAt(w, clock.at(signed, 11 * 60), signed);
		const down = Math.ceil((pastDue * policy.plans.downPaymentPercent) / 100);
		installment = Math.ceil((pastDue - down) / policy.plans.maxInstallments);
		pay(ctx, w, signed, rng.pick(['cash', 'card'] as const), down, 'Payment plan down payment');
		const details = `Signed ${signed}: past due ${formatCents(pastDue)}, down payment ${formatCents(down)}, ${policy.plans.maxInstallments} installments of ${formatCents(installment)}. Broken: installment 2 not paid by ${grace}.`;
		w.protections.push({ kind: 'plan', status: 'broken', startsOn: signed, endsOn: grace, details });
		w.notes.push({ at: clock.at(addDays(grace, 1), 8 * 60 + 30), author: 'System', category: 'collections', body: `Payment plan defaulted (installment 2 missed). No new plan until ${addMonths(grace, policy.plans.brokenPlanBlockMonths)}. Account back on the lock-off path.` });
	});
	o.amountFor = (k) => (k === k1 ? w.bills[k1].cents + installment : null);
}

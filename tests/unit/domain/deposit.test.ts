import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	badHistory,
	billDate,
	ceilDiv,
	checkLetter,
	checkOwnHistory,
	depositAmount,
	installmentPlan,
	installmentsAllowed,
	outstandingDebt,
	refundEligibilityDate,
	standardDeposit,
	type Bill,
	type CreditFinding,
	type LetterOfCredit
} from '$lib/domain/deposit';
import { addDays, addMonths } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';

const s = policy.deposit;
const today = '2026-11-02';
/** n monthly bills ending last month, each `cents`. */
const bills = (...cents: number[]): Bill[] => cents.map((amountCents, i) => ({ date: addMonths('2026-10-15', -i), amountCents }));
const finding = (over: Partial<CreditFinding> = {}): CreditFinding => ({
	person: 'Ana Ruiz',
	relation: 'applicant',
	unpaidBalanceCents: 0,
	writeOffs: [],
	disconnectionsForNonPayment: [],
	returnedPayments: [],
	...over
});
const letter = (issuedOn: string, over: Partial<LetterOfCredit> = {}): LetterOfCredit => ({
	utility: 'Valley Power',
	issuedOn,
	monthsCovered: 12,
	noLatePayments: true,
	noReturnedItems: true,
	noDisconnections: true,
	...over
});

describe('standard deposit (policy §4 "Computing it, exactly")', () => {
	it.each([
		// [bills in cents, expected standard in cents, why]
		[[10001, 10001, 10002], 20100, 'ceil(2 × $300.04 ÷ 3) = ceil($200.027) = $201 (not $200 from a rounded average, nor $202 from a ceiled one)'],
		[[15000, 15000, 15000], 30000, 'exact, no rounding'],
		[[5050, 5050, 5050], 10100, 'ceil(2 × $151.50 ÷ 3) = $101'],
		[[3333, 3333, 3334], 10000, '$66.67 → $67, raised to the $100 minimum'],
		[[4000, 4000, 4000], 10000, 'standard $80 → $100 minimum'],
		[[12345, 6789, 10101, 9999], 19700, 'ceil(2 × $392.34 ÷ 4) = ceil($196.17) = $197']
	] as [number[], number, string][])('bills %j → %i cents (%s)', (cents, expected) => {
		const r = standardDeposit(bills(...cents), today, s);
		expect(r.standardCents).toBe(expected);
		expect(r.basis).toBe('history');
	});

	it('never rounds the average first: bills $100.01, $100.01, $100.02 give $201', () => {
		const r = standardDeposit(bills(10001, 10001, 10002), today, s);
		expect(r.computedCents).toBe(20100);
		expect(r.standardCents).toBe(20100);
		const roundedAverageFirst = Math.round(30004 / 3 / 100) * 100 * 2;
		const ceiledAverageFirst = Math.ceil(30004 / 3 / 100) * 100 * 2;
		expect(roundedAverageFirst).toBe(20000);
		expect(ceiledAverageFirst).toBe(20200);
	});

	it.each([
		[2, 'no-history', 20000],
		[3, 'history', 30000]
	] as const)('exactly %i bills → %s (%i cents)', (n, basis, cents) => {
		const r = standardDeposit(bills(...Array(n).fill(15000)), today, s);
		expect(r.basis).toBe(basis);
		expect(r.standardCents).toBe(cents);
	});

	it.each([
		['12 months ago to the day is outside the window', addMonths(today, -12), 2],
		['one day later is inside', addDays(addMonths(today, -12), 1), 3]
	])('a bill %s', (_label, oldest, count) => {
		const list = [...bills(15000, 15000), { date: oldest, amountCents: 15000 }];
		expect(standardDeposit(list, today, s).billCount).toBe(count);
	});

	it('ignores bills dated after today', () => {
		const list = [...bills(15000, 15000), { date: addDays(today, 1), amountCents: 15000 }];
		expect(standardDeposit(list, today, s).basis).toBe('no-history');
	});

	it.each([
		['standard $80', bills(4000, 4000, 4000), false, 10000],
		['standard $80, bad history: minimum first, then doubled', bills(4000, 4000, 4000), true, 20000],
		['no history', bills(), false, 20000],
		['no history, bad history', bills(15000), true, 40000],
		['standard $201, bad history', bills(10001, 10001, 10002), true, 40200]
	])('minimum before doubling: %s → %i cents', (_label, list, bad, cents) => {
		expect(depositAmount(standardDeposit(list, today, s), bad, s)).toBe(cents);
	});

	it('property: whole dollars, at least the minimum, doubled at least twice the minimum, never below 2 × average', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ back: fc.integer({ min: -5, max: 800 }), amountCents: fc.integer({ min: 0, max: 5_000_00 }) }), { maxLength: 30 }),
				fc.boolean(),
				(raw, bad) => {
					const list = raw.map((b) => ({ date: addDays(today, -b.back), amountCents: b.amountCents }));
					const st = standardDeposit(list, today, s);
					const amount = depositAmount(st, bad, s);
					expect(amount % 100).toBe(0);
					expect(amount).toBeGreaterThanOrEqual(s.minimumCents);
					if (bad) expect(amount).toBeGreaterThanOrEqual(2 * s.minimumCents);
					if (bad) expect(amount).toBeGreaterThanOrEqual(20000);
					if (st.basis === 'history') {
						// ceil: at least the exact 2 × average, less than a dollar above it (before the minimum).
						expect(st.computedCents * st.billCount).toBeGreaterThanOrEqual(2 * st.sumCents);
						expect((st.computedCents - 100) * st.billCount).toBeLessThan(2 * st.sumCents);
					} else expect(st.computedCents).toBe(s.noHistoryCents);
				}
			)
		);
	});
});

describe('bad history and debt', () => {
	const windowEdge = addMonths(today, -12);
	it.each([
		['disconnection 12 months ago to the day', { disconnectionsForNonPayment: [windowEdge] }, []],
		['disconnection one day later', { disconnectionsForNonPayment: [addDays(windowEdge, 1)] }, ['disconnection']],
		['one returned payment', { returnedPayments: ['2026-05-01'] }, []],
		['two returned payments', { returnedPayments: ['2026-05-01', '2026-08-01'] }, ['returned-payments']],
		['two returned payments, one 12 months ago to the day', { returnedPayments: [windowEdge, '2026-08-01'] }, []],
		['a recent write-off', { writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: false }] }, ['write-off']]
	])('%s', (_label, over, kinds) => {
		expect(badHistory([finding(over)], today, s).map((i) => i.kind)).toEqual(kinds);
	});

	it('an old write-off blocks waivers but does not double', () => {
		const items = badHistory([finding({ writeOffs: [{ date: '2023-01-10', amountCents: 5000, paid: true }] })], today, s);
		expect(items).toEqual([{ person: 'Ana Ruiz', kind: 'write-off', date: '2023-01-10', doubles: false }]);
	});

	it('debt = unpaid balances + unpaid write-offs of everyone on the application', () => {
		const d = outstandingDebt([
			finding({ unpaidBalanceCents: 1234 }),
			finding({ person: 'Ben Ruiz', relation: 'listed-adult', writeOffs: [{ date: '2026-03-01', amountCents: 41000, paid: false }, { date: '2024-03-01', amountCents: 999, paid: true }] })
		]);
		expect(d.totalCents).toBe(42234);
		expect(d.items.map((i) => i.kind)).toEqual(['balance', 'write-off']);
	});
});

describe('waivers', () => {
	it.each([
		[60, true, undefined],
		[61, false, 'too-old'],
		[0, true, undefined],
		[-1, false, 'future-dated']
	] as const)('letter of credit %i days old → ok %s', (age, ok, problem) => {
		const r = checkLetter(letter(addDays(today, -age)), today, s);
		expect(r.ok).toBe(ok);
		expect(r.ageDays).toBe(age);
		if (!r.ok) expect(r.problem).toBe(problem);
	});

	it.each([
		[{ monthsCovered: 11 }, 'too-few-months'],
		[{ noLatePayments: false }, 'not-clean'],
		[{ noReturnedItems: false }, 'not-clean'],
		[{ noDisconnections: false }, 'not-clean']
	] as const)('a letter with %j does not qualify (%s)', (over, problem) => {
		const r = checkLetter(letter('2026-10-01', over), today, s);
		expect(r).toMatchObject({ ok: false, problem });
	});

	it.each([
		['closed after exactly 12 months, clean', { openedOn: '2023-01-10', closedOn: '2024-01-10', latePaymentDates: [] }, true],
		['closed one day short of 12 months', { openedOn: '2023-01-10', closedOn: '2024-01-09', latePaymentDates: [] }, false],
		['late payment 24 months before closing to the day (outside)', { openedOn: '2020-01-10', closedOn: '2024-01-10', latePaymentDates: ['2022-01-10'] }, true],
		['late payment one day later (inside)', { openedOn: '2020-01-10', closedOn: '2024-01-10', latePaymentDates: ['2022-01-11'] }, false],
		['still open', { openedOn: '2020-01-10', closedOn: null, latePaymentDates: [] }, false]
	])('own history: %s', (_label, acct, ok) => {
		expect(checkOwnHistory([{ accountNumber: '100-200', ...acct }], s).ok).toBe(ok);
	});

	it('own history with no prior account does not qualify', () => {
		expect(checkOwnHistory([], s)).toEqual({ ok: false, problem: 'none' });
	});
});

describe('installments and refund date', () => {
	it.each([
		[10000, false],
		[10100, true]
	])('a %i-cent deposit: installments offered %s', (cents, allowed) => {
		expect(installmentsAllowed(cents, s)).toBe(allowed);
	});

	it.each([
		// [deposit, now, bill 1, bill 2]
		[10100, 5050, 2525, 2525],
		[20100, 10050, 5025, 5025],
		[10300, 5150, 2575, 2575],
		[10103, 5052, 2526, 2525]
	])('%i cents: %i now, then %i and %i (now rounds up to the cent; leftover cent on the first bill)', (amount, now, b1, b2) => {
		const p = installmentPlan(amount, '2026-11-02', 15, s);
		expect(p.nowCents).toBe(now);
		expect(p.bills.map((b) => b.amountCents)).toEqual([b1, b2]);
		expect(p.bills.map((b) => b.date)).toEqual(['2026-11-15', '2026-12-15']);
	});

	it('property: the parts always add up to the deposit and now is at least half', () => {
		fc.assert(
			fc.property(fc.integer({ min: 10100, max: 10_000_00 }), (amount) => {
				const p = installmentPlan(amount, '2026-11-02', 15, s);
				expect(p.nowCents + p.bills.reduce((a, b) => a + b.amountCents, 0)).toBe(amount);
				expect(2 * p.nowCents).toBeGreaterThanOrEqual(amount);
				expect(p.bills.every((b) => Number.isSafeInteger(b.amountCents) && b.amountCents >= 0)).toBe(true);
			})
		);
	});

	it.each([
		['2026-11-02', 15, '2026-11-15', '2027-11-15'],
		['2026-11-15', 15, '2026-12-15', '2027-12-15'],
		['2026-01-10', 31, '2026-01-31', '2027-01-31'],
		['2026-02-01', 31, '2026-02-28', '2027-02-28']
	])('service from %s billed on day %i: first bill %s, refund on the 13th bill %s', (start, cycle, first, refund) => {
		expect(billDate(start, cycle, 1)).toBe(first);
		expect(refundEligibilityDate(start, cycle, s)).toBe(refund);
	});

	it('clamped billing months never drift (Jan 31 → Feb 28 → Mar 31)', () => {
		expect([1, 2, 3].map((n) => billDate('2026-01-10', 31, n))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
	});

	it('ceilDiv is exact integer ceiling and rejects non-integers', () => {
		expect(ceilDiv(10103 * 50, 100)).toBe(5052);
		expect(ceilDiv(10000, 100)).toBe(100);
		expect(() => ceilDiv(1.5, 2)).toThrow(TypeError);
	});
});

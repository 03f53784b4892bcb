import { describe, expect, it } from 'vitest';
import {
	addDays,
	isIsoDate,
	addMonths,
	daysBetween,
	formatMinutes,
	fromLocal,
	holidayOn,
	isAfter,
	isBusinessDay,
	isBy,
	isOfficeOpen,
	lockoffCalendarHold,
	nextBusinessDay,
	periodCovers,
	toLocal,
	weatherHold,
	weekdayOf,
	withinMonths
} from '$lib/domain/calendar';

describe('local time in America/Los_Angeles', () => {
	it.each([
		[Date.UTC(2026, 10, 3, 22, 50), '2026-11-03', 14 * 60 + 50], // PST: UTC−8
		[Date.UTC(2026, 6, 1, 21, 59), '2026-07-01', 14 * 60 + 59], // PDT: UTC−7
		[Date.UTC(2026, 10, 3, 7, 59), '2026-11-02', 23 * 60 + 59] // still the previous local day
	])('%i is %s at minute %i', (epoch, date, minutes) => {
		expect(toLocal(epoch)).toMatchObject({ date, minutes });
	});

	it('fromLocal inverts toLocal on both sides of a DST change', () => {
		for (const [date, minutes] of [
			['2026-11-03', 870],
			['2026-03-09', 600],
			['2026-11-01', 720]
		] as const) {
			expect(toLocal(fromLocal(date, minutes))).toMatchObject({ date, minutes });
		}
	});
});

describe('calendar-day counting (policy §0)', () => {
	it('a 30-day certificate issued Nov 1 covers through Nov 30, not Dec 1', () => {
		expect(periodCovers('2026-11-01', 30, '2026-11-30')).toBe(true);
		expect(periodCovers('2026-11-01', 30, '2026-12-01')).toBe(false);
		expect(periodCovers('2026-11-01', 30, '2026-10-31')).toBe(false);
	});

	it.each([
		['2026-11-01', '2026-11-11', 10],
		['2026-11-02', '2026-11-11', 9],
		['2026-12-31', '2027-01-01', 1]
	])('daysBetween(%s, %s) = %i', (a, b, n) => {
		expect(daysBetween(a, b)).toBe(n);
		expect(addDays(a, n)).toBe(b);
	});

	it('"in 12 months" is the window (today − 12 months, today]', () => {
		expect(withinMonths('2025-11-02', '2026-11-02', 12)).toBe(false);
		expect(withinMonths('2025-11-03', '2026-11-02', 12)).toBe(true);
		expect(withinMonths('2026-11-02', '2026-11-02', 12)).toBe(true);
		expect(withinMonths('2026-11-03', '2026-11-02', 12)).toBe(false);
	});

	it('addMonths clamps to the month end', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
	});
});

describe('clock cut-offs: "by" inclusive, "after" exclusive', () => {
	it.each([
		[14 * 60 + 59, true],
		[15 * 60, true],
		[15 * 60 + 1, false]
	])('paid at minute %i is by 3:00 pm: %s', (m, by) => {
		expect(isBy(m, 15 * 60)).toBe(by);
	});

	it.each([
		[13 * 60 + 59, false],
		[14 * 60, false],
		[14 * 60 + 1, true]
	])('minute %i is after 2:00 pm: %s', (m, after) => {
		expect(isAfter(m, 14 * 60)).toBe(after);
	});

	it('formats minutes for people', () => {
		expect(formatMinutes(14 * 60)).toBe('2:00 pm');
		expect(formatMinutes(0)).toBe('12:00 am');
		expect(formatMinutes(12 * 60 + 5)).toBe('12:05 pm');
	});
});

describe('holidays as the city observes them', () => {
	it.each([
		['2026-11-26', 'Thanksgiving Day'],
		['2026-11-11', 'Veterans Day'],
		['2026-07-03', 'Independence Day'], // July 4 2026 is a Saturday → observed Friday
		['2027-12-31', "New Year's Day"], // Jan 1 2028 is a Saturday → observed the Friday before
		['2026-01-19', 'Martin Luther King Jr. Day'],
		['2026-05-25', 'Memorial Day'],
		['2026-09-07', 'Labor Day']
	])('%s is %s', (date, name) => {
		expect(holidayOn(date)).toBe(name);
	});

	it('a Sunday holiday is observed on Monday', () => {
		// Juneteenth 2022 fell on a Sunday.
		expect(holidayOn('2022-06-20')).toBe('Juneteenth');
		expect(holidayOn('2022-06-19')).toBeUndefined();
	});

	it('business days skip weekends and holidays', () => {
		expect(isBusinessDay('2026-11-26')).toBe(false);
		expect(isBusinessDay('2026-11-28')).toBe(false);
		expect(isBusinessDay('2026-11-30')).toBe(true);
		expect(nextBusinessDay('2026-11-25')).toBe('2026-11-27');
		expect(nextBusinessDay('2026-11-06')).toBe('2026-11-09');
		expect(weekdayOf('2026-11-02')).toBe(1);
	});

	it('office hours are 8:00 am to 5:00 pm local on business days', () => {
		expect(isOfficeOpen(fromLocal('2026-11-03', 8 * 60))).toBe(true);
		expect(isOfficeOpen(fromLocal('2026-11-03', 7 * 60 + 59))).toBe(false);
		expect(isOfficeOpen(fromLocal('2026-11-03', 17 * 60))).toBe(false);
		expect(isOfficeOpen(fromLocal('2026-11-26', 10 * 60))).toBe(false);
	});
});

describe('lock-off day holds (policy §5)', () => {
	it.each([
		['2026-11-02', null], // Monday
		['2026-11-05', null], // Thursday
		['2026-11-06', 'Monday to Thursday'], // Friday
		['2026-11-10', 'day before a holiday'], // Tue before Veterans Day (Wed)
		['2026-11-11', 'is a holiday'],
		['2026-11-25', 'day before a holiday'] // Wed before Thanksgiving
	])('%s → %s', (date, reason) => {
		const hold = lockoffCalendarHold(date);
		if (reason === null) expect(hold).toBeNull();
		else expect(hold?.reason).toContain(reason);
	});

	it.each([
		[{ lowF: 32, highF: 60 }, true],
		[{ lowF: 33, highF: 60 }, false],
		[{ lowF: 50, highF: 99 }, false],
		[{ lowF: 50, highF: 100 }, true]
	])('weather %j holds: %s', (forecast, held) => {
		expect(weatherHold(forecast) !== null).toBe(held);
	});
});

describe('isIsoDate', () => {
	it.each([
		['2026-11-02', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['2026-00-10', false],
		['2026-1-5', false],
		['2026-01-05T00:00', false],
		['', false]
	])('%s → %s', (s, ok) => {
		expect(isIsoDate(s)).toBe(ok);
	});
});

/**
 * Business calendar for policy §0 and §5: calendar-day counting, observed holidays, office hours,
 * lock-off day rules and the inclusive "by" / exclusive "after" clock rules. Pure: "now" always
 * comes in as an argument (epoch ms), interpreted in the policy time zone.
 */
import { policy, type HolidayRule, type Policy } from '$lib/policy/settings';

/** The parts of the policy the calendar reads; callers holding a policy snapshot (a machine's input) pass it, others get the built-in one. */
type CalendarPolicy = Pick<Policy, 'office' | 'delinquency'>;

/** A local calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface LocalTime {
	date: IsoDate;
	/** Minutes after local midnight (0–1439). */
	minutes: number;
	/** ISO weekday: Monday = 1 … Sunday = 7. */
	weekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = partsFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		partsFormatters.set(timeZone, f);
	}
	return f;
}

const localMinutes = new Map<string, LocalTime>();

/** The local date, minute of day and weekday of an instant in the policy time zone. */
export function toLocal(epochMs: number, timeZone: string = policy.timeZone): LocalTime {
	// Intl's formatToParts is slow (machines and their replays ask many times about the same minutes):
	// the answer depends only on the zone and the minute, so recent minutes are remembered.
	const minute = Math.floor(epochMs / 60_000);
	const key = `${timeZone} ${minute}`;
	const hit = localMinutes.get(key);
	if (hit) return { ...hit };
	const parts: Record<string, string> = {};
	for (const p of formatterFor(timeZone).formatToParts(new Date(minute * 60_000))) parts[p.type] = p.value;
	const date = `${parts.year}-${parts.month}-${parts.day}`;
	const local = { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: weekdayOf(date) };
	if (localMinutes.size >= 4096) localMinutes.clear();
	localMinutes.set(key, local);
	return { ...local };
}

/** The instant of a local date and minute of day in the policy time zone. */
export function fromLocal(date: IsoDate, minutes: number, timeZone: string = policy.timeZone): number {
	const [y, m, d] = splitDate(date);
	const guess = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
	// Correct the UTC guess by the zone's offset at that instant; twice settles DST edges.
	let t = guess;
	for (let i = 0; i < 2; i++) {
		const local = toLocal(t, timeZone);
		const localAsUtc = dayNumber(local.date) * 86_400_000 + local.minutes * 60_000;
		t += guess - localAsUtc;
	}
	return t;
}

/** Digits of 'YYYY-MM-DD' read by char code (a regex here was a hot spot of machine replay). */
function splitDate(date: IsoDate): [number, number, number] {
	if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) throw new RangeError(`not an ISO date: ${date}`);
	let y = 0;
	let m = 0;
	let d = 0;
	for (let i = 0; i < 10; i++) {
		if (i === 4 || i === 7) continue;
		const c = date.charCodeAt(i) - 48;
		if (c < 0 || c > 9) throw new RangeError(`not an ISO date: ${date}`);
		if (i < 4) y = y * 10 + c;
		else if (i < 7) m = m * 10 + c;
		else d = d * 10 + c;
	}
	return [y, m, d];
}

function dayNumber(date: IsoDate): number {
	const [y, m, d] = splitDate(date);
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): IsoDate {
	return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (Mon = 1 … Sun = 7) of a date. */
export function weekdayOf(date: IsoDate): number {
	const js = new Date(dayNumber(date) * 86_400_000).getUTCDay();
	return js === 0 ? 7 : js;
}

/** Whether a string is a real calendar date written YYYY-MM-DD (not 2026-02-30 or 2026-13-01). */
export function isIsoDate(s: string): s is IsoDate {
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;
}

/** date + n calendar days. */
export function addDays(date: IsoDate, n: number): IsoDate {
	return fromDayNumber(dayNumber(date) + n);
}

/** to − from in calendar days (policy §0: "lock-off date − mailing date"). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return dayNumber(to) - dayNumber(from);
}

/** date + n months, clamped to the month's last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
	const [y, m, d] = splitDate(date);
	const total = y * 12 + (m - 1) + n;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
	return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A period of `days` days starting on `start` covers start … start+days−1 (policy §0). */
export function periodCovers(start: IsoDate, days: number, date: IsoDate): boolean {
	const offset = daysBetween(start, date);
	return offset >= 0 && offset < days;
}

/** "In the last N months": the window (today − N months, today] (policy §0). */
export function withinMonths(date: IsoDate, today: IsoDate, months: number): boolean {
	return date > addMonths(today, -months) && date <= today;
}

/** Paid "by" a cut-off includes the cut-off minute itself (policy §0). */
export function isBy(minutes: number, cutoffMinutes: number): boolean {
	return minutes <= cutoffMinutes;
}

/** "After" a cut-off excludes the cut-off minute itself (policy §0). */
export function isAfter(minutes: number, cutoffMinutes: number): boolean {
	return minutes > cutoffMinutes;
}

function ruleDate(rule: HolidayRule, year: number): IsoDate {
	const mm = String(rule.month).padStart(2, '0');
	if ('day' in rule) return `${year}-${mm}-${String(rule.day).padStart(2, '0')}`;
	if (rule.nth > 0) {
		const first = `${year}-${mm}-01`;
		const shift = (rule.weekday - weekdayOf(first) + 7) % 7;
		return addDays(first, shift + (rule.nth - 1) * 7);
	}
	const last = addDays(addMonths(`${year}-${mm}-01`, 1), -1);
	const back = (weekdayOf(last) - rule.weekday + 7) % 7;
	return addDays(last, -back);
}

/**
 * Observed holidays per rule list and year. Keyed by the list itself, so a run's own policy snapshot
 * (parsed from the database: a different object from the built-in policy) is worked out once per
 * replay, not once per date looked at. A rule list is never changed in place.
 */
const holidayCache = new WeakMap<readonly HolidayRule[], Map<number, Map<IsoDate, string>>>();

/** Observed holidays of a year (Saturday → Friday before, Sunday → Monday after). */
export function holidaysOf(year: number, rules: readonly HolidayRule[] = policy.office.holidays): Map<IsoDate, string> {
	let years = holidayCache.get(rules);
	if (!years) holidayCache.set(rules, (years = new Map()));
	const cached = years.get(year);
	if (cached) return cached;
	const out = new Map<IsoDate, string>();
	// Next year's New Year's Day can be observed on Dec 31 of this year.
	for (const y of [year, year + 1]) {
		for (const rule of rules) {
			const actual = ruleDate(rule, y);
			const wd = weekdayOf(actual);
			const observed = wd === 6 ? addDays(actual, -1) : wd === 7 ? addDays(actual, 1) : actual;
			if (observed.startsWith(`${year}-`)) out.set(observed, rule.name);
		}
	}
	years.set(year, out);
	return out;
}

/** The observed holiday's name on that date, if any. */
export function holidayOn(date: IsoDate, p: CalendarPolicy = policy): string | undefined {
	return holidaysOf(splitDate(date)[0], p.office.holidays).get(date);
}

/** A weekday the office is open that is not an observed holiday. */
export function isBusinessDay(date: IsoDate, p: CalendarPolicy = policy): boolean {
	return (p.office.weekdays as readonly number[]).includes(weekdayOf(date)) && !holidayOn(date, p);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, p: CalendarPolicy = policy): IsoDate {
	let d = addDays(date, 1);
	while (!isBusinessDay(d, p)) d = addDays(d, 1);
	return d;
}

/** Whether the office is open at that instant (business day, within office hours). */
export function isOfficeOpen(epochMs: number): boolean {
	const t = toLocal(epochMs);
	return isBusinessDay(t.date) && t.minutes >= policy.office.openMinutes && t.minutes < policy.office.closeMinutes;
}

export type CalendarHold = { code: 'CALENDAR'; reason: string } | null;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday to Thursday" for a run of ISO weekdays; otherwise the days listed. */
function weekdaysText(days: readonly number[]): string {
	const sorted = [...days].sort((a, b) => a - b);
	const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
	const name = (d: number) => WEEKDAY_NAMES[d - 1] ?? `day ${d}`;
	if (run && sorted.length > 2) return `${name(sorted[0])} to ${name(sorted[sorted.length - 1])}`;
	const names = sorted.map(name);
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'on no day');
}

/** Why no lock-offs may happen on this date (policy §5), or null when it is a lock-off day. */
export function lockoffCalendarHold(date: IsoDate, p: CalendarPolicy = policy): CalendarHold {
	const wd = weekdayOf(date);
	const days = p.delinquency.lockoffWeekdays as readonly number[];
	if (!days.includes(wd)) return { code: 'CALENDAR', reason: `Lock-offs happen ${weekdaysText(days)} only.` };
	const today = holidayOn(date, p);
	if (today) return { code: 'CALENDAR', reason: `${today} is a holiday.` };
	const tomorrow = holidayOn(addDays(date, 1), p);
	if (tomorrow) return { code: 'CALENDAR', reason: `No lock-offs on the day before a holiday (${tomorrow}).` };
	return null;
}

export interface Forecast {
	lowF: number;
	highF: number;
}

/** A weather hold applies when the next 24 hours' low is ≤ 32 °F or high ≥ 100 °F (policy §5). */
export function weatherHold(forecast: Forecast, p: Pick<Policy, 'delinquency'> = policy): { code: 'WEATHER'; reason: string } | null {
	const d = p.delinquency;
	if (forecast.lowF <= d.weatherLowMaxF) return { code: 'WEATHER', reason: `Forecast low ${forecast.lowF} °F is at or below ${d.weatherLowMaxF} °F.` };
	if (forecast.highF >= d.weatherHighMinF) return { code: 'WEATHER', reason: `Forecast high ${forecast.highF} °F is at or above ${d.weatherHighMinF} °F.` };
	return null;
}

/** Formats minutes after midnight as "2:00 pm". */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	const h12 = h % 12 === 0 ? 12 : h % 12;
	return `${h12}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

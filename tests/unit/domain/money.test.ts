import { describe, expect, it } from 'vitest';
import { ceilToDollarFraction, centsToInput, formatCents, parseCents, sumCents } from '$lib/domain/money';

describe('parseCents: typed amounts become integer cents without float arithmetic', () => {
	it.each([
		['12', 1200],
		['12.3', 1230],
		['12.34', 1234],
		['0.01', 1],
		['.5', 50],
		['$1,234.56', 123456],
		['  7.00 ', 700],
		['0', 0],
		['0.29', 29], // 0.29 * 100 is 28.999… as a float
		['100', 10000]
	])('%s → %i cents', (input, cents) => {
		expect(parseCents(input)).toEqual({ ok: true, cents });
	});

	it.each([
		['12.345', 'at most two decimal places'],
		['-5', 'cannot be negative'],
		['1e3', 'no exponents'],
		['ten', 'is not an amount'],
		['', 'Enter an amount'],
		['1,23.00', 'is not an amount'],
		['9999999999', 'too large'],
		['12.3.4', 'is not an amount']
	])('rejects %j with a clear message', (input, message) => {
		const r = parseCents(input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain(message);
	});

	it('accepts a negative amount only when asked to', () => {
		expect(parseCents('-5', { allowNegative: true })).toEqual({ ok: true, cents: -500 });
	});
});

describe('formatting cents for display', () => {
	it.each([
		[0, '$0.00'],
		[1, '$0.01'],
		[123456, '$1,234.56'],
		[-500, '-$5.00'],
		[1760, '$17.60']
	])('%i → %s', (cents, text) => {
		expect(formatCents(cents)).toBe(text);
	});

	it('refuses a float', () => {
		expect(() => formatCents(12.5)).toThrow(TypeError);
	});

	it('round-trips through the form value', () => {
		for (const c of [0, 5, 99, 100, 6240, 123456, -1760]) {
			const back = parseCents(centsToInput(c), { allowNegative: true });
			expect(back).toEqual({ ok: true, cents: c });
		}
	});
});

describe('integer helpers', () => {
	it('sums integers and rejects floats', () => {
		expect(sumCents([100, 250, -50])).toBe(300);
		expect(() => sumCents([1, 0.5])).toThrow(TypeError);
	});

	it.each([
		[30003, 3, 10100], // 2·sum/count style ratios: ceil to whole dollars
		[30000, 3, 10000],
		[1, 1, 100],
		[0, 5, 0]
	])('ceil(%i / %i) to whole dollars = %i', (num, den, out) => {
		expect(ceilToDollarFraction(num, den)).toBe(out);
	});
});

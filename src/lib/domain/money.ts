/** Integer cents. Money never travels as a float anywhere in Counterline. */
export type Cents = number & { readonly __brand?: 'Cents' };

export const MAX_CENTS = 100_000_000_00; // $100M: far beyond any counter transaction, well inside 2^53

export type ParseResult = { ok: true; cents: Cents } | { ok: false; error: string };

const MONEY_RE = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,2}))?$/;

/**
 * Parses a typed amount ("12", "12.3", "$1,234.56", "-5") into cents using string
 * arithmetic only, so "0.1 + 0.2" style float error can never reach the ledger.
 */
export function parseCents(input: string, opts: { allowNegative?: boolean } = {}): ParseResult {
	const raw = (input ?? '').trim();
	if (raw === '') return { ok: false, error: 'Enter an amount.' };
	if (/^-?\$?[\d.,]+e[+-]?\d*$/i.test(raw)) return { ok: false, error: 'Enter the amount in dollars and cents, like 12.50 (no exponents).' };
	const m = MONEY_RE.exec(raw);
	if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === ''))) {
		if (/^-?\$?[\d,]*\.\d{3,}$/.test(raw)) return { ok: false, error: 'Amounts have at most two decimal places (cents).' };
		return { ok: false, error: `"${raw.slice(0, 20)}" is not an amount. Use digits, like 12.50.` };
	}
	const negative = m[1] === '-';
	if (negative && !opts.allowNegative) return { ok: false, error: 'The amount cannot be negative.' };
	const dollars = (m[2] ?? '0').replace(/,/g, '');
	const cents = (m[3] ?? '').padEnd(2, '0');
	if (dollars.length > 9) return { ok: false, error: 'That amount is too large.' };
	const value = Number(dollars) * 100 + Number(cents);
	if (value > MAX_CENTS) return { ok: false, error: 'That amount is too large.' };
	return { ok: true, cents: negative ? -value : value };
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats cents for display only ("$1,234.56", "-$5.00"). */
export function formatCents(cents: Cents): string {
	if (!Number.isSafeInteger(cents)) throw new TypeError(`formatCents expects integer cents, got ${cents}`);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const whole = Math.trunc(abs / 100);
	const frac = abs % 100;
	// Intl formats the whole-dollar part; the cents are appended from integers, never via division to a float.
	const dollars = usd.format(whole).replace(/\.00$/, '');
	return `${sign}${dollars}.${String(frac).padStart(2, '0')}`;
}

/** Cents as a plain "1234.56" string, for form values and CSV. */
export function centsToInput(cents: Cents): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of integer cents; throws if a non-integer slips in. */
export function sumCents(values: readonly Cents[]): Cents {
	let total = 0;
	for (const v of values) {
		if (!Number.isSafeInteger(v)) throw new TypeError(`not integer cents: ${v}`);
		total += v;
	}
	return total;
}

/** Whole-dollar ceiling of num/den cents (den > 0), in cents; pure integer arithmetic. */
export function ceilToDollarFraction(num: number, den: number): Cents {
	if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) throw new TypeError('non-negative integers only');
	const dollarDen = den * 100;
	const rem = num % dollarDen;
	const whole = (num - rem) / dollarDen;
	return (rem === 0 ? whole : whole + 1) * 100;
}

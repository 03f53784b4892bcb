/**
 * Hostile values for the bad-input fuzzer (fast-check): wrong types as strings, huge strings,
 * control and right-to-left characters, markup and SQL, and money and counts that are negative,
 * fractional, overflowing or written oddly. Each generator for a specific field is filtered against
 * what that field accepts, so a generated request is always one the server must refuse.
 */
import fc from 'fast-check';

const NASTY = [
	'',
	' ',
	'\t\n',
	'\u0000',
	'\u202e\u0646\u0635',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"' OR '1'='1",
	'1; DROP TABLE users; --',
	'../../../../etc/passwd',
	'%00',
	'{{7*7}}',
	'${7*7}',
	'__proto__',
	'constructor',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'NaN',
	'Infinity',
	'-Infinity',
	'-0',
	'1e309',
	'0x7fffffff',
	'9007199254740993',
	'-9223372036854775809',
	'😀'.repeat(50)
];

/** Any string an attacker might send in a text field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...NASTY) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.integer().map(String) },
	{ weight: 1, arbitrary: fc.double().map(String) },
	{ weight: 1, arbitrary: fc.bigInt().map(String) },
	{ weight: 1, arbitrary: fc.constantFrom('x'.repeat(5_000), 'é'.repeat(100_000)) }
);

/** Money as people and attackers type it wrongly: negative, fractional cents, overflowing, odd notation. */
export const hostileMoney: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom('-1', '-0.01', '0.001', '1.005', '1e3', '1,000.00.00', '99999999999999999999', '9007199254740993', '$-5', '(5.00)', '١٢٣', '0x10', '1_000', '--5', '5-'),
	fc.double({ noDefaultInfinity: false }).map(String),
	fc.integer({ min: -1e9, max: -1 }).map(String),
	fc.bigInt({ min: 10n ** 15n }).map(String),
	hostileText
);

/** Piece counts that are not whole numbers 0–99,999. */
export const hostileCount: fc.Arbitrary<string> = fc
	.oneof(fc.constantFrom('-1', '1.5', '100000', '1e2', '0x1', '٣', '+5', '5 5', '999999999999'), fc.integer({ min: -1e6, max: -1 }).map(String), fc.double().map(String), hostileText)
	.filter((v) => !/^\d{1,5}$/.test(v.trim()) && v.trim() !== '');

/** Integer-looking ids that name nothing, or are not ids at all. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom('0', '-1', '999999999', '1.5', '1e3', 'abc', '9007199254740993', '%2e%2e', "1' OR '1'='1", ' 1'),
	fc.integer({ min: 1_000_000, max: 2 ** 31 }).map(String),
	hostileText.filter((s) => s.length > 0 && s.length < 200)
);

/** A string that is not `valid` (after trimming, when the server trims). */
export const anythingBut = (valid: string[], trim = true): fc.Arbitrary<string> => hostileText.filter((v) => !valid.includes(trim ? v.trim() : v));

/** Field names an unknown form might have, for forms without a hint. */
export const FIELD_NAMES = ['name', 'value', 'id', 'amount', 'note', 'reason', 'subject', 'version', 'action', 'confirm', 'password', 'username', 'level', 'date', 'q'];

const MONEY_SHAPE = /^\$?(?:\d{1,3}(?:,\d{3})+|\d{1,9})?(?:\.\d{0,2})?$/;

/** Amounts a careful parser must refuse — never blank (a blank optional amount is simply left out). */
export const badMoney: fc.Arbitrary<string> = hostileMoney.filter((v) => {
	const t = v.trim();
	return t !== '' && !(MONEY_SHAPE.test(t) && /\d/.test(t));
});

import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '$lib/domain/csv';

describe('CSV for spreadsheets', () => {
	it.each([
		['plain text is quoted', 'Alex Rivera', '"Alex Rivera"'],
		['quotes are doubled', 'He said "no"', '"He said ""no"""'],
		['commas and newlines stay inside the quotes', 'a,b\nc', '"a,b\nc"'],
		['a formula is defused with an apostrophe', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
		['+, -, @, tab and CR starts are defused too', '-2+3', '"\'-2+3"'],
		['@SUM', '@SUM(A1)', '"\'@SUM(A1)"'],
		['tab', '\tx', '"\'\tx"'],
		['numbers are bare (negative numbers are numbers, not formulas)', -5, '-5'],
		['null is empty', null, '']
	] as const)('%s', (_n, input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});

	it('starts with a BOM, ends rows with CRLF, header first', () => {
		const csv = toCsv(['A', 'B'], [['x', 1]]);
		expect(csv).toBe('\uFEFF"A","B"\r\n"x",1\r\n');
	});
});

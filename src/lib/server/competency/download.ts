/** HTTP responses for exports: attachment headers, no caching of personal records. */
import { toCsv, type Cell } from '$lib/domain/csv';
import type { Statement } from '$lib/xapi/statements';
import { RECORD_HEADER } from './export';

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

export function csvResponse(filename: string, rows: Cell[][]): Response {
	return new Response(toCsv(RECORD_HEADER, rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${safeName(filename)}"`, 'Cache-Control': 'no-store' }
	});
}

export function statementsResponse(filename: string, statements: Statement[]): Response {
	return new Response(JSON.stringify(statements, null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${safeName(filename)}"`, 'Cache-Control': 'no-store' }
	});
}

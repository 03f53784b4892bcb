/** Denomination counts (piece counts per bill/coin) and their totals in cents. */
import { DENOMINATIONS, type DenominationCounts, type DenominationKey } from '$lib/policy/settings';
import type { Cents } from './money';

const KEYS = new Set<string>(DENOMINATIONS.map((d) => d.key));

/** Total of a count sheet in integer cents. */
export function countsTotal(counts: DenominationCounts): Cents {
	let total = 0;
	for (const d of DENOMINATIONS) total += (counts[d.key] ?? 0) * d.cents;
	return total;
}

/** Keeps only known denominations with whole, non-negative piece counts. */
export function sanitizeCounts(counts: DenominationCounts): DenominationCounts {
	const out: DenominationCounts = {};
	for (const [k, v] of Object.entries(counts ?? {})) {
		if (KEYS.has(k) && Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) > 0) out[k as DenominationKey] = v as number;
	}
	return out;
}

/** Subtracts one count sheet from another (e.g. removing the float); negative pieces mean it cannot be done. */
export function subtractCounts(a: DenominationCounts, b: DenominationCounts): DenominationCounts {
	const out: DenominationCounts = {};
	for (const d of DENOMINATIONS) {
		const v = (a[d.key] ?? 0) - (b[d.key] ?? 0);
		if (v !== 0) out[d.key] = v;
	}
	return out;
}

/** Parses a typed piece count: whole, non-negative, at most 99,999. Returns an error message on bad input. */
export function parsePieceCount(raw: string): { ok: true; count: number } | { ok: false; error: string } {
	const s = (raw ?? '').trim();
	if (s === '') return { ok: true, count: 0 };
	if (!/^\d{1,5}$/.test(s)) return { ok: false, error: 'Enter a whole number of pieces (0–99999).' };
	return { ok: true, count: Number(s) };
}

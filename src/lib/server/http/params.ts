/** Route parameters: a record id is written one way only (digits), so " 1", "1e0" or "0x1" name nothing. */
export function idParam(raw: string): number | null {
	if (!/^[1-9]\d{0,14}$/.test(raw)) return null;
	return Number(raw);
}

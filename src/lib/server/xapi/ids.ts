/** Deterministic statement ids (UUID v5 style, SHA-1 of origin + source): a retried POST repeats the same id, so the LRS keeps one copy. */
import { createHash } from 'node:crypto';

export function statementIdFor(origin: string): (source: string) => string {
	return (source) => {
		const h = createHash('sha1').update(`${origin}|${source}`).digest();
		h[6] = (h[6] & 0x0f) | 0x50;
		h[8] = (h[8] & 0x3f) | 0x80;
		const hex = h.subarray(0, 16).toString('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
}

/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so the same seed always builds the same
 * sandbox. Never Math.random: every draw comes from the seed.
 */
export interface Rng {
	/** Float in [0, 1). */
	next(): number;
	/** Integer in [min, max], inclusive. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
	weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
	shuffle<T>(items: T[]): T[];
}

function splitmix32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x9e3779b9) >>> 0;
		let z = a;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
}

export function createRng(seed: number): Rng {
	const sm = splitmix32(seed);
	let a = sm(),
		b = sm(),
		c = sm(),
		d = sm();
	const next = () => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) >>> 0;
		return t / 4294967296;
	};
	// Warm up: sfc32's first outputs are weakly mixed.
	for (let i = 0; i < 12; i++) next();
	const rng: Rng = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
		weighted: (weights) => {
			const entries = Object.entries(weights) as [string, number][];
			const total = entries.reduce((s, [, w]) => s + w, 0);
			let r = next() * total;
			for (const [k, w] of entries) {
				r -= w;
				if (r < 0) return k as never;
			}
			return entries[entries.length - 1][0] as never;
		},
		shuffle: (items) => {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[items[i], items[j]] = [items[j], items[i]];
			}
			return items;
		}
	};
	return rng;
}

/**
 * Deals labels to `n` slots: each label gets its count (in the order given, until the slots run
 * out), the rest are null, and the deck is shuffled. Used so every sandbox, however small, holds
 * at least the handful of special cases a trainer needs.
 */
export function deal<T extends string>(rng: Rng, n: number, counts: readonly (readonly [T, number])[]): (T | null)[] {
	const deck: (T | null)[] = [];
	for (const [label, count] of counts) for (let i = 0; i < count && deck.length < n; i++) deck.push(label);
	while (deck.length < n) deck.push(null);
	return rng.shuffle(deck);
}

/** At least `min` (when there is room) and otherwise `percent` % of `n`, in whole items. */
export function share(n: number, percent: number, min: number): number {
	return Math.min(n, Math.max(min, Math.floor((n * percent) / 100)));
}

/** The CSR ladder's levels in order (ladder.md "Roles in the product"). */
export const LEVELS = ['csr1', 'csr2', 'csr3', 'senior', 'supervisor'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_TITLES: Record<Level, string> = {
	csr1: 'CSR I',
	csr2: 'CSR II',
	csr3: 'CSR III',
	senior: 'CSR Senior',
	supervisor: 'Supervisor'
};

/** Rank of a level: csr1 = 0 … supervisor = 4. */
export function levelRank(level: Level): number {
	return LEVELS.indexOf(level);
}

/** Whether `level` is at or above `min`. */
export function atLeast(level: Level, min: Level): boolean {
	return levelRank(level) >= levelRank(min);
}

export function isLevel(value: unknown): value is Level {
	return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

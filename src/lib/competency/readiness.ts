/**
 * Readiness for the next level (ladder.md "Progression"): every competency of levels up to and
 * including the next one is held — signed off, needs refresher or re-certify all count. Pure.
 */
import { levelRank, type Level } from '$lib/domain/levels';
import { COMPETENCIES, type Competency } from './framework';

const NEXT: Partial<Record<Level, Level>> = { csr1: 'csr2', csr2: 'csr3', csr3: 'senior' };

/** The level a promotion leads to (I→II, II→III, III→Senior), or null at the top of the ladder. */
export function nextLevel(level: Level): Level | null {
	return NEXT[level] ?? null;
}

/** Competencies required at a level: those of every level up to it. */
export function requiredFor(level: Level, competencies: readonly Competency[] = COMPETENCIES): Competency[] {
	return competencies.filter((c) => levelRank(c.level) <= levelRank(level));
}

export interface Readiness {
	next: Level | null;
	required: string[];
	missing: string[];
	ready: boolean;
}

export function readiness(level: Level, held: ReadonlySet<string>, competencies: readonly Competency[] = COMPETENCIES): Readiness {
	const next = nextLevel(level);
	if (!next) return { next: null, required: [], missing: [], ready: false };
	const required = requiredFor(next, competencies).map((c) => c.id);
	const missing = required.filter((id) => !held.has(id));
	return { next, required, missing, ready: missing.length === 0 };
}

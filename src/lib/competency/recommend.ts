/**
 * "Recommended next": scenarios that inject the faults a trainee missed most, not yet passed, best
 * match first (ties: the scenario at the trainee's level, then catalog order). Pure.
 */
import type { AttemptRecord } from './evidence';

export interface RecommendableScenario {
	id: string;
	title: string;
	level: string;
	faultIds: string[];
}

export interface Recommendation {
	scenarioId: string;
	title: string;
	/** The missed faults it targets, most missed first. */
	targets: { faultId: string; missed: number }[];
}

/** How often each fault id was missed across the given attempts, most missed first. */
export function missedFaults(attempts: readonly AttemptRecord[]): { faultId: string; missed: number }[] {
	const counts = new Map<string, number>();
	for (const a of attempts) for (const f of a.faultsMissed) counts.set(f, (counts.get(f) ?? 0) + 1);
	return [...counts].map(([faultId, missed]) => ({ faultId, missed })).sort((a, b) => b.missed - a.missed || a.faultId.localeCompare(b.faultId));
}

export function recommendNext(attempts: readonly AttemptRecord[], catalog: readonly RecommendableScenario[], level: string, limit = 3): Recommendation[] {
	return recommendFrom(missedFaults(attempts), new Set(attempts.filter((a) => a.passed).map((a) => a.scenarioId)), catalog, level, limit);
}

/** recommendNext from the missed-fault counts and the passed scenarios (the dashboard reads both summarised). */
export function recommendFrom(missed: readonly { faultId: string; missed: number }[], passed: ReadonlySet<string>, catalog: readonly RecommendableScenario[], level: string, limit = 3): Recommendation[] {
	const weight = new Map(missed.map((m) => [m.faultId, m.missed]));
	return catalog
		.map((s, i) => {
			const targets = s.faultIds.filter((f) => weight.has(f)).map((f) => ({ faultId: f, missed: weight.get(f)! }));
			return { s, i, targets: targets.sort((a, b) => b.missed - a.missed), score: targets.reduce((n, t) => n + t.missed, 0) };
		})
		.filter((x) => x.score > 0 && !passed.has(x.s.id))
		.sort((a, b) => b.score - a.score || Number(b.s.level === level) - Number(a.s.level === level) || a.i - b.i)
		.slice(0, limit)
		.map((x) => ({ scenarioId: x.s.id, title: x.s.title, targets: x.targets }));
}

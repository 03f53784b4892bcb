/** Every training scenario, validated by tests/unit/scenarios (server-side only: scenarios hold the answers). */
import type { Scenario } from './schema';
import doShortFloat from './drawer-opening/do-short-float';

export const SCENARIOS: readonly Scenario[] = [doShortFloat];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

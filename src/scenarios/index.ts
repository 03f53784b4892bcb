/** Every training scenario, validated by tests/unit/scenarios (server-side only: scenarios hold the answers). */
import type { Scenario } from './schema';
import doShortFloat from './drawer-opening/do-short-float';
import cpCounterfeitPartial from './counter-payment/cp-counterfeit-partial';
import cpRestoreAfterNsf from './counter-payment/cp-restore-after-nsf';
import crTransposedEntry from './cash-reconciliation/cr-transposed-entry';

export const SCENARIOS: readonly Scenario[] = [doShortFloat, cpCounterfeitPartial, cpRestoreAfterNsf, crTransposedEntry];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

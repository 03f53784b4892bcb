/** Every training scenario, validated by tests/unit/scenarios (server-side only: scenarios hold the answers). */
import type { Scenario } from './schema';
import doShortFloat from './drawer-opening/do-short-float';
import cpCounterfeitPartial from './counter-payment/cp-counterfeit-partial';
import cpRestoreAfterNsf from './counter-payment/cp-restore-after-nsf';
import crTransposedEntry from './cash-reconciliation/cr-transposed-entry';
import ddLetterPriorOccupant from './deposit-decision/dd-letter-prior-occupant';
import loMorningList from './lockoff-day/lo-morning-list';
import loPaidAfterThree from './lockoff-day/lo-paid-after-three';
import loHeatHold from './lockoff-day/lo-heat-hold';
import loTwentyAccounts from './lockoff-day/lo-twenty-accounts';
import loHolidayEve from './lockoff-day/lo-holiday-eve';
import loPaperTray from './lockoff-day/lo-paper-tray';
import irHighBillPlan from './irate-contact/ir-high-bill-plan';
import irSonAbusive from './irate-contact/ir-son-abusive';

export const SCENARIOS: readonly Scenario[] = [doShortFloat, cpCounterfeitPartial, cpRestoreAfterNsf, crTransposedEntry, ddLetterPriorOccupant, loMorningList, loPaidAfterThree, loHeatHold, loTwentyAccounts, loHolidayEve, loPaperTray, irHighBillPlan, irSonAbusive];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

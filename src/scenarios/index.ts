/** Every training scenario, validated by tests/unit/scenarios (server-side only: scenarios hold the answers). */
import type { Scenario } from './schema';
import doShortFloat from './drawer-opening/do-short-float';
import cpCounterfeitPartial from './counter-payment/cp-counterfeit-partial';
import cpRestoreAfterNsf from './counter-payment/cp-restore-after-nsf';
import crTransposedEntry from './cash-reconciliation/cr-transposed-entry';
import ddLetterPriorOccupant from './deposit-decision/dd-letter-prior-occupant';
import loMorningList from './lockoff-day/lo-morning-list';
import irHighBillPlan from './irate-contact/ir-high-bill-plan';
import irSonAbusive from './irate-contact/ir-son-abusive';
import irBathLockoff from './irate-contact/ir-bath-lockoff';
import irEsGrandmother from './irate-contact/ir-es-grandmother';
import irLandlordExpired from './irate-contact/ir-landlord-expired';
import irEsLeakCredit from './irate-contact/ir-es-leak-credit';
import irThreatCounter from './irate-contact/ir-threat-counter';
import irBillWasWrong from './irate-contact/ir-bill-was-wrong';

export const SCENARIOS: readonly Scenario[] = [doShortFloat, cpCounterfeitPartial, cpRestoreAfterNsf, crTransposedEntry, ddLetterPriorOccupant, loMorningList, irHighBillPlan, irSonAbusive, irBathLockoff, irEsGrandmother, irLandlordExpired, irEsLeakCredit, irThreatCounter, irBillWasWrong];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

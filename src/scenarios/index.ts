/** Every training scenario, validated by tests/unit/scenarios (server-side only: scenarios hold the answers). */
import type { Scenario } from './schema';
import doShortFloat from './drawer-opening/do-short-float';
import doMixedStrap from './drawer-opening/do-mixed-strap';
import doIouSlip from './drawer-opening/do-iou-slip';
import doCoinRoll from './drawer-opening/do-coin-roll';
import doCoverTheFive from './drawer-opening/do-cover-the-five';
import doLeadNoSenior from './drawer-opening/do-lead-no-senior';
import cpCounterfeitPartial from './counter-payment/cp-counterfeit-partial';
import cpRestoreAfterNsf from './counter-payment/cp-restore-after-nsf';
import cpQuickChange from './counter-payment/cp-quick-change';
import cpTransposedStub from './counter-payment/cp-transposed-stub';
import cpTwoPartyPostdated from './counter-payment/cp-two-party-postdated';
import cpCashOnlyRestore from './counter-payment/cp-cash-only-restore';
import crTransposedEntry from './cash-reconciliation/cr-transposed-entry';
import ddLetterPriorOccupant from './deposit-decision/dd-letter-prior-occupant';
import loMorningList from './lockoff-day/lo-morning-list';
import irHighBillPlan from './irate-contact/ir-high-bill-plan';
import irSonAbusive from './irate-contact/ir-son-abusive';

export const SCENARIOS: readonly Scenario[] = [doShortFloat, doMixedStrap, doIouSlip, doCoinRoll, doCoverTheFive, doLeadNoSenior, cpCounterfeitPartial, cpRestoreAfterNsf, cpQuickChange, cpTransposedStub, cpTwoPartyPostdated, cpCashOnlyRestore, crTransposedEntry, ddLetterPriorOccupant, loMorningList, irHighBillPlan, irSonAbusive];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

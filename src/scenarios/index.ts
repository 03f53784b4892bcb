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
import cpFridayCutoff from './counter-payment/cp-friday-cutoff';
import crTransposedEntry from './cash-reconciliation/cr-transposed-entry';
import crStuckTwenties from './cash-reconciliation/cr-stuck-twenties';
import ddLetterPriorOccupant from './deposit-decision/dd-letter-prior-occupant';
import loMorningList from './lockoff-day/lo-morning-list';
import loPaidAfterThree from './lockoff-day/lo-paid-after-three';
import loHeatHold from './lockoff-day/lo-heat-hold';
import loTwentyAccounts from './lockoff-day/lo-twenty-accounts';
import loHolidayEve from './lockoff-day/lo-holiday-eve';
import loPaperTray from './lockoff-day/lo-paper-tray';
import irHighBillPlan from './irate-contact/ir-high-bill-plan';
import irSonAbusive from './irate-contact/ir-son-abusive';
import crCheckKeyedCash from './cash-reconciliation/cr-check-keyed-cash';
import crPostedTwice from './cash-reconciliation/cr-posted-twice';
import crCheckUnderTray from './cash-reconciliation/cr-check-under-tray';
import crFridayRush from './cash-reconciliation/cr-friday-rush';
import ddVacantPremise from './deposit-decision/dd-vacant-premise';
import ddRoommateWriteoff from './deposit-decision/dd-roommate-writeoff';
import ddForeclosureOwner from './deposit-decision/dd-foreclosure-owner';
import ddLetter61Days from './deposit-decision/dd-letter-61-days';
import ddHouseholdTangle from './deposit-decision/dd-household-tangle';
import irBathLockoff from './irate-contact/ir-bath-lockoff';
import irEsGrandmother from './irate-contact/ir-es-grandmother';
import irLandlordExpired from './irate-contact/ir-landlord-expired';
import irEsLeakCredit from './irate-contact/ir-es-leak-credit';
import irThreatCounter from './irate-contact/ir-threat-counter';
import irBillWasWrong from './irate-contact/ir-bill-was-wrong';
export const SCENARIOS: readonly Scenario[] = [doShortFloat, cpCounterfeitPartial, cpRestoreAfterNsf, crTransposedEntry, crStuckTwenties, ddLetterPriorOccupant, loMorningList, irHighBillPlan, irSonAbusive, crCheckKeyedCash, crPostedTwice, crCheckUnderTray, crFridayRush, ddVacantPremise, ddRoommateWriteoff, ddForeclosureOwner, ddLetter61Days, ddHouseholdTangle, doMixedStrap, doIouSlip, doCoinRoll, doCoverTheFive, doLeadNoSenior, cpQuickChange, cpTransposedStub, cpTwoPartyPostdated, cpCashOnlyRestore, cpFridayCutoff, loPaidAfterThree, loHeatHold, loTwentyAccounts, loHolidayEve, loPaperTray, irBathLockoff, irEsGrandmother, irLandlordExpired, irEsLeakCredit, irThreatCounter, irBillWasWrong];

export function scenarioById(id: string): Scenario | undefined {
	return SCENARIOS.find((s) => s.id === id);
}

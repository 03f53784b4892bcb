/** The start of every procedure's live run, one module each. */
import type { ProcedureKey } from '$machines/registry';
import type { ProcedureStart } from './types';
import { drawerOpeningStart } from './drawer-opening';
import { counterPaymentStart } from './counter-payment';
import { cashReconciliationStart } from './cash-reconciliation';
import { depositDecisionStart } from './deposit-decision';
import { lockoffDayStart } from './lockoff-day';
import { irateContactStart } from './irate-contact';

export type { ProcedureStart, StartPlan, StartQuestion, StartRequest } from './types';

export const PROCEDURE_STARTS: Record<ProcedureKey, ProcedureStart> = {
	'drawer-opening': drawerOpeningStart,
	'counter-payment': counterPaymentStart,
	'cash-reconciliation': cashReconciliationStart,
	'deposit-decision': depositDecisionStart,
	'lockoff-day': lockoffDayStart,
	'irate-contact': irateContactStart
};

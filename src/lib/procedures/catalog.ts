/** The checklist UI of every procedure, one module each under ./ui. */
import type { ProcedureKey } from '$machines/registry';
import type { ProcedureUi } from './ui/types';
import { drawerOpeningUi } from './ui/drawer-opening';
import { counterPaymentUi } from './ui/counter-payment';
import { cashReconciliationUi } from './ui/cash-reconciliation';
import { depositDecisionUi } from './ui/deposit-decision';
import { lockoffDayUi } from './ui/lockoff-day';
import { irateContactUi } from './ui/irate-contact';

export type { CapturedItem, PeopleNames, PrintSection, ProcedureUi } from './ui/types';

export const PROCEDURE_UI: Record<ProcedureKey, ProcedureUi> & Record<string, ProcedureUi | undefined> = {
	'drawer-opening': drawerOpeningUi,
	'counter-payment': counterPaymentUi,
	'cash-reconciliation': cashReconciliationUi,
	'deposit-decision': depositDecisionUi,
	'lockoff-day': lockoffDayUi,
	'irate-contact': irateContactUi
};

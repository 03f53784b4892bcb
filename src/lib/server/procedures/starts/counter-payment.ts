import type { ProcedureStart } from './types';

/** Not built yet: live runs of this procedure cannot be started. */
export const counterPaymentStart: ProcedureStart = {
	subjectLabel: 'Account number',
	plan: () => ({ ok: false, message: 'Live runs of this procedure are not available yet.' })
};

import type { ProcedureStart } from './types';

/** Not built yet: live runs of this procedure cannot be started. */
export const cashReconciliationStart: ProcedureStart = {
	subjectLabel: 'Drawer',
	plan: () => ({ ok: false, message: 'Live runs of this procedure are not available yet.' })
};

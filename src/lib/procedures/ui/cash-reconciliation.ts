/** Checklist UI of cash reconciliation — not built yet: no step forms, so a run shows its steps but cannot be driven. */
import type { ProcedureUi } from './types';

export const cashReconciliationUi: ProcedureUi = {
	startHint: '',
	forms: {},
	captured: () => [],
	printable: () => []
};

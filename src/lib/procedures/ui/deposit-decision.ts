/** Checklist UI of deposit decision — not built yet: no step forms, so a run shows its steps but cannot be driven. */
import type { ProcedureUi } from './types';

export const depositDecisionUi: ProcedureUi = {
	startHint: '',
	forms: {},
	captured: () => [],
	printable: () => []
};

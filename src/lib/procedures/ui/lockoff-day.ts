/** Checklist UI of lockoff day — not built yet: no step forms, so a run shows its steps but cannot be driven. */
import type { ProcedureUi } from './types';

export const lockoffDayUi: ProcedureUi = {
	startHint: '',
	forms: {},
	captured: () => [],
	printable: () => []
};

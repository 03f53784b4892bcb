/** Checklist UI of irate contact — not built yet: no step forms, so a run shows its steps but cannot be driven. */
import type { ProcedureUi } from './types';

export const irateContactUi: ProcedureUi = {
	startHint: '',
	forms: {},
	captured: () => [],
	printable: () => []
};

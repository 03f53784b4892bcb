/** Checklist UI of counter payment — not built yet: no step forms, so a run shows its steps but cannot be driven. */
import type { ProcedureUi } from './types';

export const counterPaymentUi: ProcedureUi = {
	startHint: '',
	forms: {},
	captured: () => [],
	printable: () => []
};

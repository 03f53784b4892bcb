/**
 * What the checklist UI needs per procedure beyond the machine itself: its step forms and a summary of
 * what has been captured so far. Summaries must never include values a blind step hides (expected totals).
 */
import type { StepForms } from './step-forms';
import { drawerOpeningForms } from './forms/drawer-opening';
import { formatCents } from '$lib/domain/money';

export interface CapturedItem {
	label: string;
	value: string;
}

export interface ProcedureUi {
	forms: StepForms;
	/** Where the procedure is started from (ladder.md / issue 4). */
	startHint: string;
	captured: (context: Record<string, unknown>) => CapturedItem[];
}

const cents = (v: unknown) => (typeof v === 'number' ? formatCents(v) : '—');

export const PROCEDURE_UI: Record<string, ProcedureUi> = {
	'drawer-opening': {
		forms: drawerOpeningForms,
		startHint: 'From My drawer, at the start of the day.',
		captured: (c) => [
			{ label: 'Drawer', value: String(c.drawerRef ?? '—') },
			{ label: 'Cashier’s count', value: cents(c.countedCents) },
			{ label: 'Verifier’s count', value: cents(c.verifiedCents) }
		]
	}
};

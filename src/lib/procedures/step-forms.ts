/**
 * How a checklist step collects what the person counted or decided: a small, typed description per
 * step that both renders the form (StepForm.svelte) and parses its submission into a machine event.
 * One mechanism for every procedure; the machines stay the source of truth for what is allowed.
 */
import { DENOMINATIONS, type DenominationCounts } from '$lib/policy/settings';
import { parsePieceCount } from '$lib/domain/denominations';
import { parseCents } from '$lib/domain/money';

export type FieldSpec =
	/** `targetCents`: a public target to compare against as you type (the policy float) — never a blind count's expected total. */
	| { kind: 'denominations'; name: string; label: string; targetCents?: number }
	| { kind: 'money'; name: string; label: string; hint?: string }
	| { kind: 'text'; name: string; label: string; hint?: string; multiline?: boolean; optional?: boolean; maxLength?: number }
	| { kind: 'choice'; name: string; label: string; options: { value: string; label: string }[] }
	| { kind: 'checks'; name: string; label: string; rows?: number }
	| { kind: 'flag'; name: string; label: string }
	/** Several of a fixed set (e.g. documents seen); submits string[]. */
	| { kind: 'multi'; name: string; label: string; options: { value: string; label: string }[] }
	/** A fixed value the form carries (e.g. which list entry a per-row action is about). */
	| { kind: 'hidden'; name: string; value: string }
	/** Read-only facts shown with the form (inputs, a computation); submits nothing. Never blind values. */
	| { kind: 'info'; name: string; label: string; rows: { label: string; value: string }[] };

export interface StepAction {
	/** Machine event type sent when this action is submitted. */
	event: string;
	/** Distinguishes several actions with the same event on one step (e.g. one per list entry); defaults to the event. */
	key?: string;
	/** A line shown above the form (e.g. the list entry it is about). */
	intro?: string;
	label: string;
	tone?: 'primary' | 'secondary' | 'danger';
	/** Folded away under its intro until opened: a rarely needed correction, so the step's main action stays in view. */
	collapsed?: boolean;
	fields: FieldSpec[];
}

/** What a step's forms may depend on: the machine context (server-side only) and who is looking. */
export interface FormScope {
	context: Record<string, unknown>;
	viewer: { level: string; id: number };
}

/** Per step id: fixed actions, or actions built from the run's context (options the viewer's level may offer, per-row actions). */
export type StepForms = Record<string, StepAction[] | ((scope: FormScope) => StepAction[])>;

export const actionKey = (a: StepAction): string => a.key ?? a.event;

/** The actions a step offers now. */
export function stepActions(forms: StepForms | undefined, stepId: string, scope: FormScope): StepAction[] {
	const f = forms?.[stepId];
	if (!f) return [];
	return typeof f === 'function' ? f(scope) : f;
}

export type ParsedEvent = { ok: true; payload: Record<string, unknown> & { type: string } } | { ok: false; errors: Record<string, string> };

const MAX_TEXT = 2000;

/** Parses a submitted step form into a machine event; bad input yields field errors and no event. */
export function parseStepAction(action: StepAction, form: Record<string, string>): ParsedEvent {
	const errors: Record<string, string> = {};
	const payload: Record<string, unknown> & { type: string } = { type: action.event };
	for (const f of action.fields) {
		switch (f.kind) {
			case 'denominations': {
				const counts: DenominationCounts = {};
				for (const d of DENOMINATIONS) {
					const key = `${f.name}.${d.key}`;
					const r = parsePieceCount(form[key] ?? '');
					if (!r.ok) errors[key] = `${d.label}: ${r.error}`;
					else if (r.count > 0) counts[d.key] = r.count;
				}
				payload[f.name] = counts;
				break;
			}
			case 'money': {
				const r = parseCents(form[f.name] ?? '');
				if (!r.ok) errors[f.name] = r.error;
				else payload[f.name] = r.cents;
				break;
			}
			case 'text': {
				const v = (form[f.name] ?? '').trim();
				const max = f.maxLength ?? MAX_TEXT;
				if (!v && !f.optional) errors[f.name] = `${f.label} is required.`;
				else if (v.length > max) errors[f.name] = `${f.label} is too long (at most ${max} characters).`;
				else payload[f.name] = v;
				break;
			}
			case 'choice': {
				const v = form[f.name] ?? '';
				if (!f.options.some((o) => o.value === v)) errors[f.name] = `Choose one of the options for ${f.label.toLowerCase()}.`;
				else payload[f.name] = v;
				break;
			}
			case 'flag':
				payload[f.name] = form[f.name] === 'on' || form[f.name] === 'true';
				break;
			case 'multi':
				payload[f.name] = f.options.filter((o) => form[`${f.name}.${o.value}`] === 'on').map((o) => o.value);
				break;
			case 'hidden':
				payload[f.name] = f.value;
				break;
			case 'info':
				break;
			case 'checks': {
				const checks: { number: string; amountCents: number }[] = [];
				for (let i = 0; i < (f.rows ?? 12); i++) {
					const num = (form[`${f.name}.${i}.number`] ?? '').trim();
					const amt = (form[`${f.name}.${i}.amount`] ?? '').trim();
					if (!num && !amt) continue;
					if (!/^[0-9]{1,10}$/.test(num)) errors[`${f.name}.${i}.number`] = `Check ${i + 1}: enter the check number (digits).`;
					const r = parseCents(amt);
					if (!r.ok) errors[`${f.name}.${i}.amount`] = `Check ${i + 1}: ${r.error}`;
					else if (/^[0-9]{1,10}$/.test(num)) checks.push({ number: num, amountCents: r.cents });
				}
				payload[f.name] = checks;
				break;
			}
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, payload };
}

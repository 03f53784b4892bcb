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
	/** `optional`: left blank, the field is left out of the event. */
	| { kind: 'money'; name: string; label: string; hint?: string; optional?: boolean }
	/** A whole number within [min, max] (e.g. a forecast in °F); submits a number. */
	| { kind: 'integer'; name: string; label: string; min: number; max: number; hint?: string }
	/** `value`: what the box starts with (e.g. a drafted brief the person edits). `placeholder`: shown in a compact list row, where the label is read by screen readers only. */
	| { kind: 'text'; name: string; label: string; hint?: string; multiline?: boolean; optional?: boolean; maxLength?: number; value?: string; placeholder?: string }
	/** `value`: the option preselected (e.g. the exclusion the facts show); the person can still change it. */
	| { kind: 'choice'; name: string; label: string; options: { value: string; label: string }[]; value?: string; placeholder?: string }
	| { kind: 'checks'; name: string; label: string; rows?: number }
	| { kind: 'flag'; name: string; label: string }
	/** Several of a fixed set (e.g. documents seen); submits string[]. */
	| { kind: 'multi'; name: string; label: string; options: { value: string; label: string }[] }
	/** A fixed value the form carries (e.g. which list entry a per-row action is about, or an amount the server computed). Kept server-side: never read from the browser. */
	| { kind: 'hidden'; name: string; value: string | number }
	/** Read-only facts shown with the form (inputs, a computation); submits nothing. Never blind values. */
	| { kind: 'info'; name: string; label: string; rows: { label: string; value: string; tone?: 'warn' | 'ok' }[] }
	/** A few rows of short columns (e.g. next steps with dates); submits [{ [column key]: string }], blank rows skipped. */
	| { kind: 'rows'; name: string; label: string; rows: number; minRows?: number; columns: RowColumn[] };

export interface RowColumn {
	key: string;
	label: string;
	/** `date`: an ISO date (YYYY-MM-DD), as a date input submits it. */
	type: 'text' | 'date';
}

export interface StepAction {
	/** Machine event type sent when this action is submitted. */
	event: string;
	/** Distinguishes several actions with the same event on one step (e.g. one per list entry); defaults to the event. */
	key?: string;
	/** A line shown above the form (e.g. the list entry it is about). */
	intro?: string;
	label: string;
	tone?: 'primary' | 'secondary' | 'danger';
	/** Actions that are not the step's next move (things that may happen at any time) are shown together under this heading. */
	group?: string;
	fields: FieldSpec[];
	/**
	 * Per-row actions of a list (e.g. one lock-off account): the run page shows the actions with the same
	 * row id together as one compact row, filterable by the row's tags (labels people read, e.g. "Needs a
	 * pull"); `secondary` actions fold under "More…" in the row; `tone` marks rows that need attention.
	 */
	row?: { id: string; tags?: string[]; secondary?: boolean; tone?: 'warn' | 'ok' };
	/** Actions needed only now and then (e.g. "a payment arrived"): the run page folds those with the same text under it, after the step's main actions. */
	folded?: string;
}

/** What a step's forms may depend on: the machine context (server-side only) and who is looking. */
export interface FormScope {
	context: Record<string, unknown>;
	viewer: { level: string; id: number };
	/** Ids of every step active now (a parallel machine has several; the current one is the last). */
	active?: string[];
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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A field named with dots nests in the event: "given.name" → { given: { name } }. */
function put(payload: Record<string, unknown>, name: string, value: unknown): void {
	const path = name.split('.');
	let at = payload;
	for (const key of path.slice(0, -1)) {
		if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
		at = at[key] as Record<string, unknown>;
	}
	at[path[path.length - 1]] = value;
}

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
				put(payload, f.name, counts);
				break;
			}
			case 'money': {
				const raw = (form[f.name] ?? '').trim();
				if (!raw && f.optional) break;
				const r = parseCents(raw);
				if (!r.ok) errors[f.name] = r.error;
				else put(payload, f.name, r.cents);
				break;
			}
			case 'integer': {
				const v = (form[f.name] ?? '').trim();
				const n = /^-?\d{1,6}$/.test(v) ? Number(v) : Number.NaN;
				if (!Number.isSafeInteger(n) || n < f.min || n > f.max) errors[f.name] = `${f.label}: enter a whole number from ${f.min} to ${f.max}.`;
				else put(payload, f.name, n);
				break;
			}
			case 'text': {
				const v = (form[f.name] ?? '').trim();
				const max = f.maxLength ?? MAX_TEXT;
				if (!v && !f.optional) errors[f.name] = `${f.label} is required.`;
				else if (v.length > max) errors[f.name] = `${f.label} is too long (at most ${max} characters).`;
				else put(payload, f.name, v);
				break;
			}
			case 'choice': {
				const v = form[f.name] ?? '';
				if (!f.options.some((o) => o.value === v)) errors[f.name] = `Choose one of the options for ${f.label.toLowerCase()}.`;
				else put(payload, f.name, v);
				break;
			}
			case 'flag':
				put(payload, f.name, form[f.name] === 'on' || form[f.name] === 'true');
				break;
			case 'multi':
				put(
					payload,
					f.name,
					f.options.filter((o) => form[`${f.name}.${o.value}`] === 'on').map((o) => o.value)
				);
				break;
			case 'hidden':
				put(payload, f.name, f.value);
				break;
			case 'info':
				break;
			case 'rows': {
				const rows: Record<string, string>[] = [];
				for (let i = 0; i < f.rows; i++) {
					const row: Record<string, string> = {};
					for (const c of f.columns) row[c.key] = (form[`${f.name}.${i}.${c.key}`] ?? '').trim();
					if (f.columns.every((c) => !row[c.key])) continue;
					let ok = true;
					for (const c of f.columns) {
						const key = `${f.name}.${i}.${c.key}`;
						if (!row[c.key]) errors[key] = `Row ${i + 1}: ${c.label.toLowerCase()} is required.`;
						else if (row[c.key].length > MAX_TEXT) errors[key] = `Row ${i + 1}: ${c.label.toLowerCase()} is too long.`;
						else if (c.type === 'date' && !isIsoDate(row[c.key])) errors[key] = `Row ${i + 1}: ${c.label.toLowerCase()} must be a date (YYYY-MM-DD).`;
						else continue;
						ok = false;
					}
					if (ok) rows.push(row);
				}
				const min = f.minRows ?? 0;
				if (rows.length < min && !Object.keys(errors).some((k) => k.startsWith(`${f.name}.`)))
					errors[f.name] = `${f.label}: fill in at least ${min} row${min === 1 ? '' : 's'}.`;
				put(payload, f.name, rows);
				break;
			}
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
				put(payload, f.name, checks);
				break;
			}
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, payload: nest(payload) };
}

/** A field named "check.number" lands in the event as `check: { number }` (events that carry a record, e.g. a check's details). */
function nest<T extends Record<string, unknown>>(payload: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(payload)) {
		const dot = key.indexOf('.');
		if (dot < 0) out[key] = value;
		else {
			const head = key.slice(0, dot);
			const inner = (out[head] && typeof out[head] === 'object' ? out[head] : (out[head] = {})) as Record<string, unknown>;
			inner[key.slice(dot + 1)] = value;
		}
	}
	return out as T;
}

/** Form parsing: strings only (never File), validated by one zod schema per form. */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Text fields of a form as a plain object (files and repeated keys ignored). */
export function formValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !(k in out)) out[k] = v;
	return out;
}

/** Validates form values; returns the parsed data or field errors keyed by field name. */
export function validate<T extends z.ZodType>(schema: T, values: Record<string, string>): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		if (!errors[key]) errors[key] = issue.message;
	}
	return { ok: false, errors };
}

/** Form parsing: strings only (never File), validated by one zod schema per form. */
import { error } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Text fields of a form as a plain object (files and repeated keys ignored). */
export function formValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !(k in out)) out[k] = v;
	return out;
}

/**
 * Reads a posted form's text fields. A body that is not a readable form (wrong content type,
 * broken multipart) is the client's mistake: 400 with a message, never a server error.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
	return formValues(await readFormData(request));
}

/** The posted FormData itself (for repeated fields), with the same 400 for an unreadable body. */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, { message: 'The form could not be read. Reload the page and submit it again.' });
	}
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

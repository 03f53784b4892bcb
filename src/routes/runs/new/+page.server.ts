import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { liveRunMode } from '$lib/authz/can';
import { PROCEDURES } from '$machines/registry';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { PROCEDURE_STARTS } from '$lib/server/procedures/starts';
import { startProcedure } from '$lib/server/procedures/start';
import { currentSignoffsOf } from '$lib/server/competency/progress';
import { formValues } from '$lib/server/forms';
import { LEVEL_TITLES } from '$lib/domain/levels';

/** The start points people know, in the order a counter day meets them. */
const ENTRY: Record<string, string> = {
	'counter-payment': 'Take a payment',
	'irate-contact': 'New contact',
	'deposit-decision': 'New service',
	'drawer-opening': 'Open my drawer',
	'cash-reconciliation': 'Close my drawer',
	'lockoff-day': 'Lock-off day'
};

export const load: PageServerLoad = (event) => {
	const signedIn = authorize(event, 'app.use');
	const user = { ...signedIn, currentSignoffs: currentSignoffsOf(getStore(), signedIn.id, now()) };
	const only = event.url.searchParams.get('procedure');
	const subject = event.url.searchParams.get('subject') ?? '';
	const procedures = Object.values(PROCEDURES)
		.filter((p) => !only || p.key === only)
		.map((p) => {
			const m = liveRunMode(user, p);
			return {
				key: p.key,
				entry: ENTRY[p.key] ?? p.title,
				title: p.title,
				startHint: PROCEDURE_UI[p.key]?.startHint ?? '',
				subjectLabel: PROCEDURE_STARTS[p.key].subjectLabel,
				mode: m.mode,
				blockedReason: m.mode ? null : m.decision.reason,
				minLevel: LEVEL_TITLES[p.aloneFrom]
			};
		})
		.sort((a, b) => Object.keys(ENTRY).indexOf(a.key) - Object.keys(ENTRY).indexOf(b.key));
	return { procedures, subject };
};

export const actions: Actions = {
	start: async (event) => {
		const user = authorize(event, 'app.use');
		const values = formValues(await event.request.formData());
		const r = startProcedure(getStore(), user, values.procedure ?? '', { subject: values.subject, supervisor: values.supervisor }, now());
		if (!r.ok) return fail(r.status, { procedure: values.procedure ?? '', subject: values.subject ?? '', field: r.field ?? null, message: r.message });
		redirect(303, `/runs/${r.runId}`);
	}
};

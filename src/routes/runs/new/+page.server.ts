import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { liveRunMode } from '$lib/authz/can';
import { PROCEDURES } from '$machines/registry';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { PROCEDURE_STARTS } from '$lib/server/procedures/starts';
import { startProcedure, withCurrentSignoffs } from '$lib/server/procedures/start';
import { readForm } from '$lib/server/forms';
import { LEVEL_TITLES } from '$lib/domain/levels';

/** The start points people know, in the order a counter day meets them. */
const ENTRY: Record<string, { entry: string; button: string }> = {
	'counter-payment': { entry: 'Take a payment', button: 'Start payment' },
	'irate-contact': { entry: 'New contact', button: 'Start contact' },
	'deposit-decision': { entry: 'New service', button: 'Start deposit decision' },
	'drawer-opening': { entry: 'Open my drawer', button: 'Open drawer' },
	'cash-reconciliation': { entry: 'Close my drawer', button: 'Close drawer' },
	'lockoff-day': { entry: 'Lock-off day', button: 'Start lock-off day' }
};

export const load: PageServerLoad = (event) => {
	const signedIn = authorize(event, 'app.use');
	const user = withCurrentSignoffs(getStore(), signedIn, now());
	const only = event.url.searchParams.get('procedure');
	const subject = event.url.searchParams.get('subject') ?? '';
	const procedures = Object.values(PROCEDURES)
		.filter((p) => !only || p.key === only)
		.map((p) => {
			const m = liveRunMode(user, p);
			return {
				key: p.key,
				entry: ENTRY[p.key]?.entry ?? p.title,
				button: ENTRY[p.key]?.button ?? `Start ${p.title.toLowerCase()}`,
				subjectOptions: m.mode ? (PROCEDURE_STARTS[p.key].subjectOptions?.(getStore().db.$client) ?? null) : null,
				title: p.title,
				startHint: PROCEDURE_UI[p.key]?.startHint ?? '',
				subjectLabel: PROCEDURE_STARTS[p.key].subjectLabel,
				questions: m.mode ? (PROCEDURE_STARTS[p.key].questions ?? []) : [],
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
		const values = await readForm(event.request);
		const answers = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('q.')).map(([k, v]) => [k.slice(2), v]));
		const r = startProcedure(getStore(), user, values.procedure ?? '', { subject: values.subject, supervisor: values.supervisor, answers }, now());
		if (!r.ok) return fail(r.status, { procedure: values.procedure ?? '', subject: values.subject ?? '', answers, field: r.field ?? null, message: r.message });
		redirect(303, `/runs/${r.runId}`);
	}
};

import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { sandboxSummary } from '$lib/server/repos/sandbox';
import { listRuns } from '$lib/server/repos/runs';
import { verificationQueue } from '$lib/server/procedures/queue';
import { PROCEDURES } from '$machines/registry';

export const load: PageServerLoad = (event) => {
	const user = authorize(event, 'app.use');
	const store = getStore();
	const titles: Record<string, string> = Object.fromEntries(Object.values(PROCEDURES).map((p) => [p.key, p.title]));
	const open = [...listRuns(store, { ownerId: user.id, status: 'in_progress', limit: 5 }), ...listRuns(store, { ownerId: user.id, status: 'awaiting_verification', limit: 5 })]
		.sort((a, b) => b.updatedAt - a.updatedAt)
		.slice(0, 5)
		.map((r) => ({ id: r.id, title: titles[r.procedure] ?? r.procedure, subject: r.subject, status: r.status }));
	return { sandbox: sandboxSummary(store), open, toVerify: verificationQueue(store, user).length };
};

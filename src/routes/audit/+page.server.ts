import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { recentAudit } from '$lib/server/repos/audit';

export const load: PageServerLoad = (event) => {
	authorize(event, 'audit.view');
	const before = Number(event.url.searchParams.get('before') ?? '') || undefined;
	const action = (event.url.searchParams.get('action') ?? '').replace(/[^a-zA-Z.]/g, '').slice(0, 40);
	const rows = recentAudit(getStore(), { before, action: action || undefined, limit: 50 });
	return { rows, action, next: rows.length === 50 ? rows[rows.length - 1].id : null };
};

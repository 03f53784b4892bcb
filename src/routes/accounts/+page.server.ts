import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { searchAccounts } from '$lib/server/repos/accounts';

export const load: PageServerLoad = (event) => {
	authorize(event, 'accounts.search');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	return { q, results: q.trim().length >= 2 ? searchAccounts(getStore(), q) : null };
};

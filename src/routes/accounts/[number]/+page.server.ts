import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/http/guard';
import { getStore } from '$lib/server/store';
import { getAccountPage } from '$lib/server/repos/accounts';

export const load: PageServerLoad = (event) => {
	authorize(event, 'accounts.view');
	const number = event.params.number;
	if (!/^[\d-]{4,20}$/.test(number)) error(404, { message: `"${number.slice(0, 30)}" is not an account number.` });
	const account = getAccountPage(getStore(), number);
	if (!account) error(404, { message: `No account ${number} in the sandbox. It may have been removed by a sandbox reset.` });
	return { account };
};

import type { LayoutServerLoad } from './$types';
import { navFor } from '$lib/nav/items';
import { LEVEL_TITLES } from '$lib/domain/levels';

export const load: LayoutServerLoad = ({ locals }) => {
	const u = locals.user;
	return {
		user: u ? { id: u.id, username: u.username, displayName: u.displayName, level: u.level, levelTitle: LEVEL_TITLES[u.level], isAdmin: u.isAdmin } : null,
		nav: navFor(u).map(({ href, label }) => ({ href, label }))
	};
};

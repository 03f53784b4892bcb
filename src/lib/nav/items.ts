/** Navigation entries, shown only when can() allows their action. */
import { can, type Action, type Principal } from '$lib/authz/can';

export interface NavItem {
	href: string;
	label: string;
	action: Action;
}

const ITEMS: NavItem[] = [
	{ href: '/', label: 'Home', action: 'app.use' },
	{ href: '/accounts', label: 'Accounts', action: 'accounts.search' },
	{ href: '/runs/new', label: 'Start', action: 'app.use' },
	{ href: '/drawer', label: 'My drawer', action: 'app.use' },
	{ href: '/runs', label: 'Runs', action: 'app.use' },
	{ href: '/runs/verify', label: 'To verify', action: 'app.use' },
	{ href: '/training', label: 'My training', action: 'training.self' },
	{ href: '/team', label: 'Team', action: 'team.view' },
	{ href: '/readiness', label: 'Readiness', action: 'readiness.view' },
	{ href: '/audit', label: 'Audit log', action: 'audit.view' },
	{ href: '/admin/users', label: 'Users', action: 'users.list' },
	{ href: '/admin/sandbox', label: 'Sandbox', action: 'sandbox.reset' }
];

/** The navigation a user sees. */
export function navFor(user: Principal | null): NavItem[] {
	return ITEMS.filter((i) => can(user, i.action));
}

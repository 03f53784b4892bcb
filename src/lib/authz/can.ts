/**
 * The one authorisation module: every load and action asks can() before it validates or acts.
 * Rules come from the ladder (roles in the product): levels are cumulative; the admin flag is
 * independent and grants account management and sandbox resets, but no sign-off power.
 */
import { atLeast, type Level } from '$lib/domain/levels';

export interface Principal {
	id: number;
	level: Level;
	isAdmin: boolean;
}

export type Action =
	| 'app.use'
	| 'password.change'
	| 'accounts.search'
	| 'accounts.view'
	| 'users.list'
	| 'users.create'
	| 'users.deactivate'
	| 'users.resetPassword'
	| 'sandbox.reset'
	| 'audit.view';

export interface Resource {
	/** Level of the user account being created or managed. */
	targetLevel?: Level;
	/** Id of the user account being managed. */
	targetUserId?: number;
}

export interface Decision {
	allowed: boolean;
	reason: string;
}

const allow: Decision = { allowed: true, reason: '' };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The decision with its reason (for 403 pages and refusals). */
export function decide(user: Principal | null, action: Action, resource: Resource = {}): Decision {
	if (!user) return deny('Sign in first.');
	switch (action) {
		case 'app.use':
		case 'password.change':
		case 'accounts.search':
		case 'accounts.view':
			return allow;
		case 'users.list':
		case 'sandbox.reset':
			return user.isAdmin ? allow : deny('Only an administrator can do this.');
		case 'users.create':
		case 'users.resetPassword':
		case 'users.deactivate': {
			if (!user.isAdmin) return deny('Only an administrator can manage user accounts.');
			if (resource.targetUserId !== undefined && resource.targetUserId === user.id && action === 'users.deactivate')
				return deny('You cannot deactivate your own account.');
			// Only an admin who is also a supervisor may create or reset accounts at senior or above (ladder.md).
			if (resource.targetLevel && atLeast(resource.targetLevel, 'senior') && action !== 'users.deactivate' && user.level !== 'supervisor')
				return deny('Only an administrator who is also a supervisor can manage senior or supervisor accounts.');
			return allow;
		}
		case 'audit.view':
			return user.isAdmin || atLeast(user.level, 'supervisor') ? allow : deny('Only supervisors and administrators can read the audit log.');
	}
}

/** Whether `user` may perform `action` on `resource`. */
export function can(user: Principal | null, action: Action, resource: Resource = {}): boolean {
	return decide(user, action, resource).allowed;
}

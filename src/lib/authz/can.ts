/**
 * The one authorisation module: every load and action asks can() before it validates or acts.
 * Rules come from the ladder (roles in the product): levels are cumulative; the admin flag is
 * independent and grants account management and sandbox resets, but no sign-off power.
 */
import { atLeast, type Level } from '$lib/domain/levels';
import type { EventAuthority, RunRole } from '$machines/shared/types';

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
	| 'audit.view'
	| 'run.start'
	| 'run.view'
	| 'run.step'
	| 'run.abandon';

export interface Resource {
	/** Level of the user account being created or managed. */
	targetLevel?: Level;
	/** Id of the user account being managed. */
	targetUserId?: number;
	/** A procedure (for run.start): who may run it alone and supervised. */
	procedure?: { aloneFrom: Level; supervisedFrom?: Level };
	/** A run (for run.view / run.step / run.abandon). */
	run?: { ownerId: number; supervisorId: number | null; roles: Partial<Record<RunRole, string>>; participants?: string[] };
	/** The authority the current step declares for the event being sent (run.step). */
	authority?: EventAuthority;
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
		case 'run.start':
			return resource.procedure ? liveRunMode(user, resource.procedure).decision : deny('Unknown procedure.');
		case 'run.view': {
			const run = resource.run;
			if (!run) return deny('Unknown run.');
			if (run.ownerId === user.id || run.supervisorId === user.id || atLeast(user.level, 'senior')) return allow;
			if (Object.values(run.roles).includes(String(user.id))) return allow;
			// Someone whose step was applied took part, even when the machine kept no role for them
			// (a verifier whose differing count sent the cashier back to recount).
			if (run.participants?.includes(String(user.id))) return allow;
			return deny('Only the people in this run, seniors and supervisors can see it.');
		}
		case 'run.abandon': {
			const run = resource.run;
			if (!run) return deny('Unknown run.');
			return run.ownerId === user.id || atLeast(user.level, 'senior') ? allow : deny('Only the person running it or a senior can abandon a run.');
		}
		case 'run.step':
			return stepDecision(user, resource);
	}
}

/** Who may send an event at a step: the step's declared authority, else the run's owner (or its supervising senior). */
function stepDecision(user: Principal, resource: Resource): Decision {
	const run = resource.run;
	if (!run) return deny('Unknown run.');
	const a = resource.authority;
	if (!a) {
		return user.id === run.ownerId || user.id === run.supervisorId ? allow : deny('Only the person running this procedure can do this step.');
	}
	// "Who" before "which level": a cashier verifying their own float hears the real reason.
	if (a.secondPerson && user.id === run.ownerId) return deny('This step needs a second person: someone other than the person running the procedure.');
	for (const role of a.notRoles ?? []) {
		if (run.roles[role] === String(user.id)) return deny(`The same person cannot also be the ${ROLE_NAMES[role] ?? role} in this run.`);
	}
	if (!atLeast(user.level, a.minLevel)) return deny(`This step needs a ${LEVEL_NAMES[a.minLevel]} or above.`);
	if (!a.secondPerson && user.id !== run.ownerId && user.id !== run.supervisorId) return deny('Only the person running this procedure can do this step.');
	return allow;
}

const LEVEL_NAMES: Record<Level, string> = { csr1: 'CSR I', csr2: 'CSR II', csr3: 'CSR III', senior: 'CSR Senior', supervisor: 'supervisor' };
const ROLE_NAMES: Partial<Record<RunRole, string>> = { cashier: 'cashier', floatVerifier: 'float verifier', vaultFirst: 'first vault person', vaultSecond: 'second vault person' };

/**
 * The seam where competency sign-offs will refine live gating (issue 6): today it decides by level
 * alone, per ladder.md's table — alone from `aloneFrom`, supervised from `supervisedFrom`.
 */
export function liveRunMode(user: Principal, procedure: { aloneFrom: Level; supervisedFrom?: Level }): { mode: 'alone' | 'supervised' | null; decision: Decision } {
	if (atLeast(user.level, procedure.aloneFrom)) return { mode: 'alone', decision: allow };
	if (procedure.supervisedFrom && atLeast(user.level, procedure.supervisedFrom)) return { mode: 'supervised', decision: allow };
	return { mode: null, decision: deny(`This procedure is run by a ${LEVEL_NAMES[procedure.aloneFrom]} or above.`) };
}

/** Whether a user may start a live run of a procedure (alone or supervised). */
export function mayRunLive(user: Principal, procedure: { aloneFrom: Level; supervisedFrom?: Level }): boolean {
	return liveRunMode(user, procedure).mode !== null;
}

/** Whether `user` may perform `action` on `resource`. */
export function can(user: Principal | null, action: Action, resource: Resource = {}): boolean {
	return decide(user, action, resource).allowed;
}

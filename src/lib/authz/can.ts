/**
 * The one authorisation module: every load and action asks can() before it validates or acts.
 * Rules come from the ladder (roles in the product): levels are cumulative; the admin flag is
 * independent and grants account management and sandbox resets, but no sign-off power.
 */
import { atLeast, levelRank, type Level } from '$lib/domain/levels';
import type { EventAuthority, RunRole } from '$machines/shared/types';

export interface Principal {
	id: number;
	level: Level;
	isAdmin: boolean;
	/**
	 * Competencies the user holds with a current sign-off (not lapsed, not re-certify), loaded by the
	 * server when a decision depends on them (one-level-early live runs). Absent = none.
	 */
	currentSignoffs?: readonly string[];
}

/** What live gating needs of a procedure (the registry's ProcedureDef satisfies it). */
export interface LiveProcedure {
	aloneFrom: Level;
	supervisedFrom?: Level;
	/** Competencies its live runs evidence; the first is the one whose sign-off lets a person run it one level early. */
	competencies?: readonly string[];
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
	| 'overShort.view'
	| 'run.start'
	| 'run.view'
	| 'run.step'
	| 'run.abandon'
	| 'training.self'
	| 'person.view'
	| 'team.view'
	| 'readiness.view'
	| 'training.assign'
	| 'training.export'
	| 'competency.observe'
	| 'competency.request'
	| 'competency.signoff'
	| 'competency.revoke'
	| 'promotion.record'
	| 'framework.edit'

	| 'practice.use'
	| 'attempt.start'
	| 'attempt.view'
	| 'attempt.act'
	| 'attempt.comment';

export interface Resource {
	/** Level of the user account being created or managed. */
	targetLevel?: Level;
	/** Id of the user account being managed. */
	targetUserId?: number;
	/** A procedure (for run.start): who may run it alone and supervised. */
	procedure?: LiveProcedure;
	/** The person whose training record is acted on (sign-off, revocation, observation, promotion). */
	trainee?: { id: number; level: Level };
	/** The level of the competency being signed off or revoked. */
	competencyLevel?: Level;
	/** A sign-off whose evidence requirements are not met (needs a supervisor's written override). */
	override?: boolean;
	/** A run (for run.view / run.step / run.abandon). */
	run?: { ownerId: number; supervisorId: number | null; roles: Partial<Record<RunRole, string>>; participants?: string[] };
	/** The authority the current step declares for the event being sent (run.step). */
	authority?: EventAuthority;
	/** A training attempt (attempt.view / attempt.act / attempt.comment): whose it is. */
	attempt?: { userId: number };
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
		case 'overShort.view':
			return atLeast(user.level, 'senior') ? allow : deny('The office’s cash over/short ledger is for seniors and supervisors.');
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
		// Training attempts (ladder.md: any level practises any scenario, acting with the scenario's level).
		case 'practice.use':
		case 'attempt.start':
			return allow;
		case 'attempt.view': {
			const a = resource.attempt;
			if (!a) return deny('Unknown attempt.');
			return a.userId === user.id || atLeast(user.level, 'senior') ? allow : deny('Only the trainee, seniors and supervisors can see an attempt.');
		}
		case 'attempt.act': {
			const a = resource.attempt;
			if (!a) return deny('Unknown attempt.');
			return a.userId === user.id ? allow : deny('Only the trainee takes their own attempt.');
		}
		case 'attempt.comment': {
			const a = resource.attempt;
			if (!a) return deny('Unknown attempt.');
			if (!atLeast(user.level, 'senior')) return deny('Only seniors and supervisors comment on attempts.');
			return a.userId === user.id ? deny('Comments are for reviewing someone else’s attempt.') : allow;
		}
		default:
			return trainingDecision(user, action, resource);
	}
}

/** The competency tracker's actions (ladder.md: roles in the product, sign-off rules, promotions). */
function trainingDecision(user: Principal, action: Action, resource: Resource): Decision {
	const lead = atLeast(user.level, 'senior');
	const t = resource.trainee;
	switch (action) {
		case 'training.self':
			return allow;
		case 'person.view':
		case 'training.export':
			if (resource.targetUserId !== undefined && resource.targetUserId === user.id) return allow;
			return lead ? allow : deny('Only seniors and supervisors can see other people’s training records.');
		case 'team.view':
			return lead ? allow : deny('Only seniors and supervisors can do this.');
		case 'training.assign':
			if (!lead) return deny('Only seniors and supervisors can assign training.');
			return t && levelRank(t.level) >= levelRank(user.level) ? deny('You can assign training only to people below your level.') : allow;
		case 'readiness.view':
		case 'framework.edit':
			return user.level === 'supervisor' ? allow : deny('Only a supervisor can do this.');
		case 'competency.request':
			return t && t.id === user.id ? allow : deny('Only the trainee can request their own sign-off.');
		case 'competency.observe':
			if (!lead) return deny('Only seniors and supervisors can record observations.');
			return t && t.id === user.id ? deny('You cannot record an observation of yourself.') : allow;
		case 'competency.signoff':
		case 'competency.revoke':
			return signoffDecision(user, action, resource);
		case 'promotion.record': {
			if (user.level !== 'supervisor') return deny('Promotions are recorded by a supervisor.');
			if (!t) return deny('Unknown person.');
			if (t.id === user.id) return deny('You cannot record your own promotion.');
			return atLeast(t.level, 'senior') ? deny(`A ${LEVEL_NAMES[t.level]} has no promotion on the CSR ladder.`) : allow;
		}
		default:
			return deny('Unknown action.');
	}
}

/** Signer at senior or above, strictly above both the trainee's and the competency's level, never themselves. */
function signoffDecision(user: Principal, action: Action, resource: Resource): Decision {
	const t = resource.trainee;
	if (!t || !resource.competencyLevel) return deny('Unknown person or competency.');
	const verb = action === 'competency.revoke' ? 'revoke' : 'sign off';
	if (t.id === user.id) return deny(`You cannot ${verb} your own competency.`);
	if (!atLeast(user.level, 'senior')) return deny(`Only a CSR Senior or supervisor can ${verb} a competency.`);
	if (levelRank(user.level) <= levelRank(t.level)) return deny(`The signer must be above the trainee’s level (${LEVEL_NAMES[t.level]}).`);
	if (levelRank(user.level) <= levelRank(resource.competencyLevel))
		return deny(`A ${LEVEL_NAMES[resource.competencyLevel]}-level competency needs a signer above that level (a supervisor).`);
	if (action === 'competency.signoff' && resource.override && user.level !== 'supervisor')
		return deny('The evidence requirements are not met: only a supervisor can override them, with a written reason.');
	return allow;
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
 * Who may run a procedure live, and how (ladder.md's table): alone from `aloneFrom`, supervised from
 * `supervisedFrom`; and one level below `aloneFrom` alone when the user holds a current sign-off of
 * the procedure's competency (one level early, never more; a lapsed or re-certify sign-off does not count).
 */
export function liveRunMode(user: Principal, procedure: LiveProcedure): { mode: 'alone' | 'supervised' | null; decision: Decision } {
	if (atLeast(user.level, procedure.aloneFrom)) return { mode: 'alone', decision: allow };
	const gate = procedure.competencies?.[0];
	const oneBelow = levelRank(user.level) === levelRank(procedure.aloneFrom) - 1;
	if (gate && oneBelow && user.currentSignoffs?.includes(gate)) return { mode: 'alone', decision: allow };
	if (procedure.supervisedFrom && atLeast(user.level, procedure.supervisedFrom)) return { mode: 'supervised', decision: allow };
	return { mode: null, decision: deny(`This procedure is run by a ${LEVEL_NAMES[procedure.aloneFrom]} or above.`) };
}

/** Whether a user may start a live run of a procedure (alone or supervised). */
export function mayRunLive(user: Principal, procedure: LiveProcedure): boolean {
	return liveRunMode(user, procedure).mode !== null;
}

/** Whether `user` may perform `action` on `resource`. */
export function can(user: Principal | null, action: Action, resource: Resource = {}): boolean {
	return decide(user, action, resource).allowed;
}

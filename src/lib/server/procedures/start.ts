/**
 * The one way a live run starts, from any start point (My drawer, an account page, Lock-off day, New
 * contact…): check the level gate, name the supervising senior where the run is supervised, read the
 * machine input from the sandbox and hand over to the runner.
 */
import { liveRunMode, type Principal } from '$lib/authz/can';
import { atLeast } from '$lib/domain/levels';
import { procedureDef } from '$machines/registry';
import type { Store } from '../store';
import type { SessionUser } from '../auth/session';
import { findLoginByUsername } from '../repos/users';
import { PROCEDURE_STARTS } from './starts';
import { RunError, startRun } from './runner';
import { currentSignoffsOf } from '../competency/progress';

/**
 * The person with their current sign-offs, which let them run a procedure alone one level early
 * (can.ts liveRunMode). Worked out only if a rule asks (it reads all their training evidence), and once.
 */
export function withCurrentSignoffs(store: Store, signedIn: SessionUser, at: number): SessionUser & Principal {
	let held: string[] | undefined;
	return {
		...signedIn,
		get currentSignoffs() {
			held ??= currentSignoffsOf(store, signedIn.id, at);
			return held;
		}
	};
}

/** `field`: 'subject', 'supervisor' or the name of the start question the message is about. */
export type StartOutcome = { ok: true; runId: number } | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };

export function startProcedure(
	store: Store,
	signedIn: SessionUser,
	key: string,
	form: { subject?: string; supervisor?: string; answers?: Record<string, string> },
	at: number
): StartOutcome {
	const def = procedureDef(key);
	if (!def) return { ok: false, status: 404, message: 'There is no such procedure.' };
	const user = withCurrentSignoffs(store, signedIn, at);
	const mode = liveRunMode(user, def);
	if (!mode.mode) return { ok: false, status: 403, message: mode.decision.reason };
	let supervisorId: number | null = null;
	if (mode.mode === 'supervised') {
		const name = (form.supervisor ?? '').trim();
		if (!name) return { ok: false, status: 400, field: 'supervisor', message: `At your level, ${def.title.toLowerCase()} is run with a supervising senior: enter their username.` };
		const senior = findLoginByUsername(store, name);
		if (!senior || !senior.active || !atLeast(senior.level, 'senior')) return { ok: false, status: 400, field: 'supervisor', message: 'The supervising person must be an active CSR Senior or supervisor.' };
		if (senior.id === user.id) return { ok: false, status: 400, field: 'supervisor', message: 'You cannot supervise your own run.' };
		supervisorId = senior.id;
	}
	const start = PROCEDURE_STARTS[def.key];
	const answers = Object.fromEntries((start.questions ?? []).map((q) => [q.name, (form.answers?.[q.name] ?? '').trim()]));
	const plan = start.plan(store.db.$client, { subject: (form.subject ?? '').trim(), user, at, answers });
	if (!plan.ok) return { ok: false, status: 400, field: plan.field ?? (start.subjectLabel ? 'subject' : undefined), message: plan.message };
	try {
		return { ok: true, runId: startRun(store, user, def.key, plan.input, { subject: plan.subject, supervisorId, at }).id };
	} catch (e) {
		if (e instanceof RunError) return { ok: false, status: e.status === 409 ? 409 : e.status === 404 ? 404 : e.status === 403 ? 403 : 400, message: e.message };
		throw e;
	}
}

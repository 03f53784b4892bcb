/**
 * Sign-off, revocation, re-sign-off, requests and observation notes. Each authorises through can(),
 * validates, then writes in one transaction with its audit row and its xAPI statement; the database's
 * partial unique index makes a second concurrent sign-off fail even if two processes race.
 */
import { decide } from '$lib/authz/can';
import { competency } from '$lib/competency/framework';
import { config } from '../config';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { findUserById } from '../repos/users';
import { closeRequests, endSignoff, findActiveSignoff, insertRequest, insertSignoff } from '../repos/signoffs';
import { insertObservation } from '../repos/training-evidence';
import { enqueueStatements } from '../xapi/outbox';
import { signoffStatements } from '../xapi/records';
import { kickOutbox } from '../xapi/lrs';
import { progressFor, revisionsFor, type ProgressOptions } from './progress';
import { currentFramework } from './framework-store';

export type Outcome = { ok: true; id: number } | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };

const actorOf = (u: SessionUser) => ({ id: u.id, username: u.username });
const bad = (message: string, field?: string): Outcome => ({ ok: false, status: 400, message, field });

function isUniqueViolation(e: unknown): boolean {
	return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function target(store: Store, traineeId: number, competencyId: string) {
	const trainee = findUserById(store, traineeId);
	const c = competency(competencyId);
	return trainee && c ? { trainee, c } : null;
}

export interface SignoffForm {
	note: string;
	overrideReason?: string;
	/** The sign-off being renewed (re-certify or refresher); absent for a first sign-off. */
	supersedes?: number | null;
}

/** Signs off a competency for a trainee (or renews a re-certify / lapsed one). */
export function signOff(store: Store, signer: SessionUser, traineeId: number, competencyId: string, form: SignoffForm, at: number, opts: Partial<ProgressOptions> = {}): Outcome {
	const t = target(store, traineeId, competencyId);
	if (!t) return { ok: false, status: 404, message: 'No such person or competency.' };
	const note = form.note.trim();
	const overrideReason = (form.overrideReason ?? '').trim();
	const outcome = (() => {
		try {
			return mutate(store, (): Outcome => {
				const p = progressFor(store, traineeId, { ...opts, now: at }).find((x) => x.competency.id === competencyId)!;
				const override = !p.result.tally.complete;
				const d = decide(signer, 'competency.signoff', { trainee: { id: t.trainee.id, level: t.trainee.level }, competencyLevel: t.c.level, override });
				if (!d.allowed) return { ok: false, status: 403, message: d.reason };
				if (!note) return bad('Write a note: what you reviewed and observed.', 'note');
				if (override && !overrideReason) return bad('The evidence requirements are not met: write the reason for overriding them.', 'overrideReason');
				const active = findActiveSignoff(store, traineeId, competencyId);
				if (active) {
					const renewable = p.result.status === 're-certify' || p.result.status === 'needs-refresher';
					if (!renewable || form.supersedes !== active.id)
						return { ok: false, status: 409, message: `${t.trainee.displayName} is already signed off on ${competencyId} (by ${active.signedByName}).` };
					endSignoff(store, active.id, { at, by: signer.id, kind: 'superseded', reason: `Re-signed off (${p.result.status}).` });
				}
				const id = insertSignoff(store, {
					userId: traineeId,
					competencyId,
					signedBy: signer.id,
					signedAt: at,
					note,
					frameworkVersion: (opts.framework ?? currentFramework(store)).version,
					revisions: revisionsFor(t.c, opts.procedures),
					evidence: {
						scenarios: p.evidence.distinctScenarios,
						attempts: p.evidence.passedAttempts.map((a) => a.id),
						cleanRuns: p.evidence.cleanRuns.map((r) => r.id),
						observations: p.evidence.observations.map((o) => o.id),
						tally: p.result.tally
					},
					requirementsMet: !override,
					overrideReason: override ? overrideReason : null
				});
				closeRequests(store, traineeId, competencyId, at, 'signed off');
				audit(store, {
					actor: actorOf(signer),
					action: active ? 'competency.resignoff' : 'competency.signoff',
					target: `user:${traineeId}`,
					summary: { competency: competencyId, signoff: id, note, override: override ? overrideReason : null, supersedes: active?.id ?? null },
					at
				});
				enqueueStatements(store, `signoff:${id}`, signoffStatements(store, id, config.origin), at);
				return { ok: true, id };
			});
		} catch (e) {
			// Another transaction (another process) committed the same sign-off first.
			if (isUniqueViolation(e)) return { ok: false as const, status: 409 as const, message: `${t.trainee.displayName} is already signed off on ${competencyId}.` };
			throw e;
		}
	})();
	if (outcome.ok) kickOutbox();
	return outcome;
}

/** Revokes the sign-off in force, with a reason. */
export function revoke(store: Store, by: SessionUser, traineeId: number, competencyId: string, reason: string, at: number): Outcome {
	const t = target(store, traineeId, competencyId);
	if (!t) return { ok: false, status: 404, message: 'No such person or competency.' };
	const outcome = mutate(store, (): Outcome => {
		const d = decide(by, 'competency.revoke', { trainee: { id: t.trainee.id, level: t.trainee.level }, competencyLevel: t.c.level });
		if (!d.allowed) return { ok: false, status: 403, message: d.reason };
		if (!reason.trim()) return bad('Write the reason for revoking.', 'reason');
		const active = findActiveSignoff(store, traineeId, competencyId);
		if (!active || !endSignoff(store, active.id, { at, by: by.id, kind: 'revoked', reason: reason.trim() })) return { ok: false, status: 409, message: 'There is no sign-off in force to revoke.' };
		audit(store, { actor: actorOf(by), action: 'competency.revoke', target: `user:${traineeId}`, summary: { competency: competencyId, signoff: active.id, reason: reason.trim() }, at });
		enqueueStatements(store, `signoff:${active.id}:revoked`, signoffStatements(store, active.id, config.origin).slice(1), at);
		return { ok: true, id: active.id };
	});
	if (outcome.ok) kickOutbox();
	return outcome;
}

/** A trainee asks for sign-off once their evidence is complete; the request reaches their team's seniors. */
export function requestSignoff(store: Store, user: SessionUser, competencyId: string, at: number, opts: Partial<ProgressOptions> = {}): Outcome {
	const c = competency(competencyId);
	if (!c) return { ok: false, status: 404, message: 'No such competency.' };
	const d = decide(user, 'competency.request', { trainee: { id: user.id, level: user.level } });
	if (!d.allowed) return { ok: false, status: 403, message: d.reason };
	try {
		return mutate(store, (): Outcome => {
			const p = progressFor(store, user.id, { ...opts, now: at }).find((x) => x.competency.id === competencyId)!;
			if (!p.result.tally.complete) return { ok: false, status: 409, message: 'Your evidence is not complete yet.' };
			if (p.result.status === 'signed-off') return { ok: false, status: 409, message: 'You are already signed off on this competency.' };
			const id = insertRequest(store, user.id, competencyId, at);
			audit(store, { actor: actorOf(user), action: 'competency.request', target: `user:${user.id}`, summary: { competency: competencyId }, at });
			return { ok: true, id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, status: 409, message: 'You have already requested sign-off on this competency.' };
		throw e;
	}
}

/** A senior's or supervisor's observation note, attached as evidence. */
export function observe(store: Store, observer: SessionUser, traineeId: number, competencyId: string, note: string, at: number): Outcome {
	const t = target(store, traineeId, competencyId);
	if (!t) return { ok: false, status: 404, message: 'No such person or competency.' };
	const d = decide(observer, 'competency.observe', { trainee: { id: t.trainee.id, level: t.trainee.level } });
	if (!d.allowed) return { ok: false, status: 403, message: d.reason };
	if (!note.trim()) return bad('Write what you observed.', 'note');
	return mutate(store, () => {
		const id = insertObservation(store, { userId: traineeId, competencyId, observerId: observer.id, at, note: note.trim() });
		audit(store, { actor: actorOf(observer), action: 'competency.observe', target: `user:${traineeId}`, summary: { competency: competencyId, observation: id }, at });
		return { ok: true, id };
	});
}

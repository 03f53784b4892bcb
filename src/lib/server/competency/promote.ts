/** Promotions: a supervisor moves a person one step up the ladder, on readiness or with a written override; audited. */
import { decide } from '$lib/authz/can';
import { LEVEL_TITLES, type Level } from '$lib/domain/levels';
import { readiness } from '$lib/competency/readiness';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { findUserById } from '../repos/users';
import { progressFor, type ProgressOptions } from './progress';

export type PromoteOutcome = { ok: true; id: number } | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };

export function promote(store: Store, by: SessionUser, userId: number, form: { toLevel: string; note: string; overrideReason: string }, at: number, opts: Partial<ProgressOptions> = {}): PromoteOutcome {
	return mutate(store, (): PromoteOutcome => {
		const person = findUserById(store, userId);
		if (!person) return { ok: false, status: 404, message: 'No such person.' };
		const d = decide(by, 'promotion.record', { trainee: { id: person.id, level: person.level } });
		if (!d.allowed) return { ok: false, status: 403, message: d.reason };
		const held = new Set(progressFor(store, userId, { ...opts, now: at, statusOnly: true }).filter((p) => p.result.held).map((p) => p.competency.id));
		const r = readiness(person.level, held);
		if (!r.next || form.toLevel !== r.next) return { ok: false, status: 409, message: `${person.displayName} is a ${LEVEL_TITLES[person.level]}: the next step is ${r.next ? LEVEL_TITLES[r.next] : 'none'}. Reload the page.` };
		if (!form.note.trim()) return { ok: false, status: 400, field: 'note', message: 'Write a note for the record.' };
		const overrideReason = form.overrideReason.trim();
		if (!r.ready && !overrideReason)
			return { ok: false, status: 400, field: 'overrideReason', message: `Not ready: ${r.missing.length} competenc${r.missing.length === 1 ? 'y is' : 'ies are'} not signed off. Write the reason for promoting anyway.` };
		const info = store.db.$client
			.prepare('INSERT INTO promotions (user_id, from_level, to_level, at, by, ready, override_reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
			.run(userId, person.level, r.next, at, by.id, r.ready ? 1 : 0, r.ready ? null : overrideReason, form.note.trim());
		store.db.$client.prepare('UPDATE users SET level = ? WHERE id = ?').run(r.next, userId);
		audit(store, {
			actor: { id: by.id, username: by.username },
			action: 'user.promote',
			target: `user:${userId}`,
			summary: { from: person.level, to: r.next, ready: r.ready, missing: r.missing, override: r.ready ? null : overrideReason },
			at
		});
		return { ok: true, id: Number(info.lastInsertRowid) };
	});
}

export interface PromotionRow {
	id: number;
	userId: number;
	fromLevel: Level;
	toLevel: Level;
	at: number;
	byName: string;
	ready: boolean;
	overrideReason: string | null;
	note: string;
}

export function listPromotions(store: Store, userId?: number): PromotionRow[] {
	const rows = store.db.$client
		.prepare(
			`SELECT p.id, p.user_id AS userId, p.from_level AS fromLevel, p.to_level AS toLevel, p.at, u.display_name AS byName, p.ready, p.override_reason AS overrideReason, p.note
			 FROM promotions p JOIN users u ON u.id = p.by ${userId !== undefined ? 'WHERE p.user_id = ?' : ''} ORDER BY p.at, p.id`
		)
		.all(...(userId !== undefined ? [userId] : [])) as (Omit<PromotionRow, 'ready'> & { ready: number })[];
	return rows.map((r) => ({ ...r, ready: r.ready === 1 }));
}

/**
 * Procedure revisions (issue 6): a revision is a constant in code, so it can only rise with a new
 * deployment — i.e. at start-up. The "re-certify" status itself is computed on read (a sign-off
 * records the revisions it was made under); what start-up adds is the side effect that must happen
 * once: a refresher assignment, with the change note, for each affected person, audited.
 * Idempotent: a sign-off already followed by a refresher for its competency gets no second one.
 */
import { COMPETENCIES } from '$lib/competency/framework';
import { addDays, toLocal } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import { PROCEDURES } from '$machines/registry';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import { listActiveSignoffs } from '../repos/signoffs';
import { findUserById } from '../repos/users';
import { revisionChanges } from '$lib/competency/status';
import { insertAssignment } from './assignments';
import { trackerCatalog, type TrackerCatalog } from './catalog';

type Registry = Record<string, { title: string; revision: { number: number; note: string } }>;

/** Creates refresher assignments for sign-offs made under an older procedure revision; returns how many. */
export function applyProcedureRevisions(store: Store, at: number, procedures: Registry = PROCEDURES as Registry, catalog: TrackerCatalog = trackerCatalog()): number {
	const db = store.db.$client;
	const userIds = (db.prepare('SELECT DISTINCT user_id AS id FROM competency_signoffs WHERE ended_at IS NULL').all() as { id: number }[]).map((r) => r.id);
	const already = db.prepare("SELECT 1 FROM assignments a JOIN assignment_assignees aa ON aa.assignment_id = a.id WHERE a.kind = 'refresher' AND aa.user_id = ? AND a.competency_id = ? AND a.assigned_at >= ?");
	let created = 0;
	mutate(store, () => {
		for (const s of listActiveSignoffs(store, userIds)) {
			const c = COMPETENCIES.find((x) => x.id === s.competencyId);
			if (!c) continue;
			const tied = Object.fromEntries(c.procedures.filter((k) => procedures[k]).map((k) => [k, procedures[k].revision]));
			const changes = revisionChanges(s, tied);
			if (changes.length === 0 || already.get(s.userId, c.id, s.signedAt)) continue;
			const person = findUserById(store, s.userId);
			if (!person?.active) continue;
			const scenarioIds = catalog.scenarios.filter((x) => x.competencies.includes(c.id) && changes.some((ch) => ch.procedure === x.procedure)).map((x) => x.id);
			const note = changes.map((ch) => `${procedures[ch.procedure].title}, revision ${ch.current}: ${ch.note}`).join(' ');
			const id = insertAssignment(
				store,
				{ assignedBy: null, at, dueDate: addDays(toLocal(at).date, policy.competency.refresherDueDays), note: `Re-certify ${c.id}. ${note}`, kind: 'refresher', pathId: null, competencyId: c.id, scenarioIds, label: person.displayName },
				[s.userId]
			);
			audit(store, { actor: null, action: 'competency.recertify', target: `user:${s.userId}`, summary: { competency: c.id, signoff: s.id, changes, assignment: id }, at });
			created++;
		}
	});
	return created;
}

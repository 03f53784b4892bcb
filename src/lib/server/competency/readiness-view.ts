/**
 * The supervisor dashboard: readiness by level, time-to-proficiency (days from hire to each level,
 * from recorded promotions) and single points of failure (competencies held by at most one active person).
 */
import { COMPETENCIES } from '$lib/competency/framework';
import { readiness } from '$lib/competency/readiness';
import { daysBetween, toLocal } from '$lib/domain/calendar';
import { LEVEL_TITLES, type Level } from '$lib/domain/levels';
import type { Store } from '../store';
import { listUsers } from '../repos/users';
import { progressOf } from './progress';
import { listPromotions } from './promote';
import { trackerCatalog, type TrackerCatalog } from './catalog';

const LADDER: Level[] = ['csr1', 'csr2', 'csr3'];

export function readinessView(store: Store, now: number, catalog: TrackerCatalog = trackerCatalog()) {
	const people = listUsers(store).filter((u) => u.active && u.teamId !== null && u.level !== 'supervisor');
	const progress = progressOf(store, people.map((p) => p.id), { now, catalog, statusOnly: true });
	const held = new Map(people.map((p) => [p.id, new Set((progress.items.get(p.id) ?? []).filter((x) => x.result.held).map((x) => x.competency.id))]));
	const byLevel = LADDER.map((level) => {
		const at = people.filter((p) => p.level === level);
		const ready = at.filter((p) => readiness(level, held.get(p.id)!).ready);
		return { level, title: LEVEL_TITLES[level], people: at.length, ready: ready.length, readyNames: ready.map((p) => p.displayName) };
	});
	const hires = new Map(listUsers(store).map((u) => [u.id, u]));
	const reached = listPromotions(store)
		.map((p) => {
			const u = hires.get(p.userId);
			return u ? { name: u.displayName, level: p.toLevel, title: LEVEL_TITLES[p.toLevel], days: Math.max(0, daysBetween(u.hireDate, toLocal(p.at).date)) } : null;
		})
		.filter((x): x is NonNullable<typeof x> => x !== null);
	const timeToLevel = (['csr2', 'csr3', 'senior'] as Level[]).map((level) => {
		const rows = reached.filter((r) => r.level === level);
		return { level, title: LEVEL_TITLES[level], count: rows.length, averageDays: rows.length ? Math.round(rows.reduce((n, r) => n + r.days, 0) / rows.length) : null };
	});
	const holders = COMPETENCIES.map((c) => {
		const names = people.filter((p) => held.get(p.id)!.has(c.id)).map((p) => p.displayName);
		return { id: c.id, title: c.title, levelTitle: LEVEL_TITLES[c.level], holders: names };
	});
	return { byLevel, timeToLevel, reached, holders, singlePoints: holders.filter((h) => h.holders.length <= 1) };
}

/** Training records as CSV rows (one per person and competency) and exports' audit entries. */
import { COMPETENCIES } from '$lib/competency/framework';
import { STATUS_LABELS } from '$lib/competency/status';
import { LEVEL_TITLES } from '$lib/domain/levels';
import { toLocal } from '$lib/domain/calendar';
import type { Cell } from '$lib/domain/csv';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import type { UserRow } from '../repos/users';
import { progressOf } from './progress';
import { trackerCatalog, type TrackerCatalog } from './catalog';

export const RECORD_HEADER = [
	'Person',
	'Username',
	'Level',
	'Team',
	'Competency',
	'Competency title',
	'Competency level',
	'Status',
	'Scenarios passed',
	'Scenarios needed',
	'With fault found',
	'Fault found needed',
	'Clean live runs',
	'Clean live runs needed',
	'Observations',
	'Observations needed',
	'Signed off by',
	'Signed off on',
	'Framework version',
	'Sign-off note',
	'Override reason',
	'Lapses on'
] as const;

const date = (ms: number | null | undefined) => (ms ? toLocal(ms).date : '');

export function recordRows(store: Store, people: readonly UserRow[], now: number, competencyId: string | null = null, catalog: TrackerCatalog = trackerCatalog()): Cell[][] {
	const progress = progressOf(store, people.map((p) => p.id), { now, catalog });
	const rows: Cell[][] = [];
	for (const p of people) {
		for (const c of progress.items.get(p.id) ?? []) {
			if (competencyId && c.competency.id !== competencyId) continue;
			const t = c.result.tally;
			rows.push([
				p.displayName,
				p.username,
				LEVEL_TITLES[p.level],
				p.teamName ?? '',
				c.competency.id,
				c.competency.title,
				LEVEL_TITLES[c.competency.level],
				STATUS_LABELS[c.result.status],
				t.scenarios.have,
				t.scenarios.need,
				t.withFaultFound.have,
				t.withFaultFound.need,
				t.cleanRuns.have,
				t.cleanRuns.need,
				t.observations.have,
				t.observations.need,
				c.signoff?.signedByName ?? '',
				date(c.signoff?.signedAt),
				c.signoff?.frameworkVersion ?? '',
				c.signoff?.note ?? '',
				c.signoff?.overrideReason ?? '',
				c.signoff ? date(c.result.lapsesAt) : ''
			]);
		}
	}
	return rows;
}

export const competencyExists = (id: string) => COMPETENCIES.some((c) => c.id === id);

/** Exports are audited: who took which training records out. */
export function auditExport(store: Store, actor: { id: number; username: string }, what: string, format: 'csv' | 'xapi', count: number, at: number): void {
	mutate(store, () => audit(store, { actor, action: 'training.export', target: what, summary: { format, rows: count }, at }));
}

/**
 * The framework's published versions: version 1 is the ladder's defaults (in code); each edit by a
 * supervisor publishes the next version as a whole set of requirements. Sign-offs keep theirs.
 */
import { COMPETENCIES, DEFAULT_FRAMEWORK, competency, type EvidenceRequirement, type FrameworkVersion } from '$lib/competency/framework';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';

interface Row {
	version: number;
	note: string;
	createdAt: number;
	createdBy: number | null;
	requirements: string;
}

function fromRow(r: Row): FrameworkVersion {
	return { ...r, requirements: { ...DEFAULT_FRAMEWORK.requirements, ...(JSON.parse(r.requirements) as Record<string, EvidenceRequirement>) } };
}

const SELECT = 'SELECT version, note, created_at AS createdAt, created_by AS createdBy, requirements FROM framework_versions';

/** The framework in force: the latest published version, or the defaults. */
export function currentFramework(store: Store): FrameworkVersion {
	const r = store.db.$client.prepare(`${SELECT} ORDER BY version DESC LIMIT 1`).get() as Row | undefined;
	return r ? fromRow(r) : DEFAULT_FRAMEWORK;
}

/** A given version (what an old sign-off was made under). */
export function frameworkVersion(store: Store, version: number): FrameworkVersion | null {
	if (version === DEFAULT_FRAMEWORK.version) return DEFAULT_FRAMEWORK;
	const r = store.db.$client.prepare(`${SELECT} WHERE version = ?`).get(version) as Row | undefined;
	return r ? fromRow(r) : null;
}

/** Every version, newest first (the defaults last). */
export function listFrameworkVersions(store: Store): FrameworkVersion[] {
	const rows = (store.db.$client.prepare(`${SELECT} ORDER BY version DESC`).all() as Row[]).map(fromRow);
	return [...rows, DEFAULT_FRAMEWORK];
}

export type PublishOutcome = { ok: true; version: number } | { ok: false; message: string };

/** Publishes a new version with one competency's requirement changed; audited. `actor` was authorised by the caller. */
export function publishRequirement(
	store: Store,
	actor: { id: number; username: string },
	competencyId: string,
	req: EvidenceRequirement,
	note: string,
	at: number
): PublishOutcome {
	if (!competency(competencyId)) return { ok: false, message: 'There is no such competency.' };
	if (req.withFaultFound > req.passedScenarios) return { ok: false, message: 'Scenarios with a fault found cannot exceed the passed scenarios required.' };
	return mutate(store, () => {
		const current = currentFramework(store);
		const requirements = Object.fromEntries(COMPETENCIES.map((c) => [c.id, c.id === competencyId ? req : current.requirements[c.id]]));
		const version = current.version + 1;
		store.db.$client
			.prepare('INSERT INTO framework_versions (version, created_at, created_by, note, requirements) VALUES (?, ?, ?, ?, ?)')
			.run(version, at, actor.id, note, JSON.stringify(requirements));
		audit(store, { actor, action: 'framework.publish', target: `competency:${competencyId}`, summary: { version, from: current.requirements[competencyId], to: req, note }, at });
		return { ok: true, version };
	});
}

/** Training records as xAPI statements: for download (a person or a team) and for the LRS outbox. */
import type { Store } from '../store';
import { attemptStatements, signoffStatement, type AttemptFacts, type Statement } from '$lib/xapi/statements';
import { competency } from '$lib/competency/framework';
import type { TrackerCatalog } from '../competency/catalog';
import { statementIdFor } from './ids';
import { enqueueStatements } from './outbox';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface AttemptRow extends Omit<AttemptFacts, 'scenarioTitle' | 'passed'> {
	passed: number | null;
	username: string;
	displayName: string;
}

const ATTEMPTS = `SELECT a.id AS attemptId, a.scenario_id AS scenarioId, a.procedure, a.started_at AS startedAt, a.finished_at AS finishedAt,
	CASE WHEN a.finished_at IS NULL THEN NULL ELSE a.passed END AS passed, a.score, a.max_score AS maxScore, u.username, u.display_name AS displayName
	FROM scenario_attempts a JOIN users u ON u.id = a.user_id`;

function fromAttempt(origin: string, catalog: TrackerCatalog, r: AttemptRow): Statement[] {
	const title = catalog.scenarios.find((s) => s.id === r.scenarioId)?.title ?? r.scenarioId;
	const facts: AttemptFacts = { ...r, scenarioTitle: title, passed: r.passed === null ? null : r.passed === 1 };
	return attemptStatements(origin, { username: r.username, displayName: r.displayName }, facts, statementIdFor(origin));
}

/** Every statement of the given people's attempts, sign-offs and revocations, oldest first. */
export function statementsFor(store: Store, userIds: readonly number[], origin: string, catalog: TrackerCatalog): Statement[] {
	if (userIds.length === 0) return [];
	const attempts = store.db.$client.prepare(`${ATTEMPTS} WHERE a.user_id IN (${placeholders(userIds.length)}) ORDER BY a.started_at, a.id`).all(...userIds) as AttemptRow[];
	const signoffs = store.db.$client
		.prepare(
			`SELECT s.id FROM competency_signoffs s WHERE s.user_id IN (${placeholders(userIds.length)}) ORDER BY s.signed_at, s.id`
		)
		.all(...userIds) as { id: number }[];
	const all = [...attempts.flatMap((r) => fromAttempt(origin, catalog, r)), ...signoffs.flatMap((s) => signoffStatements(store, s.id, origin))];
	return all.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

/** The statements of one sign-off: signed off, and revoked when it was. */
export function signoffStatements(store: Store, signoffId: number, origin: string): Statement[] {
	const r = store.db.$client
		.prepare(
			`SELECT s.id, s.competency_id AS competencyId, s.signed_at AS signedAt, s.note, s.framework_version AS frameworkVersion, s.override_reason AS overrideReason,
				s.ended_at AS endedAt, s.end_kind AS endKind, s.end_reason AS endReason,
				t.username AS tUser, t.display_name AS tName, g.username AS gUser, g.display_name AS gName, e.username AS eUser, e.display_name AS eName
			 FROM competency_signoffs s JOIN users t ON t.id = s.user_id JOIN users g ON g.id = s.signed_by LEFT JOIN users e ON e.id = s.ended_by WHERE s.id = ?`
		)
		.get(signoffId) as
		| { id: number; competencyId: string; signedAt: number; note: string; frameworkVersion: number; overrideReason: string | null; endedAt: number | null; endKind: string | null; endReason: string | null; tUser: string; tName: string; gUser: string; gName: string; eUser: string | null; eName: string | null }
		| undefined;
	if (!r) return [];
	const idFor = statementIdFor(origin);
	const trainee = { username: r.tUser, displayName: r.tName };
	const base = { signoffId: r.id, competencyId: r.competencyId, competencyTitle: competency(r.competencyId)?.title ?? r.competencyId, frameworkVersion: r.frameworkVersion };
	const out = [signoffStatement(origin, trainee, { username: r.gUser, displayName: r.gName }, { ...base, kind: 'signed-off', at: r.signedAt, text: r.note, overrideReason: r.overrideReason }, idFor)];
	if (r.endKind === 'revoked' && r.endedAt !== null && r.eUser)
		out.push(signoffStatement(origin, trainee, { username: r.eUser, displayName: r.eName ?? r.eUser }, { ...base, kind: 'revoked', at: r.endedAt, text: r.endReason ?? '', overrideReason: null }, idFor));
	return out;
}

/** Queues the statements of finished attempts not queued yet (the engine writes attempts; the tracker reports them). */
export function sweepAttempts(store: Store, origin: string, catalog: TrackerCatalog, now: number): number {
	const rows = store.db.$client
		.prepare(
			`${ATTEMPTS} WHERE a.finished_at IS NOT NULL AND a.passed IS NOT NULL
			   AND NOT EXISTS (SELECT 1 FROM xapi_outbox o WHERE o.source = 'attempt:' || a.id) ORDER BY a.id LIMIT 500`
		)
		.all() as AttemptRow[];
	store.db.$client.transaction(() => rows.forEach((r) => enqueueStatements(store, `attempt:${r.attemptId}`, fromAttempt(origin, catalog, r), now)))();
	return rows.length;
}

/** Reading and writing training attempts: the attempt row, its log (live or compacted), comments and lists. */
import type Database from 'better-sqlite3';
import type { Policy } from '$lib/policy/settings';
import type { ResolvedScenario } from '$scenarios/schema';
import type { Store } from '../store';
import type { LogEntry } from './log';
import type { ScoreResult } from './score';

export interface AttemptRow {
	id: number;
	userId: number;
	scenarioId: string;
	scenarioVersion: number;
	procedure: string;
	level: string;
	seed: number;
	machineVersion: number;
	scenario: string;
	policy: string;
	runId: number | null;
	status: 'in_progress' | 'finished' | 'timed_out' | 'abandoned';
	events: string | null;
	score: number | null;
	maxScore: number | null;
	passed: number | null;
	competencies: string;
	result: string | null;
	assignmentId: number | null;
	startedAt: number;
	finishedAt: number | null;
}

// The resolved scenario is put back together here from its shared definition and the attempt's own
// seed and world (json_set appends them last, as resolveScenario orders them).
const SELECT = `SELECT a.id, a.user_id AS userId, a.scenario_id AS scenarioId, a.scenario_version AS scenarioVersion, a.procedure, a.level, a.seed,
	a.machine_version AS machineVersion, json_set(d.data, '$.seed', a.seed, '$.world', json(a.world)) AS scenario, p.policy, a.run_id AS runId,
	a.status, a.events, a.score, a.max_score AS maxScore, a.passed, a.competencies, a.result, a.assignment_id AS assignmentId,
	a.started_at AS startedAt, a.finished_at AS finishedAt
	FROM scenario_attempts a JOIN scenario_definitions d ON d.id = a.definition_id JOIN policy_snapshots p ON p.id = a.policy_id`;

export function loadAttempt(store: Store, id: number): AttemptRow | null {
	return (store.db.$client.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AttemptRow | undefined) ?? null;
}

/** Where an attempt's resolved scenario and policy snapshot are stored (scenario_attempts columns). */
export interface StoredInputs {
	definitionId: number;
	world: string;
	policyId: number;
}

/**
 * Stores what an attempt runs on, inside the caller's transaction: the scenario's definition and the
 * policy snapshot once each (attempts share them), and returns them with the world the seed drew,
 * which is the attempt's own.
 */
export function storeInputs(db: Database.Database, resolved: ResolvedScenario, policy: Policy): StoredInputs {
	const { seed: _seed, world, ...definition } = resolved;
	return {
		definitionId: storeOnce(db, 'scenario_definitions', { scenario_id: resolved.id, version: resolved.version, data: JSON.stringify(definition) }, 'data'),
		world: JSON.stringify(world),
		policyId: storeOnce(db, 'policy_snapshots', { policy: JSON.stringify(policy) }, 'policy')
	};
}

/** The id of the row whose unique `key` column holds `row[key]`, inserting `row` first if there is none. */
function storeOnce(db: Database.Database, table: string, row: Record<string, string | number>, key: string): number {
	const columns = Object.keys(row);
	db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
	return (db.prepare(`SELECT id FROM ${table} WHERE ${key} = ?`).get(row[key]) as { id: number }).id;
}

/** The columns of a stored attempt its re-score needs besides its log. */
export interface StoredInputRow {
	definitionId: number;
	seed: number;
	world: string;
	policyId: number;
}

/**
 * For re-scoring stored attempts in bulk: each attempt's resolved scenario and policy, parsing each
 * shared definition and policy snapshot once (read-only: attempts share their nested objects).
 */
export function storedInputReader(db: Database.Database): (row: StoredInputRow) => { scenario: ResolvedScenario; policy: Policy } {
	const definitions = new Map<number, Omit<ResolvedScenario, 'seed' | 'world'>>();
	const policies = new Map<number, Policy>();
	const definition = db.prepare('SELECT data FROM scenario_definitions WHERE id = ?');
	const snapshot = db.prepare('SELECT policy FROM policy_snapshots WHERE id = ?');
	return (row) => {
		let d = definitions.get(row.definitionId);
		if (!d) definitions.set(row.definitionId, (d = JSON.parse((definition.get(row.definitionId) as { data: string }).data)));
		let p = policies.get(row.policyId);
		if (!p) policies.set(row.policyId, (p = JSON.parse((snapshot.get(row.policyId) as { policy: string }).policy) as Policy));
		return { scenario: { ...d!, seed: row.seed, world: JSON.parse(row.world) } as ResolvedScenario, policy: p };
	};
}

export const resolvedOf = (row: AttemptRow): ResolvedScenario => JSON.parse(row.scenario) as ResolvedScenario;
export const policyOf = (row: AttemptRow): Policy => JSON.parse(row.policy) as Policy;
export const resultOf = (row: AttemptRow): ScoreResult | null => (row.result ? (JSON.parse(row.result) as ScoreResult) : null);

/** The attempt's log: the live rows while in progress, the compacted copy once it has ended. */
export function logOf(store: Store, row: AttemptRow): LogEntry[] {
	if (row.events) return JSON.parse(row.events) as LogEntry[];
	const rows = store.db.$client.prepare('SELECT entry FROM attempt_events WHERE attempt_id = ? ORDER BY seq').all(row.id) as { entry: string }[];
	return rows.map((r) => JSON.parse(r.entry) as LogEntry);
}

export function nextSeq(store: Store, attemptId: number): number {
	return ((store.db.$client.prepare('SELECT max(seq) AS m FROM attempt_events WHERE attempt_id = ?').get(attemptId) as { m: number | null }).m ?? 0) + 1;
}

/** A log entry before it has its place in the log. */
export type NewEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'seq'> : never) : never;

/** Appends one log entry (inside the caller's transaction). */
export function appendEntry(store: Store, attemptId: number, entry: NewEntry): LogEntry {
	const full = { ...entry, seq: nextSeq(store, attemptId) } as LogEntry;
	store.db.$client.prepare('INSERT INTO attempt_events (attempt_id, seq, entry) VALUES (?, ?, ?)').run(attemptId, full.seq, JSON.stringify(full));
	return full;
}

export interface AttemptListItem {
	id: number;
	scenarioId: string;
	status: AttemptRow['status'];
	score: number | null;
	passed: boolean | null;
	startedAt: number;
	finishedAt: number | null;
	userName: string;
}

/** A trainee's attempts, newest first (optionally of one scenario). */
export function listAttempts(store: Store, opts: { userId?: number; scenarioId?: string; limit?: number }): AttemptListItem[] {
	const where: string[] = [];
	const args: (string | number)[] = [];
	if (opts.userId !== undefined) {
		where.push('a.user_id = ?');
		args.push(opts.userId);
	}
	if (opts.scenarioId !== undefined) {
		where.push('a.scenario_id = ?');
		args.push(opts.scenarioId);
	}
	args.push(opts.limit ?? 50);
	const rows = store.db.$client
		.prepare(
			`SELECT a.id, a.scenario_id AS scenarioId, a.status, a.score, a.passed, a.started_at AS startedAt, a.finished_at AS finishedAt, u.display_name AS userName
			 FROM scenario_attempts a JOIN users u ON u.id = a.user_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
			 ORDER BY a.started_at DESC, a.id DESC LIMIT ?`
		)
		.all(...args) as (Omit<AttemptListItem, 'passed'> & { passed: number | null })[];
	return rows.map((r) => ({ ...r, passed: r.passed === null ? null : r.passed === 1 }));
}

export interface CommentItem {
	id: number;
	authorName: string;
	authorLevel: string;
	at: number;
	eventSeq: number | null;
	body: string;
}

export function listComments(store: Store, attemptId: number): CommentItem[] {
	return store.db.$client
		.prepare(
			`SELECT c.id, u.display_name AS authorName, u.level AS authorLevel, c.at, c.event_seq AS eventSeq, c.body
			 FROM attempt_comments c JOIN users u ON u.id = c.author_id WHERE c.attempt_id = ? ORDER BY c.at, c.id`
		)
		.all(attemptId) as CommentItem[];
}

/** Records a senior's or supervisor's comment (inside the caller's transaction). */
export function insertComment(store: Store, c: { attemptId: number; authorId: number; at: number; eventSeq: number | null; body: string }): number {
	const info = store.db.$client
		.prepare('INSERT INTO attempt_comments (attempt_id, author_id, at, event_seq, body) VALUES (?, ?, ?, ?, ?)')
		.run(c.attemptId, c.authorId, c.at, c.eventSeq, c.body);
	return Number(info.lastInsertRowid);
}

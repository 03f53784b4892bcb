/** Reading and writing training attempts: the attempt row, its log (live or compacted), comments and lists. */
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

const SELECT = `SELECT id, user_id AS userId, scenario_id AS scenarioId, scenario_version AS scenarioVersion, procedure, level, seed,
	machine_version AS machineVersion, scenario, policy, run_id AS runId, status, events, score, max_score AS maxScore, passed, competencies,
	result, assignment_id AS assignmentId, started_at AS startedAt, finished_at AS finishedAt FROM scenario_attempts`;

export function loadAttempt(store: Store, id: number): AttemptRow | null {
	return (store.db.$client.prepare(`${SELECT} WHERE id = ?`).get(id) as AttemptRow | undefined) ?? null;
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

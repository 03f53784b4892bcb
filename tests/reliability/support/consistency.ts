/**
 * Whether a database is consistent after crashes, races or a backup: every run's saved state is
 * exactly its applied events replayed through its machine; its version, effect counter, step and
 * status agree; each applied or refused event has its audit row; and every effect a run emitted is
 * in the sandbox exactly once, with no sandbox rows that no run accounts for (a half-applied step
 * would leave one side without the other). The audit chain verifies against its key and checkpoint.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createActor, type AnyMachineSnapshot } from 'xstate';
import { procedureDef } from '$machines/registry';
import { activeSteps } from '$machines/shared/steps';
import type { Effect, ProcedureContextBase } from '$machines/shared/types';
import { readCheckpoint, verifyChain, type StoredAuditRow } from '$lib/server/audit/chain';

/** Highest row id of each sandbox table before the test began (rows above it were written by runs). */
export type Baseline = Record<string, number>;

const WORLD_TABLES = ['ledger_entries', 'account_notes', 'work_orders', 'batches', 'cash_over_short', 'vault_log', 'incident_reports', 'protections', 'lockoff_pulls'];

export function worldBaseline(dbFile: string): Baseline {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		return Object.fromEntries(WORLD_TABLES.map((t) => [t, (db.prepare(`SELECT coalesce(max(rowid), 0) AS m FROM ${t}`).get() as { m: number }).m]));
	} finally {
		db.close();
	}
}

interface RunRow {
	id: number;
	procedure: string;
	status: string;
	input: string;
	snapshot: string;
	stepId: string | null;
	version: number;
	effectsApplied: number;
}

type Emitted = { runId: number; effect: Effect };

/**
 * How each kind of effect shows in the sandbox: rows it inserts (table, counted above the baseline)
 * or, for effects that only update rows, a check of the updated state. Typed over the Effect union,
 * so a new effect type does not compile until someone says how to witness it.
 */
type Witness = { table: string } | { updates: (db: Database.Database, all: Emitted[], base: Baseline) => string[] };

const WITNESS: Record<Effect['type'], Witness> = {
	'ledger.post': { table: 'ledger_entries' },
	'inbox.post': { table: 'ledger_entries' },
	'note.add': { table: 'account_notes' },
	'workOrder.create': { table: 'work_orders' },
	'batch.open': { table: 'batches' },
	'overShort.record': { table: 'cash_over_short' },
	'vault.access': { table: 'vault_log' },
	'incident.report': { table: 'incident_reports' },
	'protection.add': { table: 'protections' },
	'lockoffList.pull': { table: 'lockoff_pulls' },
	'batch.close': {
		updates: (db, all, base) => {
			const closed = (db.prepare("SELECT count(*) AS n FROM batches WHERE id > ? AND status = 'closed'").get(base.batches) as { n: number }).n;
			const n = all.filter((e) => e.effect.type === 'batch.close').length;
			return closed === n ? [] : [`${n} batch.close effects but ${closed} batches opened by runs are closed`];
		}
	},
	'workOrder.resolve': {
		updates: (db, all) =>
			all
				.filter((e): e is { runId: number; effect: Extract<Effect, { type: 'workOrder.resolve' }> } => e.effect.type === 'workOrder.resolve')
				.flatMap(({ runId, effect }) => {
					const wo = db.prepare('SELECT status FROM work_orders WHERE ref = ?').get(effect.ref) as { status: string } | undefined;
					return wo?.status === effect.result ? [] : [`run ${runId}: work order ${effect.ref} is "${wo?.status}", the run resolved it as "${effect.result}"`];
				})
	},
	'account.update': {
		updates: (db, all) =>
			all
				.filter((e): e is { runId: number; effect: Extract<Effect, { type: 'account.update' }> } => e.effect.type === 'account.update' && !!e.effect.status)
				.flatMap(({ runId, effect }) => {
					// Only the last status update of an account must show (later runs may change it again).
					const last = all.filter((x) => x.effect.type === 'account.update' && x.effect.accountNumber === effect.accountNumber && x.effect.status).at(-1);
					if (last?.effect !== effect) return [];
					const a = db.prepare('SELECT status FROM accounts WHERE number = ?').get(effect.accountNumber) as { status: string } | undefined;
					return a?.status === effect.status ? [] : [`run ${runId}: account ${effect.accountNumber} is "${a?.status}", the run set "${effect.status}"`];
				})
	},
	'deposit.slip': {
		updates: (db, all, base) =>
			all
				.filter((e): e is { runId: number; effect: Extract<Effect, { type: 'deposit.slip' }> } => e.effect.type === 'deposit.slip')
				.flatMap(({ runId, effect }) => {
					const b = db.prepare('SELECT 1 FROM batches WHERE id > ? AND bag_number = ? AND deposit_cents = ?').get(base.batches, effect.bagNumber, effect.amountCents);
					return b ? [] : [`run ${runId}: no batch carries deposit bag ${effect.bagNumber}`];
				})
	}
};

function replay(run: RunRow, events: string[]): { snap: AnyMachineSnapshot; persisted: { value: unknown; context: unknown; status: string } } {
	const def = procedureDef(run.procedure);
	if (!def) throw new Error(`run ${run.id}: unknown procedure ${run.procedure}`);
	const actor = createActor(def.machine, { input: JSON.parse(run.input) });
	actor.start();
	for (const e of events) actor.send(JSON.parse(e));
	const snap = actor.getSnapshot() as AnyMachineSnapshot;
	const persisted = actor.getPersistedSnapshot() as unknown as { value: unknown; context: unknown; status: string };
	actor.stop();
	return { snap, persisted };
}

function checkRun(db: Database.Database, run: RunRow, emitted: Emitted[]): string[] {
	const problems: string[] = [];
	const p = (m: string) => problems.push(`run ${run.id} (${run.procedure}): ${m}`);
	const events = db.prepare('SELECT seq, type, event, applied FROM run_events WHERE run_id = ? ORDER BY seq').all(run.id) as { seq: number; type: string; event: string; applied: number }[];
	events.forEach((e, i) => {
		if (e.seq !== i + 1) p(`event log sequence has a gap at ${i + 1}`);
	});
	const applied = events.filter((e) => e.applied === 1);
	const { snap, persisted } = replay(
		run,
		applied.map((e) => e.event)
	);
	const stored = JSON.parse(run.snapshot) as { value: unknown; context: unknown; status: string };
	if (!isDeepStrictEqual(stored.value, persisted.value)) p(`saved state ${JSON.stringify(stored.value)} is not its event log replayed (${JSON.stringify(persisted.value)})`);
	if (!isDeepStrictEqual(stored.context, persisted.context)) p('saved context differs from its event log replayed');
	const abandoned = run.status === 'abandoned' ? 1 : 0;
	if (run.version !== 1 + applied.length + abandoned) p(`row version ${run.version} but ${applied.length} applied events${abandoned ? ' and an abandon' : ''}`);
	const effects = (snap.context as ProcedureContextBase).effects;
	if (run.effectsApplied !== effects.length) p(`effects_applied ${run.effectsApplied} but the machine emitted ${effects.length}`);
	const steps = activeSteps(snap);
	const stepId = steps[steps.length - 1]?.id ?? null;
	if (run.stepId !== stepId) p(`step_id ${run.stepId} but the machine is at ${stepId}`);
	if (!abandoned && (run.status === 'completed') !== (snap.status === 'done')) p(`status ${run.status} but the machine is ${snap.status}`);
	const audits = db.prepare('SELECT action, count(*) AS n FROM audit_log WHERE target = ? GROUP BY action').all(`run:${run.id}`) as { action: string; n: number }[];
	const count = (a: string) => audits.find((x) => x.action === a)?.n ?? 0;
	if (count('run.start') !== 1) p(`${count('run.start')} run.start audit rows`);
	if (count('run.step') !== applied.length) p(`${count('run.step')} run.step audit rows for ${applied.length} applied events`);
	const refused = events.length - applied.length;
	if (count('run.step.refused') + count('run.step.forbidden') !== refused) p(`${count('run.step.refused') + count('run.step.forbidden')} refusal audit rows for ${refused} refused events`);
	if (count('run.abandon') !== abandoned) p(`${count('run.abandon')} run.abandon audit rows, status ${run.status}`);
	for (const effect of effects) emitted.push({ runId: run.id, effect });
	return problems;
}

function checkWorld(db: Database.Database, emitted: Emitted[], base: Baseline): string[] {
	const problems: string[] = [];
	const witness: Record<string, Witness | undefined> = WITNESS;
	const perTable = new Map<string, number>();
	for (const { effect } of emitted) {
		const w = witness[effect.type];
		if (!w) problems.push(`no witness for effect type ${effect.type}: add one in tests/reliability/support/consistency.ts`);
		else if ('table' in w) perTable.set(w.table, (perTable.get(w.table) ?? 0) + 1);
	}
	for (const table of WORLD_TABLES) {
		const rows = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE rowid > ?`).get(base[table] ?? 0) as { n: number }).n;
		const expected = perTable.get(table) ?? 0;
		if (rows !== expected) problems.push(`${table}: ${rows} rows written since the test began, but runs emitted ${expected} effects that write it`);
	}
	for (const w of Object.values(witness)) if (w && 'updates' in w) problems.push(...w.updates(db, emitted, base));
	// Effects that name their run must sit with that run.
	for (const [table, type] of [
		['incident_reports', 'incident.report'],
		['vault_log', 'vault.access'],
		['lockoff_pulls', 'lockoffList.pull']
	] as const) {
		const byRun = new Map<number, number>();
		for (const e of emitted) if (e.effect.type === type) byRun.set(e.runId, (byRun.get(e.runId) ?? 0) + 1);
		const rows = db.prepare(`SELECT run_id AS runId, count(*) AS n FROM ${table} WHERE rowid > ? GROUP BY run_id`).all(base[table] ?? 0) as { runId: number; n: number }[];
		for (const r of rows) if (byRun.get(r.runId) !== r.n) problems.push(`${table}: run ${r.runId} has ${r.n} rows but emitted ${byRun.get(r.runId) ?? 0} ${type} effects`);
	}
	return problems;
}

/** Verifies the audit chain of a database file with its key (and checkpoint, when there is one). */
export function auditProblems(dbFile: string, keyFile: string, checkpointFile: string | null): string[] {
	if (!existsSync(keyFile)) return [`no audit key at ${keyFile}`];
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		const rows = db
			.prepare('SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, action, target, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
			.iterate() as IterableIterator<StoredAuditRow>;
		const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
		return verifyChain(rows, key, checkpointFile ? readCheckpoint(checkpointFile) : null).problems;
	} finally {
		db.close();
	}
}

export interface ConsistencyReport {
	runs: number;
	appliedEvents: number;
	effects: number;
	problems: string[];
}

/** Checks every run of a database file against its event log, the audit log and the sandbox. */
export function checkConsistency(dbFile: string, base: Baseline): ConsistencyReport {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		// One read transaction: a server still writing cannot move the picture while it is checked.
		return db.transaction(() => {
			const runs = db
				.prepare(
					'SELECT id, procedure, status, input, snapshot, step_id AS stepId, version, effects_applied AS effectsApplied FROM procedure_runs ORDER BY id'
				)
				.all() as RunRow[];
			const emitted: Emitted[] = [];
			const problems = runs.flatMap((r) => checkRun(db, r, emitted));
			problems.push(...checkWorld(db, emitted, base));
			const appliedEvents = (db.prepare('SELECT count(*) AS n FROM run_events WHERE applied = 1').get() as { n: number }).n;
			return { runs: runs.length, appliedEvents, effects: emitted.length, problems };
		})();
	} finally {
		db.close();
	}
}

/**
 * A re-score worker (bench/cpu.ts): takes id ranges of scenario_attempts from the main thread, and for
 * each finished attempt in the range parses what the row stores (the world its seed drew, its compacted
 * log, machine version; the shared scenario definitions and policy snapshots once per worker) and runs
 * the scorer on it, checking the result against the stored score. Read-only: the benchmark re-scores
 * to measure, it writes nothing back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { scoreAttempt } from '../src/lib/server/training/score';
import { storedInputReader, type StoredInputRow } from '../src/lib/server/training/repo';

interface Row extends StoredInputRow {
	id: number;
	events: string;
	machineVersion: number;
	score: number;
	passed: number;
}

const db = new Database((workerData as { file: string }).file, { readonly: true });
const rows = db.prepare(
	`SELECT id, definition_id AS definitionId, seed, world, policy_id AS policyId, events, machine_version AS machineVersion, score, passed
	 FROM scenario_attempts WHERE id BETWEEN ? AND ? AND events IS NOT NULL`
);
const inputsOf = storedInputReader(db);

parentPort!.on('message', (m: { from: number; to: number } | null) => {
	if (m === null) {
		db.close();
		parentPort!.close();
		return;
	}
	let scored = 0;
	let mismatches = 0;
	let entries = 0;
	for (const r of rows.iterate(m.from, m.to) as IterableIterator<Row>) {
		const log = JSON.parse(r.events);
		const result = scoreAttempt({ ...inputsOf(r), log, machineVersion: r.machineVersion });
		if (result.total !== r.score || (result.passed ? 1 : 0) !== r.passed) mismatches++;
		scored++;
		entries += log.length;
	}
	parentPort!.postMessage({ scored, mismatches, entries });
});

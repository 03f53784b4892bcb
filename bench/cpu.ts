/**
 * The CPU-bound measures: machine replay on one core (events per second), and re-scoring every
 * stored attempt with worker threads over all cores.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import { replay, type ReplayInput } from '../src/lib/server/training/replay';
import { storedInputReader, type StoredInputRow } from '../src/lib/server/training/repo';

export interface ReplayResult {
	attempts: number;
	seconds: number;
	/** Applied machine events sent through the machine per wall-clock second on this one thread. */
	eventsPerSecond: number;
	/** The same per second of CPU time the process used (less sensitive to other work on the machine). */
	eventsPerCpuSecond: number;
	/** All log entries walked (machine events applied or refused, and training entries) per second. */
	entriesPerSecond: number;
	attemptsPerSecond: number;
}

/** Replays stored attempts (a sample of `sample` rows, parsed beforehand) on this thread for `seconds`. */
export function measureReplay(file: string, opts: { seconds: number; sample: number }): ReplayResult {
	const db = new Database(file, { readonly: true });
	const rows = db
		.prepare(
			'SELECT definition_id AS definitionId, seed, world, policy_id AS policyId, events, machine_version AS machineVersion FROM scenario_attempts WHERE events IS NOT NULL ORDER BY id LIMIT ?'
		)
		.all(opts.sample) as (StoredInputRow & { events: string; machineVersion: number })[];
	const inputsOf = storedInputReader(db);
	const inputs: ReplayInput[] = rows.map((r) => ({ ...inputsOf(r), log: JSON.parse(r.events), machineVersion: r.machineVersion }));
	db.close();
	const applied = inputs.map((i) => i.log.filter((e) => e.kind === 'machine' && e.applied).length);
	// Warm up the JIT on every procedure.
	for (const i of inputs.slice(0, 500)) replay(i);
	let events = 0;
	let entries = 0;
	let attempts = 0;
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	while (performance.now() - t0 < opts.seconds * 1000) {
		for (let k = 0; k < inputs.length; k++) {
			replay(inputs[k]);
			events += applied[k];
			entries += inputs[k].log.length;
			attempts++;
			if ((k & 63) === 0 && performance.now() - t0 >= opts.seconds * 1000) break;
		}
	}
	const seconds = (performance.now() - t0) / 1000;
	const cpu = process.cpuUsage(cpu0);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	return {
		attempts,
		seconds: Math.round(seconds * 10) / 10,
		eventsPerSecond: Math.round(events / seconds),
		eventsPerCpuSecond: Math.round(events / cpuSeconds),
		entriesPerSecond: Math.round(entries / seconds),
		attemptsPerSecond: Math.round(attempts / seconds)
	};
}

export interface RescoreResult {
	workers: number;
	attempts: number;
	seconds: number;
	attemptsPerSecond: number;
	/** Stored scores the re-score did not reproduce (0: the scorer is deterministic). */
	mismatches: number;
	logEntries: number;
}

/** Re-scores every finished attempt, id ranges handed out to one worker per core. */
export async function rescoreAll(file: string, opts: { workers?: number; chunk?: number; onProgress?: (done: number) => void } = {}): Promise<RescoreResult> {
	const db = new Database(file, { readonly: true });
	const { lo, hi } = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM scenario_attempts').get() as { lo: number | null; hi: number | null };
	db.close();
	const workers = opts.workers ?? availableParallelism();
	const chunk = opts.chunk ?? 2000;
	let next = lo ?? 1;
	const last = hi ?? 0;
	const total = { scored: 0, mismatches: 0, entries: 0 };
	const t0 = performance.now();
	// Workers run the TypeScript sources through tsx, as the main thread does.
	const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./rescore-worker.ts', import.meta.url).href)}); })`;
	await Promise.all(
		Array.from(
			{ length: workers },
			() =>
				new Promise<void>((resolve, reject) => {
					const w = new Worker(boot, { eval: true, workerData: { file } });
					const give = () => {
						if (next > last) {
							w.postMessage(null);
							return;
						}
						const from = next;
						next += chunk;
						w.postMessage({ from, to: Math.min(last, from + chunk - 1) });
					};
					w.on('message', (m: { scored: number; mismatches: number; entries: number }) => {
						total.scored += m.scored;
						total.mismatches += m.mismatches;
						total.entries += m.entries;
						opts.onProgress?.(total.scored);
						give();
					});
					w.on('error', reject);
					w.on('exit', () => resolve());
					give();
				})
		)
	);
	const seconds = (performance.now() - t0) / 1000;
	return { workers, attempts: total.scored, seconds: Math.round(seconds * 10) / 10, attemptsPerSecond: Math.round(total.scored / seconds), mismatches: total.mismatches, logEntries: total.entries };
}

/**
 * The office at work: each signed-in pair drives live runs over HTTP — step their run until it
 * finishes, then start another — until told to stop or the server goes away. Shared by the crash,
 * backup and load parts of the suite.
 */
import { DRIVERS, type DriverPeople } from './drivers';
import { applied, LiveRun, type StepAttempt } from './live-run';
import { withDb } from './db';

export interface WorkLog {
	/** Steps the server confirmed (redirect back to the run). */
	acked: StepAttempt[];
	/** Steps whose post got no answer (the connection failed). */
	unanswered: StepAttempt[];
	/** Steps answered with anything else — never expected of a driver on its own run. */
	unexpected: StepAttempt[];
}

export const emptyLog = (): WorkLog => ({ acked: [], unanswered: [], unexpected: [] });

export class Office {
	readonly runs = new Map<number, LiveRun>();
	private readonly current = new Map<DriverPeople, LiveRun | null>();

	constructor(
		readonly people: DriverPeople[],
		readonly random: () => number
	) {}

	private async newRun(p: DriverPeople): Promise<LiveRun | null> {
		const driver = DRIVERS[Math.floor(this.random() * DRIVERS.length)];
		const plan = await driver.start(p, this.random);
		if (!plan) return null;
		const run = new LiveRun(driver, plan, p);
		this.runs.set(run.id, run);
		return run;
	}

	/** One person's work: returns when `alive()` turns false or the server stops answering. */
	async work(p: DriverPeople, alive: () => boolean, log: WorkLog): Promise<void> {
		let run = this.current.get(p) ?? null;
		while (alive()) {
			try {
				run ??= await this.newRun(p);
				this.current.set(p, run);
				if (!run) continue;
				const a = await run.step(this.random);
				if (a === 'finished') {
					run = null;
					this.current.set(p, null);
				} else if (a.error) {
					log.unanswered.push(a);
					return;
				} else if (applied(a)) log.acked.push(a);
				else log.unexpected.push(a);
			} catch {
				return; // a page read or a start failed: the server is gone
			}
		}
	}

	/** Everyone works at once until `alive()` turns false. */
	workAll(alive: () => boolean, log: WorkLog): Promise<void[]> {
		return Promise.all(this.people.map((p) => this.work(p, alive, log)));
	}

	run(id: number): LiveRun {
		const r = this.runs.get(id);
		if (!r) throw new Error(`run ${id} is not one this office started`);
		return r;
	}

	/** A run whose start answer was lost (a crash): its owner picks it up from "My runs". */
	adopt(id: number, dbFile: string): LiveRun {
		const known = this.runs.get(id);
		if (known) return known;
		const row = withDb(dbFile, (db) => db.prepare('SELECT u.username AS u, r.procedure AS p FROM procedure_runs r JOIN users u ON u.id = r.owner_id WHERE r.id = ?').get(id) as { u: string; p: string });
		const p = this.people.find((x) => x.owner.username === row.u);
		const driver = DRIVERS.find((d) => d.procedure === row.p);
		if (!p || !driver) throw new Error(`run ${id} (${row.p}) of ${row.u}: no driver or person for it`);
		const run = new LiveRun(driver, { procedure: row.p, runId: id, notes: {} }, p);
		this.runs.set(id, run);
		return run;
	}
}

/** Describes unexpected answers for an assertion message. */
export const describeAttempts = (as: StepAttempt[]): string[] => as.map((a) => `run ${a.runId} v${a.version} ${a.choice.action}: ${a.outcome?.status} ${a.outcome?.message}`);

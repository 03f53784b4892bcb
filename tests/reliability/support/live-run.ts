/**
 * One live run driven over HTTP like a browser: read the run page (row version, offered step
 * forms, status), let the procedure's driver choose the form, post it with that row version.
 */
import type { Client, Fields, Outcome } from './http';
import type { DriverPeople, ProcedureDriver, RunPlan, StepChoice } from './drivers';

export interface PageState {
	http: number;
	version: number | null;
	offered: string[];
	status: string | null;
}

/** Reads what a run page offers: the row version its forms carry and their action keys. */
export function readRunPage(html: string, http = 200): PageState {
	const version = /name="version" value="(\d+)"/.exec(html);
	const status = /class="badge[^"]*">([^<]+)</.exec(html);
	return {
		http,
		version: version ? Number(version[1]) : null,
		offered: [...html.matchAll(/name="action" value="([^"]+)"/g)].map((m) => m[1]),
		status: status ? status[1].trim() : null
	};
}

export interface StepAttempt {
	runId: number;
	version: number;
	choice: StepChoice;
	/** The answer, or undefined when the connection failed (the server died). */
	outcome?: Outcome;
	error?: string;
}

/** The form fields a step post carries. */
export function stepFields(version: number, choice: StepChoice): Fields {
	return { version: String(version), action: choice.action, event: choice.action, ...choice.fields };
}

export class LiveRun {
	constructor(
		readonly driver: ProcedureDriver,
		readonly plan: RunPlan,
		readonly people: DriverPeople
	) {}

	get id(): number {
		return this.plan.runId;
	}

	async read(as: Client = this.people.owner): Promise<PageState> {
		const r = await as.get(`/runs/${this.id}`);
		return readRunPage(r.body, r.status);
	}

	/** Posts one step as the driver chooses it; 'finished' when the run offers nothing more to do. */
	async step(rng: () => number): Promise<StepAttempt | 'finished'> {
		const page = await this.read();
		if (page.http !== 200) throw new Error(`run ${this.id}: page answered ${page.http}`);
		const choice = page.version === null ? null : this.driver.choose(this.plan, page.offered, rng);
		if (!choice || page.version === null) return 'finished';
		return this.send(page.version, choice);
	}

	/** Sends a step with a given row version (a retry sends the same again). */
	async send(version: number, choice: StepChoice): Promise<StepAttempt> {
		const attempt: StepAttempt = { runId: this.id, version, choice };
		try {
			attempt.outcome = await this.people[choice.as].post(`/runs/${this.id}?/step`, stepFields(version, choice));
		} catch (e) {
			attempt.error = (e as Error).message;
		}
		return attempt;
	}
}

/** Whether a step post was applied: the server answered with the redirect back to the run. */
export const applied = (a: StepAttempt): boolean => a.outcome?.status === 303 && a.outcome.location === `/runs/${a.runId}`;

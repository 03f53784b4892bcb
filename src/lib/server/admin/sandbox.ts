/** Resetting the sandbox to its seed: staff, runs and the audit log stay; sandbox tables are regenerated. */
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import { now } from '../clock';
import { generateSandbox } from '../sandbox/generate';
import type { SessionUser } from '../auth/session';

export interface ResetOptions {
	seed: number;
	accounts: number;
	today: string;
}

export function resetSandbox(store: Store, actor: SessionUser, opts: ResetOptions): { accounts: number; ms: number } {
	return mutate(store, () => {
		const result = generateSandbox(store.db.$client, opts);
		// Live runs act on sandbox accounts that no longer exist as they were: end them, keep their record.
		// Training attempts have their own worlds and carry on.
		const ended = store.db.$client
			.prepare(
				"UPDATE procedure_runs SET status = 'abandoned', abandon_reason = 'sandbox reset', version = version + 1, updated_at = ? WHERE kind = 'live' AND status IN ('in_progress', 'awaiting_verification')"
			)
			.run(now()).changes;
		audit(store, { actor: { id: actor.id, username: actor.username }, action: 'sandbox.reset', target: 'sandbox', summary: { ...opts, ms: result.ms, runsAbandoned: ended } });
		return result;
	});
}

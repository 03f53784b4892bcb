/** Resetting the sandbox to its seed: staff, runs and the audit log stay; sandbox tables are regenerated. */
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
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
		audit(store, { actor: { id: actor.id, username: actor.username }, action: 'sandbox.reset', target: 'sandbox', summary: { ...opts, ms: result.ms } });
		return result;
	});
}

import { describe, expect, it } from 'vitest';
import { testStore } from '$tests/fixtures/db';
import { DAY, T0, makeUser } from '$tests/fixtures/training';
import { startProcedure } from '$lib/server/procedures/start';

function signRecon(store: ReturnType<typeof testStore>, userId: number, signer: number, at: number) {
	store.db.$client
		.prepare(
			"INSERT INTO competency_signoffs (user_id, competency_id, signed_by, signed_at, note, framework_version, revisions, evidence, requirements_met) VALUES (?, 'C-RECON', ?, ?, 'ok', 1, '{\"cash-reconciliation\":1}', '{}', 1)"
		)
		.run(userId, signer, at);
}

describe('live gating through the one start path', () => {
	it('a CSR I with a current C-RECON sign-off closes alone; after 180 days without practice, only with a supervising senior', () => {
		const store = testStore();
		const csr1 = makeUser(store, 'csr1');
		const senior = makeUser(store, 'senior');
		const blocked = startProcedure(store, csr1, 'cash-reconciliation', {}, T0);
		expect(blocked).toMatchObject({ ok: false, field: 'supervisor' });
		signRecon(store, csr1.id, senior.id, T0);
		// Past the level gate with no supervising senior asked for: the procedure's start module answers next.
		const alone = startProcedure(store, csr1, 'cash-reconciliation', {}, T0 + DAY);
		expect(alone.ok || alone.field).not.toBe('supervisor');
		expect(alone.ok || alone.status).not.toBe(403);
		const lapsed = startProcedure(store, csr1, 'cash-reconciliation', {}, T0 + 181 * DAY);
		expect(lapsed).toMatchObject({ ok: false, field: 'supervisor' });
	});
});

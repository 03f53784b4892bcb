import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '$lib/server/db/client';
import { createStore } from '$lib/server/store';
import { loadAttempt, policyOf, resolvedOf } from '$lib/server/training/repo';
import { resolveScenario } from '$lib/server/training/resolve';
import { policy } from '$lib/policy/settings';
import { SCENARIOS } from '$scenarios/index';
import { TEST_AUDIT_KEY } from '../../../fixtures/db';

/** A copy of the migrations folder that stops after migration `last` (0-based journal index). */
function migrationsUpTo(last: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
	cpSync('drizzle', dir, { recursive: true });
	const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((e) => e.idx <= last);
	writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	return dir;
}

describe('migrations 0010–0011: attempts share their scenario definition and policy snapshot', () => {
	it('moves attempts stored in full to the shared tables and gives every attempt back exactly as it was', () => {
		const dir = mkdtempSync(join(tmpdir(), 'compact-'));
		const file = join(dir, 'old.db');
		const old = migrationsUpTo(9);
		try {
			const before = openDatabase(file, old);
			const scenario = SCENARIOS[0];
			const other = SCENARIOS[1];
			const stored = [resolveScenario(scenario, 11), resolveScenario(scenario, 12), resolveScenario(other, 11)];
			const userId = Number(
				before.$client
					.prepare("INSERT INTO users (username, display_name, level, is_admin, hire_date, password_hash, active, created_at) VALUES ('t', 'T', 'csr1', 0, '2025-01-01', 'x', 1, 0)")
					.run().lastInsertRowid
			);
			const insert = before.$client.prepare(
				`INSERT INTO scenario_attempts (user_id, scenario_id, scenario_version, procedure, level, seed, machine_version, scenario, policy, status, competencies, started_at)
				 VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'in_progress', '[]', 0)`
			);
			const ids = stored.map((r) => Number(insert.run(userId, r.id, r.version, r.procedure, r.level, r.seed, JSON.stringify(r), JSON.stringify(policy)).lastInsertRowid));
			before.$client.close();

			const after = openDatabase(file, 'drizzle');
			const store = createStore(after, TEST_AUDIT_KEY, null);
			ids.forEach((id, i) => {
				const row = loadAttempt(store, id)!;
				expect(resolvedOf(row)).toEqual(stored[i]);
				expect(JSON.stringify(resolvedOf(row))).toBe(JSON.stringify(stored[i]));
				expect(policyOf(row)).toEqual(policy);
			});
			const count = (table: string) => (after.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
			expect(count('scenario_definitions')).toBe(2);
			expect(count('policy_snapshots')).toBe(1);
			const columns = (after.$client.prepare('PRAGMA table_info(scenario_attempts)').all() as { name: string }[]).map((c) => c.name);
			expect(columns).not.toContain('scenario');
			expect(columns).not.toContain('policy');
			after.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
			rmSync(old, { recursive: true, force: true });
		}
	});
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore, TEST_AUDIT_KEY } from '$tests/fixtures/db';
import { mutate, type Store } from '$lib/server/store';
import { audit } from '$lib/server/audit/log';
import { loadOrCreateKey, readCheckpoint, verifyChain, type StoredAuditRow } from '$lib/server/audit/chain';

function rows(store: Store): StoredAuditRow[] {
	return store.db.$client
		.prepare('SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, action, target, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
		.all() as StoredAuditRow[];
}

function storeWithRows(n: number) {
	const dir = mkdtempSync(join(tmpdir(), 'audit-'));
	const cpFile = join(dir, 'cp.json');
	const store = testStore(cpFile);
	for (let i = 0; i < n; i++) {
		mutate(store, () => audit(store, { actor: { id: 1, username: 'pat' }, action: 'test.step', target: `t:${i}`, summary: { i }, at: 1000 + i }));
	}
	return { store, cpFile };
}

describe('audit log: append-only and tamper-evident', () => {
	it('the database refuses UPDATE and DELETE', () => {
		const { store } = storeWithRows(2);
		expect(() => store.db.$client.prepare("UPDATE audit_log SET action = 'x' WHERE id = 1").run()).toThrow(/append-only/);
		expect(() => store.db.$client.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
	});

	it('the checkpoint is rewritten in place after each commit, and follows a file replaced or removed meanwhile', () => {
		const { store, cpFile } = storeWithRows(2);
		expect(readCheckpoint(cpFile)!.count).toBe(2);
		const size = statSync(cpFile).size;
		mutate(store, () => audit(store, { actor: null, action: 'test.more', summary: {} }));
		expect(readCheckpoint(cpFile)!.count).toBe(3);
		expect(statSync(cpFile).size).toBe(size);
		// A restore puts a copied checkpoint in place; an operator may delete it.
		writeFileSync(`${cpFile}.new`, '{"count":1,"hash":"x","at":0}\n');
		renameSync(`${cpFile}.new`, cpFile);
		mutate(store, () => audit(store, { actor: null, action: 'test.more', summary: {} }));
		expect(readCheckpoint(cpFile)!.count).toBe(4);
		rmSync(cpFile);
		mutate(store, () => audit(store, { actor: null, action: 'test.more', summary: {} }));
		expect(readCheckpoint(cpFile)).toMatchObject({ count: 5, hash: rows(store).at(-1)!.hash });
	});

	it('refuses to append outside a transaction', () => {
		const store = testStore();
		expect(() => audit(store, { actor: null, action: 'x', summary: {} })).toThrow(/inside mutate/);
	});

	it('an intact chain verifies against its checkpoint, written after each commit', () => {
		const { store, cpFile } = storeWithRows(5);
		const cp = readCheckpoint(cpFile)!;
		expect(cp.count).toBe(5);
		expect(verifyChain(rows(store), TEST_AUDIT_KEY, cp)).toEqual({ ok: true, rows: 5, problems: [] });
	});

	it('a rolled-back change leaves neither a row nor a checkpoint advance', () => {
		const { store, cpFile } = storeWithRows(2);
		expect(() =>
			mutate(store, () => {
				audit(store, { actor: null, action: 'doomed', summary: {} });
				throw new Error('boom');
			})
		).toThrow('boom');
		expect(rows(store)).toHaveLength(2);
		expect(readCheckpoint(cpFile)!.count).toBe(2);
		mutate(store, () => audit(store, { actor: null, action: 'next', summary: {} }));
		expect(verifyChain(rows(store), TEST_AUDIT_KEY, readCheckpoint(cpFile))).toMatchObject({ ok: true, rows: 3 });
	});

	it('detects an edited row', () => {
		const { store, cpFile } = storeWithRows(4);
		const r = rows(store);
		r[1] = { ...r[1], summary: '{"i":99}' };
		const report = verifyChain(r, TEST_AUDIT_KEY, readCheckpoint(cpFile));
		expect(report.ok).toBe(false);
		expect(report.problems.join()).toContain('row 2: content does not match');
	});

	it('detects a deleted row in the middle', () => {
		const { store, cpFile } = storeWithRows(4);
		const r = rows(store).filter((x) => x.id !== 2);
		const report = verifyChain(r, TEST_AUDIT_KEY, readCheckpoint(cpFile));
		expect(report.ok).toBe(false);
		expect(report.problems.join()).toContain('row 3: previous-hash link broken');
	});

	it('detects a truncated tail through the checkpoint', () => {
		const { store, cpFile } = storeWithRows(4);
		const report = verifyChain(rows(store).slice(0, 3), TEST_AUDIT_KEY, readCheckpoint(cpFile));
		expect(report.ok).toBe(false);
		expect(report.problems.join()).toContain('truncated');
	});

	it('accepts a chain that runs ahead of its checkpoint (crash before the file write)', () => {
		const { store, cpFile } = storeWithRows(3);
		const cp = readCheckpoint(cpFile)!;
		mutate(store, () => audit(store, { actor: null, action: 'late', summary: {} }));
		expect(verifyChain(rows(store), TEST_AUDIT_KEY, cp)).toMatchObject({ ok: true, rows: 4 });
	});

	it('detects a forged chain made without the key', () => {
		const { store, cpFile } = storeWithRows(3);
		expect(verifyChain(rows(store), Buffer.alloc(32, 1), readCheckpoint(cpFile)).ok).toBe(false);
	});

	it('creates the key once with mode 0600 and reuses it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'key-'));
		const file = join(dir, 'k');
		const k1 = loadOrCreateKey(file);
		expect(existsSync(file)).toBe(true);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(loadOrCreateKey(file).equals(k1)).toBe(true);
		expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
	});
});

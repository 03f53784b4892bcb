import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';

describe('prepared statements are reused', () => {
	it('the same SQL gives the same compiled statement, back in its default mode', () => {
		const db = openDatabase(':memory:', 'drizzle').$client;
		db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
		const sql = 'SELECT id, name FROM t ORDER BY id';
		const first = db.prepare(sql);
		expect(db.prepare(sql)).toBe(first);
		expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
		expect(db.prepare(sql).all()).toEqual([
			{ id: 1, name: 'a' },
			{ id: 2, name: 'b' }
		]);
		expect(db.prepare(sql).raw().get()).toEqual([1, 'a']);
		expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
	});

	it('a statement still iterating is not handed out again', () => {
		const db = openDatabase(':memory:', 'drizzle').$client;
		db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
		const sql = 'SELECT name FROM t WHERE id >= ? ORDER BY id';
		const seen: string[] = [];
		for (const row of db.prepare(sql).iterate(1) as IterableIterator<{ name: string }>) seen.push(`${row.name}:${(db.prepare(sql).all(2) as { name: string }[]).map((r) => r.name).join()}`);
		expect(seen).toEqual(['a:b', 'b:b']);
	});
});

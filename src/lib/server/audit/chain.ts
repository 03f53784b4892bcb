/**
 * Tamper evidence for the audit log: each row's hash is an HMAC (key outside the database) over the
 * previous row's hash and the row's content, so an edited or deleted row breaks the chain. The head
 * (row count + hash) is also written to a checkpoint file after each commit, so a truncated tail is
 * caught too. A chain may run ahead of its checkpoint (crash between commit and file write) but
 * never behind it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const GENESIS = '0'.repeat(64);

export interface AuditRowContent {
	at: number;
	actorId: number | null;
	actorUsername: string | null;
	action: string;
	target: string | null;
	summary: string;
}

export interface Checkpoint {
	count: number;
	hash: string;
	at: number;
}

/** HMAC-SHA256 over the previous hash and the row's canonical content. */
export function rowHash(key: Buffer, prevHash: string, row: AuditRowContent): string {
	const canonical = JSON.stringify([row.at, row.actorId, row.actorUsername, row.action, row.target, row.summary]);
	return createHmac('sha256', key).update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Reads the audit key, creating it (32 random bytes, mode 0600) on first start. */
export function loadOrCreateKey(file: string): Buffer {
	if (existsSync(file)) {
		const hex = readFileSync(file, 'utf8').trim();
		if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`audit key file ${file} is not a 64-hex-digit key`);
		return Buffer.from(hex, 'hex');
	}
	mkdirSync(dirname(file), { recursive: true });
	const key = randomBytes(32);
	writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
	chmodSync(file, 0o600);
	return key;
}

/** Size of the checkpoint record: JSON padded with spaces, so every write replaces the whole file in place. */
const CHECKPOINT_BYTES = 256;
const checkpointFiles = new Map<string, { fd: number; length: number }>();

/**
 * Writes the checkpoint (after every commit that adds audit rows). The file stays open and each
 * checkpoint is one write of one fixed-size record at offset 0 — within a disk sector, so the file
 * holds the old record or the new one, never a mix. (A temp file and a rename per commit cost about
 * 0.2 ms on this filesystem, a large share of a checklist step: npm run bench.) A file replaced or
 * removed behind the process's back is reopened by path.
 */
export function writeCheckpoint(file: string, cp: Checkpoint): void {
	const json = JSON.stringify(cp);
	const record = json.length < CHECKPOINT_BYTES ? `${json.padEnd(CHECKPOINT_BYTES - 1)}\n` : `${json}\n`;
	let open = checkpointFiles.get(file);
	if (open && (!existsSync(file) || statSync(file).ino !== fstatSync(open.fd).ino)) {
		closeSync(open.fd);
		checkpointFiles.delete(file);
		open = undefined;
	}
	if (!open) {
		mkdirSync(dirname(file), { recursive: true });
		open = { fd: openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600), length: -1 };
		checkpointFiles.set(file, open);
	}
	writeSync(open.fd, record, 0);
	if (open.length !== record.length) {
		ftruncateSync(open.fd, record.length);
		open.length = record.length;
	}
}

export function readCheckpoint(file: string): Checkpoint | null {
	if (!existsSync(file)) return null;
	const cp = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
	if (!Number.isSafeInteger(cp.count) || typeof cp.hash !== 'string') throw new Error(`checkpoint ${file} is malformed`);
	return cp;
}

export interface StoredAuditRow extends AuditRowContent {
	id: number;
	prevHash: string;
	hash: string;
}

export interface VerifyReport {
	ok: boolean;
	rows: number;
	problems: string[];
}

/** Verifies a whole chain (rows in id order) against its key and, if given, its checkpoint. */
export function verifyChain(rows: Iterable<StoredAuditRow>, key: Buffer, checkpoint: Checkpoint | null): VerifyReport {
	const problems: string[] = [];
	let prev = GENESIS;
	let count = 0;
	let hashAtCheckpoint: string | null = null;
	for (const row of rows) {
		count++;
		if (row.prevHash !== prev) problems.push(`row ${row.id}: previous-hash link broken (a row before it was deleted or altered)`);
		const expected = rowHash(key, prev, row);
		if (expected !== row.hash) problems.push(`row ${row.id}: content does not match its hash (edited)`);
		prev = row.hash;
		if (checkpoint && count === checkpoint.count) hashAtCheckpoint = row.hash;
		if (problems.length > 20) break;
	}
	if (checkpoint) {
		if (count < checkpoint.count) problems.push(`log has ${count} rows but the checkpoint recorded ${checkpoint.count}: rows were removed from the end (truncated)`);
		else if (checkpoint.count > 0 && hashAtCheckpoint !== checkpoint.hash) problems.push(`row ${checkpoint.count} does not match the checkpoint's hash`);
	}
	return { ok: problems.length === 0, rows: count, problems };
}

/**
 * The shared sandbox as a World: each effect becomes rows in the sandbox tables, inside the step's
 * transaction. Accounts are found by number and drawers by name (what runs record).
 */
import type Database from 'better-sqlite3';
import { toLocal } from '$lib/domain/calendar';
import type { Effect } from '$machines/shared/types';
import type { EffectContext, World } from './world';

export class WorldError extends Error {}

export function sandboxWorld(db: Database.Database): World {
	const accountId = (number: string): number => {
		const row = db.prepare('SELECT id FROM accounts WHERE number = ?').get(number) as { id: number } | undefined;
		if (!row) throw new WorldError(`Account ${number} is not in the sandbox (was it reset?).`);
		return row.id;
	};
	const drawerId = (name: string): number => {
		const row = db.prepare('SELECT id FROM drawers WHERE name = ?').get(name) as { id: number } | undefined;
		if (!row) throw new WorldError(`Drawer "${name}" is not in the sandbox.`);
		return row.id;
	};
	const openBatch = (name: string): number => {
		const row = db.prepare("SELECT id FROM batches WHERE drawer_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1").get(drawerId(name)) as { id: number } | undefined;
		if (!row) throw new WorldError(`Drawer "${name}" has no open batch.`);
		return row.id;
	};
	// A counter payment names its batch ("B-12"); §2: nothing posts to a closed batch.
	const openBatchByRef = (ref: string): number => {
		const m = /^B-(\d+)$/.exec(ref);
		const row = m ? (db.prepare('SELECT id, status FROM batches WHERE id = ?').get(Number(m[1])) as { id: number; status: string } | undefined) : undefined;
		if (!row) throw new WorldError(`Batch ${ref} is not in the sandbox (was it reset?).`);
		if (row.status !== 'open') throw new WorldError(`Batch ${ref} is closed: nothing posts to a closed batch. Open your drawer again and take the payment in a new run.`);
		return row.id;
	};
	const ledgerByRef = (ref: string): number => {
		const row = db.prepare('SELECT id FROM ledger_entries WHERE ref = ?').get(ref) as { id: number } | undefined;
		if (!row) throw new WorldError(`No ledger entry with reference ${ref}.`);
		return row.id;
	};

	const handlers: { [K in Effect['type']]: (e: Extract<Effect, { type: K }>, ctx: EffectContext) => void } = {
		'ledger.post': (e, ctx) => {
			db.prepare(
				'INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo, corrects_id, ref, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			).run(
				accountId(e.accountNumber),
				ctx.at,
				toLocal(ctx.at).date,
				e.kind,
				e.tender ?? null,
				e.amountCents,
				e.memo,
				e.correctsRef ? ledgerByRef(e.correctsRef) : null,
				e.ref,
				e.batchRef ? openBatchByRef(e.batchRef) : null
			);
		},
		'note.add': (e, ctx) => {
			// A contact whose caller was never tied to an account (policy §1: general information only) has no
			// account to note; its contact note stays on the run record and its printable summary.
			if (!e.accountNumber) return;
			db.prepare('INSERT INTO account_notes (account_id, created_at, author, category, body) VALUES (?, ?, ?, ?, ?)').run(
				accountId(e.accountNumber),
				ctx.at,
				ctx.actor.displayName,
				e.category ?? 'contact',
				e.body
			);
		},
		'workOrder.create': (e, ctx) => {
			db.prepare('INSERT INTO work_orders (account_id, kind, status, created_at, scheduled_for, priority, memo, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
				accountId(e.accountNumber),
				e.kind,
				'open',
				ctx.at,
				e.scheduledFor,
				e.priority ?? 'normal',
				e.memo ?? null,
				e.ref
			);
		},
		'workOrder.resolve': (e) => {
			const r = db.prepare("UPDATE work_orders SET status = ?, resolved_at = ?, memo = coalesce(?, memo) WHERE ref = ? AND status = 'open'").run(e.result, e.at, e.reason ?? null, e.ref);
			if (r.changes !== 1) throw new WorldError(`No open work order ${e.ref}.`);
		},
		'account.update': (e) => {
			const id = accountId(e.accountNumber);
			if (e.status) db.prepare('UPDATE accounts SET status = ? WHERE id = ?').run(e.status, id);
			if (e.depositHeldCents !== undefined) db.prepare('UPDATE accounts SET deposit_held_cents = ? WHERE id = ?').run(e.depositHeldCents, id);
			if (e.autopay !== undefined) db.prepare('UPDATE accounts SET autopay = ? WHERE id = ?').run(e.autopay ? 1 : 0, id);
			if (e.cashOnly === false) db.prepare('UPDATE accounts SET cash_only_until = NULL WHERE id = ?').run(id);
		},
		'inbox.post': (e, ctx) => {
			const item = db.prepare('SELECT id, channel, posted_entry_id AS posted FROM payment_inbox WHERE id = ?').get(Number(e.inboxRef)) as
				| { id: number; channel: string; posted: number | null }
				| undefined;
			if (!item) throw new WorldError(`No inbox payment ${e.inboxRef}.`);
			if (item.posted) throw new WorldError(`Inbox payment ${e.inboxRef} is already posted.`);
			const info = db
				.prepare('INSERT INTO ledger_entries (account_id, posted_at, posted_on, kind, tender, amount_cents, memo, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
				.run(accountId(e.accountNumber), ctx.at, toLocal(ctx.at).date, 'payment', item.channel, -Math.abs(e.amountCents), `${item.channel} payment posted from the inbox`, `inbox:${item.id}`);
			db.prepare('UPDATE payment_inbox SET posted_entry_id = ? WHERE id = ?').run(Number(info.lastInsertRowid), item.id);
		},
		'batch.open': (e, ctx) => {
			const id = drawerId(e.drawerRef);
			const open = db.prepare("SELECT 1 FROM batches WHERE drawer_id = ? AND status = 'open'").get(id);
			if (open) throw new WorldError(`Drawer "${e.drawerRef}" already has an open batch.`);
			db.prepare("INSERT INTO batches (drawer_id, business_date, status, float_cents, opened_by) VALUES (?, ?, 'open', ?, ?)").run(
				id,
				toLocal(ctx.at).date,
				e.floatCents,
				ctx.actor.username
			);
		},
		'batch.close': (e, ctx) => {
			db.prepare("UPDATE batches SET status = 'closed', closed_at = ? WHERE id = ?").run(ctx.at, openBatch(e.drawerRef));
		},
		'overShort.record': (e, ctx) => {
			db.prepare('INSERT INTO cash_over_short (batch_id, amount_cents, explanation, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)').run(
				openBatch(e.drawerRef),
				e.amountCents,
				e.explanation,
				ctx.at,
				ctx.actor.username
			);
		},
		'deposit.slip': (e) => {
			db.prepare('UPDATE batches SET deposit_cents = ?, bag_number = ? WHERE id = ?').run(e.amountCents, e.bagNumber, openBatch(e.drawerRef));
		},
		'vault.access': (e, ctx) => {
			db.prepare('INSERT INTO vault_log (drawer_name, user_id, at, run_id) VALUES (?, ?, ?, ?)').run(e.drawerRef, e.userId, ctx.at, ctx.runId);
		},
		'incident.report': (e, ctx) => {
			db.prepare('INSERT INTO incident_reports (at, reported_by, run_id, account_number, summary) VALUES (?, ?, ?, ?, ?)').run(
				ctx.at,
				ctx.actor.id,
				ctx.runId,
				e.accountNumber || null,
				e.summary
			);
		},
		'protection.add': (e) => {
			db.prepare("INSERT INTO protections (account_id, kind, status, starts_on, ends_on, details) VALUES (?, ?, 'active', ?, ?, ?)").run(
				accountId(e.accountNumber),
				e.kind,
				e.startsOn,
				e.endsOn ?? null,
				e.memo
			);
		},
		'lockoffList.pull': (e, ctx) => {
			db.prepare('INSERT INTO lockoff_pulls (lockoff_date, account_number, code, memo, at, run_id) VALUES (?, ?, ?, ?, ?, ?)').run(
				toLocal(ctx.at).date,
				e.accountNumber,
				e.code,
				e.memo ?? null,
				ctx.at,
				ctx.runId
			);
		}
	};

	return {
		apply(effect, ctx) {
			const handler = handlers[effect.type] as ((e: Effect, c: EffectContext) => void) | undefined;
			if (!handler) throw new WorldError(`The sandbox cannot apply "${effect.type}" effects.`);
			handler(effect, ctx);
		}
	};
}

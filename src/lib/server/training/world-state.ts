/**
 * The attempt's own World (issue 5): the scenario's accounts, batch and office records in memory,
 * changed only by the effects the machine leaves. It is rebuilt for each request from the resolved
 * scenario plus the effects already applied (they are in the run's snapshot), so nothing but the
 * attempt's own rows is ever written and the shared sandbox is never touched. The scorer builds the
 * final world the same way, purely.
 */
import type { Effect } from '$machines/shared/types';
import type { ResolvedScenario } from '$scenarios/schema';
import type { EffectContext, World } from '../procedures/world';

export class AttemptWorldError extends Error {}

export interface WorldAccountState {
	number: string;
	holder: string;
	address: string;
	status: string;
	balanceCents: number;
	depositHeldCents: number;
	autopay: boolean;
	cashOnlyCleared: boolean;
	ledger: { kind: string; tender: string | null; amountCents: number; memo: string; ref: string; correctsRef: string | null; at: number }[];
	notes: { body: string; category: string; at: number; by: string }[];
	protections: { kind: string; startsOn: string; endsOn: string | null; memo: string }[];
}

export interface WorldState {
	accounts: Record<string, WorldAccountState>;
	workOrders: { ref: string; accountNumber: string; kind: string; status: string; scheduledFor: string; priority: string; memo: string | null; result: string | null }[];
	batches: Record<string, { status: 'open' | 'closed'; floatCents: number; depositCents: number | null; bagNumber: string | null; overShort: { amountCents: number; explanation: string }[] }>;
	vaultLog: { drawerRef: string; userId: string; at: number }[];
	incidents: { summary: string; accountNumber: string | null; at: number; by: string }[];
	pulls: { accountNumber: string; code: string; memo: string | null; at: number }[];
	inboxPosted: string[];
}

/** The world as the scenario starts it. A drawer in the scenario has an open batch unless the procedure opens it. */
export function initialWorldState(scenario: Pick<ResolvedScenario, 'world' | 'procedure'>): WorldState {
	const accounts: WorldState['accounts'] = {};
	for (const a of scenario.world.accounts) {
		accounts[a.number] = { ...a, autopay: false, cashOnlyCleared: false, ledger: [], notes: [], protections: [] };
	}
	const batches: WorldState['batches'] = {};
	const drawer = scenario.world.drawer;
	if (drawer && scenario.procedure !== 'drawer-opening') batches[drawer.name] = { status: 'open', floatCents: 0, depositCents: null, bagNumber: null, overShort: [] };
	return { accounts, workOrders: [], batches, vaultLog: [], incidents: [], pulls: [], inboxPosted: [] };
}

function account(s: WorldState, number: string): WorldAccountState {
	const a = s.accounts[number];
	if (!a) throw new AttemptWorldError(`Account ${number} is not part of this scenario.`);
	return a;
}

function openBatch(s: WorldState, drawerRef: string) {
	const b = s.batches[drawerRef];
	if (!b || b.status !== 'open') throw new AttemptWorldError(`Drawer "${drawerRef}" has no open batch in this scenario.`);
	return b;
}

/** Applies one effect to the state in place (throws, rolling the step back, when the world cannot take it). */
export function applyEffect(s: WorldState, e: Effect, ctx: Pick<EffectContext, 'at' | 'actor'>): void {
	switch (e.type) {
		case 'ledger.post': {
			const a = account(s, e.accountNumber);
			a.ledger.push({ kind: e.kind, tender: e.tender ?? null, amountCents: e.amountCents, memo: e.memo, ref: e.ref, correctsRef: e.correctsRef ?? null, at: ctx.at });
			a.balanceCents += e.amountCents;
			return;
		}
		case 'note.add':
			account(s, e.accountNumber).notes.push({ body: e.body, category: e.category ?? 'contact', at: ctx.at, by: ctx.actor.displayName });
			return;
		case 'workOrder.create':
			account(s, e.accountNumber);
			s.workOrders.push({ ref: e.ref, accountNumber: e.accountNumber, kind: e.kind, status: 'open', scheduledFor: e.scheduledFor, priority: e.priority ?? 'normal', memo: e.memo ?? null, result: null });
			return;
		case 'workOrder.resolve': {
			const w = s.workOrders.find((x) => x.ref === e.ref && x.status === 'open');
			if (!w) throw new AttemptWorldError(`No open work order ${e.ref}.`);
			w.status = e.result;
			w.result = e.result;
			if (e.reason) w.memo = e.reason;
			return;
		}
		case 'account.update': {
			const a = account(s, e.accountNumber);
			if (e.status) a.status = e.status;
			if (e.depositHeldCents !== undefined) a.depositHeldCents = e.depositHeldCents;
			if (e.autopay !== undefined) a.autopay = e.autopay;
			if (e.cashOnly === false) a.cashOnlyCleared = true;
			return;
		}
		case 'inbox.post': {
			if (s.inboxPosted.includes(e.inboxRef)) throw new AttemptWorldError(`Inbox payment ${e.inboxRef} is already posted.`);
			const a = account(s, e.accountNumber);
			s.inboxPosted.push(e.inboxRef);
			a.ledger.push({ kind: 'payment', tender: 'inbox', amountCents: -Math.abs(e.amountCents), memo: 'Payment posted from the inbox', ref: `inbox:${e.inboxRef}`, correctsRef: null, at: ctx.at });
			a.balanceCents -= Math.abs(e.amountCents);
			return;
		}
		case 'batch.open':
			if (s.batches[e.drawerRef]?.status === 'open') throw new AttemptWorldError(`Drawer "${e.drawerRef}" already has an open batch.`);
			s.batches[e.drawerRef] = { status: 'open', floatCents: e.floatCents, depositCents: null, bagNumber: null, overShort: [] };
			return;
		case 'batch.close':
			openBatch(s, e.drawerRef).status = 'closed';
			return;
		case 'overShort.record':
			openBatch(s, e.drawerRef).overShort.push({ amountCents: e.amountCents, explanation: e.explanation });
			return;
		case 'deposit.slip': {
			const b = openBatch(s, e.drawerRef);
			b.depositCents = e.amountCents;
			b.bagNumber = e.bagNumber;
			return;
		}
		case 'vault.access':
			s.vaultLog.push({ drawerRef: e.drawerRef, userId: e.userId, at: ctx.at });
			return;
		case 'incident.report':
			s.incidents.push({ summary: e.summary, accountNumber: e.accountNumber ?? null, at: ctx.at, by: ctx.actor.displayName });
			return;
		case 'protection.add':
			account(s, e.accountNumber).protections.push({ kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn ?? null, memo: e.memo });
			return;
		case 'lockoffList.pull':
			account(s, e.accountNumber);
			s.pulls.push({ accountNumber: e.accountNumber, code: e.code, memo: e.memo ?? null, at: ctx.at });
			return;
	}
}

/** The World the runner applies a step's effects to: this attempt's state, in memory. */
export function attemptWorld(state: WorldState): World {
	return {
		apply(effect, ctx) {
			applyEffect(state, effect, ctx);
		}
	};
}

/** The world after a list of effects (in order), from the scenario's start. */
export function worldAfter(scenario: Pick<ResolvedScenario, 'world' | 'procedure'>, effects: readonly Effect[], at: number): WorldState {
	const s = initialWorldState(scenario);
	for (const e of effects) applyEffect(s, e, { at, actor: { id: 0, username: 'replay', displayName: 'replay' } });
	return s;
}

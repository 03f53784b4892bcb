/**
 * Shared vocabulary of every procedure machine: who sent an event, the effects a step leaves
 * for the runner to apply to a World, step meta, and refusals. Machines stay pure: they never
 * touch a database, a clock or a user session; the runner stamps `at` and `by` on each event.
 */
import type { Cents } from '$lib/domain/money';
import type { Level } from '$lib/domain/levels';
import type { Policy } from '$lib/policy/settings';

export type { Level, Cents, Policy };

/** The person who sent an event, stamped by the runner from the signed-in (or confirming) user. */
export interface Actor {
	userId: string;
	level: Level;
	name?: string;
}

/** Every machine event carries the server's time and the acting person. */
export interface Stamp {
	/** Epoch ms from the server clock (scenario clock in training). */
	at: number;
	by: Actor;
}

/** Roles a person can hold inside one run, for "not the same person" rules. */
export type RunRole =
	| 'cashier'
	| 'floatVerifier'
	| 'secondCounter'
	| 'supervisor'
	| 'slipVerifier'
	| 'vaultFirst'
	| 'vaultSecond'
	| 'lead'
	| 'approver'
	| 'csr'
	| 'escalatedTo';

/** Who may send an event at a step; decided by the authorisation module's can(), never a guard. */
export interface EventAuthority {
	/** Lowest level that may send it (in training: the scenario level or a simulated colleague). */
	minLevel: Level;
	/** A second person: must be a different user from the run's owner. */
	secondPerson?: boolean;
	/** Run roles the sender must not already hold (e.g. never the cashier). */
	notRoles?: RunRole[];
	/** The run role the sender takes by sending it (recorded for later notRoles checks). */
	takesRole?: RunRole;
}

/** Ordering of a step relative to an earlier one: hard = refused out of order; soft = allowed, logged, scored. */
export interface OrderRule {
	id: string;
	kind: 'hard' | 'soft';
	description: string;
	policyRef: string;
}

/** Meta carried by every state that is a step; the checklist, map and scorer all read it. */
export interface StepMeta {
	id: string;
	title: string;
	instructions: string;
	/** Section of the policy handbook, e.g. "§2 Close". */
	policyRef: string;
	/** Authority per event type accepted at this step. Events not listed need the run owner at the procedure's level. */
	authority?: Record<string, EventAuthority>;
	/** True when this step waits on a different person (UI shows "awaiting verification"). */
	needsSecondPerson?: boolean;
	order?: OrderRule[];
}

/** Critical errors of policy §9 (stable codes the scorer and feedback use). */
export type CriticalCode =
	| 'disclosure-before-verification'
	| 'lockoff-excluded-account'
	| 'counterfeit-accepted'
	| 'dual-control-breach'
	| 'restoration-without-reconnect'
	| 'deposit-waiver-misapplied'
	| 'payment-wrong-account'
	| 'threat-handled-alone';

/** Why a move is not allowed now; `critical` marks an attempted critical move (policy §9). */
export interface Refusal {
	reason: string;
	policyRef: string;
	critical?: CriticalCode;
	/** Stable id of the policy rule refused, for scoring "attempted violation". */
	rule: string;
}

/** A world change a step leaves for the runner. Account references are account numbers (they survive a sandbox reset). */
export type Effect =
	/** `batchRef`: the counter batch a payment taken at a drawer belongs to (its cash and checks are counted against it at close). */
	| { type: 'ledger.post'; accountNumber: string; kind: LedgerKind; tender?: Tender; amountCents: Cents; memo: string; correctsRef?: string; ref: string; batchRef?: string }
	| { type: 'note.add'; accountNumber: string; body: string; category?: string }
	| { type: 'workOrder.create'; ref: string; accountNumber: string; kind: WorkOrderKind; scheduledFor: string; priority?: 'same-day' | 'next-day' | 'after-hours' | 'normal'; memo?: string }
	| { type: 'workOrder.resolve'; ref: string; result: WorkOrderResult; reason?: string; at: number }
	| { type: 'account.update'; accountNumber: string; status?: AccountStatus; depositHeldCents?: Cents; cashOnly?: boolean; autopay?: boolean }
	| { type: 'inbox.post'; inboxRef: string; accountNumber: string; amountCents: Cents }
	| { type: 'batch.open'; drawerRef: string; floatCents: Cents }
	| { type: 'batch.close'; drawerRef: string }
	| { type: 'overShort.record'; drawerRef: string; amountCents: Cents; explanation: string }
	| { type: 'deposit.slip'; drawerRef: string; amountCents: Cents; bagNumber: string }
	| { type: 'vault.access'; drawerRef: string; userId: string }
	| { type: 'incident.report'; summary: string; accountNumber?: string }
	| { type: 'protection.add'; accountNumber: string; kind: ProtectionKind; startsOn: string; endsOn?: string; memo: string }
	| { type: 'lockoffList.pull'; accountNumber: string; code: ExclusionCode; memo?: string };

export type LedgerKind = 'bill' | 'payment' | 'fee' | 'adjustment' | 'deposit' | 'transfer' | 'reversal' | 'write-off' | 'refund';
export type Tender = 'cash' | 'check' | 'money-order' | 'card' | 'ach' | 'mail' | 'drop-box' | 'online';
export type WorkOrderKind = 'lockoff' | 'reconnect' | 'reread' | 'investigate';
export type WorkOrderResult = 'completed' | 'pulled' | 'unable' | 'tamper';
export type AccountStatus = 'active' | 'locked' | 'closed' | 'final';
export type ProtectionKind = 'medical' | 'dispute' | 'plan' | 'bankruptcy' | 'assist';
export type ExclusionCode = 'PAID' | 'PLAN' | 'MEDICAL' | 'DISPUTE' | 'BANKRUPTCY' | 'ASSIST' | 'NOTICE' | 'BELOW_MIN' | 'WRONG_PREMISE';

/** Context every procedure machine carries so the runner and scorer can read it uniformly. */
export interface ProcedureContextBase {
	/** Effects emitted so far, in order; the runner applies the ones it has not applied yet. */
	effects: Effect[];
	/** Soft-order rules broken so far (allowed, logged, scored in training). */
	softOrderSlips: string[];
	/** Who holds which role in this run. */
	roles: Partial<Record<RunRole, string>>;
}

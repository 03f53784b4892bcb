/**
 * Drawer opening (C-OPEN, policy §2 "Open"): the cashier counts the float by denomination, a second
 * person (CSR II+, never the cashier) verifies it, both sign. A float that does not count to the
 * policy amount is reported to a senior and the drawer stays closed.
 */
import { assign, setup } from 'xstate';
import type { DenominationCounts } from '$lib/policy/settings';
import { countsTotal, sanitizeCounts } from '$lib/domain/denominations';
import { formatCents } from '$lib/domain/money';
import { guardsFromRules, type Rule } from './shared/rules';
import type { Policy, ProcedureContextBase, Stamp, Cents } from './shared/types';

export const MACHINE_VERSION = 1;
export const REVISION = { number: 1, note: 'First published procedure.' } as const;

export interface DrawerOpeningInput {
	policy: Policy;
	drawerRef: string;
}

export interface DrawerOpeningContext extends ProcedureContextBase {
	policy: Policy;
	drawerRef: string;
	counts: DenominationCounts | null;
	countedCents: Cents | null;
	verifiedCents: Cents | null;
	report: string | null;
}

export type DrawerOpeningEvent =
	| ({ type: 'float.counted'; counts: DenominationCounts } & Stamp)
	| ({ type: 'float.verified'; counts: DenominationCounts } & Stamp)
	| ({ type: 'shortfall.reported'; note: string } & Stamp)
	| ({ type: 'signed' } & Stamp);

type Ctx = DrawerOpeningContext;
type Ev = DrawerOpeningEvent;

const total = (e: Ev) => ('counts' in e ? countsTotal(sanitizeCounts(e.counts)) : 0);

const notCashier: Rule<Ctx, Ev> = (c, e) =>
	e.by.userId !== c.roles.cashier
		? null
		: {
				rule: 'second-person-not-cashier',
				reason: 'The float verifier must be someone other than the cashier.',
				policyRef: '§2 Second persons',
				critical: 'dual-control-breach'
			};

export const drawerOpeningRules = {
	floatCountsOut: (c, e) =>
		total(e) === c.policy.drawer.floatCents
			? null
			: {
					rule: 'float-must-count-out',
					reason: `The float counts ${formatCents(total(e))}, not ${formatCents(c.policy.drawer.floatCents)}: report it to a senior; the drawer is not opened.`,
					policyRef: '§2 Open'
				},
	verifierAgrees: (c, e) =>
		notCashier(c, e) ??
		(total(e) === c.countedCents
			? null
			: {
					rule: 'verifier-count-differs',
					reason: `The verifier's count (${formatCents(total(e))}) differs from the cashier's (${formatCents(c.countedCents ?? 0)}): recount together.`,
					policyRef: '§2 Open'
				}),
	verifierDiffers: (c, e) =>
		notCashier(c, e) ??
		(total(e) !== c.countedCents ? null : { rule: 'verifier-count-agrees', reason: 'The counts agree.', policyRef: '§2 Open' }),
	hasNote: (_c, e) =>
		'note' in e && e.note.trim().length > 0 ? null : { rule: 'note-required', reason: 'Write what was counted and who was told.', policyRef: '§1 Account notes' }
} satisfies Record<string, Rule<Ctx, Ev>>;

export const drawerOpeningMachine = setup({
	types: { context: {} as Ctx, events: {} as Ev, input: {} as DrawerOpeningInput },
	guards: guardsFromRules(drawerOpeningRules),
	actions: {
		recordCashierCount: assign(({ context, event }) => {
			if (event.type !== 'float.counted') return {};
			const counts = sanitizeCounts(event.counts);
			return { counts, countedCents: countsTotal(counts), roles: { ...context.roles, cashier: event.by.userId } };
		}),
		recordVerification: assign(({ context, event }) => {
			if (event.type !== 'float.verified') return {};
			return { verifiedCents: countsTotal(sanitizeCounts(event.counts)), roles: { ...context.roles, floatVerifier: event.by.userId } };
		}),
		clearCount: assign({ counts: null, countedCents: null, verifiedCents: null }),
		emitReport: assign(({ context, event }) => {
			if (event.type !== 'shortfall.reported') return {};
			const summary = `Float for drawer ${context.drawerRef} counted ${formatCents(context.countedCents ?? 0)} (expected ${formatCents(context.policy.drawer.floatCents)}). ${event.note}`;
			return { report: event.note, effects: [...context.effects, { type: 'incident.report' as const, summary }] };
		}),
		openBatch: assign(({ context }) => ({
			effects: [...context.effects, { type: 'batch.open' as const, drawerRef: context.drawerRef, floatCents: context.countedCents ?? 0 }]
		}))
	}
}).createMachine({
	id: 'drawerOpening',
	context: ({ input }) => ({
		policy: input.policy,
		drawerRef: input.drawerRef,
		counts: null,
		countedCents: null,
		verifiedCents: null,
		report: null,
		effects: [],
		softOrderSlips: [],
		roles: {}
	}),
	initial: 'count',
	states: {
		count: {
			meta: {
				step: {
					id: 'count',
					title: 'Count the float',
					instructions: 'Count the float by denomination, bills then coin. Enter piece counts, not dollar amounts.',
					policyRef: '§2 Open',
					authority: { 'float.counted': { minLevel: 'csr1', takesRole: 'cashier' } }
				}
			},
			on: {
				'float.counted': [
					{ guard: 'floatCountsOut', target: 'verify', actions: 'recordCashierCount' },
					{ target: 'reportShortfall', actions: 'recordCashierCount' }
				]
			}
		},
		verify: {
			tags: ['needsSecondPerson'],
			meta: {
				step: {
					id: 'verify',
					title: 'Second person verifies the float',
					instructions: 'A CSR II or above who is not the cashier counts the float again, by denomination.',
					policyRef: '§2 Open; §2 Second persons',
					needsSecondPerson: true,
					authority: { 'float.verified': { minLevel: 'csr2', secondPerson: true, notRoles: ['cashier'], takesRole: 'floatVerifier' } }
				}
			},
			on: {
				'float.verified': [
					{ guard: 'verifierAgrees', target: 'sign', actions: 'recordVerification' },
					// A differing second count sends both back to count the float together.
					{ guard: 'verifierDiffers', target: 'count', actions: 'clearCount' }
				]
			}
		},
		sign: {
			meta: {
				step: {
					id: 'sign',
					title: 'Both sign',
					instructions: 'Cashier and verifier sign the float sheet; the drawer opens with its batch.',
					policyRef: '§2 Open'
				}
			},
			on: { signed: { target: 'opened', actions: 'openBatch' } }
		},
		reportShortfall: {
			meta: {
				step: {
					id: 'reportShortfall',
					title: 'Report the short float to a senior',
					instructions: 'The float does not count out. Do not open the drawer. Tell a senior and write what you counted.',
					policyRef: '§2 Open'
				}
			},
			on: { 'shortfall.reported': { guard: 'hasNote', target: 'notOpened', actions: 'emitReport' } }
		},
		opened: { type: 'final', meta: { outcome: 'opened' } },
		notOpened: { type: 'final', meta: { outcome: 'not-opened' } }
	}
});

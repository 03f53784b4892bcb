/**
 * Drives drawer-opening runs (policy §2 "Open"): count the float, a colleague verifies it from their
 * own session, both sign. To run many steps without opening every drawer for good, most runs go
 * round the recount loop (the verifier's count differs) a few times and end with a short float
 * reported to a senior; a run only opens a drawer when it has claimed one of the drawers kept for that.
 */
import { DENOMINATIONS } from '$lib/policy/settings';
import type { Fields } from '../http';
import type { ProcedureDriver } from './types';

/** The policy float, $200.00: 2×$20, 4×$10, 8×$5, 50×$1, 80 quarters, 50 dimes, 80 nickels, 100 pennies. */
export const FLOAT: Record<string, number> = { d20: 2, d10: 4, d5: 8, d1: 50, c25: 80, c10: 50, c5: 80, c1: 100 };

export function countFields(counts: Record<string, number>): Fields {
	return Object.fromEntries(DENOMINATIONS.map((d) => [`counts.${d.key}`, String(counts[d.key] ?? 0)]));
}

const SHORT = { ...FLOAT, c1: 99 };
const OVER = { ...FLOAT, d1: 51 };

/** Drawers whose runs go round the loop and end short: never opened, so runs can always start on them. */
const LOOP_DRAWERS = ['Counter 3', 'Drive-up'];
/** Drawers a run may open for good (one run each, claimed in this process). */
const claimable = new Set(['Counter 1', 'Counter 2']);

export const drawerOpeningDriver: ProcedureDriver = {
	procedure: 'drawer-opening',
	async start(people, rng) {
		const claim = rng() < 0.3 ? [...claimable][0] : undefined;
		// Claimed before the post: people start runs at the same time. A start refused is given back;
		// one whose answer was lost keeps its claim (that run may exist, and ends short when adopted).
		if (claim) claimable.delete(claim);
		const drawer = claim ?? LOOP_DRAWERS[Math.floor(rng() * LOOP_DRAWERS.length)];
		const r = await people.owner.post('/drawer?/open', { drawer });
		const m = r.status === 303 ? /^\/runs\/(\d+)$/.exec(r.location ?? '') : null;
		if (!m) {
			if (claim) claimable.add(claim);
			return null;
		}
		return { procedure: 'drawer-opening', runId: Number(m[1]), notes: { open: !!claim, loops: Math.floor(rng() * 3) } };
	},
	choose(plan, offered, rng) {
		// A run adopted after a crash has no notes: it ends short, without more loops.
		const n = plan.notes as { open?: boolean; loops?: number };
		n.open ??= false;
		n.loops ??= 0;
		if (offered.includes('float.counted')) return { action: 'float.counted', as: 'owner', fields: countFields(n.open || n.loops > 0 ? FLOAT : SHORT) };
		if (offered.includes('float.verified')) {
			const agree = n.open && n.loops <= 0;
			if (!agree) n.loops--;
			return { action: 'float.verified', as: 'second', fields: countFields(agree ? FLOAT : rng() < 0.5 ? OVER : SHORT) };
		}
		if (offered.includes('signed')) return n.open ? { action: 'signed', as: 'owner', fields: {} } : null;
		if (offered.includes('shortfall.reported')) return { action: 'shortfall.reported', as: 'owner', fields: { note: 'Counted $199.99; told Maria Ortiz (senior).' } };
		return null;
	}
};

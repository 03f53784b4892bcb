/**
 * A World receives a step's effects. Live runs apply them to the shared sandbox; training attempts
 * (issue 5) apply them to an attempt-scoped world built from the scenario. The runner never knows which.
 */
import type { Effect } from '$machines/shared/types';

export interface EffectContext {
	runId: number;
	at: number;
	actor: { id: number; username: string; displayName: string };
}

export interface World {
	/** Applies one effect; throws (rolling the step back) when the world cannot take it. */
	apply(effect: Effect, ctx: EffectContext): void;
}

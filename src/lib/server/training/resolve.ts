/**
 * A scenario resolved for one seed: the static data plus the world its seed draws. References
 * (`{ $ref: 'refs.carrier.account' }`) are looked up in that world, so paths and checks hold for
 * every variant.
 */
import { createRng } from '$lib/server/sandbox/random';
import { parseScenario, parseWorld, type ResolvedScenario, type Scenario, type Template } from '$scenarios/schema';

// Scenario data is module constants: validate each once per process.
const parsed = new WeakMap<Scenario, ReturnType<typeof parseScenario>>();

/** Resolves a scenario for a seed (validating its data and the seed's world). */
export function resolveScenario(scenario: Scenario, seed: number): ResolvedScenario {
	let data = parsed.get(scenario);
	if (!data) {
		data = parseScenario(scenario);
		parsed.set(scenario, data);
	}
	const world = parseWorld(scenario.world(createRng(seed)));
	return { ...structuredClone(data), seed, world };
}

/** The value at a dotted path (array indexes allowed), or undefined. */
export function getPath(root: unknown, path: string): unknown {
	if (path === '' || path === '.') return root;
	let cur: unknown = root;
	for (const key of path.split('.')) {
		if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[key];
	}
	return cur;
}

export const isRef = (v: unknown): v is { $ref: string } =>
	!!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { $ref?: unknown }).$ref === 'string';

/** Replaces every `{ $ref }` in a template with the world's value (an unknown reference is a scenario bug: it throws). */
export function deref(t: Template | unknown, scenario: Pick<ResolvedScenario, 'world'>): unknown {
	return resolveRefs(t, scenario, true);
}

/**
 * As deref, but the world's values are shared, not copied: for reading only (the scorer's checks
 * compare with them; copying each one cost a structuredClone per check per attempt).
 */
export function lookup(t: Template | unknown, scenario: Pick<ResolvedScenario, 'world'>): unknown {
	return resolveRefs(t, scenario, false);
}

function resolveRefs(t: Template | unknown, scenario: Pick<ResolvedScenario, 'world'>, copy: boolean): unknown {
	if (isRef(t)) {
		const v = getPath(scenario.world, t.$ref);
		if (v === undefined) throw new Error(`Unknown scenario reference ${t.$ref}.`);
		return copy ? structuredClone(v) : v;
	}
	if (Array.isArray(t)) return t.map((x) => resolveRefs(x, scenario, copy));
	if (t && typeof t === 'object') return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, resolveRefs(v, scenario, copy)]));
	return t;
}

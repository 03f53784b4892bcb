import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, type Snapshot } from 'xstate';
import { drawerOpeningMachine, drawerOpeningRules } from '$machines/drawer-opening.machine';
import { whyNot } from '$machines/shared/rules';
import { listSteps } from '$machines/shared/steps';
import { policy } from '$lib/policy/settings';
import { formatCoverage, measureCoverage } from '$tests/fixtures/machine-coverage';

const cashier = { userId: 'u-cashier', level: 'csr1' as const };
const verifier = { userId: 'u-verifier', level: 'csr2' as const };
const at = Date.UTC(2026, 10, 2, 16, 0);
const input = { policy, drawerRef: 'D-1' };
const fullFloat = policy.drawer.floatCounts;
const shortFloat = { ...fullFloat, d5: (fullFloat.d5 ?? 0) - 1 };

describe('drawer opening machine', () => {
	it('opens only after a different CSR II+ verifies a float that counts out', () => {
		const a = createActor(drawerOpeningMachine, { input }).start();
		a.send({ type: 'float.counted', counts: fullFloat, at, by: cashier });
		expect(a.getSnapshot().value).toBe('verify');
		expect(a.getSnapshot().hasTag('needsSecondPerson')).toBe(true);
		const self = { type: 'float.verified' as const, counts: fullFloat, at, by: cashier };
		expect(whyNot(a.getSnapshot(), self, drawerOpeningRules)).toMatchObject({ rule: 'second-person-not-cashier', critical: 'dual-control-breach' });
		a.send(self);
		expect(a.getSnapshot().value).toBe('verify');
		a.send({ type: 'float.verified', counts: fullFloat, at, by: verifier });
		a.send({ type: 'signed', at, by: cashier });
		const s = a.getSnapshot();
		expect(s.status).toBe('done');
		expect(s.context.effects).toEqual([{ type: 'batch.open', drawerRef: 'D-1', floatCents: 20000 }]);
		expect(s.context.roles).toEqual({ cashier: 'u-cashier', floatVerifier: 'u-verifier' });
	});

	it('a float $5 short (F-01) is reported and the drawer is not opened', () => {
		const a = createActor(drawerOpeningMachine, { input }).start();
		a.send({ type: 'float.counted', counts: shortFloat, at, by: cashier });
		expect(a.getSnapshot().value).toBe('reportShortfall');
		const empty = { type: 'shortfall.reported' as const, note: '  ', at, by: cashier };
		expect(whyNot(a.getSnapshot(), empty, drawerOpeningRules)?.rule).toBe('note-required');
		a.send({ type: 'shortfall.reported', note: 'Told senior M. Ortiz; one $5 missing.', at, by: cashier });
		const s = a.getSnapshot();
		expect(s.value).toBe('notOpened');
		expect(s.context.effects.map((e) => e.type)).toEqual(['incident.report']);
		expect(s.context.effects.some((e) => e.type === 'batch.open')).toBe(false);
	});

	it('a differing verifier count sends both back to count', () => {
		const a = createActor(drawerOpeningMachine, { input }).start();
		a.send({ type: 'float.counted', counts: fullFloat, at, by: cashier });
		a.send({ type: 'float.verified', counts: shortFloat, at, by: verifier });
		expect(a.getSnapshot().value).toBe('count');
		expect(a.getSnapshot().context.countedCents).toBeNull();
	});

	it('refuses signing before counting, naming the current step', () => {
		const a = createActor(drawerOpeningMachine, { input }).start();
		const r = whyNot(a.getSnapshot(), { type: 'signed', at, by: cashier }, drawerOpeningRules);
		expect(r?.rule).toBe('out-of-order');
		expect(r?.reason).toContain('Count the float');
	});

	it('declares step meta for every non-final state', () => {
		expect(listSteps(drawerOpeningMachine).map((s) => s.id)).toEqual(['count', 'verify', 'sign', 'reportShortfall']);
	});

	it('model-based paths reach every state, transition and guard outcome', () => {
		const people = [cashier, verifier];
		const report = measureCoverage(drawerOpeningMachine, {
			input,
			events: () =>
				people.flatMap((by) => [
					{ type: 'float.counted' as const, counts: fullFloat, at, by },
					{ type: 'float.counted' as const, counts: shortFloat, at, by },
					{ type: 'float.verified' as const, counts: fullFloat, at, by },
					{ type: 'float.verified' as const, counts: shortFloat, at, by },
					{ type: 'shortfall.reported' as const, note: 'told senior', at, by },
					{ type: 'shortfall.reported' as const, note: '', at, by },
					{ type: 'signed' as const, at, by }
				]),
			serializeState: (s) => JSON.stringify([s.value, s.context.countedCents, s.context.roles])
		});
		console.info(formatCoverage('drawerOpening', report));
		expect(report.states.missing).toEqual([]);
		expect(report.transitions.missing).toEqual([]);
		expect(report.guards.missing).toEqual([]);
	});

	const eventArb = fc.oneof(
		fc.record({ type: fc.constant('float.counted' as const), counts: fc.constantFrom(fullFloat, shortFloat), at: fc.constant(at), by: fc.constantFrom(cashier, verifier) }),
		fc.record({ type: fc.constant('float.verified' as const), counts: fc.constantFrom(fullFloat, shortFloat), at: fc.constant(at), by: fc.constantFrom(cashier, verifier) }),
		fc.record({ type: fc.constant('shortfall.reported' as const), note: fc.constantFrom('', 'told senior'), at: fc.constant(at), by: fc.constantFrom(cashier, verifier) }),
		fc.record({ type: fc.constant('signed' as const), at: fc.constant(at), by: fc.constantFrom(cashier, verifier) })
	);

	it('property: any event sequence never throws, never opens an unverified or short float, never lets one person be cashier and verifier', () => {
		fc.assert(
			fc.property(fc.array(eventArb, { maxLength: 20 }), (events) => {
				const a = createActor(drawerOpeningMachine, { input }).start();
				for (const e of events) if (a.getSnapshot().status === 'active') a.send(e);
				const s = a.getSnapshot();
				const opened = s.context.effects.some((e) => e.type === 'batch.open');
				if (opened) {
					expect(s.context.countedCents).toBe(policy.drawer.floatCents);
					expect(s.context.roles.floatVerifier).toBeDefined();
					expect(s.context.roles.floatVerifier).not.toBe(s.context.roles.cashier);
				}
				a.stop();
			}),
			{ numRuns: 300 }
		);
	});

	it('persistence round-trip: snapshot → JSON → restore takes the same next transitions', () => {
		fc.assert(
			fc.property(fc.array(eventArb, { maxLength: 8 }), eventArb, (prefix, next) => {
				const a = createActor(drawerOpeningMachine, { input }).start();
				for (const e of prefix) if (a.getSnapshot().status === 'active') a.send(e);
				const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot())) as Snapshot<unknown>;
				const b = createActor(drawerOpeningMachine, { input, snapshot: saved }).start();
				expect(b.getSnapshot().value).toEqual(a.getSnapshot().value);
				if (a.getSnapshot().status === 'active') {
					a.send(next);
					b.send(next);
				}
				expect(b.getSnapshot().value).toEqual(a.getSnapshot().value);
				expect(b.getSnapshot().context).toEqual(a.getSnapshot().context);
				a.stop();
				b.stop();
			}),
			{ numRuns: 200 }
		);
	});
});

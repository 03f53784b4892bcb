/**
 * What the bad-input fuzzer knows about each form: who posts it, a valid value per field and how
 * to make each field invalid. The fuzzer starts from the valid form and breaks at least one field
 * per request, so it reaches every check the form has — and every request must be refused.
 * Forms without a hint are still fuzzed (random fields, hostile values, foreign Origin); add a
 * hint when a new form needs valid-looking input to get past its first check, or when every
 * well-formed post to it is legitimate (then only cross-site and wrong-target posts are hostile).
 */
import fc from 'fast-check';
import { LEVELS } from '$lib/domain/levels';
import { DENOMINATIONS } from '$lib/policy/settings';
import { PROCEDURES } from '$machines/registry';
import { anythingBut, hostileCount, hostileText } from './support/hostile';
import { DEMO_PASSWORD } from './support/http';
import { actionKey, type StepAction } from '$lib/procedures/step-forms';
import { fieldsFromSpec } from './support/step-fuzz';

export interface FuzzFixtures {
	/** csr1's drawer-opening run at its first step (row version 1). */
	ownRun: number;
	/** csr2's run: someone else's, for csr1. */
	foreignRun: number;
	/** A CSR I to manage, and the acting supervisor's own id. */
	csrUserId: number;
	selfUserId: number;
	accountNumber: string;
	/** Runs of other procedures at a step whose form has a money field (or other fields), to fuzz from their FieldSpec. */
	stepForms: { as: string; runId: number; version: number; action: StepAction }[];
}

export interface FieldFuzz {
	/** The valid value (null: the field is normally left out). */
	valid: string | null;
	/** Values the server must refuse; null = leave the field out. */
	invalid: fc.Arbitrary<string | null>;
}

export interface FuzzHint {
	/** Demo username who sends the requests; null = anonymous. Default: the supervisor (also admin). */
	as?: string | null;
	/** Valid route params. */
	params?: (fx: FuzzFixtures) => Record<string, string>;
	/** Someone else's resource, as a hostile param value. */
	foreign?: (fx: FuzzFixtures) => Record<string, string>;
	fields?: Record<string, FieldFuzz>;
	/** Every well-formed post with valid params is legitimate: only wrong targets and cross-site posts are hostile. */
	hostileParamsOnly?: boolean;
	/** Every same-origin post is legitimate (sign out): only cross-site posts are hostile. */
	originOnly?: boolean;
	/** Raw bodies for API routes. */
	raw?: fc.Arbitrary<{ body: string; contentType: string }>;
}

const required = (valid: string, invalid: fc.Arbitrary<string>): FieldFuzz => ({ valid, invalid: fc.oneof({ weight: 5, arbitrary: invalid }, { weight: 1, arbitrary: fc.constant(null) }) });

/** Strings that are not a real calendar date written YYYY-MM-DD. */
const notADate = fc
	.oneof(fc.constantFrom('2026-13-01', '2026-02-30', '0000-00-00', '2026-1-5', '05/01/2026', '2026-01-05T00:00', '9999-99-99', '2026-00-10'), hostileText)
	.filter((v) => {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		if (!m) return true;
		const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
		return d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3];
	});
const outsideLength = (min: number, max: number, trim = false) =>
	fc.oneof(hostileText, fc.constant('x'.repeat(max + 1)), fc.constant('x'.repeat(Math.max(0, min - 1)))).filter((v) => {
		const n = (trim ? v.trim() : v).length;
		return n < min || n > max;
	});
const DRAWERS = ['Counter 1', 'Counter 2', 'Counter 3', 'Drive-up'];
const FLOAT: Record<string, string> = { d20: '2', d10: '4', d5: '8', d1: '50', c25: '80', c10: '50', c5: '80', c1: '100' };
const DEMO_USERNAMES = ['csr1', 'csr1b', 'csr1c', 'csr2', 'csr2b', 'csr3', 'senior', 'supervisor', 'admin'];

/** A hint, or several (one per fixture) built from the fixtures. */
export type FuzzHints = FuzzHint | ((fx: FuzzFixtures) => FuzzHint[]);

const drawerCount: FuzzHint = {
	as: 'csr1',
	params: (fx) => ({ id: String(fx.ownRun) }),
	foreign: (fx) => ({ id: String(fx.foreignRun) }),
	fields: {
		version: required('1', hostileText.filter((v) => Number(v) !== 1)),
		action: required('float.counted', anythingBut(['float.counted'], false)),
		...Object.fromEntries(DENOMINATIONS.map((d) => [`counts.${d.key}`, { valid: FLOAT[d.key] ?? '0', invalid: hostileCount }]))
	}
};

export const FUZZ_HINTS: Record<string, FuzzHints> = {
	'/login action:default': {
		as: null,
		fields: {
			username: required('csr1', hostileText.filter((v) => !DEMO_USERNAMES.includes(v.trim().toLowerCase()))),
			password: required(DEMO_PASSWORD, anythingBut([DEMO_PASSWORD], false))
		}
	},
	'/logout action:default': { as: 'csr1b', originOnly: true },
	'/admin/sandbox action:reset': {
		fields: {
			seed: required('42', hostileText.filter((v) => !/^\d{1,9}$/.test(v))),
			accounts: required('100', hostileText.filter((v) => !(/^\d{1,6}$/.test(v) && +v >= 50 && +v <= 20000))),
			today: required('2026-11-02', notADate),
			confirm: required('RESET', anythingBut(['RESET'], false))
		}
	},
	'/admin/users action:create': {
		fields: {
			username: required('fuzz.user', hostileText.filter((v) => !/^[a-z0-9._-]{3,32}$/.test(v.trim().toLowerCase()))),
			displayName: required('Fuzz User', outsideLength(2, 80, true)),
			level: required('csr1', anythingBut([...LEVELS], false)),
			isAdmin: { valid: null, invalid: anythingBut(['on'], false) },
			hireDate: required('2026-01-05', notADate),
			teamId: required('', hostileText.filter((v) => !/^\d*$/.test(v))),
			password: required('a-long-enough-password', outsideLength(10, 200))
		}
	},
	'/admin/users/[id] action:deactivate': {
		params: (fx) => ({ id: String(fx.csrUserId) }),
		fields: { confirm: required('yes', anythingBut(['yes'], false)) }
	},
	'/admin/users/[id] action:reactivate': { params: (fx) => ({ id: String(fx.csrUserId) }), hostileParamsOnly: true },
	'/admin/users/[id] action:resetPassword': {
		params: (fx) => ({ id: String(fx.csrUserId) }),
		fields: { password: required('a-long-enough-password', outsideLength(10, 200)) }
	},
	'/drawer action:open': { as: 'csr1', fields: { drawer: required('Counter 3', anythingBut(DRAWERS)) } },
	// The drawer count by hand; any other procedure's step form from its FieldSpec (money fields included).
	'/runs/[id] action:step': (fx) => [
		drawerCount,
		...fx.stepForms.map(
			(f): FuzzHint => ({
				as: f.as,
				params: () => ({ id: String(f.runId) }),
				foreign: (x) => ({ id: String(x.foreignRun) }),
				fields: {
					version: required(String(f.version), hostileText.filter((v) => Number(v) !== f.version)),
					action: required(actionKey(f.action), anythingBut([actionKey(f.action)], false)),
					...fieldsFromSpec(f.action)
				}
			})
		)
	],
	'/runs/[id] action:abandon': {
		as: 'csr1',
		params: (fx) => ({ id: String(fx.ownRun) }),
		foreign: (fx) => ({ id: String(fx.foreignRun) }),
		fields: { reason: required('Customer left the counter.', outsideLength(3, 300, true)) }
	},
	'/runs/new action:start': {
		as: 'csr1',
		fields: {
			procedure: required('drawer-opening', anythingBut(Object.keys(PROCEDURES), false)),
			subject: required('Counter 3', anythingBut(DRAWERS))
		}
	},
	'/settings/password action:default': {
		as: 'csr2',
		fields: {
			current: required(DEMO_PASSWORD, anythingBut([DEMO_PASSWORD], false)),
			password: required('another-long-password', outsideLength(10, 200)),
			repeat: required('another-long-password', anythingBut(['another-long-password'], false))
		}
	},
	// Test-only: a JSON object registers scenarios or records attempts, so only bodies that are not one are hostile.
	'/__test/training POST': {
		as: null,
		raw: fc.oneof(
			hostileText
				.filter((t) => {
					try {
						const v: unknown = JSON.parse(t);
						return v === null || typeof v !== 'object' || Array.isArray(v);
					} catch {
						return true;
					}
				})
				.map((body) => ({ body, contentType: 'application/json' })),
			fc
				.constantFrom({ attempts: 'all' }, { attempts: [{ username: 1 }] }, { attempts: [{ username: 'csr1', scenarioId: 'x', passed: 'yes', score: 1.5 }] }, { catalog: { scenarios: 'x' } }, { catalog: { scenarios: [{ id: 1 }], paths: [] } })
				.map((b) => ({ body: JSON.stringify(b), contentType: 'application/json' }))
		)
	},
	'/__test/clock POST': {
		as: null,
		raw: fc.oneof(
			fc
				.oneof(fc.string(), fc.double(), fc.bigInt().map(String), fc.boolean(), fc.array(fc.integer()), fc.object(), fc.constant(1.5), fc.constant(2 ** 60))
				.map((at) => ({ body: JSON.stringify({ at }), contentType: 'application/json' }))
				// As sent: NaN and Infinity serialise to null, which is a valid "release the clock".
				.filter(({ body }) => {
					const at: unknown = JSON.parse(body).at;
					return !(at === null || (typeof at === 'number' && Number.isSafeInteger(at)));
				}),
			hostileText.map((body) => ({ body, contentType: 'application/json' })),
			fc.constant({ body: '', contentType: 'application/json' }),
			fc.constant({ body: '{"at":', contentType: 'application/json' }),
			fc.constant({ body: 'at=1', contentType: 'application/x-www-form-urlencoded' })
		)
	}
};

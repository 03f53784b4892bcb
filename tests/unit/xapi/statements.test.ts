import { describe, expect, it } from 'vitest';
import { ADL_VERBS, attemptStatements, signoffStatement } from '$lib/xapi/statements';
import { statementIdFor } from '$lib/server/xapi/ids';
import { statementProblems } from '$tests/fixtures/xapi';

const ORIGIN = 'https://counterline.riverton.example';
const idFor = statementIdFor(ORIGIN);
const alex = { username: 'csr1', displayName: 'Alex Rivera' };
const maria = { username: 'senior', displayName: 'Maria Ortiz' };
const attempt = { attemptId: 12, scenarioId: 'recon-a', scenarioTitle: 'Short $5 at close', procedure: 'cash-reconciliation', startedAt: Date.UTC(2026, 10, 2, 17), finishedAt: Date.UTC(2026, 10, 2, 17, 20), passed: true, score: 86, maxScore: 100 };

describe('xAPI 1.0.3 statements', () => {
	it('an attempt gives "attempted" and "passed" with a scaled score; both valid', () => {
		const [attempted, passed] = attemptStatements(ORIGIN, alex, attempt, idFor);
		expect(attempted.verb.id).toBe(ADL_VERBS.attempted);
		expect(passed.verb.id).toBe(ADL_VERBS.passed);
		expect(passed.result).toEqual({ score: { scaled: 0.86, raw: 86, min: 0, max: 100 }, success: true, completion: true });
		expect(passed.actor).toEqual({ objectType: 'Agent', name: 'Alex Rivera', account: { homePage: ORIGIN, name: 'csr1' } });
		expect(passed.object.id).toBe(`${ORIGIN}/xapi/activities/scenario/recon-a`);
		for (const s of [attempted, passed]) expect(statementProblems(s as unknown as Record<string, unknown>, ORIGIN)).toEqual([]);
	});

	it('a failed attempt uses "failed"; an unfinished one only "attempted"', () => {
		const failed = attemptStatements(ORIGIN, alex, { ...attempt, passed: false, score: 55 }, idFor);
		expect(failed[1].verb.id).toBe(ADL_VERBS.failed);
		expect(failed[1].result?.success).toBe(false);
		expect(attemptStatements(ORIGIN, alex, { ...attempt, finishedAt: null, passed: null }, idFor)).toHaveLength(1);
	});

	it('a sign-off and a revocation use verbs under the origin, the signer as instructor; valid', () => {
		const base = { signoffId: 3, competencyId: 'C-RECON', competencyTitle: 'Reconcile the cash drawer', frameworkVersion: 2, overrideReason: null };
		const signed = signoffStatement(ORIGIN, alex, maria, { ...base, kind: 'signed-off', at: attempt.finishedAt, text: 'Three clean closes.' }, idFor);
		const revoked = signoffStatement(ORIGIN, alex, maria, { ...base, kind: 'revoked', at: attempt.finishedAt + 1, text: 'Variance unexplained.' }, idFor);
		expect(signed.verb.id).toBe(`${ORIGIN}/xapi/verbs/signed-off`);
		expect(revoked.verb.id).toBe(`${ORIGIN}/xapi/verbs/revoked`);
		expect(signed.context?.instructor?.account).toEqual({ homePage: ORIGIN, name: 'senior' });
		for (const s of [signed, revoked]) expect(statementProblems(s as unknown as Record<string, unknown>, ORIGIN)).toEqual([]);
	});

	it('statement ids are deterministic UUIDs per source (a retried POST repeats the id)', () => {
		expect(idFor('attempt:1:result')).toBe(idFor('attempt:1:result'));
		expect(idFor('attempt:1:result')).not.toBe(idFor('attempt:2:result'));
		expect(idFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('the validator catches a malformed statement', () => {
		const [, passed] = attemptStatements(ORIGIN, alex, attempt, idFor);
		const bad = { ...passed, id: 'nope', actor: { objectType: 'Agent', name: 'x' }, result: { score: { scaled: 1.5 } } };
		expect(statementProblems(bad as unknown as Record<string, unknown>, ORIGIN)).toEqual([
			'id must be a UUID',
			'actor: exactly one inverse functional identifier',
			'actor: account with homePage = origin and a name',
			'score.scaled must be in [-1, 1]'
		]);
	});
});

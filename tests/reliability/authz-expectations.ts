/**
 * The authorisation matrix, written out by hand from ladder.md ("Roles in the product") and
 * policy.md — NOT derived from can(): the test checks the running app against it. Every page, form
 * action and API method under src/routes must have at least one row (authz.test.ts walks the route
 * files; a route missing here fails). Each row says, per person, what the production server does:
 *
 *   ok       2xx, or a redirect that is not to the sign-in page (the page or action went through)
 *   invalid  400/409/422: authorised, but the input was refused (rows post empty or partial forms)
 *   allow    ok or invalid (authorised; the outcome after that belongs to other tests)
 *   deny     403
 *   login    redirect to the sign-in page
 *   missing  404
 *
 * Columns: anonymous, the five levels, a supervisor WITHOUT the admin flag, the demo supervisor
 * (who is also an administrator), and the demo IT administrator (CSR I level + admin flag).
 */
import type { Fields } from './support/http';

export const WHO = ['anon', 'csr1', 'csr2', 'csr3', 'senior', 'supervisor', 'supervisorAdmin', 'admin'] as const;
export type Who = (typeof WHO)[number];
export type Expect = 'ok' | 'invalid' | 'allow' | 'deny' | 'login' | 'missing';
export type Row = [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];

/** Fixtures the test creates over HTTP before checking the matrix. */
export interface Fixtures {
	accountNumber: string;
	/** csr1's drawer-opening run at its first step (count). */
	runAtCount: number;
	/** csr1's drawer-opening run waiting for a second person (verify). */
	runAtVerify: number;
	/** A CSR I's user id (csr1c) and a CSR Senior's (senior), as targets of user management. */
	csrUserId: number;
	seniorUserId: number;
	/** csr1's user id: a CSR I whose training record the rows look at. */
	traineeId: number;
	/** The id of the person in this cell (anonymous: csr1's). */
	self: number;
	/** A fixture made for this cell only (see `fresh`). */
	fresh: { runId: number; version: number } | null;
}

export interface AuthzCase {
	route: string;
	/** 'GET' for the page, 'action:<name>' for a form action, or an API method ('POST', …). */
	what: string;
	/** Which fixture the row is about, when a route has several rows. */
	name?: string;
	path?: (fx: Fixtures) => string;
	body?: (fx: Fixtures) => Fields;
	/** A fixture made afresh for every cell, because an allowed request changes it. */
	fresh?: 'run-at-count' | 'run-at-verify' | 'session';
	expect: Row;
}

const L: Expect = 'login';
const O: Expect = 'ok';
const I: Expect = 'invalid';
const A: Expect = 'allow';
const D: Expect = 'deny';
const M: Expect = 'missing';

const FLOAT: Fields = { 'counts.d20': '2', 'counts.d10': '4', 'counts.d5': '8', 'counts.d1': '50', 'counts.c25': '80', 'counts.c10': '50', 'counts.c5': '80', 'counts.c1': '100' };

// prettier-ignore
export const AUTHZ: AuthzCase[] = [
	//                                                                                         anon csr1 csr2 csr3 senior sup sup+admin admin
	{ route: '/', what: 'GET',                                                        expect: [L, O, O, O, O, O, O, O] },
	// The benchmark's ceiling: a page with no load and no data (npm run bench), open to everyone.
	{ route: '/bench-bare', what: 'GET',                                              expect: [O, O, O, O, O, O, O, O] },
	{ route: '/accounts', what: 'GET',                                                expect: [L, O, O, O, O, O, O, O] },
	{ route: '/accounts/[number]', what: 'GET', path: (f) => `/accounts/${f.accountNumber}`, expect: [L, O, O, O, O, O, O, O] },

	// Administration: the admin flag, never the level alone (ladder.md).
	{ route: '/admin/sandbox', what: 'GET',                                           expect: [L, D, D, D, D, D, O, O] },
	{ route: '/admin/sandbox', what: 'action:reset',                                  expect: [L, D, D, D, D, D, I, I] },
	{ route: '/admin/users', what: 'GET',                                             expect: [L, D, D, D, D, D, O, O] },
	{ route: '/admin/users', what: 'action:create', name: 'empty form',               expect: [L, D, D, D, D, D, I, I] },
	// Creating a senior account takes an admin who is also a supervisor.
	{ route: '/admin/users', what: 'action:create', name: 'a CSR Senior account',
		body: () => ({ username: 'authz-new-senior', displayName: 'New Senior', level: 'senior', hireDate: '2026-01-05', teamId: '', password: 'a-long-enough-password' }),
		                                                                              expect: [L, D, D, D, D, D, O, D] },
	{ route: '/admin/users/[id]', what: 'GET', path: (f) => `/admin/users/${f.csrUserId}`, expect: [L, D, D, D, D, D, O, O] },
	{ route: '/admin/users/[id]', what: 'action:deactivate', path: (f) => `/admin/users/${f.csrUserId}`, expect: [L, D, D, D, D, D, I, I] },
	{ route: '/admin/users/[id]', what: 'action:reactivate', path: (f) => `/admin/users/${f.csrUserId}`, expect: [L, D, D, D, D, D, O, O] },
	{ route: '/admin/users/[id]', what: 'action:resetPassword', path: (f) => `/admin/users/${f.csrUserId}`, expect: [L, D, D, D, D, D, I, I] },
	// Resetting a senior's password takes an admin who is also a supervisor.
	{ route: '/admin/users/[id]', what: 'action:resetPassword', name: 'of a senior', path: (f) => `/admin/users/${f.seniorUserId}`, expect: [L, D, D, D, D, D, I, D] },

	// The audit log: supervisors and administrators.
	{ route: '/audit', what: 'GET',                                                   expect: [L, D, D, D, D, O, O, O] },

	{ route: '/drawer', what: 'GET',                                                  expect: [L, O, O, O, O, O, O, O] },
	{ route: '/drawer', what: 'action:open', name: 'no drawer chosen', body: () => ({ drawer: '' }), expect: [L, I, I, I, I, I, I, I] },

	// Signed-in people are sent on from the sign-in page, even when they post its form.
	{ route: '/login', what: 'GET',                                                   expect: [O, O, O, O, O, O, O, O] },
	{ route: '/login', what: 'action:default',                                        expect: [I, O, O, O, O, O, O, O] },
	{ route: '/logout', what: 'GET',                                                  expect: [O, O, O, O, O, O, O, O] },
	// Signing out always ends on the sign-in page (each cell signs out a session of its own).
	{ route: '/logout', what: 'action:default', fresh: 'session',                     expect: [L, L, L, L, L, L, L, L] },

	{ route: '/runs', what: 'GET',                                                    expect: [L, O, O, O, O, O, O, O] },
	// A run: its people, seniors and supervisors; a possible verifier while it waits for one.
	{ route: '/runs/[id]', what: 'GET', name: 'at count', path: (f) => `/runs/${f.runAtCount}`, expect: [L, O, D, D, O, O, O, D] },
	{ route: '/runs/[id]', what: 'GET', name: 'awaiting verification', path: (f) => `/runs/${f.runAtVerify}`, expect: [L, O, O, O, O, O, O, D] },
	// Counting the float: only the cashier who runs it (seniors may see the run, not do its steps).
	{ route: '/runs/[id]', what: 'action:step', name: 'float count', fresh: 'run-at-count',
		path: (f) => `/runs/${f.fresh!.runId}`, body: (f) => ({ version: String(f.fresh!.version), action: 'float.counted', ...FLOAT }),
		                                                                              expect: [L, O, D, D, D, D, D, D] },
	// Verifying: a CSR II or above who is not the cashier; the cashier alone is asked for a second person.
	{ route: '/runs/[id]', what: 'action:step', name: 'float verification', fresh: 'run-at-verify',
		path: (f) => `/runs/${f.fresh!.runId}`, body: (f) => ({ version: String(f.fresh!.version), action: 'float.verified', ...FLOAT }),
		                                                                              expect: [L, I, O, O, O, O, O, D] },
	{ route: '/runs/[id]', what: 'action:abandon', fresh: 'run-at-count',
		path: (f) => `/runs/${f.fresh!.runId}`, body: () => ({ reason: 'Customer left the counter.' }),
		                                                                              expect: [L, O, D, D, O, O, O, D] },
	{ route: '/runs/[id]/print', what: 'GET', name: 'at count', path: (f) => `/runs/${f.runAtCount}/print`, expect: [L, O, D, D, O, O, O, D] },
	// The printable record is for the run's people: a possible verifier uses the run page.
	{ route: '/runs/[id]/print', what: 'GET', name: 'awaiting verification', path: (f) => `/runs/${f.runAtVerify}/print`, expect: [L, O, D, D, O, O, O, D] },

	{ route: '/runs/new', what: 'GET',                                                expect: [L, O, O, O, O, O, O, O] },
	// Level gates (ladder.md table): drawer opening from CSR I; lock-off day alone from CSR III, supervised
	// from CSR II; cash reconciliation alone from CSR II, supervised from CSR I (who must name a senior).
	{ route: '/runs/new', what: 'action:start', name: 'drawer opening, no drawer', body: () => ({ procedure: 'drawer-opening', subject: '' }), expect: [L, I, I, I, I, I, I, I] },
	{ route: '/runs/new', what: 'action:start', name: 'lock-off day, no supervisor named', body: () => ({ procedure: 'lockoff-day', subject: '' }), expect: [L, D, I, A, A, A, A, D] },
	{ route: '/runs/new', what: 'action:start', name: 'cash reconciliation, no supervisor named', body: () => ({ procedure: 'cash-reconciliation', subject: '' }), expect: [L, I, A, A, A, A, A, I] },
	{ route: '/runs/verify', what: 'GET',                                             expect: [L, O, O, O, O, O, O, O] },

	{ route: '/settings/password', what: 'GET',                                       expect: [L, O, O, O, O, O, O, O] },
	{ route: '/settings/password', what: 'action:default',                            expect: [L, I, I, I, I, I, I, I] },

	// The office's over/short ledger: seniors and supervisors.
	{ route: '/drawer/over-short', what: 'GET',                                       expect: [L, D, D, D, O, O, O, D] },

	// Competency tracker (ladder.md "Roles in the product", sign-off rules). "Leads" = seniors and
	// supervisors; the admin flag grants none of it.
	{ route: '/training', what: 'GET',                                                expect: [L, O, O, O, O, O, O, O] },
	{ route: '/team', what: 'GET',                                                    expect: [L, D, D, D, O, O, O, D] },
	{ route: '/team/assign', what: 'GET',                                             expect: [L, D, D, D, O, O, O, D] },
	{ route: '/team/assign', what: 'action:default',                                  expect: [L, D, D, D, I, I, I, D] },
	{ route: '/readiness', what: 'GET',                                               expect: [L, D, D, D, D, O, O, D] },
	{ route: '/framework', what: 'GET',                                               expect: [L, D, D, D, D, O, O, D] },
	{ route: '/framework', what: 'action:default',                                    expect: [L, D, D, D, D, I, I, D] },
	// A person's record: themselves and the leads.
	{ route: '/people/[id]', what: 'GET', name: "a CSR I's record", path: (f) => `/people/${f.traineeId}`, expect: [L, O, D, D, O, O, O, D] },
	{ route: '/people/[id]', what: 'GET', name: 'one’s own record', path: (f) => `/people/${f.self}`, expect: [L, O, O, O, O, O, O, O] },
	{ route: '/people/[id]/record', what: 'GET', path: (f) => `/people/${f.traineeId}/record`, expect: [L, O, D, D, O, O, O, D] },
	// Signing off a CSR I's competency without complete evidence: a supervisor (who alone may override;
	// the empty note is then refused); never the trainee; a senior cannot override.
	{ route: '/people/[id]', what: 'action:signoff', path: (f) => `/people/${f.traineeId}`, body: () => ({ competency: 'C-OPEN', note: '' }), expect: [L, D, D, D, D, I, I, D] },
	// Revoking: leads above the trainee (nothing in force here, so an authorised revoke is refused as such).
	{ route: '/people/[id]', what: 'action:revoke', path: (f) => `/people/${f.traineeId}`, body: () => ({ competency: 'C-OPEN', reason: 'Retrain first.' }), expect: [L, D, D, D, I, I, I, D] },
	// Observation notes: leads, never of themselves (the empty note is refused after the check).
	{ route: '/people/[id]', what: 'action:observe', path: (f) => `/people/${f.traineeId}`, body: () => ({ competency: 'C-OPEN', note: '' }), expect: [L, D, D, D, I, I, I, D] },
	// Requesting sign-off: the trainee only (whose evidence is not complete yet).
	{ route: '/people/[id]', what: 'action:request', path: (f) => `/people/${f.traineeId}`, body: () => ({ competency: 'C-OPEN' }), expect: [L, I, D, D, D, D, D, D] },
	// Promotions: a supervisor (the empty note is refused after the check).
	{ route: '/people/[id]', what: 'action:promote', path: (f) => `/people/${f.traineeId}`, body: () => ({ toLevel: 'csr2', note: '' }), expect: [L, D, D, D, D, I, I, D] },
	// Exports: one's own record and the leads'; team and competency exports for leads.
	{ route: '/exports/people/[id]/training.csv', what: 'GET', path: (f) => `/exports/people/${f.traineeId}/training.csv`, expect: [L, O, D, D, O, O, O, D] },
	{ route: '/exports/people/[id]/statements.json', what: 'GET', path: (f) => `/exports/people/${f.traineeId}/statements.json`, expect: [L, O, D, D, O, O, O, D] },
	{ route: '/exports/teams/[team]/training.csv', what: 'GET', path: () => '/exports/teams/all/training.csv', expect: [L, D, D, D, O, O, O, D] },
	{ route: '/exports/teams/[team]/statements.json', what: 'GET', path: () => '/exports/teams/all/statements.json', expect: [L, D, D, D, O, O, O, D] },
	{ route: '/exports/competencies/[id]/training.csv', what: 'GET', path: () => '/exports/competencies/all/training.csv', expect: [L, D, D, D, O, O, O, D] },

	// Test-only endpoints exist only in test mode; the matrix runs the production configuration.
	{ route: '/__test/clock', what: 'POST',                                           expect: [M, M, M, M, M, M, M, M] },
	{ route: '/__test/training', what: 'POST',                                        expect: [M, M, M, M, M, M, M, M] },
	// Practice: every signed-in person practises (acting with the scenario's level); an attempt is seen by its trainee, seniors and supervisors.
	{ route: '/practice', what: 'GET',                                                expect: [L, O, O, O, O, O, O, O] },
	{ route: '/practice/[scenarioId]', what: 'GET', path: () => '/practice/do-short-float', expect: [L, O, O, O, O, O, O, O] },
	{ route: '/practice/[scenarioId]', what: 'GET', name: 'unknown scenario', path: () => '/practice/no-such-scenario', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/[scenarioId]', what: 'action:start', path: () => '/practice/do-short-float', expect: [L, A, A, A, A, A, A, A] },
	{ route: '/practice/attempts/[id]', what: 'GET', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:step', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:say', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:ask', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:choose', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:inspect', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:advance', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:hint', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]', what: 'action:finish', name: 'unknown attempt', path: () => '/practice/attempts/999999', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]/result', what: 'GET', name: 'unknown attempt', path: () => '/practice/attempts/999999/result', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]/result', what: 'action:comment', name: 'unknown attempt', path: () => '/practice/attempts/999999/result', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]/replay', what: 'GET', name: 'unknown attempt', path: () => '/practice/attempts/999999/replay', expect: [L, M, M, M, M, M, M, M] },
	{ route: '/practice/attempts/[id]/replay', what: 'action:comment', name: 'unknown attempt', path: () => '/practice/attempts/999999/replay', expect: [L, M, M, M, M, M, M, M] },
];

/**
 * xAPI 1.0.3 statements of training records. Attempts use ADL's verbs (attempted / passed / failed,
 * with a scaled score); sign-offs and revocations use verbs under the deployment's own origin
 * (documented in the README: `<origin>/xapi/verbs/signed-off`, `…/revoked`). Actors are accounts
 * whose homePage is the origin and name the username; activity ids live under the origin too.
 * Pure: the caller supplies the origin and deterministic statement ids.
 */

export const XAPI_VERSION = '1.0.3';

export const ADL_VERBS = {
	attempted: 'http://adlnet.gov/expapi/verbs/attempted',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed'
} as const;

export interface Person {
	username: string;
	displayName: string;
}

export interface Statement {
	id: string;
	actor: Agent;
	verb: { id: string; display: Record<string, string> };
	object: { objectType: 'Activity'; id: string; definition: { name: Record<string, string>; type: string; description?: Record<string, string> } };
	result?: { score?: { scaled: number; raw: number; min: number; max: number }; success?: boolean; completion?: boolean; response?: string };
	context?: { platform: string; language: string; instructor?: Agent; extensions?: Record<string, unknown> };
	timestamp: string;
	version: string;
}

export interface Agent {
	objectType: 'Agent';
	name: string;
	account: { homePage: string; name: string };
}

export const siteVerb = (origin: string, verb: 'signed-off' | 'revoked') => `${origin}/xapi/verbs/${verb}`;
const ext = (origin: string, key: string) => `${origin}/xapi/extensions/${key}`;

export function agent(origin: string, p: Person): Agent {
	return { objectType: 'Agent', name: p.displayName, account: { homePage: origin, name: p.username } };
}

const context = (extra: Partial<NonNullable<Statement['context']>>): NonNullable<Statement['context']> => ({ platform: 'Counterline', language: 'en-US', ...extra });

export interface AttemptFacts {
	attemptId: number;
	scenarioId: string;
	scenarioTitle: string;
	procedure: string;
	startedAt: number;
	finishedAt: number | null;
	passed: boolean | null;
	score: number | null;
	maxScore: number | null;
}

/** Statements of one attempt: "attempted" when it started, and "passed"/"failed" with the score once it finished. */
export function attemptStatements(origin: string, person: Person, a: AttemptFacts, idFor: (source: string) => string): Statement[] {
	const object = {
		objectType: 'Activity' as const,
		id: `${origin}/xapi/activities/scenario/${encodeURIComponent(a.scenarioId)}`,
		definition: { name: { 'en-US': a.scenarioTitle }, type: 'http://adlnet.gov/expapi/activities/simulation' }
	};
	const ctx = context({ extensions: { [ext(origin, 'attempt')]: a.attemptId, [ext(origin, 'procedure')]: a.procedure } });
	const out: Statement[] = [
		{
			id: idFor(`attempt:${a.attemptId}:attempted`),
			actor: agent(origin, person),
			verb: { id: ADL_VERBS.attempted, display: { 'en-US': 'attempted' } },
			object,
			context: ctx,
			timestamp: new Date(a.startedAt).toISOString(),
			version: XAPI_VERSION
		}
	];
	if (a.finishedAt !== null && a.passed !== null) {
		const verb = a.passed ? 'passed' : 'failed';
		const max = a.maxScore && a.maxScore > 0 ? a.maxScore : 100;
		const raw = Math.max(0, Math.min(max, a.score ?? 0));
		out.push({
			id: idFor(`attempt:${a.attemptId}:result`),
			actor: agent(origin, person),
			verb: { id: ADL_VERBS[verb], display: { 'en-US': verb } },
			object,
			result: { score: { scaled: Math.round((raw / max) * 10000) / 10000, raw, min: 0, max }, success: a.passed, completion: true },
			context: ctx,
			timestamp: new Date(a.finishedAt).toISOString(),
			version: XAPI_VERSION
		});
	}
	return out;
}

export interface SignoffFacts {
	signoffId: number;
	competencyId: string;
	competencyTitle: string;
	kind: 'signed-off' | 'revoked';
	at: number;
	/** The signer's note, or the revocation reason. */
	text: string;
	frameworkVersion: number;
	overrideReason: string | null;
}

/** A sign-off or revocation: the trainee as actor, the signer as instructor. */
export function signoffStatement(origin: string, trainee: Person, signer: Person, s: SignoffFacts, idFor: (source: string) => string): Statement {
	const extensions: Record<string, unknown> = { [ext(origin, 'signoff')]: s.signoffId, [ext(origin, 'framework-version')]: s.frameworkVersion };
	if (s.overrideReason) extensions[ext(origin, 'override-reason')] = s.overrideReason;
	return {
		id: idFor(`signoff:${s.signoffId}:${s.kind}`),
		actor: agent(origin, trainee),
		verb: { id: siteVerb(origin, s.kind), display: { 'en-US': s.kind === 'signed-off' ? 'signed off' : 'sign-off revoked' } },
		object: {
			objectType: 'Activity',
			id: `${origin}/xapi/activities/competency/${encodeURIComponent(s.competencyId)}`,
			definition: { name: { 'en-US': `${s.competencyId}: ${s.competencyTitle}` }, type: 'http://adlnet.gov/expapi/activities/objective' }
		},
		result: { success: s.kind === 'signed-off', response: s.text },
		context: context({ instructor: agent(origin, signer), extensions }),
		timestamp: new Date(s.at).toISOString(),
		version: XAPI_VERSION
	};
}

/**
 * Test-only (COUNTERLINE_TEST_MODE=1): register test scenarios and learning paths, and record finished
 * attempts as the scenario engine would (scenario_attempts contract), for specs that need evidence in
 * place without playing scenarios (the sign-off race). In any other mode this route does not exist.
 */
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { config } from '$lib/server/config';
import { getStore } from '$lib/server/store';
import { now } from '$lib/server/clock';
import { registerTestCatalog, trackerCatalog } from '$lib/server/competency/catalog';
import { findLoginByUsername } from '$lib/server/repos/users';
import { LEVELS } from '$lib/domain/levels';

const scenario = z.object({
	id: z.string(),
	version: z.number().int().default(1),
	title: z.string(),
	procedure: z.enum(['drawer-opening', 'counter-payment', 'cash-reconciliation', 'deposit-decision', 'lockoff-day', 'irate-contact']),
	level: z.enum(LEVELS),
	competencies: z.array(z.string()),
	faultIds: z.array(z.string()).default([]),
	brief: z.string().default(''),
	targetMinutes: z.number().default(10)
});
const body = z.object({
	catalog: z.object({ scenarios: z.array(scenario), paths: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().default(''), scenarioIds: z.array(z.string()) })) }).optional(),
	attempts: z
		.array(z.object({ username: z.string(), scenarioId: z.string(), passed: z.boolean(), score: z.number().int(), faultsFound: z.array(z.string()).default([]), faultsMissed: z.array(z.string()).default([]) }))
		.default([])
});

export const POST: RequestHandler = async ({ request }) => {
	if (!config.testMode) error(404, { message: 'Not found' });
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, { message: parsed.error.issues.map((i) => i.message).join('; ') });
	if (parsed.data.catalog) registerTestCatalog(parsed.data.catalog);
	const catalog = trackerCatalog();
	const db = getStore().db.$client;
	const ids: number[] = [];
	for (const a of parsed.data.attempts) {
		const user = findLoginByUsername(getStore(), a.username);
		const s = catalog.scenarios.find((x) => x.id === a.scenarioId);
		if (!user || !s) error(400, { message: `Unknown user or scenario: ${a.username}, ${a.scenarioId}` });
		const at = now();
		ids.push(
			Number(
				db
					.prepare(
						`INSERT INTO scenario_attempts (user_id, scenario_id, scenario_version, procedure, level, seed, machine_version, status, score, max_score, passed, competencies, result, faults_found, faults_missed, started_at, finished_at)
						 VALUES (?, ?, ?, ?, ?, 1, 1, 'finished', ?, 100, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(
						user.id,
						s.id,
						s.version,
						s.procedure,
						s.level,
						a.score,
						a.passed ? 1 : 0,
						JSON.stringify(s.competencies),
						JSON.stringify({ faultsFound: a.faultsFound, faultsMissed: a.faultsMissed }),
						JSON.stringify(a.faultsFound),
						JSON.stringify(a.faultsMissed),
						at - 900_000,
						at
					).lastInsertRowid
			)
		);
	}
	return json({ attempts: ids });
};

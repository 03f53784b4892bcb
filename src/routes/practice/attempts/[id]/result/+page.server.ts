import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getStore } from '$lib/server/store';
import { decide } from '$lib/authz/can';
import { commentAction } from '$lib/server/training/comments';
import { PROCEDURES, type ProcedureKey } from '$machines/registry';
import { attemptFor } from '$lib/server/training/guard';
import { listAttempts, listComments, resolvedOf, resultOf } from '$lib/server/training/repo';
import { findUserById } from '$lib/server/repos/users';

export const load: PageServerLoad = (event) => {
	const { user, row } = attemptFor(event, 'attempt.view');
	if (row.status === 'in_progress') redirect(303, `/practice/attempts/${row.id}`);
	const s = resolvedOf(row);
	const result = resultOf(row)!;
	const store = getStore();
	const previous = listAttempts(store, { userId: row.userId, scenarioId: row.scenarioId, limit: 20 }).filter((a) => a.id !== row.id && a.status !== 'in_progress');
	return {
		attempt: {
			id: row.id,
			scenarioId: row.scenarioId,
			title: s.title,
			procedure: PROCEDURES[s.procedure as ProcedureKey].title,
			status: row.status,
			startedAt: row.startedAt,
			finishedAt: row.finishedAt,
			trainee: findUserById(store, row.userId)?.displayName ?? 'trainee',
			isMine: user.id === row.userId
		},
		result,
		previous,
		comments: listComments(store, row.id),
		canComment: decide(user, 'attempt.comment', { attempt: { userId: row.userId } }).allowed
	};
};

export const actions: Actions = { comment: commentAction };

import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getStore } from '$lib/server/store';
import { decide } from '$lib/authz/can';
import { attemptFor } from '$lib/server/training/guard';
import { commentAction } from '$lib/server/training/comments';
import { listComments, logOf, resolvedOf, resultOf } from '$lib/server/training/repo';
import { buildReplayView } from '$lib/server/training/replay-view';
import { findUserById } from '$lib/server/repos/users';

export const load: PageServerLoad = (event) => {
	const { user, row } = attemptFor(event, 'attempt.view');
	// Replaying an attempt in progress would show its answers before the end.
	if (row.status === 'in_progress') redirect(303, `/practice/attempts/${row.id}`);
	const store = getStore();
	const at = event.url.searchParams.get('at');
	const trainee = findUserById(store, row.userId)?.displayName ?? 'Trainee';
	const result = resultOf(row)!;
	return {
		attempt: { id: row.id, title: resolvedOf(row).title, trainee, total: result.total, passed: result.passed },
		replay: buildReplayView(row, logOf(store, row), at === null ? null : Number(at), trainee),
		comments: listComments(store, row.id),
		canComment: decide(user, 'attempt.comment', { attempt: { userId: row.userId } }).allowed
	};
};

export const actions: Actions = { comment: commentAction };

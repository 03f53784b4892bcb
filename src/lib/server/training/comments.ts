/** The "comment on an attempt" form action, shared by the result and replay pages. */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getStore, mutate } from '../store';
import { now } from '../clock';
import { audit } from '../audit/log';
import { formValues } from '../forms';
import { attemptFor } from './guard';
import { insertComment } from './repo';

export async function commentAction(event: RequestEvent) {
	const { user, row } = attemptFor(event, 'attempt.comment');
	const values = formValues(await event.request.formData());
	const body = (values.body ?? '').trim();
	if (body.length < 2 || body.length > 2000) return fail(400, { errors: { body: 'Write a comment of 2 to 2,000 characters.' }, values });
	const seq = values.eventSeq ? Number(values.eventSeq) : null;
	const eventSeq = seq !== null && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
	const store = getStore();
	mutate(store, () => {
		const id = insertComment(store, { attemptId: row.id, authorId: user.id, at: now(), eventSeq, body });
		audit(store, { actor: { id: user.id, username: user.username }, action: 'attempt.comment', target: `attempt:${row.id}`, summary: { comment: id, eventSeq } });
	});
	redirect(303, eventSeq ? `/practice/attempts/${row.id}/replay?at=${eventSeq}#comments` : `/practice/attempts/${row.id}/result#comments`);
}

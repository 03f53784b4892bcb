import { describe, expect, it } from 'vitest';
import { parseStepAction, type StepAction } from '$lib/procedures/step-forms';

describe('step form fields: nesting, optional amounts, dated rows', () => {
	it('a dotted field name nests in the event', () => {
		const a: StepAction = {
			event: 'identity.checked',
			label: 'Check',
			fields: [
				{ kind: 'text', name: 'given.name', label: 'Name' },
				{ kind: 'flag', name: 'given.photoId', label: 'Photo ID' },
				{ kind: 'hidden', name: 'given.channel', value: 'phone' }
			]
		};
		expect(parseStepAction(a, { 'given.name': ' Noah Kim ', 'given.photoId': 'on' })).toEqual({
			ok: true,
			payload: { type: 'identity.checked', given: { name: 'Noah Kim', photoId: true, channel: 'phone' } }
		});
	});

	it('an optional amount left blank is left out; given, it must still be an amount', () => {
		const a: StepAction = { event: 'option.offered', label: 'Offer', fields: [{ kind: 'money', name: 'amountCents', label: 'Amount', optional: true }] };
		expect(parseStepAction(a, { amountCents: '  ' })).toEqual({ ok: true, payload: { type: 'option.offered' } });
		expect(parseStepAction(a, { amountCents: '120.50' })).toEqual({ ok: true, payload: { type: 'option.offered', amountCents: 12050 } });
		expect(parseStepAction(a, { amountCents: 'lots' }).ok).toBe(false);
		const required: StepAction = { ...a, fields: [{ kind: 'money', name: 'amountCents', label: 'Amount' }] };
		expect(parseStepAction(required, {}).ok).toBe(false);
	});

	const rows: StepAction = {
		event: 'nextSteps.summarised',
		label: 'Agree',
		fields: [{ kind: 'rows', name: 'steps', label: 'Next steps', rows: 3, minRows: 1, columns: [{ key: 'what', label: 'Next step', type: 'text' }, { key: 'by', label: 'By', type: 'date' }] }]
	};

	it.each([
		['two filled rows, blank one skipped', { 'steps.0.what': 'Reread', 'steps.0.by': '2026-11-06', 'steps.2.what': ' Call back ', 'steps.2.by': '2026-11-09' }, { steps: [{ what: 'Reread', by: '2026-11-06' }, { what: 'Call back', by: '2026-11-09' }] }],
		['nothing filled', {}, { error: 'steps' }],
		['a row without its date', { 'steps.0.what': 'Reread' }, { error: 'steps.0.by' }],
		['an impossible date', { 'steps.0.what': 'Reread', 'steps.0.by': '2026-02-30' }, { error: 'steps.0.by' }],
		['a date that is not ISO', { 'steps.0.what': 'Reread', 'steps.0.by': '11/06/2026' }, { error: 'steps.0.by' }]
	] as const)('dated rows: %s', (_l, form, expected) => {
		const r = parseStepAction(rows, form as Record<string, string>);
		if ('steps' in expected) expect(r).toEqual({ ok: true, payload: { type: 'nextSteps.summarised', steps: expected.steps } });
		else expect(r.ok === false && Object.keys(r.errors)).toEqual([expected.error]);
	});
});

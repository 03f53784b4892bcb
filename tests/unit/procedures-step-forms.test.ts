import { describe, expect, it } from 'vitest';
import { parseStepAction, type StepAction } from '$lib/procedures/step-forms';

const action: StepAction = {
	event: 'close.counted',
	label: 'Submit',
	fields: [
		{ kind: 'denominations', name: 'counts', label: 'Cash' },
		{ kind: 'money', name: 'cardCents', label: 'Card total' },
		{ kind: 'checks', name: 'checks', label: 'Checks', rows: 3 },
		{ kind: 'text', name: 'note', label: 'Note', optional: true },
		{ kind: 'choice', name: 'cause', label: 'Cause', options: [{ value: 'stuck', label: 'Stuck bills' }] },
		{ kind: 'flag', name: 'found', label: 'Found' }
	]
};

describe('parsing a step form into a machine event', () => {
	it('builds the event payload from piece counts, cents, checks, text, choice and flags', () => {
		const r = parseStepAction(action, {
			'counts.d20': '3',
			'counts.c25': '8',
			'counts.d1': '',
			cardCents: '45.10',
			'checks.0.number': '1042',
			'checks.0.amount': '62.40',
			'checks.2.number': '77',
			'checks.2.amount': '10',
			note: '  fine ',
			cause: 'stuck',
			found: 'on'
		});
		expect(r).toEqual({
			ok: true,
			payload: {
				type: 'close.counted',
				counts: { d20: 3, c25: 8 },
				cardCents: 4510,
				checks: [
					{ number: '1042', amountCents: 6240 },
					{ number: '77', amountCents: 1000 }
				],
				note: 'fine',
				cause: 'stuck',
				found: true
			}
		});
	});

	it('gives a specific message per bad field and no event', () => {
		const r = parseStepAction(action, {
			'counts.d20': '2.5',
			'counts.d10': '-1',
			cardCents: '12.345',
			'checks.1.number': 'abc',
			'checks.1.amount': 'ten',
			cause: 'other'
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors['counts.d20']).toBe('$20: Enter a whole number of pieces (0–99999).');
		expect(r.errors['counts.d10']).toContain('whole number');
		expect(r.errors.cardCents).toContain('two decimal places');
		expect(r.errors['checks.1.number']).toContain('check number');
		expect(r.errors['checks.1.amount']).toContain('not an amount');
		expect(r.errors.cause).toContain('Choose one');
	});

	it('requires text unless optional, and caps its length', () => {
		const a: StepAction = { event: 'x', label: 'x', fields: [{ kind: 'text', name: 'note', label: 'Note', maxLength: 5 }] };
		expect(parseStepAction(a, { note: ' ' })).toEqual({ ok: false, errors: { note: 'Note is required.' } });
		expect(parseStepAction(a, { note: '123456' })).toEqual({ ok: false, errors: { note: 'Note is too long (at most 5 characters).' } });
	});

	it('reads whole numbers within their range, refusing decimals, words and out-of-range values', () => {
		const a: StepAction = { event: 'x', label: 'x', fields: [{ kind: 'integer', name: 'lowF', label: 'Low °F', min: -60, max: 140 }] };
		expect(parseStepAction(a, { lowF: ' -4 ' })).toEqual({ ok: true, payload: { type: 'x', lowF: -4 } });
		expect(parseStepAction(a, { lowF: '140' })).toEqual({ ok: true, payload: { type: 'x', lowF: 140 } });
		for (const bad of ['', '33.5', 'cold', '141', '-61', '1e2'])
			expect(parseStepAction(a, { lowF: bad })).toEqual({ ok: false, errors: { lowF: 'Low °F: enter a whole number from -60 to 140.' } });
	});

	it('nests dotted field names into a record, omits an empty optional amount and passes hidden values as they are', () => {
		const a: StepAction = {
			event: 'check.accepted',
			label: 'x',
			fields: [
				{ kind: 'text', name: 'check.number', label: 'Number' },
				{ kind: 'money', name: 'check.amountCents', label: 'Amount' },
				{ kind: 'money', name: 'stubCents', label: 'Stub', optional: true },
				{ kind: 'hidden', name: 'changeCents', value: 1760 }
			]
		};
		expect(parseStepAction(a, { 'check.number': '1042', 'check.amountCents': '62.40', stubCents: ' ' })).toEqual({
			ok: true,
			payload: { type: 'check.accepted', check: { number: '1042', amountCents: 6240 }, changeCents: 1760 }
		});
		expect(parseStepAction(a, { 'check.number': '1042', 'check.amountCents': '62.40', stubCents: 'abc' })).toMatchObject({ ok: false, errors: { stubCents: expect.stringContaining('not an amount') } });
	});
});

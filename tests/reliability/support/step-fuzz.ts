/**
 * Fuzz fields for any step form, read from its FieldSpec (the one mechanism every procedure's step
 * forms use): a valid value per field and values the parser must refuse. New procedures' forms are
 * fuzzed without hand-written hints.
 */
import fc from 'fast-check';
import { DENOMINATIONS } from '$lib/policy/settings';
import { createActor, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { stepActions, type StepAction } from '$lib/procedures/step-forms';
import { PROCEDURE_UI } from '$lib/procedures/catalog';
import { procedureDef } from '$machines/registry';
import { activeSteps } from '$machines/shared/steps';
import { anythingBut, badMoney, hostileCount, hostileText } from './hostile';
import type { FieldFuzz } from '../fuzz-hints';

const MAX_TEXT = 2000;

export function fieldsFromSpec(action: StepAction): Record<string, FieldFuzz> {
	const out: Record<string, FieldFuzz> = {};
	for (const f of action.fields) {
		switch (f.kind) {
			case 'denominations':
				for (const d of DENOMINATIONS) out[`${f.name}.${d.key}`] = { valid: '0', invalid: hostileCount };
				break;
			case 'money':
				out[f.name] = { valid: '12.50', invalid: f.optional ? badMoney : fc.oneof(badMoney, fc.constant(null)) };
				break;
			case 'text': {
				const max = f.maxLength ?? MAX_TEXT;
				const tooLong = fc.constant('y'.repeat(max + 1));
				out[f.name] = { valid: 'Entered by the fuzzer.', invalid: f.optional ? tooLong : fc.oneof(tooLong, fc.constantFrom('', ' ', '\t\n'), fc.constant(null)) };
				break;
			}
			case 'choice': {
				const values = f.options.map((o) => o.value);
				if (values.length) out[f.name] = { valid: values[0], invalid: fc.oneof(anythingBut(values, false), fc.constant(null)) };
				break;
			}
			case 'rows':
				// A first row with a date that is not one, or a column too long (a blank row would just be skipped).
				for (const c of f.columns)
					out[`${f.name}.0.${c.key}`] = {
						valid: c.type === 'date' ? '2026-11-06' : 'Entered by the fuzzer.',
						invalid: c.type === 'date' ? fc.constantFrom('2026-02-30', '06/11/2026', 'tomorrow', '2026-13-01') : fc.constant('y'.repeat(MAX_TEXT + 1))
					};
				break;
			case 'checks':
				out[`${f.name}.0.number`] = { valid: '1001', invalid: hostileText.filter((v) => v.trim() !== '' && !/^[0-9]{1,10}$/.test(v.trim())) };
				out[`${f.name}.0.amount`] = { valid: '25.00', invalid: badMoney };
				break;
			// flag, multi, hidden and info accept anything (or submit nothing): no invalid value to send.
		}
	}
	return out;
}

/** The step actions a run offers `viewer` now, computed as the run page does (server-side forms of its procedure). */
export function offeredActions(run: { procedure: string; input: string; snapshot: string }, viewer: { level: string; id: number }): StepAction[] {
	const def = procedureDef(run.procedure);
	if (!def) return [];
	const actor = createActor(def.machine, { snapshot: JSON.parse(run.snapshot) as Snapshot<unknown>, input: JSON.parse(run.input) });
	actor.start();
	const snap = actor.getSnapshot() as AnyMachineSnapshot;
	actor.stop();
	const steps = activeSteps(snap);
	const step = steps[steps.length - 1];
	if (!step) return [];
	return stepActions(PROCEDURE_UI[run.procedure]?.forms, step.id, { context: snap.context as Record<string, unknown>, viewer, active: steps.map((x) => x.id) });
}

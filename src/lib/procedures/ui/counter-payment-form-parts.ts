/** Pieces every counter-payment step form shares: read-only facts, who may hear them, the §3 warning, walking away. */
import type { FieldSpec, StepAction } from '../step-forms';
import { warningThreshold } from '$machines/counter-payment.machine';
import { money, type Ctx } from './counter-payment-text';

export type Rows = { label: string; value: string }[];
export const info = (name: string, label: string, rows: Rows): FieldSpec => ({ kind: 'info', name, label, rows });

/** Figures on screen may be said only to a verified payer (§1): the forms repeat it next to them. */
export function sayable(c: Ctx): string {
	if (!c.payer) return 'Not yet known who is paying: verify before saying any figure.';
	return c.payer.verified ? 'Verified payer: you may say these figures.' : 'Payer not verified: do not say these figures (general warning only).';
}

export const abandon: StepAction = {
	event: 'payment.abandoned',
	label: 'Record: no payment taken',
	tone: 'secondary',
	folded: 'Customer leaves without paying',
	fields: [{ kind: 'text', name: 'reason', label: 'Why no payment was taken (goes in the account note)', maxLength: 300 }]
};

/** The §3 warning while it is due (payment below what stops the lock-off or restores service). */
export function warnings(c: Ctx): StepAction[] {
	const threshold = warningThreshold(c);
	if (c.amountCents === null || c.warning || c.amountCents >= threshold) return [];
	const purpose = c.account.status === 'locked' ? 'to restore service' : 'to stop the scheduled lock-off';
	if (c.payer?.verified)
		return [
			{
				event: 'shortfall.warned',
				label: 'I told them',
				tone: 'secondary',
				intro: `Say it before posting: ${money(c.amountCents)} is below the ${money(threshold)} needed ${purpose}.`,
				fields: []
			}
		];
	return [
		{
			event: 'general.warned',
			label: 'I gave the general warning',
			tone: 'secondary',
			intro: 'Say it before posting, with no figures: “This may not stop a scheduled lock-off; the account holder can call us.”',
			fields: []
		}
	];
}

/** Checklist UI of counter payment and restoration after lock-off (policy §1, §2 Take cash, §3, §6). */
import type { ProcedureUi } from './types';
import { counterPaymentForms } from './counter-payment-forms';
import { capturedOf, printableOf } from './counter-payment-summary';
import { ctxOf } from './counter-payment-text';
import { listSteps } from '$machines/shared/steps';
import { counterPaymentMachine } from '$machines/counter-payment.machine';

/** Every step of taking a payment: none applies to a correction run, which has only its own step. */
const PAYMENT_STEPS = listSteps(counterPaymentMachine)
	.map((s) => s.id)
	.filter((id) => id !== 'correct');

export const counterPaymentUi: ProcedureUi = {
	startHint: 'From an account page (Take a payment) or with the account number from the stub. Your drawer must be open.',
	forms: counterPaymentForms,
	hiddenSteps: (context) => {
		const c = ctxOf(context);
		if (c.correction) return PAYMENT_STEPS;
		return c.account.status === 'locked' ? ['correct'] : ['restoreOption', 'reconnect', 'correct'];
	},
	captured: capturedOf,
	printable: printableOf
};

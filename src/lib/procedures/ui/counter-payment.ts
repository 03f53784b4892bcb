/** Checklist UI of counter payment and restoration after lock-off (policy §1, §2 Take cash, §3, §6). */
import type { ProcedureUi } from './types';
import { counterPaymentForms } from './counter-payment-forms';
import { capturedOf, printableOf } from './counter-payment-summary';

export const counterPaymentUi: ProcedureUi = {
	startHint: 'From an account page (Take a payment) or with the account number from the stub. Your drawer must be open.',
	forms: counterPaymentForms,
	captured: capturedOf,
	printable: printableOf
};

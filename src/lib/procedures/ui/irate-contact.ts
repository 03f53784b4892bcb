/**
 * Checklist UI of the irate-customer contact (policy §1, §8): step forms, the side panel and the
 * printable contact note. The run context holds the account's verification secrets (the machine checks
 * identity against them); nothing here ever returns them.
 */
import type { ProcedureUi } from './types';
import { irateContactForms } from './irate-contact-forms';
import { irateContactCaptured, irateContactPrintable } from './irate-contact-note';

export const irateContactUi: ProcedureUi = {
	startHint: 'From the account page, or New contact when the caller is not identified yet.',
	forms: irateContactForms,
	captured: irateContactCaptured,
	printable: irateContactPrintable
};

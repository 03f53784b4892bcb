import type { ProcedureStart } from './types';
import type { CounterPaymentInput } from '$machines/counter-payment.machine';
import { findOpenBatchOf, normaliseAccountNumber, readPaymentAccount } from '../../repos/payment-account';

/**
 * Counter payment (and restoration): the account by number, read from the sandbox, and the open batch
 * of the cashier's own drawer — payments post to it (policy §2: nothing posts to a closed batch).
 */
export const counterPaymentStart: ProcedureStart = {
	subjectLabel: 'Account number',
	plan(db, { subject, user, at }) {
		if (!subject) return { ok: false, message: 'Enter the account number from the stub, or open the account from Accounts and choose Take a payment.' };
		const number = normaliseAccountNumber(subject);
		if (!number) return { ok: false, message: `"${subject.slice(0, 30)}" is not an account number: it has 11 digits, like 100-004271-02.` };
		const facts = readPaymentAccount(db, number, at);
		if (!facts) return { ok: false, message: `No account ${number} in the sandbox. Check the stub for swapped digits, or search for the holder under Accounts.` };
		const batch = findOpenBatchOf(db, user.username);
		if (!batch)
			return {
				ok: false,
				message: 'You have no open drawer, so there is no batch to post a payment to. Open your drawer first: My drawer → Open (a CSR II or above verifies the float).'
			};
		const input: Omit<CounterPaymentInput, 'policy'> = { account: facts.account, batchRef: batch.ref };
		return { ok: true, input: input as unknown as Record<string, unknown>, subject: number };
	}
};

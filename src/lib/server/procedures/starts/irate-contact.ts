/**
 * Start of an irate-customer contact (policy §1, §8): from an account page (number prefilled) or from
 * "New contact" with no account yet (the caller has not been identified: general information only).
 * plan() reads the account on file for the machine to check identity against — the holder, the
 * authorised contacts with their scope and dates, the verification secrets and the balance. Those
 * secrets live in the run's input and context on the server; the UI module never sends them on.
 */
import { toLocal } from '$lib/domain/calendar';
import { policy } from '$lib/policy/settings';
import type { ProcedureStart } from './types';

/** What the caller is on: the machine takes it as input (photo ID counts only at the counter). */
const CHANNELS = [
	{ value: 'phone', label: 'Phone' },
	{ value: 'counter', label: 'At the counter' }
];

/** The mood model is for training; a live contact records none, so it starts mid-scale and is never shown. */
const LIVE_STARTING_MOOD = Math.round((policy.irate.moodMin + policy.irate.moodMax) / 2);

/** Written name for a caller who has not said who they are yet. */
export const UNNAMED_CALLER = 'Caller (name not given)';

interface AccountRow {
	id: number;
	number: string;
	firstName: string;
	lastName: string;
	ssnLast4: string;
	pin: string;
	preferredLanguage: string;
	address: string;
	unit: string | null;
	city: string;
}

export const irateContactStart: ProcedureStart = {
	subjectLabel: 'Account number (if known)',
	questions: [
		{ name: 'channel', label: 'The customer is', options: CHANNELS },
		{ name: 'caller', label: 'Caller’s name, as they gave it', optional: true }
	],
	plan(db, { subject, user, at, answers = {} }) {
		const channel = answers.channel ?? '';
		if (!CHANNELS.some((c) => c.value === channel)) return { ok: false, field: 'channel', message: 'Say whether the customer is on the phone or at the counter.' };
		const caller = (answers.caller ?? '').trim().slice(0, 120) || UNNAMED_CALLER;
		const base = { level: user.level, channel, startingMood: LIVE_STARTING_MOOD, claimedName: caller };
		if (!subject) {
			// No account yet: nothing can be verified against, so the machine allows general help only.
			return {
				ok: true,
				subject: 'caller not identified',
				input: { ...base, preferredLanguage: policy.irate.officeLanguage, account: { accountNumber: '', holderName: '', serviceAddress: '', authorised: [] } }
			};
		}
		const a = db
			.prepare(
				`SELECT a.id, a.number, c.first_name AS firstName, c.last_name AS lastName, c.ssn_last4 AS ssnLast4, c.pin,
					c.preferred_language AS preferredLanguage, p.address, p.unit, p.city
				 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id
				 WHERE a.number = ? OR replace(a.number, '-', '') = ?`
			)
			.get(subject, subject.replace(/[\s-]/g, '')) as AccountRow | undefined;
		if (!a) return { ok: false, message: `There is no account ${subject} in the sandbox. Leave the number empty if the caller has not given one yet.` };
		const today = toLocal(at).date;
		// Written authorisations that have started; an ended one stays so the machine can say when it ended.
		const authorised = (
			db
				.prepare('SELECT name, scope, valid_to AS validTo FROM authorised_contacts WHERE account_id = ? AND valid_from <= ? ORDER BY name')
				.all(a.id, today) as { name: string; scope: string; validTo: string | null }[]
		).map((p) => ({ name: p.name, scope: p.scope, ...(p.validTo ? { until: p.validTo } : {}) }));
		const { balance } = db.prepare('SELECT coalesce(sum(amount_cents), 0) AS balance FROM ledger_entries WHERE account_id = ?').get(a.id) as { balance: number };
		return {
			ok: true,
			subject: a.number,
			input: {
				...base,
				preferredLanguage: a.preferredLanguage,
				account: {
					accountNumber: a.number,
					holderName: `${a.firstName} ${a.lastName}`,
					serviceAddress: a.unit ? `${a.address} ${a.unit}` : a.address,
					city: a.city,
					last4: a.ssnLast4,
					pin: a.pin,
					authorised,
					balanceCents: balance
				}
			}
		};
	}
};

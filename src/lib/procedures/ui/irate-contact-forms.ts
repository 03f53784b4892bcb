/**
 * Step forms of the irate-customer contact (policy §1, §8). Each step puts its one next move on top;
 * what may happen at any moment of a call (the customer asks for a supervisor, turns abusive, threatens;
 * an escalation, a disclosure, an interpreter) sits below it in two groups. The CSR records what the
 * caller gave and the machine judges it: no form carries what is on file to check against.
 */
import type { FieldSpec, FormScope, StepAction, StepForms } from '../step-forms';
import { formatCents } from '$lib/domain/money';
import { atLeast, isLevel, LEVELS, type Level } from '$lib/domain/levels';
import {
	ACCOUNT_CHANGING_OPTIONS,
	AMOUNT_OPTIONS,
	OFFER_OPTIONS,
	OPTION_TITLES,
	adjustmentLimitCents,
	escalationReasons,
	type OfferOption
} from '$machines/irate-contact.machine';
import { asCtx, authorisedScope, draftBrief, mayChangeAccount, nextRung, pendingTransfer, reasonsText, verificationText, type Ctx } from './irate-contact-words';

export const CUSTOMER_GROUP = 'If the customer…';
export const MORE_GROUP = 'You can also';
const CARP_STEPS = ['control', 'acknowledge', 'verify', 'refocus', 'solve', 'close'] as const;

/** The viewer is the CSR holding the run (before anyone acted, whoever opens it). */
const isCsr = (c: Ctx, s: FormScope) => !c.roles.csr || c.roles.csr === String(s.viewer.id);
const uniqueByKey = (actions: StepAction[]) => actions.filter((a, i) => actions.findIndex((b) => (b.key ?? b.event) === (a.key ?? a.event)) === i);
const lower = (a: Level, b: Level): Level => LEVELS[Math.min(LEVELS.indexOf(a), LEVELS.indexOf(b))];

/**
 * The level whose options are listed: the viewer's own (never more than the contact's authority), or —
 * once a senior or supervisor took the contact by warm transfer — theirs, since the CSR records what they offer.
 */
export function offeringLevel(c: Ctx, viewerLevel: string): Level {
	if (c.escalations.some((x) => x.acceptedAt !== null)) return c.authorityLevel;
	return isLevel(viewerLevel) ? lower(viewerLevel, c.authorityLevel) : 'csr1';
}

/** The options `level` may offer (policy.irate.offerMinLevel), less account changes the caller may not have. */
export function offerableOptions(c: Ctx, level: Level): OfferOption[] {
	return OFFER_OPTIONS.filter((o) => atLeast(level, c.policy.irate.offerMinLevel[o] as Level)).filter((o) => mayChangeAccount(c) || !ACCOUNT_CHANGING_OPTIONS.includes(o));
}

const optionLabel = (c: Ctx, o: OfferOption, level: Level) => {
	const limit = AMOUNT_OPTIONS.includes(o) ? adjustmentLimitCents(c.policy, level) : null;
	return `${OPTION_TITLES[o]}${limit !== null ? ` (up to ${formatCents(limit)})` : ''}`;
};

function identityFields(c: Ctx): FieldSpec[] {
	const fields: FieldSpec[] = [
		{ kind: 'text', name: 'given.name', label: 'Name the caller gives', maxLength: 120 },
		{ kind: 'text', name: 'given.serviceAddress', label: 'Service address they give (number, street, unit)', maxLength: 200 },
		{ kind: 'text', name: 'given.pin', label: 'Account PIN they give', optional: true, maxLength: 8 },
		{ kind: 'text', name: 'given.last4', label: 'Or the last 4 of their SSN/ITIN', optional: true, maxLength: 4 }
	];
	if (c.channel === 'counter') fields.push({ kind: 'flag', name: 'given.photoId', label: 'Photo ID seen, and it matches the name' });
	return fields;
}

const checkIdentity = (c: Ctx, label: string, group?: string): StepAction => ({ event: 'identity.checked', key: 'identity', label, group, fields: identityFields(c) });

/** Escalation sits on top when something recorded calls for it and no one has taken the contact yet; otherwise among the other moves. */
const escalationDue = (c: Ctx) => escalationReasons(c).length > 0 && !c.escalations.some((x) => x.acceptedAt !== null);

function escalateAction(c: Ctx): StepAction | null {
	const rung = nextRung(c);
	if (!rung || pendingTransfer(c)) return null;
	const reasons = escalationReasons(c);
	return {
		event: 'escalation.requested',
		key: 'escalate',
		label: `Warm transfer to a ${rung}`,
		intro: reasons.length ? `Escalate: ${reasonsText(c, reasons)}.` : 'Nothing recorded calls for escalation yet: a routine matter is yours to answer (a needless escalation is recorded).',
		group: escalationDue(c) ? undefined : MORE_GROUP,
		fields: [
			{
				kind: 'text',
				name: 'brief',
				label: `Brief for the ${rung}`,
				hint: 'Who, what they want, what was offered — so the customer does not repeat the story. Stay on the line until they take it.',
				multiline: true,
				maxLength: 1000,
				value: draftBrief(c)
			}
		]
	};
}

function threatAction(label = 'Threatens'): StepAction {
	return {
		event: 'customer.threatened',
		key: 'threat',
		label,
		tone: 'danger',
		group: CUSTOMER_GROUP,
		fields: [{ kind: 'text', name: 'words', label: 'Their exact words', maxLength: 500 }]
	};
}

const abusedAction = (label = 'Is abusive'): StepAction => ({ event: 'customer.abused', key: 'abused', label, tone: 'secondary', group: CUSTOMER_GROUP, fields: [] });

/** What the customer may do at any moment; the CSR records it so the machine can judge escalation and protocols. */
function customerMoves(c: Ctx, s: FormScope): StepAction[] {
	const out: StepAction[] = [];
	if (c.supervisorDemandedAt === null) out.push({ event: 'customer.demandedSupervisor', label: 'Asks for a supervisor', tone: 'secondary', group: CUSTOMER_GROUP, fields: [] });
	const level = offeringLevel(c, s.viewer.level);
	const beyond = OFFER_OPTIONS.filter((o) => !atLeast(level, c.policy.irate.offerMinLevel[o] as Level) || (AMOUNT_OPTIONS.includes(o) && adjustmentLimitCents(c.policy, level) !== null));
	if (beyond.length)
		out.push({
			event: 'customer.requested',
			label: 'Wants something you cannot offer',
			group: CUSTOMER_GROUP,
			fields: [
				{ kind: 'choice', name: 'option', label: 'What they want', options: beyond.map((o) => ({ value: o, label: OPTION_TITLES[o] })) },
				{ kind: 'money', name: 'amountCents', label: 'Amount they want, for an adjustment', optional: true }
			]
		});
	out.push(abusedAction(), threatAction());
	return out;
}

/** The CSR's own moves available at any moment of the conversation. */
function moreMoves(c: Ctx): StepAction[] {
	const out: StepAction[] = [];
	const escalate = escalateAction(c);
	if (escalate?.group) out.push(escalate);
	if (c.account.accountNumber) {
		const rows = c.verification?.ok && typeof c.account.balanceCents === 'number' ? [{ label: 'Balance on the account', value: formatCents(c.account.balanceCents) }] : [];
		out.push({
			event: 'detail.disclosed',
			key: 'disclose',
			label: 'Tell them an account detail',
			group: MORE_GROUP,
			fields: [
				{
					kind: 'choice',
					name: 'detail',
					label: 'Which detail',
					options: [
						{ value: 'balance', label: 'The balance' },
						{ value: 'payments', label: 'Recent payments' },
						{ value: 'usage', label: 'Usage' }
					]
				},
				...(rows.length ? [{ kind: 'info' as const, name: 'onFile', label: 'On file', rows }] : [])
			]
		});
	}
	if (!c.interpreter) out.push(interpreterAction());
	if (c.verification && !c.verification.ok && c.account.accountNumber) out.push(checkIdentity(c, 'Check identity again', MORE_GROUP));
	return out;
}

const interpreterAction = (): StepAction => ({
	event: 'interpreter.offered',
	label: 'Offer an interpreter',
	group: MORE_GROUP,
	fields: [
		{
			kind: 'choice',
			name: 'via',
			label: 'How',
			options: [
				{ value: 'phone-line', label: 'The telephone interpreter line' },
				{ value: 'colleague', label: 'A colleague who speaks the language' }
			]
		}
	]
});

/** The holder's preferred language on file, named, when it is not the office's (policy §1 Language access). */
function otherLanguage(c: Ctx): string | null {
	const lang = (c.preferredLanguage ?? '').trim().toLowerCase();
	if (!lang || lang === c.policy.irate.officeLanguage) return null;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
	} catch {
		return lang;
	}
}

const endContact = (why: string, label = 'End the contact'): StepAction => ({
	event: 'contact.ended',
	key: 'end',
	label,
	tone: 'danger',
	fields: [{ kind: 'text', name: 'why', label: 'What happened (for the account note)', multiline: true, maxLength: 1000, value: why }]
});

/** The next move of each CARP step. */
function carpMoves(step: (typeof CARP_STEPS)[number], c: Ctx, s: FormScope): StepAction[] {
	switch (step) {
		case 'control':
			return [{ event: 'control.established', label: 'Done: calm greeting, my name, offer to help', fields: [] }];
		case 'acknowledge':
			return [{ event: 'feeling.named', label: 'Done: let them finish, named the feeling', fields: [] }];
		case 'verify':
			if (!c.account.accountNumber)
				return [
					{
						event: 'identity.checked',
						key: 'identity',
						label: 'No account: go on with general help',
						intro: 'No account on this contact, so nothing can be verified: give general information only. To discuss an account, start a new contact from the account page.',
						fields: [
							{ kind: 'hidden', name: 'given.name', value: c.claimedName },
							{ kind: 'hidden', name: 'given.serviceAddress', value: '' }
						]
					}
				];
			return [checkIdentity(c, 'Check identity')];
		case 'refocus':
			return [{ event: 'question.asked', label: 'Done: I know what happened and what they want', fields: [] }];
		case 'solve': {
			const level = offeringLevel(c, s.viewer.level);
			const options = offerableOptions(c, level);
			const transferred = c.escalations.some((x) => x.acceptedAt !== null);
			const scope = authorisedScope(c);
			const limits =
				!c.verification?.ok && c.account.accountNumber
					? 'Not verified: plans, rereads and adjustments are not open to this caller.'
					: scope && scope !== 'full'
						? 'An authorised person without full scope: no account changes.'
						: null;
			const fields: FieldSpec[] = [{ kind: 'choice', name: 'option', label: 'What you offer', options: options.map((o) => ({ value: o, label: optionLabel(c, o, level) })) }];
			if (options.some((o) => AMOUNT_OPTIONS.includes(o))) fields.push({ kind: 'money', name: 'amountCents', label: 'Amount, for an adjustment', optional: true });
			return [
				{
					event: 'option.offered',
					key: 'offer',
					label: transferred ? `Record what the ${c.authorityLevel === 'supervisor' ? 'supervisor' : 'senior'} offers` : 'Record the offer',
					tone: c.offers.length ? 'secondary' : undefined,
					intro: limits ?? undefined,
					fields
				},
				{
					event: 'nextSteps.summarised',
					label: 'Next steps agreed',
					fields: [
						{
							kind: 'rows',
							name: 'steps',
							label: 'Next steps (what happens, by when)',
							rows: 2,
							minRows: 1,
							columns: [
								{ key: 'what', label: 'Next step', type: 'text' },
								{ key: 'by', label: 'By', type: 'date' }
							]
						}
					]
				}
			];
		}
		case 'close':
			return [
				{
					event: 'contact.closed',
					label: 'Close and save the note',
					fields: [{ kind: 'text', name: 'why', label: 'Why they contacted us (for the account note)', multiline: true, maxLength: 1000 }]
				}
			];
	}
}

/** The actions of a CARP step: the threat protocol's end, a warranted escalation, the step's move, then what may happen any time. */
function carpForms(step: (typeof CARP_STEPS)[number], c: Ctx, s: FormScope): StepAction[] {
	const top: StepAction[] = [];
	if (c.threat?.reportedAt != null)
		top.push({ ...endContact('Threat: coworker signalled, 911 called, incident report written.'), intro: 'The threat protocol is done: end the contact (carry on only if it is safe).' });
	if (step === 'control' && !c.interpreter && otherLanguage(c)) {
		const interpreter = interpreterAction();
		top.push({ ...interpreter, group: undefined, intro: `On file, the holder prefers ${otherLanguage(c)}: offer an interpreter.` });
	}
	const escalate = escalateAction(c);
	if (escalate && !escalate.group) top.push(escalate);
	const grouped = isCsr(c, s) ? [...customerMoves(c, s), ...moreMoves(c)] : [];
	return uniqueByKey([...top, ...carpMoves(step, c, s), ...grouped]);
}

const carpStepOf = (s: FormScope) => (s.active ?? []).find((id): id is (typeof CARP_STEPS)[number] => (CARP_STEPS as readonly string[]).includes(id));


function joiningForms(rung: 'senior' | 'supervisor') {
	return (s: FormScope): StepAction[] => {
		const c = asCtx(s.context);
		const x = c.escalations[c.escalations.length - 1];
		return [
			{
				event: 'escalation.accepted',
				label: `The ${rung} takes the contact`,
				fields: [
					{
						kind: 'info',
						name: 'brief',
						label: 'Warm-transfer brief',
						rows: [
							{ label: 'Brief', value: x?.brief ?? '—' },
							{ label: 'Why', value: x && x.reasons.length ? reasonsText(c, x.reasons) : 'no recorded reason' },
							{ label: 'Identity', value: verificationText(c) }
						]
					}
				]
			},
			...(isCsr(c, s) ? [abusedAction(), threatAction()] : [])
		];
	};
}

export const irateContactForms: StepForms = Object.fromEntries([
	...CARP_STEPS.map((step) => [step, (s: FormScope) => carpForms(step, asCtx(s.context), s)]),
	['seniorJoining', joiningForms('senior')],
	['supervisorJoining', joiningForms('supervisor')],
	[
		'abuseRequest',
		[{ event: 'abuse.askedToStop', label: 'Done: asked them respectfully to stop', fields: [] }, abusedAction('Is abusive again'), threatAction()]
	],
	[
		'abuseWarning',
		(s: FormScope) => {
			const c = asCtx(s.context);
			const step = carpStepOf(s);
			const carryOn = step ? carpMoves(step, c, s).map((a) => ({ ...a, group: 'They stopped? Carry on' })) : [];
			return uniqueByKey([
				{ event: 'abuse.warned', label: 'Done: warned the contact will end', fields: [] },
				abusedAction('Is abusive again'),
				threatAction(),
				...carryOn
			]);
		}
	],
	[
		'abuseEnd',
		(s: FormScope) => {
			const c = asCtx(s.context);
			const escalate = escalateAction(c);
			return [
				endContact('Abusive language went on after a respectful request to stop and an explicit warning. Supervisor told.'),
				...(escalate ? [{ ...escalate, group: MORE_GROUP, label: `Or: warm transfer to a ${nextRung(c)}` }] : []),
				threatAction()
			];
		}
	],
	['threatSignal', [{ event: 'coworker.signalled', label: 'Done: duress signal given to a coworker', tone: 'danger', fields: [] }, threatAction('Threatens again')]],
	['threatPolice', [{ event: 'police.called', label: 'The coworker has called 911', fields: [] }]],
	[
		'threatReport',
		(s: FormScope) => {
			const c = asCtx(s.context);
			return [
				{
					event: 'incident.reported',
					label: 'Save the incident report',
					fields: [
						{ kind: 'text', name: 'summary', label: 'What happened, and when', multiline: true, maxLength: 2000 },
						{
							kind: 'text',
							name: 'exactWords',
							label: 'Their exact words',
							multiline: true,
							optional: c.channel === 'counter',
							maxLength: 1000,
							value: c.threat?.words.filter(Boolean).join(' / ') ?? ''
						}
					]
				}
			];
		}
	]
]);

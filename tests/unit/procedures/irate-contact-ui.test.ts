import { describe, expect, it } from 'vitest';
import { createActor, type AnyMachineSnapshot, type AnyStateNode } from 'xstate';
import { irateContactMachine, type AccountOnFile, type IrateContactEvent, type IrateContactInput } from '$machines/irate-contact.machine';
import { activeSteps, listSteps } from '$machines/shared/steps';
import type { Actor } from '$machines/shared/types';
import { irateContactUi } from '$lib/procedures/ui/irate-contact';
import { parseStepAction, stepActions, type FormScope, type StepAction } from '$lib/procedures/step-forms';
import { policy } from '$lib/policy/settings';
import type { Level } from '$lib/domain/levels';

// Distinctive secrets: a scan of everything the UI returns must never find them.
const SECRETS = ['7319', '8642', '5097', '4410'];
const account: AccountOnFile & { balanceCents: number; authorised: { name: string; scope: string; last4?: string; until?: string }[] } = {
	accountNumber: '100-004271-01',
	holderName: 'Noah Kim',
	serviceAddress: '3596 Railroad Ave Apt 32',
	last4: '7319',
	pin: '8642',
	balanceCents: 12345,
	authorised: [
		{ name: 'Ana Kim', scope: 'full', last4: '5097' },
		{ name: 'Lee Park', scope: 'inquire', last4: '4410' }
	]
};

const at = Date.UTC(2026, 10, 3, 18, 0);
const CSR_ID = 11;
const csr = (level: Level = 'csr1'): Actor => ({ userId: String(CSR_ID), level });
const senior: Actor = { userId: '21', level: 'senior' };
const supervisor: Actor = { userId: '31', level: 'supervisor' };
const coworker: Actor = { userId: '12', level: 'csr1' };

type Ev = IrateContactEvent;
const e = (type: string, extra: Record<string, unknown> = {}, by: Actor = csr()): Ev => ({ type, at, by, ...extra }) as Ev;
const holderPin = e('identity.checked', { given: { name: 'Noah Kim', serviceAddress: '3596 Railroad Ave Apt 32', pin: '8642' } });
const opening = [e('control.established'), e('feeling.named'), holderPin, e('question.asked')];
const steps = [{ what: 'Reread scheduled', by: '2026-11-06' }];

function run(events: Ev[], over: Partial<IrateContactInput> = {}): AnyMachineSnapshot {
	const input: IrateContactInput = { policy, level: 'csr1', channel: 'phone', startingMood: 5, claimedName: 'Noah Kim', account, preferredLanguage: 'en', ...over };
	const a = createActor(irateContactMachine, { input }).start();
	for (const ev of events) a.send(ev);
	return a.getSnapshot() as AnyMachineSnapshot;
}

/** Every state of the contact worth a form, keyed by the step that is current in it. */
const scenes: Record<string, () => AnyMachineSnapshot> = {
	control: () => run([]),
	acknowledge: () => run([e('control.established')]),
	verify: () => run([e('control.established'), e('feeling.named')]),
	refocus: () => run([e('control.established'), e('feeling.named'), holderPin]),
	solve: () => run(opening),
	close: () => run([...opening, e('option.offered', { option: 'explain' }), e('nextSteps.summarised', { steps })]),
	seniorJoining: () => run([...opening, e('customer.demandedSupervisor'), e('escalation.requested', { brief: 'Wants a supervisor.' })]),
	supervisorJoining: () =>
		run([...opening, e('customer.demandedSupervisor'), e('escalation.requested', { brief: 'b' }), e('escalation.accepted', {}, senior), e('escalation.requested', { brief: 'Still wants one.' })]),
	abuseRequest: () => run([...opening, e('customer.abused')]),
	abuseWarning: () => run([...opening, e('customer.abused'), e('abuse.askedToStop')]),
	abuseEnd: () => run([...opening, e('customer.abused'), e('abuse.askedToStop'), e('abuse.warned'), e('customer.abused')]),
	threatSignal: () => run([...opening, e('customer.threatened', { words: 'I know where you live.' })]),
	threatPolice: () => run([...opening, e('customer.threatened', { words: 'I know where you live.' }), e('coworker.signalled')]),
	threatReport: () => run([...opening, e('customer.threatened', { words: 'I know where you live.' }), e('coworker.signalled'), e('police.called', {}, coworker)])
};

const scope = (snap: AnyMachineSnapshot, level: Level = 'csr1', id = CSR_ID): FormScope => ({
	context: snap.context as Record<string, unknown>,
	viewer: { level, id },
	active: activeSteps(snap).map((s) => s.id)
});
const current = (snap: AnyMachineSnapshot) => activeSteps(snap).at(-1)!.id;
const formsAt = (snap: AnyMachineSnapshot, level: Level = 'csr1', id = CSR_ID) => stepActions(irateContactUi.forms, current(snap), scope(snap, level, id));

/**
 * Moves the guided workflow deliberately does not prompt: solving or verifying before acknowledging (soft
 * slips training scores), offering before the clarifying questions, and more abuse once the contact is
 * due to end (the move there is ending it). The mistakes "calm down", blame, interrupting and confronting
 * are root-level moves, never prompted either.
 */
const NOT_PROMPTED: Record<string, string[]> = {
	control: ['option.offered', 'identity.checked'],
	acknowledge: ['option.offered', 'identity.checked'],
	refocus: ['option.offered'],
	abuseEnd: ['customer.abused']
};
/** The moves that end a contact, accepted at the root but belonging to these steps. */
const ENDS: Record<string, string> = { close: 'contact.closed', abuseEnd: 'contact.ended' };

function ownEvents(stepId: string): string[] {
	const found: string[] = [];
	const visit = (n: AnyStateNode) => {
		if ((n.meta as { step?: { id: string } } | undefined)?.step?.id === stepId) found.push(...Object.keys(n.on), ...(ENDS[stepId] ? [ENDS[stepId]] : []));
		for (const c of Object.values(n.states) as AnyStateNode[]) visit(c);
	};
	visit(irateContactMachine.root);
	return found.filter((t) => !(NOT_PROMPTED[stepId] ?? []).includes(t));
}

/** A plausible submission of an action's fields (what a CSR would type). */
function fill(action: StepAction, pick: Record<string, string> = {}): Record<string, string> {
	const form: Record<string, string> = {};
	for (const f of action.fields) {
		if (f.kind === 'text') form[f.name] = pick[f.name] ?? f.value ?? (f.optional ? '' : 'Noted.');
		if (f.kind === 'choice') form[f.name] = pick[f.name] ?? f.options[0].value;
		if (f.kind === 'rows') Object.assign(form, { [`${f.name}.0.what`]: 'Reread scheduled', [`${f.name}.0.by`]: '2026-11-06' });
	}
	return { ...form, ...pick };
}

describe('irate contact checklist UI', () => {
	it('covers every scene: each step with moves has forms, and the step’s own moves are all offered', () => {
		const ids = listSteps(irateContactMachine).map((s) => s.id);
		expect(Object.keys(scenes).sort()).toEqual([...ids].sort());
		for (const id of ids) {
			const snap = scenes[id]();
			expect(current(snap), id).toBe(id);
			const events = formsAt(snap).map((a) => a.event);
			expect(events.length, id).toBeGreaterThan(0);
			for (const t of ownEvents(id)) expect(events, `${id} offers ${t}`).toContain(t);
		}
	});

	it('every action of every scene parses into an event the machine takes now (or explains why not)', () => {
		for (const [id, make] of Object.entries(scenes)) {
			const snap = make();
			for (const action of formsAt(snap)) {
				const pick: Record<string, string> = action.event === 'identity.checked' ? { 'given.name': 'Noah Kim', 'given.serviceAddress': '3596 Railroad Ave Apt 32', 'given.pin': '8642' } : {};
				const parsed = parseStepAction(action, fill(action, pick));
				expect(parsed.ok, `${id}: ${action.label}`).toBe(true);
				if (!parsed.ok) continue;
				const by = action.event === 'escalation.accepted' ? (id === 'seniorJoining' ? senior : supervisor) : action.event === 'police.called' ? coworker : csr();
				const accepted = snap.can({ ...parsed.payload, at, by } as Ev);
				// The only moves offered that the machine may refuse are disclosures before verification (it explains the rule).
				if (!accepted) expect(action.event, `${id}: ${action.label}`).toBe('detail.disclosed');
			}
		}
	});

	it('never returns the account’s verification secrets: forms, options, info rows, side panel, printable note', () => {
		const contexts = [
			...Object.values(scenes).map((make) => make()),
			run([e('control.established'), e('feeling.named'), e('identity.checked', { given: { name: 'Ana Kim', serviceAddress: '3596 Railroad Ave Apt 32', last4: '5097' } })]),
			run([...opening, e('option.offered', { option: 'explain' }), e('nextSteps.summarised', { steps }), e('contact.closed', { why: 'High bill' })]),
			run([...opening, e('customer.abused'), e('abuse.askedToStop'), e('abuse.warned'), e('customer.abused'), e('contact.ended', { why: 'Abuse went on' })])
		];
		for (const snap of contexts) {
			// The scan can fail: the context itself does hold the secrets.
			expect(JSON.stringify(snap.context)).toContain('8642');
			const shown: unknown[] = [irateContactUi.captured(snap.context), irateContactUi.printable(snap.context)];
			for (const step of activeSteps(snap)) {
				for (const [level, id] of [['csr1', CSR_ID], ['senior', 21], ['supervisor', 31]] as const) shown.push(stepActions(irateContactUi.forms, step.id, { ...scope(snap, level, id) }));
			}
			const text = JSON.stringify(shown);
			for (const secret of SECRETS) expect(text).not.toContain(secret);
		}
	});

	it('identity goes to the machine nested as given; the CSR sees the result as a method only', () => {
		const snap = scenes.verify();
		const action = formsAt(snap).find((a) => a.event === 'identity.checked')!;
		const parsed = parseStepAction(action, { 'given.name': 'Noah Kim', 'given.serviceAddress': '3596 Railroad Ave Apt 32', 'given.last4': '7319' });
		expect(parsed).toEqual({ ok: true, payload: { type: 'identity.checked', given: { name: 'Noah Kim', serviceAddress: '3596 Railroad Ave Apt 32', pin: '', last4: '7319' } } });
		expect(action.fields.some((f) => f.name === 'given.photoId')).toBe(false);
		const counter = formsAt(run([e('control.established'), e('feeling.named')], { channel: 'counter' })).find((a) => a.event === 'identity.checked')!;
		expect(counter.fields.some((f) => f.name === 'given.photoId')).toBe(true);
		const panel = irateContactUi.captured(scenes.refocus().context as Record<string, unknown>);
		expect(panel.find((c) => c.label === 'Identity')?.value).toBe('Verified as the account holder by account PIN');
	});

	const offered = (snap: AnyMachineSnapshot, level: Level, id = CSR_ID) => {
		const offer = formsAt(snap, level, id).find((a) => a.key === 'offer')!;
		const choice = offer.fields.find((f) => f.kind === 'choice');
		return choice && choice.kind === 'choice' ? choice.options.map((o) => o.value) : [];
	};

	it.each([
		['a CSR I', 'csr1', ['explain', 'payment', 'route', 'assistanceReferral']],
		['a CSR II', 'csr2', ['explain', 'payment', 'route', 'assistanceReferral', 'paymentPlan', 'leakAdjustment', 'reread', 'medicalCertificateInfo']],
		['a CSR III', 'csr3', ['explain', 'payment', 'route', 'assistanceReferral', 'paymentPlan', 'leakAdjustment', 'reread', 'medicalCertificateInfo', 'adjustment']],
		['a supervisor', 'supervisor', ['explain', 'payment', 'route', 'assistanceReferral', 'paymentPlan', 'leakAdjustment', 'reread', 'medicalCertificateInfo', 'adjustment', 'exception']]
	] as const)('problem-solving lists only what %s may offer (policy.irate.offerMinLevel)', (_l, level, options) => {
		const snap = run(opening.map((ev) => ({ ...ev, by: csr(level) })), { level });
		expect(offered(snap, level)).toEqual(options);
	});

	it('never more than the viewer’s own level, and no account changes for a caller who may not make them', () => {
		const csr3Run = run(opening.map((ev) => ({ ...ev, by: csr('csr3') })), { level: 'csr3' });
		expect(offered(csr3Run, 'csr1')).toEqual(['explain', 'payment', 'route', 'assistanceReferral']);
		const unverified = run([e('control.established'), e('feeling.named'), e('identity.checked', { given: { name: 'Pat Doe', serviceAddress: 'x', pin: '0000' } }), e('question.asked')], { level: 'csr2' });
		expect(offered(unverified, 'csr2')).toEqual(['explain', 'payment', 'route', 'assistanceReferral', 'medicalCertificateInfo']);
		const inquireOnly = run([e('control.established'), e('feeling.named'), e('identity.checked', { given: { name: 'Lee Park', serviceAddress: '3596 Railroad Ave Apt 32', last4: '4410' } }), e('question.asked')], { level: 'csr2' });
		expect(offered(inquireOnly, 'csr2')).not.toContain('paymentPlan');
		expect(formsAt(inquireOnly, 'csr2').find((a) => a.key === 'offer')?.intro).toContain('without full scope');
	});

	it('after a warm transfer the CSR records what the senior offers, with the senior’s limits', () => {
		const snap = run([...opening, e('customer.demandedSupervisor'), e('escalation.requested', { brief: 'b' }), e('escalation.accepted', {}, senior)]);
		expect(offered(snap, 'csr1')).toContain('adjustment');
		const offer = formsAt(snap, 'csr1').find((a) => a.key === 'offer')!;
		expect(offer.label).toBe('Record what the senior offers');
		expect(JSON.stringify(offer)).toContain('up to $250.00');
	});

	it('a supervisor demand puts the warm transfer on top, with a drafted brief naming the verification method only', () => {
		const snap = run([...opening, e('customer.demandedSupervisor')]);
		const [first] = formsAt(snap);
		expect(first).toMatchObject({ event: 'escalation.requested', label: 'Warm transfer to a senior', group: undefined });
		expect(first.intro).toContain('asked for a supervisor');
		const brief = first.fields[0];
		expect(brief.kind === 'text' && brief.value).toContain('Verified as the account holder by account PIN');
		// Without a recorded reason it is still possible, but tucked among the other moves.
		expect(formsAt(scenes.solve()).find((a) => a.event === 'escalation.requested')?.group).toBe('You can also');
	});

	it('the senior joining sees the brief and may take the contact; the CSR’s own moves are not offered to them', () => {
		const snap = scenes.seniorJoining();
		const forSenior = formsAt(snap, 'senior', 21);
		expect(forSenior.map((a) => a.event)).toEqual(['escalation.accepted']);
		expect(JSON.stringify(forSenior)).toContain('Wants a supervisor.');
	});

	it('the side panel and the printable note show the escalation and its brief, and no mood', () => {
		const snap = run([
			...opening,
			e('customer.demandedSupervisor'),
			e('escalation.requested', { brief: 'Noah Kim wants a supervisor about a high bill.' }),
			e('escalation.accepted', {}, senior),
			e('option.offered', { option: 'explain' }, csr()),
			e('nextSteps.summarised', { steps }),
			e('contact.closed', { why: 'High bill after a leak' })
		]);
		const ctx = snap.context as Record<string, unknown>;
		const panel = JSON.stringify(irateContactUi.captured(ctx));
		expect(panel).toContain('Warm transfer to a senior (taken)');
		expect(panel).not.toMatch(/mood/i);
		const print = irateContactUi.printable(ctx);
		expect(print.map((s) => s.heading)).toEqual(['Contact', 'What the customer raised', 'Offered', 'Escalation (warm transfer)', 'Next steps', 'Account note']);
		expect(print.find((s) => s.heading === 'Escalation (warm transfer)')?.table?.[1]).toEqual(
			expect.arrayContaining(['senior', 'the customer asked for a supervisor', 'Noah Kim wants a supervisor about a high bill.'])
		);
		expect(print.find((s) => s.heading === 'Account note')?.text).toContain('Escalations: warm transfer to senior (customer-asked), taken');
		expect(JSON.stringify(print)).not.toMatch(/mood/i);
	});

	it('a caller not tied to an account gets general help only: no verification form, no account details to tell', () => {
		const none = { accountNumber: '', holderName: '', serviceAddress: '', authorised: [] };
		const verify = run([e('control.established'), e('feeling.named')], { account: none, claimedName: 'Caller (name not given)' });
		const [move] = formsAt(verify);
		expect(move.label).toBe('No account: go on with general help');
		expect(move.fields.every((f) => f.kind === 'hidden')).toBe(true);
		const parsed = parseStepAction(move, {});
		expect(parsed.ok && verify.can({ ...parsed.payload, at, by: csr() } as Ev)).toBe(true);
		expect(formsAt(verify).some((a) => a.event === 'detail.disclosed')).toBe(false);
	});

	it('next steps need a dated row; a bad date is a field error, not a machine refusal', () => {
		const summarise = formsAt(scenes.solve()).find((a) => a.event === 'nextSteps.summarised')!;
		expect(parseStepAction(summarise, {})).toEqual({ ok: false, errors: { steps: 'Next steps (what happens, by when): fill in at least 1 row.' } });
		const bad = parseStepAction(summarise, { 'steps.0.what': 'Call back', 'steps.0.by': 'Friday' });
		expect(bad.ok === false && bad.errors['steps.0.by']).toContain('must be a date');
		expect(parseStepAction(summarise, { 'steps.0.what': 'Call back', 'steps.0.by': '2026-11-05' })).toEqual({
			ok: true,
			payload: { type: 'nextSteps.summarised', steps: [{ what: 'Call back', by: '2026-11-05' }] }
		});
	});

	it('a holder who prefers another language on file gets the interpreter offer first, never twice', () => {
		const forms = formsAt(run([], { preferredLanguage: 'es' }));
		expect(forms[0]).toMatchObject({ event: 'interpreter.offered', group: undefined, intro: 'On file, the holder prefers Spanish: offer an interpreter.' });
		expect(forms.filter((a) => a.event === 'interpreter.offered')).toHaveLength(1);
		expect(formsAt(run([])).find((a) => a.event === 'interpreter.offered')?.group).toBe('You can also');
	});

	it('the phone incident report starts from the words the CSR recorded and needs them', () => {
		const report = formsAt(scenes.threatReport())[0];
		const words = report.fields.find((f) => f.name === 'exactWords');
		expect(words).toMatchObject({ kind: 'text', value: 'I know where you live.', optional: false });
	});
});

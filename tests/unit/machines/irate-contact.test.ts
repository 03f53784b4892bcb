import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, type AnyStateNode, type SnapshotFrom } from 'xstate';
import {
	irateContactMachine,
	irateContactRules,
	judgeIdentity,
	adjustmentLimitCents,
	type IrateContactEvent,
	type IrateContactInput,
	type IdentityGiven,
	type OfferOption,
	type AccountOnFile
} from '$machines/irate-contact.machine';
import { MOOD_DELTAS, clampMood } from '$machines/irate-mood';
import { whyNot } from '$machines/shared/rules';
import { listSteps } from '$machines/shared/steps';
import type { Actor } from '$machines/shared/types';
import type { Level } from '$lib/domain/levels';
import { policy } from '$lib/policy/settings';
import { formatCoverage, measureCoverage } from '$tests/fixtures/machine-coverage';

type Ev = IrateContactEvent;
type Snap = SnapshotFrom<typeof irateContactMachine>;

const csr: Actor = { userId: 'u-csr', level: 'csr1' };
const coworker: Actor = { userId: 'u-cowork', level: 'csr1' };
const senior: Actor = { userId: 'u-senior', level: 'senior' };
const supervisor: Actor = { userId: 'u-super', level: 'supervisor' };
const at = Date.UTC(2026, 10, 3, 18, 0); // Tue Nov 3 2026, 10:00 local

const account: AccountOnFile = {
	accountNumber: '100-2001',
	holderName: 'Dana Reyes',
	serviceAddress: '14 Elm St',
	last4: '1234',
	pin: '9876',
	authorised: [
		{ name: 'Sam Reyes', until: '2026-12-31', last4: '5555' },
		{ name: 'Old Friend', until: '2026-11-02' }
	]
};
const input = (over: Partial<IrateContactInput> = {}): IrateContactInput => ({
	policy,
	level: 'csr1',
	channel: 'phone',
	startingMood: 7,
	claimedName: 'Dana Reyes',
	account,
	preferredLanguage: 'en',
	...over
});

const holder: IdentityGiven = { name: 'Dana Reyes', serviceAddress: '14 Elm St', pin: '9876' };
const stranger: IdentityGiven = { name: 'Pat Doe', serviceAddress: '14 Elm St', pin: '0000' };
const nextSteps = [{ what: 'Reread scheduled', by: '2026-11-06' }];

/** Event makers (every event stamped; `by` defaults to the CSR). */
const ev = {
	control: (by = csr): Ev => ({ type: 'control.established', at, by }),
	calmDown: (): Ev => ({ type: 'said.calmDown', at, by: csr }),
	blame: (): Ev => ({ type: 'said.blame', at, by: csr }),
	ventHeard: (): Ev => ({ type: 'vent.heard', at, by: csr }),
	interrupt: (): Ev => ({ type: 'vent.interrupted', at, by: csr }),
	feeling: (): Ev => ({ type: 'feeling.named', feeling: 'frustrated', at, by: csr }),
	id: (given: IdentityGiven = holder, when = at): Ev => ({ type: 'identity.checked', given, at: when, by: csr }),
	interpreter: (via: 'phone-line' | 'colleague' | 'customer-child'): Ev => ({ type: 'interpreter.offered', via, at, by: csr }),
	question: (): Ev => ({ type: 'question.asked', question: 'When did the bill go up?', at, by: csr }),
	offer: (option: OfferOption, amountCents?: number, by = csr): Ev => ({ type: 'option.offered', option, amountCents, at, by }),
	disclose: (): Ev => ({ type: 'detail.disclosed', detail: 'balance', at, by: csr }),
	escalate: (brief = 'Dana Reyes, high bill, wants a $200 leak credit; offered explanation; mood 6.', by = csr): Ev => ({ type: 'escalation.requested', brief, at, by }),
	accept: (by: Actor = senior): Ev => ({ type: 'escalation.accepted', at, by }),
	summarise: (steps = nextSteps): Ev => ({ type: 'nextSteps.summarised', steps, at, by: csr }),
	close: (why = 'High bill after a leak', promises = ['Call back by Nov 6']): Ev => ({ type: 'contact.closed', why, promises, at, by: csr }),
	end: (why = 'Ended after continued abuse', by = csr): Ev => ({ type: 'contact.ended', why, at, by }),
	askStop: (): Ev => ({ type: 'abuse.askedToStop', at, by: csr }),
	warn: (): Ev => ({ type: 'abuse.warned', at, by: csr }),
	signal: (): Ev => ({ type: 'coworker.signalled', at, by: csr }),
	police: (by: Actor = coworker): Ev => ({ type: 'police.called', at, by }),
	report: (exactWords?: string): Ev => ({ type: 'incident.reported', summary: 'Customer threatened staff at 10:05.', exactWords, at, by: csr }),
	confront: (): Ev => ({ type: 'threat.confronted', at, by: csr }),
	vented: (): Ev => ({ type: 'customer.vented', at, by: csr }),
	abused: (): Ev => ({ type: 'customer.abused', words: '(abusive language)', at, by: csr }),
	threatened: (words = "I'll be waiting for you outside."): Ev => ({ type: 'customer.threatened', words, at, by: csr }),
	demand: (): Ev => ({ type: 'customer.demandedSupervisor', at, by: csr }),
	request: (option: OfferOption, amountCents?: number): Ev => ({ type: 'customer.requested', option, amountCents, at, by: csr })
};

/** Every kind of move, with boundary values and wrong actors, for properties and persistence. */
const sampleEvents: Ev[] = [
	ev.control(),
	ev.calmDown(),
	ev.blame(),
	ev.ventHeard(),
	ev.interrupt(),
	ev.feeling(),
	ev.id(),
	ev.id(stranger),
	ev.interpreter('phone-line'),
	ev.interpreter('customer-child'),
	ev.question(),
	ev.offer('explain'),
	ev.offer('paymentPlan'),
	ev.offer('leakAdjustment', 10000),
	ev.offer('leakAdjustment', 10001),
	ev.offer('adjustment', 25001),
	ev.offer('exception'),
	ev.disclose(),
	ev.escalate(),
	ev.escalate(''),
	ev.accept(csr),
	ev.accept(senior),
	ev.accept(supervisor),
	ev.summarise(),
	ev.summarise([]),
	ev.close(),
	ev.close(''),
	ev.end(),
	ev.askStop(),
	ev.warn(),
	ev.signal(),
	ev.police(csr),
	ev.police(coworker),
	ev.report(),
	ev.report('exact words'),
	ev.confront(),
	ev.vented(),
	ev.abused(),
	ev.threatened(),
	ev.demand(),
	ev.request('paymentPlan'),
	ev.request('explain')
];

function start(over: Partial<IrateContactInput> = {}, events: Ev[] = []) {
	const a = createActor(irateContactMachine, { input: input(over) }).start();
	for (const e of events) a.send(e);
	return a;
}
const carpOf = (s: Snap) => (s.value as { active?: { carp: string } }).active?.carp;
const regionOf = (s: Snap, region: 'identity' | 'handler' | 'abuse' | 'safety') => (s.value as { active?: Record<string, string> }).active?.[region];
const why = (s: Snap, e: Ev) => whyNot(s, e, irateContactRules);

/** The standard opening: control, acknowledge, verify the holder, refocus. */
const opening: Ev[] = [ev.control(), ev.ventHeard(), ev.feeling(), ev.id(), ev.question()];

describe('irate contact machine', () => {
	describe('CARP', () => {
		it('golden order: control → acknowledge → verify → refocus → solve → close, documented, no slips', () => {
			const a = start();
			expect(carpOf(a.getSnapshot())).toBe('control');
			a.send(ev.control());
			expect(carpOf(a.getSnapshot())).toBe('acknowledge');
			a.send(ev.ventHeard());
			a.send(ev.feeling());
			expect(carpOf(a.getSnapshot())).toBe('verify');
			a.send(ev.id());
			expect(carpOf(a.getSnapshot())).toBe('refocus');
			expect(regionOf(a.getSnapshot(), 'identity')).toBe('verified');
			a.send(ev.disclose());
			a.send(ev.question());
			expect(carpOf(a.getSnapshot())).toBe('solve');
			a.send(ev.offer('explain'));
			a.send(ev.offer('assistanceReferral'));
			a.send(ev.summarise());
			expect(carpOf(a.getSnapshot())).toBe('close');
			a.send(ev.close());
			const s = a.getSnapshot();
			expect(s.value).toBe('resolved');
			expect(s.status).toBe('done');
			expect(s.context.softOrderSlips).toEqual([]);
			expect(s.context.breaches).toEqual([]);
			expect(s.context.roles).toEqual({ csr: 'u-csr' });
			expect(s.context.disclosures).toEqual([{ detail: 'balance', at, to: 'Dana Reyes' }]);
			expect(s.context.note).toMatchObject({
				who: 'Dana Reyes (phone)',
				verification: 'verified as holder by pin',
				why: 'High bill after a leak',
				offered: ['explain the bill or policy', 'refer to bill-payment assistance'],
				promises: ['Call back by Nov 6'],
				nextSteps,
				referrals: ['refer to bill-payment assistance']
			});
			expect(s.context.effects).toHaveLength(1);
			const note = s.context.effects[0];
			expect(note).toMatchObject({ type: 'note.add', accountNumber: '100-2001', category: 'contact' });
			expect(note.type === 'note.add' && note.body).toContain('verified as holder by pin');
			// Every de-escalating move lowered the mood; the history replays it.
			expect(s.context.mood).toBeLessThan(7);
			expect(s.context.moodHistory.map((m) => m.move)).toEqual([
				'control.established',
				'vent.heard',
				'feeling.named',
				'identity.checked',
				'detail.disclosed',
				'question.asked',
				'option.offered',
				'option.offered',
				'nextSteps.summarised',
				'contact.closed'
			]);
		});

		it('a contact can only close after next steps with dates and a reason for the note', () => {
			const a = start({}, [...opening, ev.offer('explain')]);
			expect(why(a.getSnapshot(), ev.close())?.rule).toBe('summarise-next-steps-first');
			expect(why(a.getSnapshot(), ev.summarise([]))?.rule).toBe('next-steps-need-dates');
			expect(why(a.getSnapshot(), ev.summarise([{ what: 'Call back', by: 'Friday' }]))?.rule).toBe('next-steps-need-dates');
			a.send(ev.summarise());
			expect(why(a.getSnapshot(), ev.close('  '))?.rule).toBe('close-note-required');
			expect(why(a.getSnapshot(), ev.close())).toBeNull();
		});

		it('names the current step when a move is out of order', () => {
			const a = start();
			const r = why(a.getSnapshot(), ev.summarise());
			expect(r?.rule).toBe('out-of-order');
			expect(r?.reason).toContain('Take control');
		});
	});

	describe('identity before disclosure (§1, F-30)', () => {
		it('refuses any account detail before verification as the critical disclosure-before-verification', () => {
			const a = start({}, [ev.control(), ev.feeling()]);
			const r = why(a.getSnapshot(), ev.disclose());
			expect(r).toMatchObject({ rule: 'disclosure-before-verification', critical: 'disclosure-before-verification' });
			a.send(ev.disclose());
			expect(a.getSnapshot().context.disclosures).toEqual([]);
		});

		it('a caller not on the account (F-30) is not verified, gets no balance, and the contact carries on with general help', () => {
			const a = start({ claimedName: 'Pat Doe' }, [ev.control(), ev.feeling(), ev.id(stranger)]);
			const s = a.getSnapshot();
			expect(regionOf(s, 'identity')).toBe('notVerified');
			expect(carpOf(s)).toBe('refocus');
			expect(s.context.verification).toMatchObject({ ok: false, failure: expect.stringContaining('not the account holder') });
			expect(why(s, ev.disclose())).toMatchObject({ rule: 'disclosure-before-verification', critical: 'disclosure-before-verification' });
			expect(why(s, ev.offer('reread', undefined, { ...csr, level: 'csr2' }))?.rule).toBe('beyond-authority');
			a.send(ev.offer('explain'));
			a.send(ev.summarise());
			a.send(ev.close('Caller asked for the balance; not on the account'));
			const done = a.getSnapshot();
			expect(done.value).toBe('resolved');
			expect(done.context.disclosures).toEqual([]);
			expect(done.context.note?.verification).toContain('not verified');
		});

		it('account-changing options wait for verification even within authority', () => {
			const a = start({ level: 'csr2' }, [ev.control(), ev.feeling()]);
			expect(why(a.getSnapshot(), ev.offer('paymentPlan'))?.rule).toBe('verify-before-account-change');
			expect(why(a.getSnapshot(), ev.offer('explain'))).toBeNull();
			a.send(ev.id());
			expect(why(a.getSnapshot(), ev.offer('paymentPlan'))).toBeNull();
		});

		const phoneCtx = () => start().getSnapshot().context;
		const counterCtx = () => start({ channel: 'counter' }).getSnapshot().context;
		it.each([
			['holder with PIN', phoneCtx, holder, true, 'pin'],
			['holder with last 4', phoneCtx, { name: ' dana  reyes ', serviceAddress: '14 ELM ST', last4: '1234' }, true, 'last4'],
			['holder with a wrong PIN', phoneCtx, { ...holder, pin: '1111' }, false, null],
			['holder with nothing but name and address', phoneCtx, { name: 'Dana Reyes', serviceAddress: '14 Elm St' }, false, null],
			['holder, wrong service address', phoneCtx, { ...holder, serviceAddress: '41 Elm St' }, false, null],
			['photo ID at the counter', counterCtx, { name: 'Dana Reyes', serviceAddress: '14 Elm St', photoId: true }, true, 'photo-id'],
			['photo ID claimed on the phone', phoneCtx, { name: 'Dana Reyes', serviceAddress: '14 Elm St', photoId: true }, false, null],
			['authorised person with own last 4', phoneCtx, { name: 'Sam Reyes', serviceAddress: '14 Elm St', last4: '5555' }, true, 'last4'],
			['authorised person whose authorisation ended yesterday', phoneCtx, { name: 'Old Friend', serviceAddress: '14 Elm St', pin: '9876' }, false, null],
			['caller not on the account (F-30)', phoneCtx, stranger, false, null]
		] as const)('%s', (_label, ctx, given, ok, method) => {
			const v = judgeIdentity(ctx(), given, at);
			expect(v.ok).toBe(ok);
			expect(v.method).toBe(method);
		});

		it('an empty secret on file never matches an empty answer', () => {
			const ctx = start({ account: { ...account, pin: undefined, last4: undefined } }).getSnapshot().context;
			expect(judgeIdentity(ctx, { name: 'Dana Reyes', serviceAddress: '14 Elm St', pin: '', last4: '' }, at).ok).toBe(false);
		});
	});

	describe('authority to offer (§8, F-35)', () => {
		it.each([
			['csr1', 'explain', undefined, null],
			['csr1', 'payment', undefined, null],
			['csr1', 'route', undefined, null],
			['csr1', 'assistanceReferral', undefined, null],
			['csr1', 'paymentPlan', undefined, 'beyond-authority'],
			['csr1', 'leakAdjustment', 5000, 'beyond-authority'],
			['csr1', 'medicalCertificateInfo', undefined, 'beyond-authority'],
			['csr2', 'paymentPlan', undefined, null],
			['csr2', 'reread', undefined, null],
			['csr2', 'medicalCertificateInfo', undefined, null],
			['csr2', 'leakAdjustment', 10000, null],
			['csr2', 'leakAdjustment', 10001, 'beyond-authority'],
			['csr2', 'adjustment', 100, 'beyond-authority'],
			['csr3', 'leakAdjustment', 25000, null],
			['csr3', 'leakAdjustment', 25001, 'beyond-authority'],
			['csr3', 'adjustment', 25000, null],
			['csr3', 'adjustment', 25001, 'beyond-authority'],
			['csr3', 'exception', undefined, 'beyond-authority'],
			['senior', 'adjustment', 25001, 'beyond-authority'],
			['supervisor', 'adjustment', 25001, null],
			['supervisor', 'exception', undefined, null],
			['csr3', 'leakAdjustment', undefined, 'amount-required'],
			['csr3', 'leakAdjustment', 0, 'amount-required']
		] as const)('%s offering %s (%s cents) → %s', (level, option, amount, rule) => {
			const a = start({ level: level as Level }, opening);
			const r = why(a.getSnapshot(), ev.offer(option, amount));
			expect(r?.rule ?? null).toBe(rule);
			a.send(ev.offer(option, amount));
			expect(a.getSnapshot().context.offers).toHaveLength(rule ? 0 : 1);
		});

		it('the refusal explains the limit and points to escalation', () => {
			const a = start({ level: 'csr2' }, opening);
			const r = why(a.getSnapshot(), ev.offer('leakAdjustment', 10001));
			expect(r?.reason).toContain('$100.01');
			expect(r?.reason).toContain('$100.00');
			expect(r?.reason).toContain('warm transfer');
		});

		it('adjustment limits come from policy.leak.authorityCents', () => {
			expect(adjustmentLimitCents(policy, 'csr1')).toBe(0);
			expect(adjustmentLimitCents(policy, 'csr2')).toBe(policy.leak.authorityCents.csr2);
			expect(adjustmentLimitCents(policy, 'csr3')).toBe(policy.leak.authorityCents.csr3);
			expect(adjustmentLimitCents(policy, 'senior')).toBe(policy.leak.authorityCents.csr3);
			expect(adjustmentLimitCents(policy, 'supervisor')).toBeNull();
		});
	});

	describe('soft slips', () => {
		it('problem-solving before acknowledging is allowed and recorded as acknowledge-before-solve', () => {
			const a = start({}, [ev.control(), ev.offer('explain')]);
			const s = a.getSnapshot();
			expect(carpOf(s)).toBe('acknowledge');
			expect(s.context.offers).toHaveLength(1);
			expect(s.context.softOrderSlips).toEqual(['acknowledge-before-solve']);
		});

		it('"calm down", blame and interrupting the vent are allowed, raise the mood and record a slip each', () => {
			const a = start({ startingMood: 5 }, [ev.control()]);
			const before = a.getSnapshot().context.mood;
			a.send(ev.calmDown());
			expect(a.getSnapshot().context.mood).toBe(before + MOOD_DELTAS['said.calmDown'].delta);
			a.send(ev.interrupt());
			a.send(ev.blame());
			a.send(ev.calmDown());
			const s = a.getSnapshot();
			expect(s.context.softOrderSlips).toEqual(['no-calm-down', 'no-interrupting', 'no-blame']);
			expect(s.context.mood).toBe(policy.irate.moodMax);
		});

		it('verifying before acknowledging is a slip, and the verify step is then already done', () => {
			const a = start({}, [ev.control(), ev.id()]);
			expect(a.getSnapshot().context.softOrderSlips).toEqual(['acknowledge-before-verify']);
			a.send(ev.feeling());
			expect(carpOf(a.getSnapshot())).toBe('refocus');
		});

		it('step meta declares the soft and hard orderings', () => {
			const steps = listSteps(irateContactMachine);
			const orders = steps.flatMap((s) => s.order ?? []);
			expect(orders.find((o) => o.id === 'acknowledge-before-solve')?.kind).toBe('soft');
			expect(orders.find((o) => o.id === 'verify-before-disclosure')?.kind).toBe('hard');
			expect(orders.find((o) => o.id === 'abuse-two-steps')?.kind).toBe('hard');
		});
	});

	describe('language access (§1)', () => {
		it('never the customer’s child as interpreter', () => {
			const a = start({ preferredLanguage: 'es' }, [ev.control()]);
			expect(why(a.getSnapshot(), ev.interpreter('customer-child'))?.rule).toBe('no-child-interpreter');
			a.send(ev.interpreter('customer-child'));
			expect(a.getSnapshot().context.interpreter).toBeNull();
		});

		it.each([
			['offered the interpreter line', [ev.interpreter('phone-line')], []],
			['offered a colleague', [ev.interpreter('colleague')], []],
			['offered nothing', [], ['interpreter-not-offered']]
		] as const)('Spanish-speaking customer %s', (_l, extra, breaches) => {
			const a = start({ preferredLanguage: 'es' }, [ev.control(), ...extra, ev.feeling(), ev.id(), ev.question(), ev.offer('explain'), ev.summarise(), ev.close()]);
			const s = a.getSnapshot();
			expect(s.value).toBe('resolved');
			expect(s.context.breaches.map((b) => b.rule)).toEqual(breaches);
			if (extra.length) expect(s.context.note?.referrals.join()).toContain('interpreter');
		});
	});

	describe('escalation (§8 Escalate, F-31, F-32, F-35)', () => {
		it.each([
			['the customer demands a supervisor (F-31)', [ev.demand()], ['customer-asked'], []],
			['the request is beyond authority (F-35)', [ev.request('paymentPlan')], ['beyond-authority'], []],
			['abuse continues after the request and the warning (F-33)', [ev.abused(), ev.askStop(), ev.warn(), ev.abused()], ['abuse-continues'], []],
			['a routine question (F-32)', [ev.request('explain')], [], ['needless-escalation']],
			['a request within authority', [ev.request('payment')], [], ['needless-escalation']]
		] as const)('escalating when %s', (_l, before, reasons, breaches) => {
			const a = start({}, [...opening, ...before, ev.escalate()]);
			const s = a.getSnapshot();
			expect(regionOf(s, 'handler')).toBe('seniorJoining');
			expect(s.hasTag('needsSecondPerson')).toBe(true);
			expect(s.context.escalations[0]).toMatchObject({ rung: 'senior', reasons, warranted: reasons.length > 0 });
			expect(s.context.breaches.map((b) => b.rule)).toEqual(breaches);
		});

		it('warm transfer: senior, then supervisor; each takes the contact with their authority', () => {
			const a = start({ level: 'csr2' }, [...opening, ev.request('leakAdjustment', 30000)]);
			expect(why(a.getSnapshot(), ev.offer('leakAdjustment', 30000))?.rule).toBe('beyond-authority');
			expect(why(a.getSnapshot(), ev.escalate('  '))?.rule).toBe('warm-transfer-brief');
			a.send(ev.escalate());
			expect(why(a.getSnapshot(), ev.escalate())?.rule).toBe('transfer-pending');
			expect(why(a.getSnapshot(), ev.accept(csr))?.rule).toBe('transfer-to-someone-else');
			a.send(ev.accept(senior));
			let s = a.getSnapshot();
			expect(regionOf(s, 'handler')).toBe('senior');
			expect(s.context.authorityLevel).toBe('senior');
			expect(s.context.roles.escalatedTo).toBe('u-senior');
			// $300 is still beyond a senior: the next escalation is warranted and goes to the supervisor.
			a.send(ev.escalate('Still wants $300; senior can do $250.', senior));
			s = a.getSnapshot();
			expect(regionOf(s, 'handler')).toBe('supervisorJoining');
			expect(s.context.escalations[1]).toMatchObject({ rung: 'supervisor', warranted: true, reasons: ['beyond-authority'] });
			expect(why(s, ev.accept(senior))?.rule).toBe('transfer-to-someone-else');
			a.send(ev.accept(supervisor));
			s = a.getSnapshot();
			expect(regionOf(s, 'handler')).toBe('supervisor');
			expect(s.context.authorityLevel).toBe('supervisor');
			expect(why(s, ev.escalate())?.rule).toBe('no-one-above');
			a.send(ev.offer('leakAdjustment', 30000, supervisor));
			a.send(ev.summarise());
			a.send(ev.close());
			s = a.getSnapshot();
			expect(s.value).toBe('resolved');
			expect(s.context.breaches).toEqual([]);
			expect(s.context.note?.escalations).toHaveLength(2);
		});

		it('a senior running the contact escalates straight to the supervisor', () => {
			const a = start({ level: 'senior' }, [...opening, ev.demand(), ev.escalate()]);
			expect(regionOf(a.getSnapshot(), 'handler')).toBe('supervisorJoining');
		});

		it('a supervisor has no one to escalate to', () => {
			const a = start({ level: 'supervisor' }, opening);
			expect(why(a.getSnapshot(), ev.escalate())?.rule).toBe('no-one-above');
		});
	});

	describe('abuse protocol (§8 Abuse, F-33)', () => {
		it.each([
			['after 0 steps', 'abuse-two-steps', [ev.abused()]],
			['after 1 step (request only)', 'abuse-two-steps', [ev.abused(), ev.askStop(), ev.abused()]],
			['after 2 steps but the customer stopped', 'abuse-not-continuing', [ev.abused(), ev.askStop(), ev.abused(), ev.warn()]],
			['after 2 steps with the abuse continuing', null, [ev.abused(), ev.askStop(), ev.abused(), ev.warn(), ev.abused()]],
			['with no abuse at all', 'no-reason-to-end', []]
		] as const)('ending %s → %s', (_l, rule, before) => {
			const a = start({}, [ev.control(), ...before]);
			expect(why(a.getSnapshot(), ev.end())?.rule ?? null).toBe(rule);
			a.send(ev.end());
			const s = a.getSnapshot();
			expect(s.value === 'endedForAbuse').toBe(rule === null);
			if (rule === null) {
				expect(s.context.effects.map((e) => e.type)).toEqual(['note.add', 'incident.report']);
				expect(s.context.note?.incidents[0]).toContain('asked to stop; warned');
			}
		});

		it('the warning comes after the request (hard order)', () => {
			const a = start({}, [ev.control(), ev.abused()]);
			expect(why(a.getSnapshot(), ev.warn())?.rule).toBe('out-of-order');
			expect(why(a.getSnapshot(), ev.warn())?.reason).toContain('ask respectfully to stop');
		});

		it('an end without a note is refused', () => {
			const a = start({}, [ev.control(), ev.abused(), ev.askStop(), ev.warn(), ev.abused()]);
			expect(why(a.getSnapshot(), ev.end(' '))?.rule).toBe('end-note-required');
		});

		it('not ending while the abuse goes on after both steps is recorded once (abuse-not-ended)', () => {
			const a = start({}, [...opening, ev.abused(), ev.askStop(), ev.warn(), ev.abused()]);
			expect(regionOf(a.getSnapshot(), 'abuse')).toBe('persisting');
			expect(a.getSnapshot().context.breaches).toEqual([]);
			a.send(ev.abused());
			a.send(ev.abused());
			a.send(ev.offer('explain'));
			a.send(ev.summarise());
			a.send(ev.close());
			const s = a.getSnapshot();
			expect(s.value).toBe('resolved');
			expect(s.context.breaches.map((b) => b.rule)).toEqual(['abuse-not-ended']);
		});

		it('closing normally while abuse persists after both steps is recorded', () => {
			const a = start({}, [...opening, ev.offer('explain'), ev.summarise(), ev.abused(), ev.askStop(), ev.warn(), ev.abused(), ev.close()]);
			expect(a.getSnapshot().context.breaches.map((b) => b.rule)).toEqual(['abuse-not-ended']);
		});
	});

	describe('threat protocol (§8 Threat, F-34)', () => {
		it('at the counter: no ending or closing before a coworker is signalled (critical), coworker calls 911, incident report', () => {
			const a = start({ channel: 'counter' }, [...opening, ev.offer('explain'), ev.summarise(), ev.threatened()]);
			let s = a.getSnapshot();
			expect(regionOf(s, 'safety')).toBe('threatened');
			expect(why(s, ev.end())).toMatchObject({ rule: 'threat-handled-alone', critical: 'threat-handled-alone' });
			expect(why(s, ev.close())).toMatchObject({ rule: 'threat-handled-alone', critical: 'threat-handled-alone' });
			a.send(ev.end());
			expect(a.getSnapshot().status).toBe('active');
			a.send(ev.signal());
			s = a.getSnapshot();
			expect(s.context.threat?.signalledBy).toBe('u-csr');
			expect(why(s, ev.end())?.rule).toBe('threat-protocol-incomplete');
			expect(why(s, ev.police(csr))?.rule).toBe('coworker-calls-911');
			a.send(ev.police(coworker));
			expect(why(a.getSnapshot(), { type: 'incident.reported', summary: '', at, by: csr })?.rule).toBe('incident-report-incomplete');
			a.send(ev.report());
			a.send(ev.end('Customer threatened staff; police called'));
			s = a.getSnapshot();
			expect(s.value).toBe('endedAfterThreat');
			expect(s.context.effects.map((e) => e.type)).toEqual(['incident.report', 'note.add']);
			const report = s.context.effects[0];
			expect(report.type === 'incident.report' && report.summary).toContain('Coworker signalled; 911 called by a coworker');
		});

		it('on the phone: the incident report needs the exact words', () => {
			const a = start({ channel: 'phone' }, [ev.control(), ev.threatened('I know where you live.'), ev.signal(), ev.police()]);
			expect(why(a.getSnapshot(), ev.report())?.rule).toBe('exact-words-required');
			a.send(ev.report('I know where you live.'));
			const s = a.getSnapshot();
			expect(regionOf(s, 'safety')).toBe('reported');
			const report = s.context.effects[0];
			expect(report.type === 'incident.report' && report.summary).toContain('Exact words: "I know where you live."');
		});

		it('confronting a threat is recorded as a breach and inflames the customer', () => {
			const a = start({ channel: 'counter', startingMood: 5 }, [ev.control(), ev.threatened()]);
			const before = a.getSnapshot().context.mood;
			a.send(ev.confront());
			const s = a.getSnapshot();
			expect(s.context.breaches.map((b) => b.rule)).toEqual(['threat-confronted']);
			expect(s.context.mood).toBeGreaterThan(before);
		});

		it('a threatened contact that is reported may still close normally', () => {
			const a = start({ channel: 'counter' }, [...opening, ev.offer('explain'), ev.summarise(), ev.threatened(), ev.signal(), ev.police(), ev.report(), ev.close()]);
			expect(a.getSnapshot().value).toBe('resolved');
		});
	});

	describe('mood', () => {
		it.each([
			[-5, policy.irate.moodMin],
			[0, 0],
			[7, 7],
			[10, 10],
			[15, policy.irate.moodMax],
			[Number.NaN, policy.irate.moodMin]
		])('a starting mood of %s is clamped to %s', (startMood, expected) => {
			expect(start({ startingMood: startMood }).getSnapshot().context.mood).toBe(expected);
		});

		it('stays within bounds at both ends, and the history logs the clamped values', () => {
			const up = start({ startingMood: 9 }, [ev.calmDown(), ev.calmDown(), ev.interrupt()]).getSnapshot().context;
			expect(up.mood).toBe(policy.irate.moodMax);
			expect(up.moodHistory.map((m) => m.mood)).toEqual([10, 10, 10]);
			expect(up.moodHistory.map((m) => m.delta)).toEqual([1, 0, 0]);
			const down = start({ startingMood: 1 }, [ev.control(), ev.feeling(), ev.feeling()]).getSnapshot().context;
			expect(down.mood).toBe(policy.irate.moodMin);
		});

		it('has a delta for every event the machine accepts, and only for those', () => {
			const types = new Set<string>();
			const visit = (n: AnyStateNode) => {
				for (const t of Object.keys(n.on)) types.add(t);
				for (const c of Object.values(n.states) as AnyStateNode[]) visit(c);
			};
			visit(irateContactMachine.root);
			expect([...types].sort()).toEqual(Object.keys(MOOD_DELTAS).sort());
			expect(clampMood(policy, 3.6)).toBe(4);
		});
	});

	it('declares step meta for every step, in CARP order first', () => {
		expect(listSteps(irateContactMachine).map((s) => s.id)).toEqual([
			'control',
			'acknowledge',
			'verify',
			'refocus',
			'solve',
			'close',
			'seniorJoining',
			'supervisorJoining',
			'abuseRequest',
			'abuseWarning',
			'abuseEnd',
			'threatSignal',
			'threatPolice',
			'threatReport'
		]);
	});

	describe('persistence', () => {
		it('survives a JSON round-trip with the same next moves', () => {
			const a = start({ level: 'csr2', channel: 'counter' }, [
				ev.control(),
				ev.feeling(),
				ev.id(),
				ev.question(),
				ev.request('leakAdjustment', 20000),
				ev.escalate(),
				ev.abused(),
				ev.askStop(),
				ev.threatened()
			]);
			const persisted = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
			const b = createActor(irateContactMachine, { snapshot: persisted, input: input({ level: 'csr2', channel: 'counter' }) }).start();
			expect(b.getSnapshot().value).toEqual(a.getSnapshot().value);
			for (const e of sampleEvents) {
				expect([e.type, b.getSnapshot().can(e)]).toEqual([e.type, a.getSnapshot().can(e)]);
				const next = (snap: Snap) => createActor(irateContactMachine, { snapshot: JSON.parse(JSON.stringify(snap)), input: input() }).start();
				const na = next(a.getPersistedSnapshot() as Snap);
				const nb = next(b.getPersistedSnapshot() as Snap);
				na.send(e);
				nb.send(e);
				expect(nb.getSnapshot().value).toEqual(na.getSnapshot().value);
				expect(nb.getSnapshot().context.mood).toBe(na.getSnapshot().context.mood);
			}
		});
	});

	it('model-based paths reach every state, transition and guard outcome', () => {
		const report = measureCoverage(irateContactMachine, {
			input: input(),
			events: coverageEvents,
			serializeState: (s) => {
				const c = (s as Snap).context;
				return JSON.stringify([
					s.value,
					c.verification?.ok ?? null,
					c.nextSteps.length > 0,
					c.abuse.sinceStep > 0
				]);
			}
		});
		console.info(formatCoverage('irateContact', report));
		// Transient decision states (only `always`) never appear in a snapshot; their outgoing transitions
		// are in the transition coverage, which has no exceptions.
		const EXCEPTIONS = ['irateContact.active.handler.routing', 'irateContact.ending'];
		expect(report.states.missing.filter((id) => !EXCEPTIONS.includes(id))).toEqual([]);
		expect(report.transitions.missing).toEqual([]);
		expect(report.guards.missing).toEqual([]);
	});

	describe('properties', () => {
		const levels: Level[] = ['csr1', 'csr2', 'csr3', 'senior', 'supervisor'];
		const arbInput = fc.record({
			level: fc.constantFrom(...levels),
			channel: fc.constantFrom('counter' as const, 'phone' as const),
			startingMood: fc.integer({ min: -20, max: 20 }),
			preferredLanguage: fc.constantFrom('en', 'es')
		});
		const arbEvents = fc.array(fc.nat(sampleEvents.length - 1), { maxLength: 50 });

		it('random event sequences never throw, keep the mood in bounds and never accept a disclosure before verification', () => {
			fc.assert(
				fc.property(arbInput, arbEvents, (over, picks) => {
					const a = start(over);
					for (const i of picks) {
						const before = a.getSnapshot();
						const e = sampleEvents[i];
						a.send(e);
						const after = a.getSnapshot();
						expect(after.context.mood).toBeGreaterThanOrEqual(policy.irate.moodMin);
						expect(after.context.mood).toBeLessThanOrEqual(policy.irate.moodMax);
						if (after.context.disclosures.length > before.context.disclosures.length) expect(before.context.verification?.ok).toBe(true);
						if (after.status === 'done' && after.context.threat) expect(after.context.threat.signalledAt).not.toBeNull();
						if (after.value === 'endedForAbuse') expect(after.context.abuse.warnedAt).not.toBeNull();
					}
					const { moodHistory } = a.getSnapshot().context;
					for (const m of moodHistory) expect(m.mood).toBeGreaterThanOrEqual(policy.irate.moodMin);
					for (const m of moodHistory) expect(m.mood).toBeLessThanOrEqual(policy.irate.moodMax);
				}),
				{ numRuns: 300 }
			);
		});

		it('offers accepted are always within the authority they were made under', () => {
			fc.assert(
				fc.property(arbInput, arbEvents, (over, picks) => {
					const a = start(over);
					for (const i of picks) a.send(sampleEvents[i]);
					for (const o of a.getSnapshot().context.offers) {
						const min = policy.irate.offerMinLevel[o.option] as Level;
						expect(levels.indexOf(o.authority)).toBeGreaterThanOrEqual(levels.indexOf(min));
						if (o.amountCents !== null) {
							const limit = adjustmentLimitCents(policy, o.authority);
							if (limit !== null) expect(o.amountCents).toBeLessThanOrEqual(limit);
						}
					}
				}),
				{ numRuns: 200 }
			);
		});
	});
});

/**
 * Sample events for the graph traversal, gated by region so the product of the five parallel regions
 * stays small: abuse moves only while there is no threat and no transfer, threat moves only while there
 * is no abuse and no transfer, escalation moves only while neither protocol is running.
 */
function coverageEvents(s: { value: unknown }): Ev[] {
	const v = (s.value as { active?: Record<string, string> }).active;
	if (!v) return [];
	const out: Ev[] = [ev.control(), ev.feeling(), ev.question(), ev.offer('explain'), ev.offer('paymentPlan'), ev.disclose(), ev.summarise(), ev.summarise([]), ev.close(), ev.close(''), ev.end()];
	if (v.carp === 'control' || v.carp === 'acknowledge') out.push(ev.calmDown(), ev.blame(), ev.interrupt(), ev.ventHeard(), ev.vented(), ev.interpreter('phone-line'), ev.interpreter('customer-child'));
	if (v.carp === 'control' || v.carp === 'acknowledge' || v.carp === 'verify' || v.carp === 'solve') out.push(ev.id());
	if (v.carp === 'verify') out.push(ev.id(stranger));
	const idle = (r: string, state: string) => v[r] === state;
	if (idle('safety', 'normal') && idle('handler', 'own')) out.push(ev.abused(), ev.askStop(), ev.warn());
	if (idle('abuse', 'none') && idle('handler', 'own'))
		out.push(ev.threatened(), ev.signal(), ev.police(csr), ev.police(coworker), ev.report(), ev.report('exact words'), ev.confront());
	if ((idle('abuse', 'none') || idle('abuse', 'persisting')) && idle('safety', 'normal')) {
		out.push(ev.escalate(), ev.escalate(''));
		if (idle('handler', 'own')) out.push(ev.demand(), ev.request('paymentPlan'));
		if (idle('handler', 'seniorJoining') || idle('handler', 'supervisorJoining')) out.push(ev.accept(csr), ev.accept(senior), ev.accept(supervisor));
	}
	return out;
}

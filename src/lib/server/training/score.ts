/**
 * The scorer (policy §9): a pure, deterministic function of (resolved scenario — its version and seed
 * included —, event log, machine version, policy snapshot). Points per rubric item in hundredths,
 * rounded half up; hints cost their points from the total, floored at 0; a critical error fails the
 * attempt whatever the score. Faults are found or missed by the checks the scenario declares.
 */
import type { Policy } from '$lib/policy/settings';
import { listSteps } from '$machines/shared/steps';
import type { AnyStateMachine } from 'xstate';
import type { CriticalCode, OrderRule, ProcedureContextBase } from '$machines/shared/types';
import type { ProcedureKey } from '$machines/registry';
import { RUBRIC_ITEMS, type ResolvedScenario, type RubricItem } from '$scenarios/schema';
import { holds, type Facts } from './checks';
import type { LogEntry, MachineEntry } from './log';
import { machineAt } from './machines';
import { outcomeOf, replay } from './replay';
import { worldAfter } from './world-state';

export interface ScoreInput {
	scenario: ResolvedScenario;
	log: readonly LogEntry[];
	machineVersion: number;
	policy: Policy;
}

export interface Deduction {
	item: RubricItem | 'hints';
	/** Hundredths of a point lost. */
	lost: number;
	text: string;
	policyRef: string;
	correctMove: string | null;
	rule: string;
	/** The log entry it happened at, when it was one move. */
	seq: number | null;
}

export interface CriticalError {
	code: CriticalCode;
	text: string;
	policyRef: string;
	seq: number | null;
}

export interface ScoreResult {
	scenarioId: string;
	scenarioVersion: number;
	seed: number;
	machineVersion: number;
	policyVersion: string;
	/** Per rubric item, in hundredths of a point. */
	items: Record<RubricItem, { earned: number; max: number }>;
	hintsUsed: number;
	/** Hundredths, 0 … 10000. */
	total: number;
	max: number;
	passMark: number;
	passed: boolean;
	critical: CriticalError[];
	faultsFound: string[];
	faultsMissed: string[];
	faults: { id: string; title: string; found: boolean; correctMove: string; policyRef: string }[];
	outcomeItems: { id: string; label: string; met: boolean; policyRef: string }[];
	documentationItems: { id: string; label: string; met: boolean; policyRef: string }[];
	deductions: Deduction[];
	wentWell: string[];
	/** One line per point lost or critical error, citing the rule ("… — policy §1 …"). */
	feedback: string[];
	elapsedMs: number;
	outcome: string | null;
	competencies: string[];
}

export const CRITICAL_LABELS: Record<CriticalCode, string> = {
	'disclosure-before-verification': 'Disclosed account details before verifying identity',
	'lockoff-excluded-account': 'Locked off (or dispatched) an account that was excluded',
	'counterfeit-accepted': 'Accepted a counterfeit note',
	'dual-control-breach': 'Broke dual control (one person doing a two-person step)',
	'restoration-without-reconnect': 'Restoration paid for but no reconnect order placed',
	'deposit-waiver-misapplied': 'Charged a deposit where a waiver applied, or waived where bad history applies',
	'payment-wrong-account': 'Left a payment on the wrong account',
	'threat-handled-alone': 'Handled a threat alone'
};

/** Breaches a machine records as allowed-but-wrong (irate contact), with the rule they break. */
const BREACHES: Record<string, { text: string; policyRef: string; correctMove: string }> = {
	'needless-escalation': { text: 'Escalated a routine matter', policyRef: '§8 Escalate', correctMove: 'Answer what is within your authority yourself; escalate only on a supervisor demand, a request beyond your authority, or abuse after the warnings.' },
	'abuse-not-ended': { text: 'Kept the contact going after the request to stop and the warning while the abuse continued', policyRef: '§8 Abuse', correctMove: 'After both steps, end the contact, note it and tell the supervisor.' },
	'threat-confronted': { text: 'Confronted a threatening customer', policyRef: '§8 Threat', correctMove: 'Never confront: signal a coworker with the duress word; a coworker calls 911.' },
	'interpreter-not-offered': { text: 'Did not offer an interpreter to a customer who prefers another language', policyRef: '§1 Language access', correctMove: 'Offer the telephone interpreter line or a colleague who speaks the language.' }
};

/** Second-person steps where the cashier acting alone is a dual-control breach (policy §2 Second persons). */
const DUAL_CONTROL_EVENTS = new Set(['float.verified', 'slip.verified', 'vault.accessed', 'secondCount.done']);

/** a ÷ b rounded half up, for non-negative integers. */
const roundHalfUp = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

const share = (met: number, total: number, points: number) => (total === 0 ? points : roundHalfUp(points * met, total));

function elapsedOf(log: readonly LogEntry[], limitMs: number): number {
	const start = log.find((e) => e.kind === 'start')?.realAt ?? log[0]?.realAt ?? 0;
	const end = log.findLast((e) => e.kind === 'finish');
	if (end && end.kind === 'finish' && end.data.reason === 'timed_out') return limitMs;
	return Math.max(0, (end ?? log[log.length - 1])?.realAt - start || 0);
}

/** A machine's soft-order rules by id (machines are module constants: read once each). */
const orderRules = new WeakMap<AnyStateMachine, Map<string, OrderRule>>();
function orderRulesOf(machine: AnyStateMachine): Map<string, OrderRule> {
	let rules = orderRules.get(machine);
	if (!rules) orderRules.set(machine, (rules = new Map(listSteps(machine).flatMap((s) => (s.order ?? []).map((o) => [o.id, o] as const)))));
	return rules;
}

/** Scores an attempt. */
export function scoreAttempt(input: ScoreInput): ScoreResult {
	const { scenario, log, policy } = input;
	const sc = policy.scoring;
	const pts = (p: number) => p * 100;
	const { snapshot, diffs } = replay(input);
	const context = snapshot.context as ProcedureContextBase & Record<string, unknown>;
	const at = log[log.length - 1]?.at ?? 0;
	const facts: Facts = { scenario, log, context, effects: context.effects, outcome: outcomeOf(snapshot), world: worldAfter(scenario, context.effects, at) };
	const deductions: Deduction[] = [];
	const critical: CriticalError[] = [];
	const addCritical = (code: CriticalCode, policyRef: string, seq: number | null) => {
		if (!critical.some((c) => c.code === code)) critical.push({ code, text: CRITICAL_LABELS[code], policyRef, seq });
	};

	// Policy compliance: attempted violations (refused moves), recorded breaches, wrong choices.
	const violations: Deduction[] = [];
	// The same move repeated (a double click) is one attempted violation; the same rule on another account is another.
	const seen = new Set<string>();
	const violation = (d: Omit<Deduction, 'item' | 'lost'>, key = d.rule) => {
		if (seen.has(key)) return;
		seen.add(key);
		violations.push({ ...d, item: 'compliance', lost: 0 });
	};
	for (const e of log) {
		if (e.kind === 'machine' && !e.applied && e.refusal && e.actor !== 'customer') {
			const r = e.refusal;
			const { at: _at, by: _by, ...move } = e.event;
			violation({ text: r.reason, policyRef: r.policyRef, correctMove: null, rule: r.rule, seq: e.seq }, `${r.rule} ${JSON.stringify(move)}`);
			if (r.critical) addCritical(r.critical, r.policyRef, e.seq);
			if (r.rule === 'not-authorised' && e.actor === 'trainee' && DUAL_CONTROL_EVENTS.has(e.event.type)) addCritical('dual-control-breach', '§2 Second persons', e.seq);
		}
		if (e.kind === 'choice') {
			const prompt = scenario.prompts.find((p) => p.id === e.data.prompt);
			const v = prompt?.options.find((o) => o.id === e.data.option)?.violation;
			if (v) {
				violation({ text: v.reason, policyRef: v.policyRef, correctMove: null, rule: v.rule, seq: e.seq });
				if (v.critical) addCritical(v.critical, v.policyRef, e.seq);
			}
		}
	}
	for (const d of diffs)
		for (const b of d.newBreaches) {
			const info = BREACHES[b] ?? { text: b, policyRef: '§9', correctMove: '' };
			violation({ text: info.text, policyRef: info.policyRef, correctMove: info.correctMove || null, rule: b, seq: d.seq });
		}
	let compliance = pts(sc.points.compliance);
	for (const v of violations) {
		const lost = Math.min(compliance, pts(sc.violationPenalty));
		compliance -= lost;
		deductions.push({ ...v, lost });
	}

	// Critical outcomes the scenario declares, and the restoration invariant (policy §6, §9).
	for (const c of scenario.critical) if (holds(c.when, facts)) addCritical(c.code, c.policyRef, null);
	const posted = context.posted as { restoration?: unknown } | null | undefined;
	if (scenario.procedure === 'counter-payment' && posted?.restoration && !context.reconnect) addCritical('restoration-without-reconnect', '§6', null);

	// Order: soft-order rules broken (the machine's slips and the scenario's own rules).
	const machineRules = orderRulesOf(machineAt(scenario.procedure as ProcedureKey, input.machineVersion).machine);
	const slips: { id: string; seq: number | null }[] = [];
	for (const d of diffs) for (const s of d.newSlips) if (!slips.some((x) => x.id === s)) slips.push({ id: s, seq: d.seq });
	for (const r of scenario.softOrder) if (r.brokenWhen && holds(r.brokenWhen, facts) && !slips.some((x) => x.id === r.id)) slips.push({ id: r.id, seq: null });
	let order = pts(sc.points.order);
	for (const s of slips) {
		const rule = scenario.softOrder.find((r) => r.id === s.id) ?? machineRules.get(s.id);
		const lost = Math.min(order, pts(sc.softOrderPenalty));
		order -= lost;
		deductions.push({ item: 'order', lost, text: rule?.description ?? s.id, policyRef: rule?.policyRef ?? '§9', correctMove: null, rule: s.id, seq: s.seq });
	}

	// Outcome and documentation: equal shares of the scenario's checkable items.
	const outcomeItems = scenario.expected.map((i) => ({ id: i.id, label: i.label, met: holds(i.check, facts), policyRef: i.policyRef }));
	const documentationItems = scenario.documentation.map((i) => ({ id: i.id, label: i.label, met: holds(i.check, facts), policyRef: i.policyRef }));
	const outcome = share(outcomeItems.filter((i) => i.met).length, outcomeItems.length, pts(sc.points.outcome));
	const documentation = share(documentationItems.filter((i) => i.met).length, documentationItems.length, pts(sc.points.documentation));
	const perOutcome = outcomeItems.length ? pts(sc.points.outcome) / outcomeItems.length : 0;
	const perDoc = documentationItems.length ? pts(sc.points.documentation) / documentationItems.length : 0;
	for (const i of outcomeItems.filter((x) => !x.met))
		deductions.push({ item: 'outcome', lost: Math.round(perOutcome), text: `Not achieved: ${i.label}`, policyRef: i.policyRef, correctMove: null, rule: i.id, seq: null });
	for (const i of documentationItems.filter((x) => !x.met))
		deductions.push({ item: 'documentation', lost: Math.round(perDoc), text: `Documentation missing: ${i.label}`, policyRef: i.policyRef, correctMove: null, rule: i.id, seq: null });

	// Time: full within the target, falling linearly to 0 at the limit (server timestamps).
	const targetMs = scenario.targetMinutes * 60_000;
	const limitMs = scenario.timeLimitMinutes * 60_000;
	const elapsedMs = elapsedOf(log, limitMs);
	const timeMax = pts(sc.points.time);
	const time = elapsedMs <= targetMs ? timeMax : elapsedMs >= limitMs ? 0 : roundHalfUp(timeMax * (limitMs - elapsedMs), limitMs - targetMs);
	if (time < timeMax)
		deductions.push({ item: 'time', lost: timeMax - time, text: `Took ${Math.round(elapsedMs / 60_000)} min (target ${scenario.targetMinutes}, limit ${scenario.timeLimitMinutes})`, policyRef: '§9', correctMove: null, rule: 'time', seq: null });

	const hints = log.filter((e) => e.kind === 'hint');
	for (const h of hints) deductions.push({ item: 'hints', lost: pts(sc.hintCost), text: 'Used a hint', policyRef: '§9', correctMove: null, rule: 'hint', seq: h.seq });

	const items: ScoreResult['items'] = {
		outcome: { earned: outcome, max: pts(sc.points.outcome) },
		compliance: { earned: compliance, max: pts(sc.points.compliance) },
		order: { earned: order, max: pts(sc.points.order) },
		documentation: { earned: documentation, max: pts(sc.points.documentation) },
		time: { earned: time, max: timeMax }
	};
	const sum = RUBRIC_ITEMS.reduce((s, k) => s + items[k].earned, 0);
	const total = Math.max(0, sum - hints.length * pts(sc.hintCost));
	const passMark = pts(scenario.passMark);

	const faults = scenario.faults.map((f) => ({ id: f.id, title: f.title, found: holds(f.found, facts), correctMove: f.correctMove, policyRef: f.policyRef }));
	for (const f of faults.filter((x) => !x.found))
		deductions.push({ item: 'outcome', lost: 0, text: `Missed ${f.id}: ${f.title}`, policyRef: f.policyRef, correctMove: f.correctMove, rule: f.id, seq: null });

	const feedback = [
		...critical.map((c) => `Critical: ${c.text} — policy ${c.policyRef}`),
		...deductions.filter((d) => d.item !== 'hints').map((d) => `${d.text}${d.correctMove ? ` Correct move: ${d.correctMove}` : ''} — policy ${d.policyRef}`),
		...(hints.length ? [`${hints.length} hint${hints.length === 1 ? '' : 's'} used (−${sc.hintCost} points each) — policy §9`] : [])
	];
	const acted = log.some((e) => e.kind === 'machine' && e.applied && e.actor === 'trainee') || log.some((e) => e.kind === 'say');
	const wentWell = [
		...faults.filter((f) => f.found).map((f) => `Found ${f.id}: ${f.title}`),
		...outcomeItems.filter((i) => i.met).map((i) => i.label),
		// Praise for clean work only when there was work: finishing at once breaks no rule but earns no credit here.
		...(acted && violations.length === 0 ? ['No policy violations'] : []),
		...(acted && slips.length === 0 ? ['Steps in the right order'] : [])
	];
	return {
		scenarioId: scenario.id,
		scenarioVersion: scenario.version,
		seed: scenario.seed,
		machineVersion: input.machineVersion,
		policyVersion: policy.version,
		items,
		hintsUsed: hints.length,
		total,
		max: 10000,
		passMark,
		passed: total >= passMark && critical.length === 0,
		critical,
		faultsFound: faults.filter((f) => f.found).map((f) => f.id),
		faultsMissed: faults.filter((f) => !f.found).map((f) => f.id),
		faults,
		outcomeItems,
		documentationItems,
		deductions,
		wentWell,
		feedback,
		elapsedMs,
		outcome: facts.outcome,
		competencies: scenario.competencies
	};
}

export type { MachineEntry };

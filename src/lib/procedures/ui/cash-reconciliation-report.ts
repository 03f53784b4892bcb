/**
 * What a drawer close shows about itself: the comparison with the batch, the deposit slip, the side
 * panel and the printable drawer close report. Blind count (policy §2 "Close"): everything here reads
 * the comparison only once the machine has made it (after the float is out) and never reads
 * `context.expected`, so no expected total can reach the page while the count is still blind.
 */
import { DENOMINATIONS, policy as defaultPolicy, type DenominationCounts } from '$lib/policy/settings';
import { countsTotal } from '$lib/domain/denominations';
import { formatCents } from '$lib/domain/money';
import { LOCATE_CHECKLIST, type CashReconciliationContext, type CheckItem, type Comparison } from '$machines/cash-reconciliation.machine';
import type { CapturedItem, PeopleNames, PrintSection } from './types';

/** The context as the UI may read it: `expected` is deliberately left out of the type. */
export type CloseView = Omit<CashReconciliationContext, 'expected'>;

export const asClose = (context: Record<string, unknown>): CloseView => context as unknown as CloseView;

const money = formatCents;
export const signed = (cents: number): string => (cents > 0 ? `over ${money(cents)}` : cents < 0 ? `short ${money(-cents)}` : 'agrees');
const sumChecks = (checks: readonly CheckItem[]): number => checks.reduce((s, c) => s + c.amountCents, 0);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const causeLabel = (cause: string) => LOCATE_CHECKLIST.find((i) => i.cause === cause)?.found ?? cause;

/** Who a user id is, for people reading the report. */
export const nameOf = (people: PeopleNames | undefined, id: string | null | undefined): string => (id ? (people?.[id] ?? `user ${id}`) : '—');

/** What the policy asks for a variance of this size (the tiers are cumulative, §2 Variance). */
export function varianceTier(c: CloseView): string {
	const v = Math.abs(c.comparison?.varianceCents ?? 0);
	const p = c.policy?.drawer ?? defaultPolicy.drawer;
	const cards = (c.comparison?.cards.differenceCents ?? 0) !== 0 ? ' The card settlement differs: a supervisor reviews it.' : '';
	if (v >= p.varianceSupervisorCents)
		return `Needs a senior's second count and a supervisor's approval with an incident report (variance ${money(v)} ≥ ${money(p.varianceSupervisorCents)}).${cards}`;
	if (v >= p.varianceSeniorCountCents) return `Needs a senior's second count: variance ${money(v)} ≥ ${money(p.varianceSeniorCountCents)}.${cards}`;
	if (v > p.varianceExplainAboveCents) return `Needs an explanation note (any variance).${cards}`;
	return `Cash and checks balance.${cards}`;
}

/** The tender-by-tender comparison rows (only once the machine has compared). */
export function comparisonRows(cmp: Comparison): { label: string; value: string }[] {
	// The difference first: it is what the cashier acts on; the two amounts explain it.
	const rows = [
		{ label: 'Cash (float out)', value: `${signed(cmp.cash.differenceCents)} — counted ${money(cmp.cash.countedCents)}, batch ${money(cmp.cash.expectedCents)}` },
		{
			label: 'Checks',
			value: `${signed(cmp.checks.differenceCents)} — counted ${plural(cmp.checks.countedItems, 'check')} for ${money(cmp.checks.countedCents)}, batch ${plural(cmp.checks.expectedItems, 'check')} for ${money(cmp.checks.expectedCents)}`
		}
	];
	if (cmp.checks.missingNumbers.length) rows.push({ label: 'In the batch, not counted', value: cmp.checks.missingNumbers.map((n) => `#${n}`).join(', ') });
	if (cmp.checks.extraNumbers.length) rows.push({ label: 'Counted, not in the batch', value: cmp.checks.extraNumbers.map((n) => `#${n}`).join(', ') });
	rows.push({ label: 'Card settlement', value: `${signed(cmp.cards.differenceCents)} — terminal ${money(cmp.cards.countedCents)}, batch ${money(cmp.cards.expectedCents)}` });
	rows.push({ label: 'Variance (cash + checks)', value: signed(cmp.varianceCents) });
	return rows;
}

/** Bills and coin of a count sheet, in cents. */
function split(counts: DenominationCounts): { bills: number; coin: number } {
	let bills = 0;
	let coin = 0;
	for (const d of DENOMINATIONS) {
		const v = (counts[d.key] ?? 0) * d.cents;
		if (d.kind === 'bill') bills += v;
		else coin += v;
	}
	return { bills, coin };
}

/** Deposit slip lines as the policy writes them: currency + coin + checks − float (cards are not on the slip). */
export function slipRows(c: CloseView): { label: string; value: string }[] {
	if (!c.counted || !c.floatRemoved) return [];
	const deposit = split(c.counted.currency);
	const float = split(c.floatRemoved);
	const floatCents = countsTotal(c.floatRemoved);
	return [
		{ label: 'Currency', value: money(deposit.bills + float.bills) },
		{ label: 'Coin', value: money(deposit.coin + float.coin) },
		{ label: `Checks (${c.counted.checks.length})`, value: money(c.counted.checksCents) },
		{ label: 'Less float', value: `−${money(floatCents)}` },
		{ label: 'Deposit total', value: money(c.counted.cashCents + c.counted.checksCents) }
	];
}

const findings = (c: CloseView): string =>
	c.locate.found.map((f) => `${causeLabel(f.cause)}${f.checkNumber ? ` (check #${f.checkNumber})` : ''}${f.note ? `: ${f.note}` : ''}`).join('; ');

/** The side panel: the cashier's own count from the start; the comparison only once it exists. */
export function closeCaptured(context: Record<string, unknown>, people?: PeopleNames): CapturedItem[] {
	const c = asClose(context);
	const out: CapturedItem[] = [{ label: 'Drawer', value: String(c.drawerRef ?? '—') }];
	if (c.firstCount) {
		out.push({ label: 'Blind count: cash in drawer', value: money(countsTotal(c.firstCount.currency)) });
		out.push({ label: 'Blind count: checks', value: `${plural(c.firstCount.checks.length, 'check')}, ${money(sumChecks(c.firstCount.checks))}` });
		out.push({ label: 'Card settlement', value: money(c.firstCount.cardCents) });
	}
	if (c.counted && c.comparison) {
		out.push({ label: 'Deposit cash (float out)', value: money(c.counted.cashCents) });
		out.push({ label: 'Variance', value: signed(c.comparison.varianceCents) });
		if (c.comparison.cards.differenceCents) out.push({ label: 'Card difference', value: signed(c.comparison.cards.differenceCents) });
	}
	if (c.recounted) out.push({ label: 'Recount', value: 'done' });
	if (c.locate.found.length) out.push({ label: 'Found', value: findings(c) });
	if (c.secondCount) out.push({ label: 'Senior second count', value: `${nameOf(people, c.secondCount.by)} (${c.secondCount.agreed ? 'agreed' : 'corrected the count'})` });
	if (c.checkOverride) out.push({ label: 'Check-count override', value: `${nameOf(people, c.checkOverride.by)}: ${c.checkOverride.reason}` });
	if (c.supervisorApproval) out.push({ label: 'Supervisor', value: `${nameOf(people, c.supervisorApproval.by)}: ${c.supervisorApproval.note}` });
	if (c.explanation) out.push({ label: 'Explanation', value: c.explanation });
	if (c.slip) {
		out.push({ label: 'Deposit slip', value: money(c.slip.amountCents) });
		if (c.slip.bagNumber) out.push({ label: 'Bag number', value: `${c.slip.bagNumber} (verified by ${nameOf(people, c.slip.verifiedBy)})` });
	}
	if (c.vault.length) out.push({ label: 'Vault', value: c.vault.map((id) => nameOf(people, id)).join(' and ') });
	return out;
}

/** The drawer close report with its deposit slip; a run that is not finished shows what is recorded so far. */
export function closePrintable(context: Record<string, unknown>, people?: PeopleNames): PrintSection[] {
	const c = asClose(context);
	const sections: PrintSection[] = [
		{
			heading: 'Drawer close',
			rows: [
				{ label: 'Drawer', value: String(c.drawerRef ?? '—') },
				{ label: 'Cashier', value: nameOf(people, c.roles?.cashier) },
				...(c.firstCount
					? [
							{ label: 'Blind count: cash in drawer', value: money(countsTotal(c.firstCount.currency)) },
							{ label: 'Blind count: checks', value: `${plural(c.firstCount.checks.length, 'check')}, ${money(sumChecks(c.firstCount.checks))}` },
							{ label: 'Card settlement (terminal)', value: money(c.firstCount.cardCents) }
						]
					: [{ label: 'Blind count', value: 'not entered yet' }])
			]
		}
	];
	if (!c.comparison || !c.counted) return sections;
	sections.push({ heading: 'Comparison with the batch (after the recount and second count)', rows: comparisonRows(c.comparison) });
	const v = c.comparison.varianceCents;
	sections.push({
		heading: 'Variance',
		rows: [
			{ label: 'Over/short', value: signed(v) },
			...(c.firstComparison ? [{ label: 'At the first count', value: signed(c.firstComparison.varianceCents) }] : []),
			{ label: 'Recount', value: c.recounted ? 'done' : 'not needed' },
			{ label: 'Found', value: findings(c) || '—' },
			{ label: 'Senior second count', value: c.secondCount ? `${nameOf(people, c.secondCount.by)} (${c.secondCount.agreed ? 'agreed' : 'corrected the count'})` : '—' },
			{ label: 'Supervisor', value: c.supervisorApproval ? `${nameOf(people, c.supervisorApproval.by)}: ${c.supervisorApproval.note}` : '—' },
			...(c.checkOverride ? [{ label: 'Check-count override', value: `${nameOf(people, c.checkOverride.by)}: ${c.checkOverride.reason}` }] : []),
			{ label: 'Incident report', value: Math.abs(v) >= (c.policy?.drawer ?? defaultPolicy.drawer).varianceSupervisorCents && c.supervisorApproval ? 'filed' : '—' },
			{ label: 'Explanation', value: c.explanation ?? (v === 0 ? 'none needed' : '—') }
		]
	});
	sections.push({
		heading: 'Deposit slip',
		rows: [
			...slipRows(c),
			{ label: 'Bag number', value: c.slip?.bagNumber ?? '—' },
			{ label: 'Prepared by', value: c.slip ? nameOf(people, c.slip.preparedBy) : '—' },
			{ label: 'Verified by', value: c.slip?.verifiedBy ? nameOf(people, c.slip.verifiedBy) : '—' }
		],
		table: c.counted.checks.length ? [['Check number', 'Amount'], ...c.counted.checks.map((k) => [k.number, money(k.amountCents)])] : undefined
	});
	sections.push({
		heading: 'Vault drop (dual control)',
		rows: [
			{ label: 'First person (cashier)', value: nameOf(people, c.vault[0]) },
			{ label: 'Second person', value: nameOf(people, c.vault[1]) }
		]
	});
	return sections;
}

/**
 * The lock-off day report (policy §5): the day and its holds, the list with each account's decision
 * and reason code, the work orders and their results with times, reconnects, fees (completed locks
 * only), what arrived during the day, and the end-of-day reconciliation. Used for the side panel
 * (short) and the printable summary (full); copes with a run at any step.
 */
import { formatCents } from '$lib/domain/money';
import type { CapturedItem, PrintSection } from './types';
import { accountOf, clock, entries, type Ctx } from './lockoff-day-facts';
import type { ListEntry } from '$machines/lockoff-day.machine';

const forecastText = (c: Ctx) => (c.forecast ? `${c.forecast.lowF}–${c.forecast.highF} °F` : 'not entered yet');

const withMemo = (code: string | null, memo: string | null) => `${code ?? ''}${memo ? ` — ${memo}` : ''}`;

/** What the review decided: kept for a lock-off, or pulled with its code. */
function decision(x: ListEntry): string {
	if (x.state === 'pending') return 'not reviewed';
	return x.state === 'excluded' ? `pulled: ${withMemo(x.pullCode, x.pullMemo)}` : 'kept';
}

/** What became of the work order, with the time of the result. */
function orderResult(c: Ctx, x: ListEntry): string {
	const t = x.resolvedAt ? ` ${clock(c, x.resolvedAt)}` : '';
	switch (x.state) {
		case 'dispatched':
			return 'open';
		case 'pulled':
			return `pulled${t}: ${withMemo(x.pullCode, x.pullMemo)}`;
		case 'completed':
		case 'restoring':
			return `locked ${clock(c, x.lockedAt)}`;
		case 'unable':
			return `unable${t}: ${x.resultReason ?? ''}`;
		case 'tamper':
			return `tamper${t}: ${x.resultReason ?? ''}`;
		default:
			return x.state === 'kept' && c.dispatchedAt === null ? 'not dispatched yet' : '—';
	}
}

const completedLocks = (c: Ctx) => entries(c, 'completed', 'restoring');

export function lockoffCaptured(c: Ctx): CapturedItem[] {
	const n = (...s: ListEntry['state'][]) => entries(c, ...s).length;
	const items: CapturedItem[] = [
		{ label: 'Lock-off date', value: c.date },
		{ label: 'Forecast', value: forecastText(c) }
	];
	if (c.hold) items.push({ label: 'Held', value: `${c.hold.code}: ${c.hold.reason}` });
	items.push({ label: 'Listed', value: String(c.list.length) });
	if (c.checkedAt && !c.hold) items.push({ label: 'Reviewed', value: `${c.list.length - n('pending')} of ${c.list.length} (kept ${n('kept')}, pulled ${n('excluded')})` });
	if (c.approvedAt) items.push({ label: 'List approved', value: clock(c, c.approvedAt) });
	if (c.dispatchedAt) {
		items.push({ label: 'Orders dispatched', value: `${c.list.filter((x) => x.dispatchedAt !== null).length} at ${clock(c, c.dispatchedAt)}` });
		items.push({ label: 'Results', value: `${n('completed', 'restoring')} locked, ${n('pulled')} pulled, ${n('unable')} unable, ${n('tamper')} tamper, ${n('dispatched')} open` });
		items.push({ label: 'Reconnects ordered', value: String(n('restoring')) });
		items.push({ label: 'Lock-off fees', value: formatCents(completedLocks(c).length * c.policy.delinquency.lockoffFeeCents) });
	}
	if (c.payments.length) items.push({ label: 'Payments applied', value: String(c.payments.length) });
	if (c.reconciliation) items.push({ label: 'Reconciled', value: 'every order resolved' });
	return items;
}

function listTable(c: Ctx): string[][] {
	const rows = c.list.map((x) => {
		const a = accountOf(c, x.accountNumber);
		const reconnect = x.reconnectRef ? `${x.reconnectRef} (${withMemo(x.pullCode, x.pullMemo)})` : '—';
		return [x.accountNumber, [a?.holder, a?.address].filter(Boolean).join(', '), formatCents(a?.pastDueCents ?? 0), decision(x), orderResult(c, x), reconnect];
	});
	return [['Account', 'Holder and address', 'Past due', 'List', 'Lock-off order', 'Reconnect'], ...rows];
}

export function lockoffPrintable(c: Ctx): PrintSection[] {
	const fee = c.policy.delinquency.lockoffFeeCents;
	const sections: PrintSection[] = [
		{
			heading: `Lock-off day ${c.date}`,
			rows: [
				{ label: 'Forecast (next 24 h)', value: forecastText(c) },
				{ label: 'Holds checked', value: clock(c, c.checkedAt) },
				...(c.hold ? [{ label: 'Day held', value: `${c.hold.code}: ${c.hold.reason}` }] : []),
				{ label: 'Accounts listed', value: String(c.list.length) },
				{ label: 'Overnight payments posted', value: String(c.payments.filter((p) => p.source === 'inbox').length) },
				{ label: 'List approved', value: clock(c, c.approvedAt) },
				{ label: 'Orders dispatched', value: clock(c, c.dispatchedAt) }
			]
		}
	];
	if (c.list.length)
		sections.push({
			heading: 'The list, decisions and orders',
			text: `Lock-off orders are LO-${c.date}-<account>; reconnect orders RC-${c.date}-<account>.`,
			table: listTable(c)
		});
	const arrived = [
		...c.payments.filter((p) => p.source === 'day').map((p) => [clock(c, p.at), p.accountNumber, `Payment ${p.ref}`, formatCents(p.amountCents)]),
		...c.recorded.map((r) => [clock(c, r.at), r.accountNumber, `${r.code}${r.dated ? ` (dated ${r.dated})` : ''}`, r.memo])
	].sort((a, b) => a[0].localeCompare(b[0]));
	if (arrived.length) sections.push({ heading: 'Arrived during the day', table: [['Time', 'Account', 'What', 'Amount or memo'], ...arrived] });
	const locks = completedLocks(c);
	if (c.dispatchedAt)
		sections.push({
			heading: 'Lock-off fees (completed locks only)',
			table: [['Account', 'Order', 'Fee'], ...locks.map((x) => [x.accountNumber, x.workOrderRef ?? '—', formatCents(fee)]), ['Total', '', formatCents(locks.length * fee)]]
		});
	const r = c.reconciliation;
	sections.push({
		heading: 'End-of-day reconciliation',
		...(r
			? {
					rows: [
						{ label: 'Orders dispatched', value: String(r.dispatched) },
						{ label: 'Completed (locked)', value: String(r.completed) },
						{ label: 'Pulled', value: String(r.pulled) },
						{ label: 'Unable', value: String(r.unable) },
						{ label: 'Tamper', value: String(r.tamper) },
						{ label: 'Check', value: r.completed + r.pulled + r.unable + r.tamper === r.dispatched ? 'every order resolved' : 'orders do not add up' },
						{ label: 'Reconnects ordered', value: String(entries(c, 'restoring').length) },
						{ label: 'Lock-off fees', value: formatCents(r.feesCents) }
					]
				}
			: { text: c.hold ? 'No lock-offs: the day was held.' : 'Not reconciled yet.' })
	});
	return sections;
}

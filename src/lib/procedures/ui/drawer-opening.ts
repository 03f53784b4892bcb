/** Checklist UI of drawer opening (policy §2 "Open"). */
import type { ProcedureUi } from './types';
import { policy } from '$lib/policy/settings';
import { formatCents } from '$lib/domain/money';

const cents = (v: unknown) => (typeof v === 'number' ? formatCents(v) : '—');

export const drawerOpeningUi: ProcedureUi = {
	startHint: 'At the start of the day, before the first customer.',
	forms: {
		count: [{ event: 'float.counted', label: 'Submit float count', fields: [{ kind: 'denominations', name: 'counts', label: 'Float count', targetCents: policy.drawer.floatCents }] }],
		verify: [{ event: 'float.verified', label: 'Verify float', fields: [{ kind: 'denominations', name: 'counts', label: 'Verifier’s count', targetCents: policy.drawer.floatCents }] }],
		sign: [{ event: 'signed', label: 'Both signed: open the drawer', fields: [] }],
		reportShortfall: [
			{
				event: 'shortfall.reported',
				label: 'Report to senior',
				fields: [{ kind: 'text', name: 'note', label: 'What you counted and which senior you told', multiline: true }]
			}
		]
	},
	captured: (c) => [
		{ label: 'Drawer', value: String(c.drawerRef ?? '—') },
		{ label: 'Cashier’s count', value: cents(c.countedCents) },
		{ label: 'Verifier’s count', value: cents(c.verifiedCents) }
	],
	printable: (c) => [
		{
			heading: 'Drawer opening',
			rows: [
				{ label: 'Drawer', value: String(c.drawerRef ?? '—') },
				{ label: 'Policy float', value: formatCents(policy.drawer.floatCents) },
				{ label: 'Cashier’s count', value: cents(c.countedCents) },
				{ label: 'Verifier’s count', value: cents(c.verifiedCents) }
			]
		}
	]
};

/** Step forms of drawer opening (policy §2 "Open"). */
import type { StepForms } from '../step-forms';
import { policy } from '$lib/policy/settings';

export const drawerOpeningForms: StepForms = {
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
};

/** Drawer opening: a $10 bill sits in the strap of $5s, so the float counts $205 (F-01, an over variant). */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-mixed-strap',
	title: 'A ten among the fives',
	level: 'csr1',
	brief:
		'It is 7:50 am. You are opening your counter drawer with the float bag from the vault. The straps look right at a glance. Jordan Pike (CSR II) verifies after you; Maria Ortiz is the senior on duty. Count the float, bill by bill, and open — if you can.',
	objectives: ['Count every bill in a strap rather than trusting the band', 'Enter piece counts by denomination', 'Report a float that does not count to $200.00 and leave the drawer closed'],
	faultTitle: 'A wrong bill in a strap: the float counts $5 over',
	countedText: '205',
	reportTo: { name: 'Maria Ortiz', first: 'Maria' },
	goldenNote: 'Float counted $205.00, $5.00 over $200.00: a $10 bill was in the $5 strap. Told Maria Ortiz (senior); drawer not opened.',
	variants: [
		{ delta: { d5: -1, d10: 1 }, what: 'a $10 in the strap of $5s' },
		{ delta: { d1: -5, d10: 1 }, what: 'a $10 in place of five $1s' }
	],
	time: '07:50',
	bagNote: 'Float bag, sealed by last night’s closer. Straps banded “$5 × 8” and “$1 × 50”.',
	items: (rng) => [{ id: 'float-slip', kind: 'note', title: 'Float slip in the bag', summary: `“Float $200.00 — sealed ${rng.pick(['5:08', '5:14', '5:21'])} pm.”`, details: [] }],
	mistakeDescription: 'Trusts the straps and enters the policy float; Jordan’s bill-by-bill count differs; gives up.',
	targetMinutes: 4,
	timeLimitMinutes: 15
});

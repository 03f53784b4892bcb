/** Drawer opening: a colleague borrowed coin from the float bag and left an IOU; an IOU is not money (F-01). */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-iou-slip',
	title: 'An IOU in the float bag',
	level: 'csr1',
	brief:
		'It is 7:50 am on a Tuesday. Inside your float bag is a handwritten IOU from a colleague who needed change yesterday afternoon. Jordan Pike (CSR II) is next to you to verify; Maria Ortiz is the senior on duty. Count the float and open the drawer — if you can.',
	objectives: ['Count only money: an IOU is not part of the float', 'Report a short float to the senior in writing', 'Leave the drawer closed until the senior replaces the float'],
	faultTitle: 'Coin borrowed from the float, an IOU left instead: $10 short',
	countedText: '190',
	reportTo: { name: 'Maria Ortiz', first: 'Maria' },
	goldenNote: 'Float counted $190.00, $10.00 short of $200.00; an IOU for $10 in coin was in the bag instead. Told Maria Ortiz (senior); drawer not opened.',
	variants: [
		{ delta: { c25: -40 }, what: 'two rolls of quarters' },
		{ delta: { d1: -10 }, what: 'ten $1 bills' },
		{ delta: { d5: -2 }, what: 'two $5 bills' }
	],
	weekdays: [2],
	time: '07:50',
	bagNote: 'Float bag from the vault; seal intact. A folded slip of paper is tucked in with the coin.',
	items: (rng) => [
		{ id: 'iou', kind: 'note', title: 'Handwritten slip in the bag', summary: `“IOU $10 change — ${rng.pick(['Tasha', 'Luis', 'Brenda', 'Kevin'])}, Mon.”`, details: [] }
	],
	mistakeDescription: 'Counts the IOU as $10 of float and enters $200.00; Jordan’s count differs; gives up.',
	targetMinutes: 4,
	timeLimitMinutes: 15
});

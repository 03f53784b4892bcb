/** Drawer opening: the float bag counts $20 over (a stray $20 left in it). Over is as wrong as short (F-01). */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-float-over',
	title: 'A float with twenty dollars too many',
	level: 'csr1',
	brief:
		'It is 7:45 am on a Tuesday. Your float bag came back from the vault with a sticky note from last night’s closer. Jordan Pike (CSR II) is waiting to verify; Maria Ortiz is the senior on duty. Count the float and open your drawer — if you can.',
	objectives: ['Count the float by denomination, as it is in the bag', 'Know that a float over $200.00 is reported just like a short one', 'Keep extra money out of your drawer until a senior decides'],
	faultTitle: 'The float counts $20 over',
	countedText: '220',
	reportTo: { name: 'Maria Ortiz', first: 'Maria' },
	goldenNote: 'Float counted $220.00, $20.00 over $200.00 (an extra $20). Told Maria Ortiz (senior); drawer not opened, bag set aside for her.',
	variants: [
		{ delta: { d20: 1 }, what: 'one extra $20 bill' },
		{ delta: { d10: 2 }, what: 'two extra $10 bills' },
		{ delta: { d5: 4 }, what: 'four extra $5 bills' }
	],
	weekdays: [2],
	time: '07:45',
	bagNote: 'Float bag from the vault; seal intact. Last night’s closer wrote on the slip.',
	items: () => [{ id: 'sticky', kind: 'note', title: 'Sticky note on the bag', summary: '“Customer left change on the ledge after close — put it in here, sorry! — K.”', details: [] }],
	mistakeDescription: 'Enters the policy float (pockets the extra “to sort out later”); Jordan’s count differs; gives up.',
	targetMinutes: 4,
	timeLimitMinutes: 15
});

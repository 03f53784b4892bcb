/** Drawer opening: a coin roll wrapped as quarters holds nickels; the float counts $8 short (F-01). */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-coin-roll',
	title: 'The quarter roll that is not',
	level: 'csr1',
	brief:
		'It is 7:50 am. Opening your drawer, you break the coin rolls into the tray. One quarter wrapper feels light. Jordan Pike (CSR II) is next to you to verify; Maria Ortiz is the senior on duty. Count the float and open — if you can.',
	objectives: ['Break and count every coin roll', 'Enter piece counts by denomination, as they are', 'Report a float that does not count to $200.00 to the senior in writing'],
	faultTitle: 'A quarter wrapper holds nickels: the float counts $8 short',
	countedText: '192',
	reportTo: { name: 'Maria Ortiz', first: 'Maria' },
	goldenNote: 'Float counted $192.00, $8.00 short of $200.00: the quarter roll held 40 nickels. Told Maria Ortiz (senior); drawer not opened; wrapper kept.',
	variants: [{ delta: { c25: -40, c5: 40 }, what: 'a quarter roll of nickels' }],
	time: '07:50',
	bagNote: 'Float bag; two rolls of quarters, one of dimes, two of nickels, one of pennies, and the straps.',
	items: (rng) => [
		{
			id: 'roll',
			kind: 'note',
			title: 'The light “quarters” roll',
			summary: 'Red wrapper printed “$10 QUARTERS”.',
			details: [
				{ label: 'Ends of the roll', value: 'Smooth silver edges, no reeding' },
				{ label: 'Bank stamp', value: rng.pick(['Riverton Valley Bank', 'Sierra First Credit Union']) }
			]
		}
	],
	mistakeDescription: 'Takes the wrapper’s word and enters 80 quarters; Jordan’s count differs; gives up.',
	targetMinutes: 4,
	timeLimitMinutes: 15
});

/** Drawer opening (CSR II): the float is $5 short and a colleague offers to slip in a five of her own (F-01). */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-cover-the-five',
	title: '“I’ll just put a five in”',
	level: 'csr2',
	brief:
		'It is 7:55 am and the doors open at 8:00. Three people are already waiting outside. You are opening your drawer; Jordan Pike (CSR II) verifies for you and Maria Ortiz is the senior on duty. Count the float and open — if you can.',
	objectives: ['Count the float as it is, under time pressure', 'Refuse to make up a float from personal money', 'Report the shortfall to the senior in writing; the drawer stays closed'],
	prompts: [
		{
			id: 'own-five',
			step: 'count',
			from: 'Renee Alvarez (CSR I, next counter)',
			text: '“Your bag’s short? I saw. Here, I’ve got a five in my wallet — put it in, open up, and you pay me back at lunch. No paperwork, the line’s already out the door.”',
			blocking: true,
			options: [
				{ id: 'decline', label: '“Thanks, but no — it gets counted as it is and Maria hears about it.”', then: 'Renee shrugs and goes back to her counter.' },
				{
					id: 'accept',
					label: 'Take Renee’s five and put it in the float',
					violation: { rule: 'float-made-up-personal', reason: 'Made up a short float with personal money instead of reporting it.', policyRef: '§2 Open' },
					then: 'Maria Ortiz sees the bill change hands and hands it back to Renee: the float is counted as it came.'
				}
			]
		}
	],
	faultTitle: 'The float counts $5 short',
	countedText: '195',
	reportTo: { name: 'Maria Ortiz', first: 'Maria' },
	goldenNote: 'Float counted $195.00, $5.00 short of $200.00. Declined a colleague’s offer to cover it. Told Maria Ortiz (senior); drawer not opened.',
	variants: [
		{ delta: { d5: -1 }, what: 'one $5 bill' },
		{ delta: { d1: -5 }, what: 'five $1 bills' },
		{ delta: { c25: -20 }, what: 'a roll of quarters' }
	],
	time: '07:55',
	bagNote: 'Float bag from the vault; seal intact.',
	items: () => [{ id: 'line', kind: 'words', title: 'The lobby', summary: 'Three customers wait at the door; one is tapping on the glass.', details: [] }],
	mistakeLead: [{ choose: 'own-five.accept' }],
	mistakeCompliance: 10,
	mistakeDescription: 'Takes a colleague’s five, enters the policy float; Jordan’s count of the bag differs; gives up.',
	targetMinutes: 4,
	timeLimitMinutes: 12
});

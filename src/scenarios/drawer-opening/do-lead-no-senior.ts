/**
 * Drawer opening (CSR III lead): the float is $5 short, no senior is in yet, and a CSR I offers to
 * sign as verifier so the office opens on time. Report to the supervisor instead (F-01).
 */
import { floatFaultScenario } from './float-fault';

export default floatFaultScenario({
	id: 'do-lead-no-senior',
	title: 'Opening lead, short float, no senior in',
	level: 'csr3',
	brief:
		'It is 7:40 am. You are the CSR III opening lead: Maria Ortiz (senior) called in sick, and Dana Whitfield (supervisor) is on her way in. Your own float bag is next. Jordan Pike (CSR II) can verify; Sam Nguyen (CSR I) is also on the floor. Count your float and open — if you can.',
	objectives: ['Count the float as it is', 'Know who receives the report when the senior is out (the supervisor)', 'Refuse a verifier below CSR II, even to open on time'],
	prompts: [
		{
			id: 'csr1-sign',
			step: 'count',
			from: 'Sam Nguyen (CSR I)',
			text: '“Jordan’s still on the phones. Want me to just sign your float sheet? It’s probably fine, and we open in twenty minutes.”',
			blocking: true,
			options: [
				{ id: 'decline', label: '“No — a CSR II verifies, and I’m counting this one properly first.”', then: 'Sam nods and goes to boot the receipt printers.' },
				{
					id: 'accept',
					label: 'Let Sam sign as verifier',
					violation: { rule: 'verifier-below-csr2', reason: 'Let a CSR I sign the float as verifier.', policyRef: '§2 Second persons', critical: 'dual-control-breach' },
					then: 'Jordan walks over and takes the float sheet from Sam: the verifier is a CSR II or above.'
				}
			]
		}
	],
	faultTitle: 'The float counts $5 short',
	countedText: '195',
	reportTo: { name: 'Dana Whitfield', first: 'Dana' },
	goldenNote: 'Float counted $195.00, $5.00 short of $200.00. Senior out sick: reported to Dana Whitfield (supervisor) by phone at 7:45; drawer not opened until she replaces the float.',
	variants: [
		{ delta: { d5: -1 }, what: 'one $5 bill' },
		{ delta: { d1: -5 }, what: 'five $1 bills' },
		{ delta: { c10: -50 }, what: 'the roll of dimes' }
	],
	time: '07:40',
	bagNote: 'Float bag from the vault; seal intact.',
	items: () => [{ id: 'rota', kind: 'document', title: 'Today’s rota', summary: 'Senior: Maria Ortiz — OUT (sick). Supervisor: Dana Whitfield, in at 8:15, on her cell.', details: [] }],
	mistakeLead: [{ choose: 'csr1-sign.accept' }],
	mistakeCompliance: 10,
	mistakeCritical: 'dual-control-breach',
	mistakeDescription: 'Lets a CSR I sign, enters the policy float; Jordan’s count differs; gives up.',
	targetMinutes: 5,
	timeLimitMinutes: 15
});

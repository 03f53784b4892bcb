/**
 * The scenario library as the rest of the product sees it (practice list, assignments, evidence,
 * recommendations): summaries only — never expected outcomes or which account carries a fault.
 * The scenario engine fills SCENARIO_SUMMARIES from the validated scenario files; the competency
 * tracker reads it. Learning paths (learning-paths.ts) are re-exported here for the same readers.
 */
import type { Level } from '$lib/domain/levels';
import type { ProcedureKey } from '$machines/registry';

export { LEARNING_PATHS, type LearningPath } from './learning-paths';

export interface ScenarioSummary {
	id: string;
	version: number;
	title: string;
	procedure: ProcedureKey;
	/** The level the trainee acts with (CSR I / II / III difficulty). */
	level: Level;
	/** Competency ids (ladder.md) a passed attempt evidences. */
	competencies: string[];
	/** Fault ids (policy §10) the scenario injects — for "recommended next" by missed faults. */
	faultIds: string[];
	/** What the trainee reads before starting. */
	brief: string;
	targetMinutes: number;
}

// Kept as literal data (checked against the scenario files by tests/unit/scenarios/catalog.test.ts) so that
// importing the catalog never pulls a scenario's answers into a page bundle.
export const SCENARIO_SUMMARIES: ScenarioSummary[] = [
	{
		id: 'do-short-float',
		version: 1,
		title: 'Monday float, counted as it is',
		procedure: 'drawer-opening',
		level: 'csr1',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:50 am. You are opening your counter drawer with the float bag the vault released to you. Jordan Pike (CSR II) is next to you to verify, and Maria Ortiz is the senior on duty. Count the float and open the drawer — if you can.',
		targetMinutes: 4
	},
	{
		id: 'do-mixed-strap',
		version: 1,
		title: 'A ten among the fives',
		procedure: 'drawer-opening',
		level: 'csr1',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:50 am. You are opening your counter drawer with the float bag from the vault. The straps look right at a glance. Jordan Pike (CSR II) verifies after you; Maria Ortiz is the senior on duty. Count the float, bill by bill, and open — if you can.',
		targetMinutes: 4
	},
	{
		id: 'do-iou-slip',
		version: 1,
		title: 'An IOU in the float bag',
		procedure: 'drawer-opening',
		level: 'csr1',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:50 am on a Tuesday. Inside your float bag is a handwritten IOU from a colleague who needed change yesterday afternoon. Jordan Pike (CSR II) is next to you to verify; Maria Ortiz is the senior on duty. Count the float and open the drawer — if you can.',
		targetMinutes: 4
	},
	{
		id: 'do-coin-roll',
		version: 1,
		title: 'The quarter roll that is not',
		procedure: 'drawer-opening',
		level: 'csr1',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:50 am. Opening your drawer, you break the coin rolls into the tray. One quarter wrapper feels light. Jordan Pike (CSR II) is next to you to verify; Maria Ortiz is the senior on duty. Count the float and open — if you can.',
		targetMinutes: 4
	},
	{
		id: 'do-cover-the-five',
		version: 1,
		title: '“I’ll just put a five in”',
		procedure: 'drawer-opening',
		level: 'csr2',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:55 am and the doors open at 8:00. Three people are already waiting outside. You are opening your drawer; Jordan Pike (CSR II) verifies for you and Maria Ortiz is the senior on duty. Count the float and open — if you can.',
		targetMinutes: 4
	},
	{
		id: 'do-lead-no-senior',
		version: 1,
		title: 'Opening lead, short float, no senior in',
		procedure: 'drawer-opening',
		level: 'csr3',
		competencies: ['C-OPEN'],
		faultIds: ['F-01'],
		brief: 'It is 7:40 am. You are the CSR III opening lead: Maria Ortiz (senior) called in sick, and Dana Whitfield (supervisor) is on her way in. Your own float bag is next. Jordan Pike (CSR II) can verify; Sam Nguyen (CSR I) is also on the floor. Count your float and open — if you can.',
		targetMinutes: 5
	},
	{
		id: 'cp-counterfeit-partial',
		version: 1,
		title: 'A partial payment and a doubtful $100',
		procedure: 'counter-payment',
		level: 'csr1',
		competencies: ['C-PAY', 'C-ID'],
		faultIds: ['F-02', 'F-08'],
		brief: 'Mid-morning at the front counter. A customer with a lock-off notice comes to pay what they can in cash. Take the payment the way policy says — and look at what you are handed.',
		targetMinutes: 8
	},
	{
		id: 'cp-restore-after-nsf',
		version: 1,
		title: 'Lights off after a bounced check',
		procedure: 'counter-payment',
		level: 'csr2',
		competencies: ['C-PAY', 'C-RESTORE'],
		faultIds: ['F-09', 'F-10'],
		brief: 'It is 4:10 pm. A customer whose service was locked off this morning comes to the counter to get it back on tonight. The lock-off followed a returned payment. Restore the service the way policy allows.',
		targetMinutes: 8
	},
	{
		id: 'cp-quick-change',
		version: 1,
		title: 'Twenties, ones and a fast talker',
		procedure: 'counter-payment',
		level: 'csr1',
		competencies: ['C-PAY'],
		faultIds: ['F-03'],
		brief: 'Late morning at the front counter. A friendly man pays his aunt’s bill in cash and needs change. Take the payment the way policy says — and keep your eyes on the ledge while you count back.',
		targetMinutes: 6
	},
	{
		id: 'cp-transposed-stub',
		version: 1,
		title: 'The number on her phone',
		procedure: 'counter-payment',
		level: 'csr1',
		competencies: ['C-PAY', 'C-ID'],
		faultIds: ['F-07'],
		brief: 'Early afternoon. A customer without her bill stub reads her account number off a note on her phone and wants to pay cash. You key the number and an account comes up. Take the payment — on the right account.',
		targetMinutes: 5
	},
	{
		id: 'cp-two-party-postdated',
		version: 1,
		title: 'Two checks, neither one good',
		procedure: 'counter-payment',
		level: 'csr2',
		competencies: ['C-PAY'],
		faultIds: ['F-04', 'F-05'],
		brief: 'Mid-afternoon. A holder comes in to pay his whole balance by check. He has a check from his landlord for a repair, signed over to the utility — and his own checkbook if that is a problem. Take the payment the way policy says.',
		targetMinutes: 7
	},
	{
		id: 'cp-cash-only-restore',
		version: 1,
		title: 'Cash-only, locked off, and in a hurry',
		procedure: 'counter-payment',
		level: 'csr3',
		competencies: ['C-PAY', 'C-RESTORE'],
		faultIds: ['F-10', 'F-06', 'F-03'],
		brief: 'It is 4:40 pm. A holder whose service was locked off this morning wants it back on tonight. The account went cash-only after a second returned check. He has his checkbook and a roll of hundreds. Restore the service the way policy allows, and count carefully.',
		targetMinutes: 10
	},
	{
		id: 'cp-friday-cutoff',
		version: 1,
		title: 'Payday Friday, water off',
		procedure: 'counter-payment',
		level: 'csr2',
		competencies: ['C-PAY', 'C-RESTORE'],
		faultIds: ['F-09'],
		brief: 'It is 2:40 pm on a Friday. A holder whose water was locked off yesterday for non-payment has just been paid and wants the service back on before the weekend. Restore it the way policy allows, and tell them honestly when the crew will come.',
		targetMinutes: 10
	},
	{
		id: 'cr-transposed-entry',
		version: 1,
		title: 'Close of day: a few cents out',
		procedure: 'cash-reconciliation',
		level: 'csr2',
		competencies: ['C-RECON'],
		faultIds: ['F-12', 'F-16'],
		brief: 'It is 5:05 pm and the counter is closed. Close and reconcile your drawer: blind count, remove the float, compare with the batch, find any difference, prepare the deposit and take it to the vault. Jordan Pike (CSR II) is closing with you.',
		targetMinutes: 12
	},
	{
		id: 'cr-stuck-twenties',
		version: 1,
		title: 'First close: twenty dollars short',
		procedure: 'cash-reconciliation',
		level: 'csr1',
		competencies: ['C-RECON'],
		faultIds: ['F-11'],
		brief: 'It is 5:10 pm on a quiet day. You are closing your own drawer for one of the first times, with Maria Ortiz (CSR Senior) supervising every step. Count blind, take out the float, compare with the batch and, if it differs, find out why before you accept a shortage.',
		targetMinutes: 10
	},
	{
		id: 'dd-letter-prior-occupant',
		version: 1,
		title: 'New tenant, old debt at the address',
		procedure: 'deposit-decision',
		level: 'csr2',
		competencies: ['C-DEPOSIT'],
		faultIds: ['F-17', 'F-20'],
		brief: 'A new tenant applies for service at an apartment that was disconnected a few months ago. She brings her ID, her lease and a letter from her previous utility. Decide her deposit the way policy says.',
		targetMinutes: 10
	},
	{
		id: 'lo-morning-list',
		version: 1,
		title: 'Lock-off day: the morning list',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-22', 'F-23', 'F-26', 'F-28'],
		brief: 'It is 7:45 am on a lock-off day and you lead it. Seven accounts are on the list. Check the day, post the overnight payments, review every account (including what came in the drop box and the fax machine), get the supervisor’s approval, dispatch, and close the day out when the crews report.',
		targetMinutes: 15
	},
	{
		id: 'lo-paid-after-three',
		version: 1,
		title: 'Lock-off day: payments after dispatch',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-28', 'F-29'],
		brief: 'You lead today’s lock-off. Five accounts, nothing overnight: review, get Ray’s approval and dispatch by 8:30. Then stay with the day: the counter and the crews will keep you busy until the last order is resolved and the list reconciled.',
		targetMinutes: 12
	},
	{
		id: 'lo-heat-hold',
		version: 1,
		title: 'Lock-off day: 104 in the forecast',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-27'],
		brief: '7:30 am, early September, a heat advisory on the radio. You lead today’s lock-off: nine accounts, notices and door tags out, the trucks loading. Start the day the way the handbook says — and decide what Hector from the field crew gets told.',
		targetMinutes: 4
	},
	{
		id: 'lo-twenty-accounts',
		version: 1,
		title: 'Lock-off day: twenty accounts, four that must not go',
		procedure: 'lockoff-day',
		level: 'csr3',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-23', 'F-24', 'F-25', 'F-26'],
		brief: 'Tuesday, 7:40 am. You lead lock-off day and the list is long: twenty accounts. The overnight file has one payment in it and the fax tray has something in it too. Review every account properly — plans, disputes, certificates, notices and door tags — before Dana Whitfield approves the list, then see the day through.',
		targetMinutes: 20
	},
	{
		id: 'lo-holiday-eve',
		version: 1,
		title: 'Lock-off day: the day before a holiday',
		procedure: 'lockoff-day',
		level: 'csr2',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-27'],
		brief: 'You are a CSR II leading lock-off day for the first time, with Maria Ortiz (senior) supervising. It is 7:45 am, the list is printed and Ken from collections has the route sheets in his hand. Start the day the way the handbook says.',
		targetMinutes: 4
	},
	{
		id: 'lo-paper-tray',
		version: 1,
		title: 'Lock-off day: what is in the paper tray',
		procedure: 'lockoff-day',
		level: 'csr2',
		competencies: ['C-LOCKOFF'],
		faultIds: ['F-22', 'F-24', 'F-25'],
		brief: 'You are a CSR II leading lock-off day with Maria Ortiz (senior) supervising. Six accounts are on the list. The counter’s paper tray from yesterday afternoon has not been keyed yet, and the after-hours phone line took a payment. Review the list, get Dana Whitfield’s approval, dispatch and close the day.',
		targetMinutes: 12
	},
	{
		id: 'ir-high-bill-plan',
		version: 1,
		title: 'A bill three times the usual',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
		faultIds: ['F-35', 'F-32'],
		brief: 'You are a CSR I on the phones. An account holder calls, angry about a bill far higher than usual. Handle the contact: take control, let them vent, verify before you say anything about the account, find out what happened, and offer what you can — within your authority.',
		targetMinutes: 8
	},
	{
		id: 'ir-son-abusive',
		version: 1,
		title: 'Calling about Mom’s account',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID', 'C-ESCALATE'],
		faultIds: ['F-30', 'F-33', 'F-31'],
		brief: 'You are a CSR I on the phones. A man calls about his mother’s account and wants to know what she owes. Handle the contact the way policy says, whatever he says.',
		targetMinutes: 8
	},
{"id":"cr-check-keyed-cash","version":1,"title":"Cash short, checks over","procedure":"cash-reconciliation","level":"csr2","competencies":["C-RECON"],"faultIds":["F-13"],"brief":"It is 5:05 pm. Close and reconcile your drawer. The afternoon was busy and a relief cashier covered your window over lunch. Jordan Pike (CSR II) is closing with you; Dana Whitfield, the supervisor, is still in her office.","targetMinutes":12},
{"id":"cr-posted-twice","version":1,"title":"Short by one small payment","procedure":"cash-reconciliation","level":"csr2","competencies":["C-RECON"],"faultIds":["F-14"],"brief":"It is 5:05 pm and the counter is closed. Close and reconcile your drawer. The system froze twice this afternoon while you were posting. Maria Ortiz (CSR Senior) is on duty and Jordan Pike (CSR II) is closing with you.","targetMinutes":12},
{"id":"cr-check-under-tray","version":1,"title":"A check missing, and a few cents besides","procedure":"cash-reconciliation","level":"csr3","competencies":["C-RECON"],"faultIds":["F-15","F-12"],"brief":"It is 5:15 pm on the first of the month, the busiest counter day. Close and reconcile your drawer. Jordan Pike (CSR II) is closing with you; Maria Ortiz (CSR Senior) and Dana Whitfield (supervisor) are still in the office.","targetMinutes":15},
{"id":"cr-friday-rush","version":1,"title":"Friday rush: three things off","procedure":"cash-reconciliation","level":"csr3","competencies":["C-RECON"],"faultIds":["F-13","F-14","F-16"],"brief":"It is 5:20 pm on a Friday after a long line that ran past closing. Close and reconcile your drawer. Two customers paid at once at one point and the screen lagged all afternoon. Jordan Pike (CSR II) is closing with you; Maria Ortiz (CSR Senior) and Dana Whitfield (supervisor) are in the back office.","targetMinutes":15},
{"id":"dd-vacant-premise","version":1,"title":"A house that stood empty","procedure":"deposit-decision","level":"csr1","competencies":["C-DEPOSIT"],"faultIds":["F-21"],"brief":"A tenant comes to the counter to start service at a rental house. She has her driver’s license and the lease. The house was empty for most of the year. Decide her deposit, and help her with how to pay it.","targetMinutes":8},
{"id":"dd-roommate-writeoff","version":1,"title":"Two names on the application","procedure":"deposit-decision","level":"csr1","competencies":["C-DEPOSIT"],"faultIds":["F-19"],"brief":"Two roommates come to the counter to start service at an apartment. One signs the application; the other is listed as an adult in the household. Run the credit check on everyone listed and decide the deposit the way policy says.","targetMinutes":10},
{"id":"dd-foreclosure-owner","version":1,"title":"The bank-owned house","procedure":"deposit-decision","level":"csr1","competencies":["C-DEPOSIT"],"faultIds":["F-20","F-21"],"brief":"A new homeowner comes in to start service at a house she bought from the bank. There is an old disconnection on the address and the screen shows a large unpaid balance there. She has her ID and the grant deed. Decide the deposit.","targetMinutes":10},
{"id":"dd-letter-61-days","version":1,"title":"A good letter, one day too old","procedure":"deposit-decision","level":"csr2","competencies":["C-DEPOSIT"],"faultIds":["F-18"],"brief":"A customer moving to Riverton from out of town applies for service at a rented duplex. He brings his ID, his lease and a letter of credit from his old utility, and expects the deposit to be waived. Decide it the way policy says.","targetMinutes":10},
{"id":"dd-household-tangle","version":1,"title":"A clean letter, a complicated household","procedure":"deposit-decision","level":"csr3","competencies":["C-DEPOSIT"],"faultIds":["F-19","F-20","F-21"],"brief":"A couple applies for service at a house that was shut off last year and has stood mostly empty. The applicant has a spotless letter of credit and asks for the deposit to be waived; her partner is listed on the application. Work the whole decision: right to occupy, everyone’s credit, the old shut-off, any debt, and the deposit.","targetMinutes":14},
	{
		id: 'ir-bath-lockoff',
		version: 1,
		title: 'No water at bath time',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID'],
		faultIds: ['F-31', 'F-32'],
		brief: 'It is 4:20 pm at the front counter. A parent comes in with a lock-off door tag: the water at home was locked off this morning, and their little girl, sick all week, needs a bath tonight. Handle the contact: control, acknowledge, verify before any account detail, find out what they need, offer what a CSR I can — and know what to hand on and what to answer yourself.',
		targetMinutes: 8
	},
	{
		id: 'ir-es-grandmother',
		version: 1,
		title: 'A red letter she cannot read',
		procedure: 'irate-contact',
		level: 'csr1',
		competencies: ['C-IRATE1', 'C-ID'],
		faultIds: ['F-30', 'F-35'],
		brief: 'Late morning at the front counter. An older woman comes to your window with a red lock-off notice and her grandson. She speaks Spanish; the boy speaks English and is eager to help. Handle the contact the way policy says — including who interprets, and who may hear about the account.',
		targetMinutes: 9
	},
	{
		id: 'ir-landlord-expired',
		version: 1,
		title: 'The owner wants his tenant’s balance',
		procedure: 'irate-contact',
		level: 'csr2',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ID'],
		faultIds: ['F-30', 'F-31'],
		brief: 'You are a CSR II on the phones. A property owner calls about the account of one of his tenants, who has a lock-off coming. He says he is on the account. Check what is on file before you say anything, and give him what policy allows — no more, no less.',
		targetMinutes: 9
	},
	{
		id: 'ir-es-leak-credit',
		version: 1,
		title: '“¡Es un robo!” — the leak bill',
		procedure: 'irate-contact',
		level: 'csr2',
		competencies: ['C-IRATE1', 'C-COMPLAINT'],
		faultIds: ['F-35', 'F-32'],
		brief: 'You are a CSR II on the phones. A caller who speaks Spanish is upset about a water bill several times his usual. Make sure you can understand each other, verify him, find out what happened, and give him what policy allows — within your authority, and through the right person when it is beyond it.',
		targetMinutes: 10
	},
	{
		id: 'ir-threat-counter',
		version: 1,
		title: '“You’ll regret this”',
		procedure: 'irate-contact',
		level: 'csr3',
		competencies: ['C-IRATE1', 'C-ESCALATE'],
		faultIds: ['F-33', 'F-34'],
		brief: 'Early afternoon at the front counter. A man whose water was locked off this morning comes to your window, sure he mailed a check weeks ago. Jordan Pike (CSR II) is at the next window. Handle the contact the way policy says — whatever he says, and whatever he does.',
		targetMinutes: 8
	},
	{
		id: 'ir-bill-was-wrong',
		version: 1,
		title: 'He read his own meter',
		procedure: 'irate-contact',
		level: 'csr3',
		competencies: ['C-IRATE1', 'C-COMPLAINT', 'C-ESCALATE'],
		faultIds: ['F-32', 'F-35'],
		brief: 'You are a CSR III on the phones. A retired machinist calls for the third time about last month’s bill: he says the usage is wrong, he has a photo of his meter, and now he has a late fee. Verify him, look at the evidence yourself, fix what you can fix — and route what you cannot.',
		targetMinutes: 10
	}
];

export function scenarioSummary(id: string): ScenarioSummary | undefined {
	return SCENARIO_SUMMARIES.find((s) => s.id === id);
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	certificateOverLimit,
	coveringCertificate,
	EXCLUSION_CODES,
	exclusionsFor,
	honouredCertificates,
	isIsoDate,
	noticeDefect,
	type AccountFacts
} from '$lib/domain/exclusions';
import { policy } from '$lib/policy/settings';

const DAY = '2026-11-17';

/** An account that may be locked off on DAY: 14 days' notice, door tag 3 days before, $120 past-due. */
function facts(over: Partial<AccountFacts> = {}, protections: Partial<AccountFacts['protections']> = {}): AccountFacts {
	return {
		accountNumber: '100-1',
		pastDueCents: 12000,
		notice: { mailedOn: '2026-11-03', addressOk: true },
		doorTag: { deliveredOn: '2026-11-14' },
		...over,
		protections: {
			medicalCertificates: [],
			plan: 'none',
			dispute: null,
			bankruptcy: false,
			assistancePledgeOn: null,
			premiseDebtMatch: true,
			...protections
		}
	};
}

const codes = (f: AccountFacts, date = DAY, paidCents = 0) => exclusionsFor(f, { date, paidCents }, policy).map((x) => x.code);

describe('lock-off exclusions', () => {
	it('a clean account has no exclusion', () => {
		expect(codes(facts())).toEqual([]);
	});

	it.each([
		// [case, facts, expected codes]
		['notice mailed 9 days before (F-26)', facts({ notice: { mailedOn: '2026-11-08', addressOk: true } }), ['NOTICE']],
		['notice mailed 10 days before', facts({ notice: { mailedOn: '2026-11-07', addressOk: true } }), []],
		['notice never mailed', facts({ notice: { mailedOn: null, addressOk: true } }), ['NOTICE']],
		['notice sent to a wrong address', facts({ notice: { mailedOn: '2026-11-03', addressOk: false } }), ['NOTICE']],
		['notice defect found outside the list', facts({ notice: { mailedOn: '2026-11-03', addressOk: true, defect: 'Tag found in the street.' } }), ['NOTICE']],
		['door tag missing', facts({ doorTag: { deliveredOn: null } }), ['NOTICE']],
		['door tag 1 day before (later than date − 2)', facts({ doorTag: { deliveredOn: '2026-11-16' } }), ['NOTICE']],
		['door tag exactly 2 days before', facts({ doorTag: { deliveredOn: '2026-11-15' } }), []],
		['past-due $49.99 (F-28)', facts({ pastDueCents: 4999 }), ['BELOW_MIN']],
		['past-due $50.00', facts({ pastDueCents: 5000 }), []],
		['plan in good standing (F-24)', facts({}, { plan: 'good-standing' }), ['PLAN']],
		['broken plan', facts({}, { plan: 'broken' }), []],
		['dispute pending, undisputed part paid (F-25)', facts({}, { dispute: { pending: true, undisputedPaid: true } }), ['DISPUTE']],
		['dispute pending, undisputed part unpaid', facts({}, { dispute: { pending: true, undisputedPaid: false } }), []],
		['dispute closed', facts({}, { dispute: { pending: false, undisputedPaid: true } }), []],
		['bankruptcy', facts({}, { bankruptcy: true }), ['BANKRUPTCY']],
		['assistance pledge on its 14th day', facts({}, { assistancePledgeOn: '2026-11-04' }), ['ASSIST']],
		['assistance pledge the day after its 14 days', facts({}, { assistancePledgeOn: '2026-11-03' }), []],
		['debt of a prior occupant', facts({}, { premiseDebtMatch: false }), ['WRONG_PREMISE']]
	] as const)('%s', (_name, f, expected) => {
		expect(codes(f)).toEqual(expected);
	});

	it.each([
		// [payments since the list, expected]
		[12000, ['PAID']],
		[15000, ['PAID']],
		[7000, []], // $50.00 left: still on the list
		[7001, ['BELOW_MIN']], // $49.99 left
		[11999, ['BELOW_MIN']],
		[0, []]
	])('payments of %i cents on a $120.00 past-due → %j (F-22 drop-box payment)', (paid, expected) => {
		expect(codes(facts(), DAY, paid)).toEqual(expected);
	});

	it.each([
		// A 30-day certificate issued Nov 1 covers Nov 1 … Nov 30.
		['2026-11-30', ['MEDICAL']],
		['2026-12-01', []],
		['2026-11-01', ['MEDICAL']],
		['2026-10-31', []] // not yet issued
	])('certificate issued 2026-11-01, lock-off on %s → %j', (date, expected) => {
		const medical = codes(facts({}, { medicalCertificates: [{ issuedOn: '2026-11-01' }] }), date).filter((c) => c === 'MEDICAL');
		expect(medical).toEqual(expected);
	});

	it.each([
		// Three earlier certificates; the fourth counts only once the oldest leaves the window (today − 12 months, today].
		[['2026-01-10', '2026-04-10', '2026-07-10'], '2026-11-10', false],
		[['2025-11-10', '2026-04-10', '2026-07-10'], '2026-11-10', true], // 2025-11-10 is exactly 12 months back: outside
		[['2025-11-11', '2026-04-10', '2026-07-10'], '2026-11-10', false],
		[['2026-04-10', '2026-07-10'], '2026-11-10', true]
	])('earlier certificates %j: one issued %s honoured = %s', (earlier, issued, honoured) => {
		const certs = [...earlier, issued].map((issuedOn) => ({ issuedOn }));
		expect(honouredCertificates(certs, issued, policy).includes(issued)).toBe(honoured);
		expect(certificateOverLimit(certs, issued, policy)).toBe(!honoured);
		expect(codes(facts({}, { medicalCertificates: certs }), '2026-11-17').includes('MEDICAL')).toBe(honoured);
	});

	it('a refused fourth certificate does not use up a slot for later ones', () => {
		const certs = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2027-01-11'].map((issuedOn) => ({ issuedOn }));
		expect(honouredCertificates(certs, '2027-02-01', policy)).toEqual(['2026-01-10', '2026-02-10', '2026-03-10', '2027-01-11']);
		expect(coveringCertificate(certs, '2026-04-20', policy)).toBeNull();
	});

	it('lists every applying code in the handbook order', () => {
		const all = facts(
			{ pastDueCents: 1000, notice: { mailedOn: null, addressOk: true } },
			{
				plan: 'good-standing',
				medicalCertificates: [{ issuedOn: DAY }],
				dispute: { pending: true, undisputedPaid: true },
				bankruptcy: true,
				assistancePledgeOn: DAY,
				premiseDebtMatch: false
			}
		);
		expect(codes(all)).toEqual(['PLAN', 'MEDICAL', 'DISPUTE', 'BANKRUPTCY', 'ASSIST', 'NOTICE', 'BELOW_MIN', 'WRONG_PREMISE']);
		expect(codes(all, DAY, 1000)).toEqual(['PAID', 'PLAN', 'MEDICAL', 'DISPUTE', 'BANKRUPTCY', 'ASSIST', 'NOTICE', 'WRONG_PREMISE']);
		const order = codes(all, DAY, 1000).map((c) => EXCLUSION_CODES.indexOf(c));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('explains notice problems in words a CSR reads', () => {
		expect(noticeDefect(facts({ notice: { mailedOn: '2026-11-08', addressOk: true } }), DAY, policy)).toContain('9 days');
		expect(exclusionsFor(facts({ pastDueCents: 4999 }), { date: DAY, paidCents: 0 }, policy)[0].reason).toContain('$49.99');
	});

	it('rejects malformed dates instead of throwing', () => {
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('2026-11-17')).toBe(true);
		expect(codes(facts({ notice: { mailedOn: 'soon', addressOk: true } }, { medicalCertificates: [{ issuedOn: 'x' }], assistancePledgeOn: '11/4' }))).toEqual([
			'NOTICE'
		]);
	});

	it('property: more payment never brings an account back onto the list', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (pastDue, a, b) => {
				const f = facts({ pastDueCents: pastDue });
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				if (codes(f, DAY, lo).length > 0) expect(codes(f, DAY, hi).length).toBeGreaterThan(0);
			})
		);
	});
});

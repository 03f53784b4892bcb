/**
 * Riverton Municipal Utilities' policy settings (policy handbook, every number a setting).
 * This is the only place a policy number is written; machines, guards, scoring and UI read it
 * from here (machines receive it through their input so runs can record the snapshot they used).
 * All money in integer cents, all times of day in minutes after local midnight.
 */
export const DENOMINATIONS = [
	{ key: 'd100', label: '$100', cents: 10000, kind: 'bill' },
	{ key: 'd50', label: '$50', cents: 5000, kind: 'bill' },
	{ key: 'd20', label: '$20', cents: 2000, kind: 'bill' },
	{ key: 'd10', label: '$10', cents: 1000, kind: 'bill' },
	{ key: 'd5', label: '$5', cents: 500, kind: 'bill' },
	{ key: 'd1', label: '$1', cents: 100, kind: 'bill' },
	{ key: 'c25', label: 'Quarters', cents: 25, kind: 'coin' },
	{ key: 'c10', label: 'Dimes', cents: 10, kind: 'coin' },
	{ key: 'c5', label: 'Nickels', cents: 5, kind: 'coin' },
	{ key: 'c1', label: 'Pennies', cents: 1, kind: 'coin' }
] as const;

export type DenominationKey = (typeof DENOMINATIONS)[number]['key'];
/** Counts per denomination: bills/coins as piece counts (never dollar amounts). */
export type DenominationCounts = Partial<Record<DenominationKey, number>>;

/** A fixed date (month/day) or the nth ISO weekday of a month (nth -1 = last). */
export type HolidayRule =
	| { name: string; month: number; day: number }
	| { name: string; month: number; weekday: number; nth: number };

export const policy = {
	version: '2026.1',
	utility: 'Riverton Municipal Utilities',
	timeZone: 'America/Los_Angeles',

	drawer: {
		floatCents: 20000,
		// $20 quarters = 80, $5 dimes = 50, $4 nickels = 80, $1 pennies = 100 (§2)
		floatCounts: { d20: 2, d10: 4, d5: 8, d1: 50, c25: 80, c10: 50, c5: 80, c1: 100 } as DenominationCounts,
		screenedBillCents: [5000, 10000],
		counterfeitHandling: 'retain' as 'retain' | 'accept-and-report',
		midShiftDropAboveFloatCents: 100000,
		recountsOnDifference: 1,
		varianceExplainAboveCents: 0,
		varianceSeniorCountCents: 500,
		varianceSupervisorCents: 2500,
		checkMismatchNeedsSupervisorOverride: true
	},

	payments: {
		checkStaleDays: 180,
		returnedItemFeeCents: 2500,
		returnedItemPayDays: 3,
		returnedItemsForCashOnly: 2,
		cashOnlyMonths: 12,
		achStartBusinessDays: 10,
		lockoffRenoticeHours: 24
	},

	deposit: {
		averageMultiplier: 2,
		noHistoryCents: 20000,
		minimumCents: 10000,
		badHistoryMultiplier: 2,
		minimumBillsForHistory: 3,
		historyMonths: 12,
		letterOfCreditMonths: 12,
		letterMaxAgeDays: 60,
		ownHistoryMonths: 12,
		ownHistoryCleanMonths: 24,
		installmentAboveCents: 10000,
		installmentNowPercent: 50,
		installmentBills: 2,
		refundAfterOnTimeMonths: 12,
		badHistoryReturnedItems: 2
	},

	delinquency: {
		billDueDays: 20,
		lateFeeCents: 1000,
		noticeMinDays: 10,
		doorTagDaysBefore: 2,
		doorTagFeeCents: 2500,
		minimumPastDueCents: 5000,
		lockoffFeeCents: 5000,
		lockoffWeekdays: [1, 2, 3, 4], // Mon–Thu (ISO: Mon = 1)
		noNewLockoffsAfterMinutes: 14 * 60,
		weatherLowMaxF: 32,
		weatherHighMinF: 100,
		medicalCertificateDays: 30,
		medicalCertificatesPer12Months: 3,
		assistancePledgeHoldDays: 14
	},

	office: {
		/** US federal holidays as the city observes them: Saturday → Friday, Sunday → Monday. */
		holidays: [
			{ name: "New Year's Day", month: 1, day: 1 },
			{ name: 'Martin Luther King Jr. Day', month: 1, weekday: 1, nth: 3 },
			{ name: "Presidents' Day", month: 2, weekday: 1, nth: 3 },
			{ name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
			{ name: 'Juneteenth', month: 6, day: 19 },
			{ name: 'Independence Day', month: 7, day: 4 },
			{ name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
			{ name: "Indigenous Peoples' Day", month: 10, weekday: 1, nth: 2 },
			{ name: 'Veterans Day', month: 11, day: 11 },
			{ name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
			{ name: 'Christmas Day', month: 12, day: 25 }
		] as readonly HolidayRule[],
		openMinutes: 8 * 60,
		closeMinutes: 17 * 60,
		weekdays: [1, 2, 3, 4, 5]
	},

	restoration: {
		reconnectFeeCents: 5000,
		sameDayPaidByMinutes: 15 * 60,
		afterHoursFeeCents: 15000,
		afterHoursMaxPer12Months: 2
	},

	plans: {
		downPaymentPercent: 50,
		maxInstallments: 3,
		maxPlansPer12Months: 1,
		brokenPlanBlockMonths: 12,
		missedInstallmentGraceDays: 2
	},

	leak: {
		perMonths: 12,
		usageMultipleOfAverage: 2,
		creditPercentOfExcess: 50,
		authorityCents: { csr2: 10000, csr3: 25000 }
	},

	reread: { feeCents: 2000, freeIfNoneInMonths: 12 },

	assistance: { povertyPercent: 200, discountPercent: 20, recertifyYears: 2 },

	irate: {
		moodMin: 0,
		moodMax: 10,
		abuseStepsBeforeEnding: 2,
		/** Lowest level that may offer each option in a contact (§8 "Authority to offer"; adjustment amounts: leak.authorityCents). */
		offerMinLevel: {
			explain: 'csr1',
			payment: 'csr1',
			route: 'csr1',
			assistanceReferral: 'csr1',
			paymentPlan: 'csr2',
			leakAdjustment: 'csr2',
			reread: 'csr2',
			medicalCertificateInfo: 'csr2',
			adjustment: 'csr3',
			exception: 'supervisor'
		},
		/** The office's language; a customer preferring another is offered an interpreter (§1 Language access). */
		officeLanguage: 'en'
	},

	scoring: {
		passMark: 80,
		points: { outcome: 40, compliance: 30, order: 15, documentation: 10, time: 5 },
		violationPenalty: 10,
		softOrderPenalty: 5,
		hintCost: 3
	},

	competency: {
		/** A signed-off competency with no clean live run or passed attempt for this long needs a refresher (ladder.md). */
		lapseDays: 180,
		/** Product default (not in the handbook): days a refresher assignment is due after a procedure's revision rises. */
		refresherDueDays: 14
	}
} as const;

export type Policy = typeof policy;

/**
 * A new-service application waiting for its deposit decision, as the sandbox CIS records it: an account
 * note (category `application`) on the new account, readable by a CSR on the account page and read back
 * by the deposit decision's start. One format, written and parsed here, so the two never drift apart.
 */
import type { IsoDate } from '$lib/domain/calendar';
import type { LetterOfCredit } from '$lib/domain/deposit';
import type { DocumentKind } from '$machines/deposit-decision.machine';

export const APPLICATION_NOTE_CATEGORY = 'application';

export interface ListedAdult {
	name: string;
	/** A Riverton account of theirs, when they have one (the credit check reads their records from it). */
	accountNumber: string | null;
}

export interface ServiceApplication {
	receivedOn: IsoDate;
	occupancy: 'tenant' | 'owner';
	serviceStartDate: IsoDate;
	billingCycleDay: number;
	documentsPresented: DocumentKind[];
	listedAdults: ListedAdult[];
	letterOfCredit: LetterOfCredit | null;
	enrollingInAutopay: boolean;
}

const DOCS: Record<DocumentKind, string> = {
	'photo-id': 'photo ID',
	lease: 'lease',
	'landlord-form': 'landlord form',
	deed: 'deed',
	'tax-notice': 'property tax notice'
};
const DOC_BY_LABEL = new Map(Object.entries(DOCS).map(([k, v]) => [v, k as DocumentKind]));

function formatLetter(l: LetterOfCredit | null): string {
	if (!l) return 'none';
	return [
		`${l.utility}, dated ${l.issuedOn}, ${l.monthsCovered} consecutive months`,
		l.noLatePayments ? 'no late payment' : 'shows a late payment',
		l.noReturnedItems ? 'no returned item' : 'shows a returned item',
		l.noDisconnections ? 'no disconnection' : 'shows a disconnection'
	].join(', ');
}

/** The note body for an application (one readable sentence per fact). */
export function formatApplication(a: ServiceApplication): string {
	const adults = a.listedAdults.length
		? a.listedAdults.map((p) => `${p.name} (${p.accountNumber ? `account ${p.accountNumber}` : 'no Riverton account'})`).join('; ')
		: 'none';
	return (
		`Service application received ${a.receivedOn} (${a.occupancy}). ` +
		`Service to start ${a.serviceStartDate}, billed on day ${a.billingCycleDay}. ` +
		`Documents brought: ${a.documentsPresented.map((d) => DOCS[d]).join(', ')}. ` +
		`Adults listed: ${adults}. ` +
		`Letter of credit: ${formatLetter(a.letterOfCredit)}. ` +
		`ACH autopay: ${a.enrollingInAutopay ? 'requested' : 'not requested'}. ` +
		'Deposit decision pending.'
	);
}

const NOTE =
	/^Service application received (\d{4}-\d{2}-\d{2}) \((tenant|owner)\)\. Service to start (\d{4}-\d{2}-\d{2}), billed on day (\d{1,2})\. Documents brought: ([^.]*)\. Adults listed: ([^.]*)\. Letter of credit: ([^.]*)\. ACH autopay: (requested|not requested)\. Deposit decision pending\.$/;
const ADULT = /^(.+) \((?:account ([\d-]+)|no Riverton account)\)$/;
const LETTER = /^(.+), dated (\d{4}-\d{2}-\d{2}), (\d{1,3}) consecutive months, (no|shows a) late payment, (no|shows a) returned item, (no|shows a) disconnection$/;

/** Reads an application note back; null when the body is not one. */
export function parseApplication(body: string): ServiceApplication | null {
	const m = NOTE.exec(body.trim());
	if (!m) return null;
	const [, receivedOn, occupancy, serviceStartDate, cycle, docs, adults, letter, autopay] = m;
	const documentsPresented: DocumentKind[] = [];
	for (const label of docs.split(', ')) {
		const kind = DOC_BY_LABEL.get(label);
		if (!kind) return null;
		documentsPresented.push(kind);
	}
	const listedAdults: ListedAdult[] = [];
	if (adults !== 'none') {
		for (const part of adults.split('; ')) {
			const a = ADULT.exec(part);
			if (!a) return null;
			listedAdults.push({ name: a[1], accountNumber: a[2] ?? null });
		}
	}
	let letterOfCredit: LetterOfCredit | null = null;
	if (letter !== 'none') {
		const l = LETTER.exec(letter);
		if (!l) return null;
		letterOfCredit = { utility: l[1], issuedOn: l[2], monthsCovered: Number(l[3]), noLatePayments: l[4] === 'no', noReturnedItems: l[5] === 'no', noDisconnections: l[6] === 'no' };
	}
	return {
		receivedOn,
		occupancy: occupancy as 'tenant' | 'owner',
		serviceStartDate,
		billingCycleDay: Number(cycle),
		documentsPresented,
		listedAdults,
		letterOfCredit,
		enrollingInAutopay: autopay === 'requested'
	};
}

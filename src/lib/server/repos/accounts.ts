/** The sandbox CIS: account search and the account page's data. Balances derive from the ledger. */
import type { Store } from '../store';

export interface AccountHit {
	number: string;
	holder: string;
	address: string;
	status: string;
	balanceCents: number;
}

/** Turns free text into a safe FTS5 prefix query ("ald cre" → "ald"* "cre"*). */
export function ftsQuery(q: string): string | null {
	const tokens = q
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, 6);
	return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}

/** Search by account number (digits, dashes optional), holder name or service address. */
export function searchAccounts(store: Store, q: string, limit = 20): AccountHit[] {
	const query = q.trim().slice(0, 100);
	if (query.length < 2) return [];
	const db = store.db.$client;
	const base = `SELECT a.number, c.first_name || ' ' || c.last_name AS holder,
		p.address || coalesce(' ' || p.unit, '') || ', ' || p.city AS address, a.status,
		(SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l WHERE l.account_id = a.id) AS balanceCents
		FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id`;
	const digits = query.replace(/[\s-]/g, '');
	if (/^\d{2,11}$/.test(digits)) {
		// Numbers are stored as 100-004271-02: the typed digits with the dashes put back are a prefix,
		// looked up as a range on accounts_number_uq (':' sorts after every digit and the dash).
		const prefix = [digits.slice(0, 3), digits.slice(3, 9), digits.slice(9)].filter(Boolean).join('-');
		const rows = db.prepare(`${base} WHERE a.number >= ? AND a.number < ? ORDER BY a.number LIMIT ?`).all(prefix, `${prefix}:`, limit) as AccountHit[];
		if (rows.length) return rows;
	}
	const fts = ftsQuery(query);
	if (!fts) return [];
	return db
		.prepare(`${base} JOIN (SELECT account_id, rank FROM account_search WHERE account_search MATCH ? ORDER BY rank LIMIT ?) s ON s.account_id = a.id ORDER BY s.rank`)
		.all(fts, limit) as AccountHit[];
}

export interface LedgerLine {
	id: number;
	postedOn: string;
	kind: string;
	tender: string | null;
	amountCents: number;
	memo: string;
	correctsId: number | null;
	runningCents: number;
}

export interface AccountPage {
	id: number;
	number: string;
	status: string;
	holderType: string;
	cashOnlyUntil: string | null;
	autopay: boolean;
	depositHeldCents: number;
	openedOn: string;
	closedOn: string | null;
	customer: { firstName: string; lastName: string; phone: string; email: string | null; preferredLanguage: string };
	premise: { address: string; unit: string | null; city: string; zip: string; ownerName: string; services: string };
	balanceCents: number;
	ledger: LedgerLine[];
	notes: { id: number; createdAt: number; author: string; category: string; body: string }[];
	workOrders: { id: number; kind: string; status: string; scheduledFor: string; priority: string; memo: string | null }[];
	protections: { id: number; kind: string; status: string; startsOn: string; endsOn: string | null; details: string }[];
	notices: { id: number; kind: string; issuedOn: string; lockoffDate: string; amountCents: number; addressOk: boolean }[];
	contacts: { id: number; name: string; relationship: string; scope: string; validFrom: string; validTo: string | null }[];
}

/** Everything the account page shows, or null when the number is unknown. */
export function getAccountPage(store: Store, number: string, ledgerLimit = 60): AccountPage | null {
	const db = store.db.$client;
	const a = db
		.prepare(
			`SELECT a.id, a.number, a.status, a.holder_type AS holderType, a.cash_only_until AS cashOnlyUntil, a.autopay,
				a.deposit_held_cents AS depositHeldCents, a.opened_on AS openedOn, a.closed_on AS closedOn,
				c.first_name AS firstName, c.last_name AS lastName, c.phone, c.email, c.preferred_language AS preferredLanguage,
				p.address, p.unit, p.city, p.zip, p.owner_name AS ownerName, p.services
			 FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN premises p ON p.id = a.premise_id WHERE a.number = ?`
		)
		.get(number) as Record<string, never> | undefined;
	if (!a) return null;
	const id = a.id as number;
	const all = db
		.prepare(
			`SELECT id, posted_on AS postedOn, kind, tender, amount_cents AS amountCents, memo, corrects_id AS correctsId
			 FROM ledger_entries WHERE account_id = ? ORDER BY posted_at, id`
		)
		.all(id) as Omit<LedgerLine, 'runningCents'>[];
	let running = 0;
	const ledger = all.map((l) => ({ ...l, runningCents: (running += l.amountCents) }));
	return {
		id,
		number: a.number,
		status: a.status,
		holderType: a.holderType,
		cashOnlyUntil: a.cashOnlyUntil,
		autopay: !!a.autopay,
		depositHeldCents: a.depositHeldCents,
		openedOn: a.openedOn,
		closedOn: a.closedOn,
		customer: { firstName: a.firstName, lastName: a.lastName, phone: a.phone, email: a.email, preferredLanguage: a.preferredLanguage },
		premise: { address: a.address, unit: a.unit, city: a.city, zip: a.zip, ownerName: a.ownerName, services: a.services },
		balanceCents: running,
		ledger: ledger.slice(-ledgerLimit).reverse(),
		notes: db
			.prepare('SELECT id, created_at AS createdAt, author, category, body FROM account_notes WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 50')
			.all(id) as AccountPage['notes'],
		workOrders: db
			.prepare('SELECT id, kind, status, scheduled_for AS scheduledFor, priority, memo FROM work_orders WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 30')
			.all(id) as AccountPage['workOrders'],
		protections: db
			.prepare('SELECT id, kind, status, starts_on AS startsOn, ends_on AS endsOn, details FROM protections WHERE account_id = ? ORDER BY starts_on DESC')
			.all(id) as AccountPage['protections'],
		notices: (
			db
				.prepare('SELECT id, kind, issued_on AS issuedOn, lockoff_date AS lockoffDate, amount_cents AS amountCents, address_ok AS addressOk FROM notices WHERE account_id = ? ORDER BY issued_on DESC')
				.all(id) as (Omit<AccountPage['notices'][number], 'addressOk'> & { addressOk: number })[]
		).map((n) => ({ ...n, addressOk: !!n.addressOk })),
		contacts: db
			.prepare('SELECT id, name, relationship, scope, valid_from AS validFrom, valid_to AS validTo FROM authorised_contacts WHERE account_id = ? ORDER BY name')
			.all(id) as AccountPage['contacts']
	};
}

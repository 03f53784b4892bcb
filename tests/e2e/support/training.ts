/**
 * Test-only training fixtures: the sign-off race spec needs evidence in place without playing
 * scenarios, so it registers a small catalog and records finished attempts through POST
 * /__test/training (COUNTERLINE_TEST_MODE only), as the scenario engine would write them. Journeys
 * about training itself play real scenarios through the practice pages instead (support/practice.ts).
 */
import { expect, type APIRequestContext } from '@playwright/test';

const scenario = (id: string, title: string, competencies: string[], faultIds: string[]) => ({ id, version: 1, title, procedure: 'irate-contact', level: 'csr1', competencies, faultIds, brief: 'E2E scenario.', targetMinutes: 8 });

export const E2E_CATALOG = {
	scenarios: [
		scenario('e2e-id-caller', 'Caller asks for a balance', ['C-ID'], ['F-01']),
		scenario('e2e-id-spouse', 'Spouse not on the account', ['C-ID'], ['F-02']),
		scenario('e2e-id-landlord', 'Landlord wants the tenant’s usage', ['C-ID', 'C-INFO'], ['F-01', 'F-03'])
	],
	paths: [{ id: 'e2e-id-path', title: 'Identity and confidentiality basics', description: 'Three callers.', scenarioIds: ['e2e-id-caller', 'e2e-id-spouse', 'e2e-id-landlord'] }]
};

export interface AttemptInput {
	username: string;
	scenarioId: string;
	passed: boolean;
	score: number;
	faultsFound?: string[];
	faultsMissed?: string[];
}

export async function registerCatalog(request: APIRequestContext): Promise<void> {
	const r = await request.post('/__test/training', { data: { catalog: E2E_CATALOG } });
	expect(r.ok()).toBe(true);
}

export async function recordAttempts(request: APIRequestContext, attempts: AttemptInput[]): Promise<number[]> {
	const r = await request.post('/__test/training', { data: { attempts } });
	expect(r.ok()).toBe(true);
	return ((await r.json()) as { attempts: number[] }).attempts;
}

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF) for checking downloaded CSV. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const s = text.replace(/^\uFEFF/, '');
	const endField = () => {
		row.push(field);
		field = '';
	};
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') endField();
		else if (c === '\r' && s[i + 1] === '\n') {
			endField();
			rows.push(row);
			row = [];
			i++;
		} else field += c;
	}
	if (field || row.length) {
		endField();
		rows.push(row);
	}
	return rows;
}

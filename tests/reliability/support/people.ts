/** The demo staff the drivers use: each cashier has a colleague (CSR II or above) who verifies for them. */
import { Client } from './http';
import type { DriverPeople } from './drivers';

export const PAIRS: [owner: string, second: string][] = [
	['csr1', 'csr2'],
	['csr1b', 'csr2b'],
	['csr1c', 'csr3']
];

/** Signs in every pair (sessions survive server restarts: they live in the database). */
export async function signInPairs(base: string, pairs = PAIRS): Promise<DriverPeople[]> {
	return Promise.all(pairs.map(async ([o, s]) => ({ owner: await Client.signIn(base, o), second: await Client.signIn(base, s) })));
}

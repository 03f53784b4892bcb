/**
 * First start: create the demo office, its teams and one user per level (plus an admin and a few
 * extra CSR I/IIs so a team exists), and generate the sandbox from its seed. Later starts change nothing.
 */
import { config } from './config';
import { now } from './clock';
import { mutate, type Store } from './store';
import { audit } from './audit/log';
import { hashPassword } from './auth/password';
import { countUsers, insertUser } from './repos/users';
import { generateSandbox } from './sandbox/generate';
import { applyProcedureRevisions } from './competency/revisions';
import { seedDemoSignoffs } from './competency/demo';
import { startOutboxTimer } from './xapi/lrs';
import { toLocal } from '$lib/domain/calendar';
import type { Level } from '$lib/domain/levels';

export interface DemoUser {
	username: string;
	displayName: string;
	level: Level;
	isAdmin: boolean;
	team: 'A' | 'B' | null;
	hireDate: string;
}

export const DEMO_USERS: DemoUser[] = [
	{ username: 'csr1', displayName: 'Alex Rivera', level: 'csr1', isAdmin: false, team: 'A', hireDate: '2026-06-01' },
	{ username: 'csr1b', displayName: 'Jamie Chen', level: 'csr1', isAdmin: false, team: 'A', hireDate: '2026-08-17' },
	{ username: 'csr1c', displayName: 'Priya Natarajan', level: 'csr1', isAdmin: false, team: 'B', hireDate: '2025-11-03' },
	{ username: 'csr2', displayName: 'Morgan Ellis', level: 'csr2', isAdmin: false, team: 'A', hireDate: '2023-03-13' },
	{ username: 'csr2b', displayName: 'Luis Herrera', level: 'csr2', isAdmin: false, team: 'B', hireDate: '2022-09-06' },
	{ username: 'csr3', displayName: 'Taylor Brooks', level: 'csr3', isAdmin: false, team: 'A', hireDate: '2019-05-20' },
	{ username: 'senior', displayName: 'Maria Ortiz', level: 'senior', isAdmin: false, team: 'A', hireDate: '2015-02-09' },
	{ username: 'supervisor', displayName: 'Dana Whitfield', level: 'supervisor', isAdmin: true, team: null, hireDate: '2011-07-18' },
	{ username: 'admin', displayName: 'Sam Okafor (IT)', level: 'csr1', isAdmin: true, team: null, hireDate: '2020-01-06' }
];

/** Creates the demo office and users when the database has no users yet. Returns whether it did. */
export async function seedDemoStaff(store: Store, password = config.demoPassword): Promise<boolean> {
	if (countUsers(store) > 0) return false;
	const passwordHash = await hashPassword(password);
	mutate(store, () => {
		const db = store.db.$client;
		const officeId = Number(db.prepare('INSERT INTO offices (name) VALUES (?)').run('Riverton Main Office').lastInsertRowid);
		const teamA = Number(db.prepare('INSERT INTO teams (office_id, name) VALUES (?, ?)').run(officeId, 'Counter Team A').lastInsertRowid);
		const teamB = Number(db.prepare('INSERT INTO teams (office_id, name) VALUES (?, ?)').run(officeId, 'Counter Team B').lastInsertRowid);
		const at = now();
		for (const u of DEMO_USERS) {
			insertUser(store, { ...u, teamId: u.team === 'A' ? teamA : u.team === 'B' ? teamB : null, passwordHash }, at);
		}
		audit(store, { actor: null, action: 'system.bootstrap', target: 'office:Riverton Main Office', summary: { users: DEMO_USERS.map((u) => u.username) } });
	});
	return true;
}

/** Generates the sandbox from its configured seed when it is empty. */
export function seedSandboxIfEmpty(store: Store): boolean {
	const n = (store.db.$client.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
	if (n > 0) return false;
	const today = config.seed.today || toLocal(now()).date;
	mutate(store, () => {
		const result = generateSandbox(store.db.$client, { accounts: config.seed.accounts, seed: config.seed.seed, today });
		audit(store, { actor: null, action: 'sandbox.generate', target: 'sandbox', summary: { seed: config.seed.seed, today, accounts: result.accounts } });
	});
	return true;
}

/** Migrates (by opening), seeds what is missing and prints where to go and who to sign in as. */
export async function bootstrap(store: Store): Promise<void> {
	const createdStaff = await seedDemoStaff(store);
	if (createdStaff) seedDemoSignoffs(store, 'supervisor', now());
	const createdSandbox = seedSandboxIfEmpty(store);
	// Procedure revisions only change with a deployment: start-up is when refreshers fall due.
	const refreshers = applyProcedureRevisions(store, now());
	startOutboxTimer();
	const lines = [
		'',
		`Counterline is ready at ${config.origin}`,
		createdStaff ? 'Demo office created.' : 'Using the existing database.',
		createdSandbox ? 'Sandbox utility generated.' : '',
		refreshers ? `${refreshers} refresher assignment(s) created for procedure revisions.` : '',
		`Demo sign-ins (password "${config.demoPassword}" unless changed):`,
		...DEMO_USERS.map((u) => `  ${u.username.padEnd(11)} ${u.displayName} — ${u.level}${u.isAdmin ? ', admin' : ''}`),
		''
	].filter((l) => l !== '');
	console.log(lines.join('\n'));
}

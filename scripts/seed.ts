// `npm run seed -- --accounts 500 --seed 42 --today 2026-11-02`: regenerate the sandbox utility (audited).
// Defaults: 500 accounts (SEED_ACCOUNTS), seed 42 (SEED), today = SEED_TODAY, else the sandbox's current
// "today", else the current date in the policy time zone. The database is config.databaseFile (DATABASE_URL).
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { createStore, mutate } from '../src/lib/server/store';
import { audit } from '../src/lib/server/audit/log';
import { loadOrCreateKey } from '../src/lib/server/audit/chain';
import { generateSandbox } from '../src/lib/server/sandbox/generate';
import { addDays, toLocal } from '../src/lib/domain/calendar';

const USAGE = 'Usage: npm run seed -- [--accounts N] [--seed N] [--today YYYY-MM-DD]';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
	console.log(USAGE);
	process.exit(0);
}

const db = openDatabase(config.databaseFile, config.migrationsDir);
const sqlite = db.$client;
const store = createStore(db, loadOrCreateKey(config.auditKeyFile), config.auditCheckpointFile);
const storedToday = (sqlite.prepare("SELECT value FROM sandbox_meta WHERE key = 'today'").get() as { value: string } | undefined)?.value;
const accounts = Number(arg('accounts') ?? config.seed.accounts);
const seed = Number(arg('seed') ?? config.seed.seed);
const today = arg('today') ?? (config.seed.today || storedToday || toLocal(Date.now()).date);
const validDate = /^\d{4}-\d{2}-\d{2}$/.test(today) && addDays(today, 0) === today;
if (!Number.isSafeInteger(accounts) || accounts < 1 || !Number.isSafeInteger(seed) || !validDate) {
	console.error(USAGE);
	process.exit(2);
}

const r = mutate(store, () => {
	const result = generateSandbox(sqlite, { accounts, seed, today });
	audit(store, { actor: null, action: 'sandbox.generate', target: 'sandbox', summary: { seed, today, accounts, ms: result.ms, via: 'npm run seed' } });
	return result;
});

const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
const rows = (sql: string) => sqlite.prepare(sql).all() as { k: string; n: number }[];
const list = (sql: string) =>
	rows(sql)
		.map((x) => `${x.k} ${x.n}`)
		.join(', ');
console.log(`Sandbox generated in ${r.ms} ms (seed ${seed}, today ${today}) → ${config.databaseFile}`);
console.log(`  accounts     ${r.accounts}: ${list('SELECT status AS k, count(*) AS n FROM accounts GROUP BY status ORDER BY n DESC')}`);
console.log(`  profiles     ${list('SELECT profile AS k, count(*) AS n FROM accounts GROUP BY profile ORDER BY n DESC')}`);
console.log(`  ledger       ${count('SELECT count(*) AS n FROM ledger_entries')} entries (${list('SELECT kind AS k, count(*) AS n FROM ledger_entries GROUP BY kind ORDER BY n DESC')})`);
console.log(`  bills        ${count('SELECT count(*) AS n FROM bills')}, meter reads ${count('SELECT count(*) AS n FROM meter_reads')}`);
console.log(`  notices      ${list('SELECT kind AS k, count(*) AS n FROM notices GROUP BY kind')}; protections: ${list('SELECT kind AS k, count(*) AS n FROM protections GROUP BY kind')}`);
console.log(`  inbox        ${count('SELECT count(*) AS n FROM payment_inbox WHERE posted_entry_id IS NULL')} unposted; work orders ${count('SELECT count(*) AS n FROM work_orders')}; notes ${count('SELECT count(*) AS n FROM account_notes')}`);
sqlite.close();

// `npm run seed -- --accounts 500 --seed 42 --today 2026-11-02`: regenerate the sandbox utility (audited).
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { createStore, mutate } from '../src/lib/server/store';
import { audit } from '../src/lib/server/audit/log';
import { loadOrCreateKey } from '../src/lib/server/audit/chain';
import { generateSandbox } from '../src/lib/server/sandbox/generate';
import { toLocal } from '../src/lib/domain/calendar';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

const db = openDatabase(config.databaseFile, config.migrationsDir);
const store = createStore(db, loadOrCreateKey(config.auditKeyFile), config.auditCheckpointFile);
const storedToday = (db.$client.prepare("SELECT value FROM sandbox_meta WHERE key = 'today'").get() as { value: string } | undefined)?.value;
const accounts = Number(arg('accounts') ?? config.seed.accounts);
const seed = Number(arg('seed') ?? config.seed.seed);
const today = arg('today') ?? storedToday ?? toLocal(Date.now()).date;
if (!Number.isSafeInteger(accounts) || accounts < 1 || !Number.isSafeInteger(seed) || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
	console.error('Usage: npm run seed -- --accounts N --seed N --today YYYY-MM-DD');
	process.exit(2);
}
const r = mutate(store, () => {
	const result = generateSandbox(db.$client, { accounts, seed, today });
	audit(store, { actor: null, action: 'sandbox.generate', target: 'sandbox', summary: { seed, today, accounts, via: 'npm run seed' } });
	return result;
});
const count = (t: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
console.log(`Sandbox generated in ${r.ms} ms: ${r.accounts} accounts, ${count('ledger_entries')} ledger entries, ${count('bills')} bills (seed ${seed}, today ${today}) → ${config.databaseFile}`);

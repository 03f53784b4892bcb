// Starts the production build on a fresh database for the end-to-end run.
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const db = resolve(process.env.DATABASE_URL ?? 'test-results/e2e-db/counterline.db');
rmSync(dirname(db), { recursive: true, force: true });
process.env.NODE_ENV = 'production';
await import(resolve('build/index.js'));

/**
 * Test-only crash points for the reliability suite (COUNTERLINE_TEST_MODE=1 and
 * COUNTERLINE_KILL_AT=before-commit|after-commit[:n]): at the n-th applied step the process kills
 * itself with SIGKILL — inside the step's transaction just before its commit, or just after the
 * commit before any response is written. Without both variables this is a no-op.
 */
import { writeSync } from 'node:fs';
import { config, type KillPoint } from '../config';

let applied = 0;

/** Dies here if the configured kill point is this one and this is the configured step. */
export function killPoint(point: KillPoint, runId: number, version: number): void {
	const k = config.killAt;
	if (!k || k.point !== point) return;
	applied++;
	if (applied < k.nth) return;
	// Synchronous write, so the test learns which step died before the process is gone.
	writeSync(2, `KILL-POINT ${point} run=${runId} version=${version}\n`);
	process.kill(process.pid, 'SIGKILL');
}

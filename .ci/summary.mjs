// Totals vitest's and Playwright's JSON reports into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

// Further vitest reports (the reliability suite's) may follow the status argument.
const [vitestFile, playwrightFile, statusArg, ...moreVitest] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of [vitestFile, ...moreVitest]) {
	if (!file || !existsSync(file)) continue;
	const v = JSON.parse(readFileSync(file, 'utf8'));
	passed += v.numPassedTests ?? 0;
	failed += v.numFailedTests ?? 0;
	skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
	// A test file that fails to load has no failed tests of its own: count the file.
	if ((v.numFailedTests ?? 0) === 0) failed += v.numFailedTestSuites ?? 0;
}
if (playwrightFile && existsSync(playwrightFile)) {
	const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
	const s = p.stats ?? {};
	passed += (s.expected ?? 0) + (s.flaky ?? 0);
	failed += s.unexpected ?? 0;
	skipped += s.skipped ?? 0;
}
// A failing step before any runner (type check, lint, build) still has to show as a failure.
if (Number(statusArg) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

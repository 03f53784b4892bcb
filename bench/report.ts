/** The results file's shape, the targets, and the readable table (Markdown). */
import type { BenchConfig } from './config';
import type { OrgReport } from './org';
import type { LoadResult } from './load';
import type { PageJs } from './js-size';
import type { ReplayResult, RescoreResult } from './cpu';

export type Phase = LoadResult & { name: string; what: string; rssPeakMb: number };

export interface Target {
	what: string;
	target: string;
	value: string;
	met: boolean;
}

export interface Results {
	generatedAt: string;
	fullScale: boolean;
	machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
	config: BenchConfig;
	generation: OrgReport | null;
	load: { connections: number; seconds: number; warmupSeconds: number; phases: Phase[] };
	serverRss: { idleMb: number; peakUnderLoadMb: number };
	replay: ReplayResult;
	rescore: RescoreResult;
	js: PageJs[];
	targets: Target[];
}

const isBare = (p: Phase) => p.what === 'GET /bench-bare';

/** The ceiling: the bare page's throughput, averaged over its runs before and after the endpoints. */
export function ceiling(r: Results): number {
	const bare = r.load.phases.filter(isBare);
	return bare.reduce((s, p) => s + p.rps, 0) / Math.max(1, bare.length);
}

export const ratioOf = (r: Results, p: Phase) => Math.round((p.rps / ceiling(r)) * 100) / 100;

const ATTEMPTS_TARGET = 1_000_000;

export function targetsOf(r: Results): Target[] {
	const out: Target[] = [];
	for (const p of r.load.phases.filter((x) => !isBare(x))) {
		out.push({ what: `${p.name}: throughput / bare page`, target: '≥ 0.5', value: ratioOf(r, p).toFixed(2), met: ratioOf(r, p) >= 0.5 });
		out.push({ what: `${p.name}: p95`, target: '< 50 ms', value: `${p.p95} ms`, met: p.p95 < 50 });
		if (p.errors) out.push({ what: `${p.name}: errors`, target: '0', value: String(p.errors), met: false });
	}
	out.push({ what: 'machine replay, one core', target: '≥ 150,000 events/s', value: `${r.replay.eventsPerSecond.toLocaleString('en-US')} events/s`, met: r.replay.eventsPerSecond >= 150_000 });
	const projected = r.rescore.attempts === ATTEMPTS_TARGET ? r.rescore.seconds : Math.round(ATTEMPTS_TARGET / r.rescore.attemptsPerSecond);
	out.push({
		what: `re-score 1,000,000 attempts, ${r.rescore.workers} worker threads`,
		target: '< 120 s',
		value: r.rescore.attempts === ATTEMPTS_TARGET ? `${r.rescore.seconds} s` : `${projected} s (projected from ${r.rescore.attempts.toLocaleString('en-US')})`,
		met: projected < 120 && r.rescore.mismatches === 0
	});
	out.push({ what: 'server RSS under load (peak)', target: '< 300 MB', value: `${r.serverRss.peakUnderLoadMb} MB`, met: r.serverRss.peakUnderLoadMb < 300 });
	const practice = r.js.find((j) => j.path.startsWith('/practice'));
	if (practice) out.push({ what: 'practice page JavaScript (gzip)', target: '< 80 KB', value: `${practice.gzipKb} KB`, met: practice.gzipKb < 80 });
	return out;
}

const n = (x: number) => x.toLocaleString('en-US');

export function renderTable(r: Results): string {
	const lines: string[] = [];
	const g = r.generation;
	lines.push(`## Benchmark results (${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC${r.fullScale ? '' : ', REDUCED SCALE'})`, '');
	lines.push(
		`Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGb} GiB, Node ${r.machine.node}; load average ${r.machine.loadAverageAtStart[0]} at start, ${r.machine.loadAverageAtEnd[0]} at end (other work shares the machine: figures are noisy).`,
		''
	);
	if (g)
		lines.push(
			`Organisation: ${n(g.staff)} staff in ${g.teams} teams, ${n(g.accounts)} sandbox accounts, ${n(g.attempts)} scenario attempts (copies of ${g.sampleAttempts} real ones), ${n(g.liveRuns)} live runs — generated in ${g.seconds.total} s (sandbox ${g.seconds.sandbox} s, attempt sample ${g.seconds.samples} s, attempts ${g.seconds.attempts} s, live runs ${g.seconds.liveRuns} s); database ${n(Math.round(g.sizeMb))} MB (${n(g.bytesPerAttempt ?? 0)} bytes per attempt).`,
			''
		);
	lines.push(`Load: ${r.load.connections} keep-alive connections on loopback, ${r.load.seconds} s per endpoint after ${r.load.warmupSeconds} s warm-up, signed-in sessions.`, '');
	lines.push('| endpoint | requests/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare | server RSS peak |', '|---|---:|---:|---:|---:|---:|---:|---:|');
	for (const p of r.load.phases) lines.push(`| ${p.name} — \`${p.what}\` | ${n(p.rps)} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.errors} | ${isBare(p) ? '—' : ratioOf(r, p).toFixed(2)} | ${p.rssPeakMb} MB |`);
	lines.push('', `Ceiling (bare page, mean of its two runs): ${n(Math.round(ceiling(r)))} requests/s. Server RSS: ${r.serverRss.idleMb} MB idle, ${r.serverRss.peakUnderLoadMb} MB peak under load.`, '');
	lines.push('| measure | value |', '|---|---:|');
	lines.push(`| machine replay, one core | ${n(r.replay.eventsPerSecond)} events/s (${n(r.replay.eventsPerCpuSecond)} per CPU-second; ${n(r.replay.attemptsPerSecond)} attempts/s; ${n(r.replay.entriesPerSecond)} log entries/s) |`);
	lines.push(`| re-score, ${r.rescore.workers} worker threads | ${n(r.rescore.attempts)} attempts in ${r.rescore.seconds} s = ${n(r.rescore.attemptsPerSecond)} attempts/s; ${r.rescore.mismatches} scores not reproduced |`);
	for (const j of r.js) lines.push(`| JavaScript, \`${j.path}\` | ${j.gzipKb} KB gzip up front (${j.files} files, ${j.rawKb} KB raw); lazy ${j.lazyGzipKb} KB in ${j.lazyFiles} files |`);
	lines.push('', '| target | wanted | measured | met |', '|---|---|---|:-:|');
	for (const t of r.targets) lines.push(`| ${t.what} | ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
	return `${lines.join('\n')}\n`;
}

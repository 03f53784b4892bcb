/** Pure builders of the dashboards' chart data (and the tables that say the same thing). */
import type { ChartConfiguration } from 'chart.js';

/** A colour-blind-safe palette (Okabe–Ito), one per series. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface ScorePoint {
	procedure: string;
	label: string;
	at: number;
	/** 0–100. */
	percent: number;
}

/** Score trend per procedure: one line per procedure, x = the nth attempt of that procedure. */
export function scoreTrend(points: readonly ScorePoint[], titles: Record<string, string>): ChartConfiguration<'line'> {
	const procedures = [...new Set(points.map((p) => p.procedure))];
	const longest = Math.max(0, ...procedures.map((k) => points.filter((p) => p.procedure === k).length));
	return {
		type: 'line',
		data: {
			labels: Array.from({ length: longest }, (_, i) => `Attempt ${i + 1}`),
			datasets: procedures.map((k, i) => ({
				label: titles[k] ?? k,
				data: points.filter((p) => p.procedure === k).map((p) => p.percent),
				borderColor: PALETTE[i % PALETTE.length],
				backgroundColor: PALETTE[i % PALETTE.length],
				tension: 0.2
			}))
		},
		options: { scales: { y: { min: 0, max: 100, title: { display: true, text: 'Score (%)' } } } }
	};
}

/** One horizontal bar per row, values 0–max. */
export function bars(rows: readonly { label: string; value: number }[], opts: { label: string; max?: number; horizontal?: boolean; color?: string }): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: { labels: rows.map((r) => r.label), datasets: [{ label: opts.label, data: rows.map((r) => r.value), backgroundColor: opts.color ?? PALETTE[0] }] },
		options: { indexAxis: opts.horizontal ? 'y' : 'x', plugins: { legend: { display: false } }, scales: { [opts.horizontal ? 'x' : 'y']: { beginAtZero: true, ...(opts.max ? { max: opts.max } : {}) } } }
	};
}

/** Stacked bars: one bar per group, one segment per series. */
export function stacked(groups: readonly string[], series: readonly { label: string; values: number[] }[]): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: { labels: [...groups], datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: PALETTE[i % PALETTE.length] })) },
		options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
	};
}

/** Share of a competency's required evidence in hand (0–100), counting each requirement line up to what it needs. */
export function evidencePercent(t: { scenarios: { have: number; need: number }; withFaultFound: { have: number; need: number }; cleanRuns: { have: number; need: number }; observations: { have: number; need: number } }): number {
	const lines = [t.scenarios, t.withFaultFound, t.cleanRuns, t.observations];
	const need = lines.reduce((n, l) => n + l.need, 0);
	if (need === 0) return 100;
	return Math.round((lines.reduce((n, l) => n + Math.min(l.have, l.need), 0) / need) * 100);
}

import { describe, expect, test } from 'vitest';
import { scoreTrend } from '$lib/charts/datasets';
import { latestPerProcedure } from '$tests/fixtures/trend';

const pt = (procedure: string, percent: number) => ({ procedure, percent, label: `${procedure} ${percent}`, at: percent });

describe('score trend data', () => {
	test('keeps the last n of each procedure, in their original order', () => {
		const points = [pt('a', 1), pt('b', 2), pt('a', 3), pt('a', 4), pt('b', 5), pt('a', 6)];
		expect(latestPerProcedure(points, 2).map((p) => p.percent)).toEqual([2, 4, 5, 6]);
		expect(latestPerProcedure(points, 10)).toEqual(points);
		expect(latestPerProcedure(points, 0)).toEqual([]);
	});

	test('one line per procedure, as long as its attempts', () => {
		const cfg = scoreTrend([pt('a', 50), pt('b', 70), pt('a', 90)], { a: 'Procedure A' });
		expect(cfg.data.labels).toEqual(['Attempt 1', 'Attempt 2']);
		expect(cfg.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Procedure A', [50, 90]],
			['b', [70]]
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { procedureMapSvg, mapStateIds } from '$lib/procedures/map';
import { PROCEDURES } from '$machines/registry';
import { allStateIds } from '$machines/shared/steps';

describe('procedure map generated from each machine', () => {
	for (const def of Object.values(PROCEDURES)) {
		it(`${def.key}: every state appears, the current one highlighted`, () => {
			const ids = allStateIds(def.machine).slice(1); // the root is the diagram itself
			expect(mapStateIds(def.machine).sort()).toEqual([...ids].sort());
			const current = ids[0];
			const svg = procedureMapSvg(def.machine, { current, visited: [], title: def.title });
			for (const id of ids) expect(svg).toContain(`data-state="${id}"`);
			expect(svg.match(/data-current="true"/g)).toHaveLength(1);
			expect(svg).toContain(`data-state="${current}" data-current="true"`);
			expect(svg.startsWith('<svg')).toBe(true);
		});
	}

	it('escapes labels so the SVG can be inlined safely', () => {
		const svg = procedureMapSvg(PROCEDURES['drawer-opening'].machine, { title: '<script>x</script>' });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
	});
});

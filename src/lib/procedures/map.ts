/**
 * The procedure map: a diagram generated from the machine definition, laid out here (layered by
 * distance from the start, in declaration order) and shipped as SVG text, so no layout library
 * reaches the browser. The checklist is its text equivalent.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

interface MapNode {
	id: string;
	label: string;
	final: boolean;
	layer: number;
	row: number;
}

const W = 170;
const H = 44;
const GAP_X = 60;
const GAP_Y = 22;

function leafStates(machine: AnyStateMachine): AnyStateNode[] {
	const out: AnyStateNode[] = [];
	const visit = (n: AnyStateNode, top: boolean) => {
		if (!top) out.push(n);
		for (const c of Object.values(n.states) as AnyStateNode[]) visit(c, false);
	};
	visit(machine.root, true);
	return out;
}

function label(node: AnyStateNode): string {
	const meta = node.meta as { step?: { title?: string }; outcome?: string } | undefined;
	if (meta?.step?.title) return meta.step.title;
	if (meta?.outcome) return `End: ${meta.outcome.replace(/-/g, ' ')}`;
	return node.key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

function targetsOf(node: AnyStateNode): string[] {
	const out: string[] = [];
	const lists = [...Object.values(node.on as Record<string, { target?: readonly AnyStateNode[] }[]>), node.always ?? []];
	for (const list of lists) for (const t of list as { target?: readonly AnyStateNode[] }[]) for (const n of t.target ?? []) out.push(n.id);
	return out;
}

function escapeXml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function wrap(text: string, max = 22): string[] {
	const words = text.split(' ');
	const lines: string[] = [''];
	for (const w of words) {
		const cur = lines[lines.length - 1];
		if ((cur + ' ' + w).trim().length > max && cur) lines.push(w);
		else lines[lines.length - 1] = (cur + ' ' + w).trim();
	}
	return lines.slice(0, 2);
}

/** SVG of a machine's states and transitions; `current` highlighted, `visited` marked as the path taken. */
export function procedureMapSvg(machine: AnyStateMachine, opts: { current?: string; visited?: readonly string[]; title: string }): string {
	const states = leafStates(machine);
	const byId = new Map(states.map((s) => [s.id, s]));
	const edges: [string, string][] = [];
	for (const s of states) for (const t of targetsOf(s)) if (byId.has(t) && t !== s.id) edges.push([s.id, t]);
	// Compound parents' transitions apply to their children: draw them from each child.
	const initialId = states.find((s) => s.parent === machine.root && s.key === (machine.root.config.initial as string))?.id ?? states[0]?.id;
	const layer = new Map<string, number>();
	const queue: string[] = initialId ? [initialId] : [];
	if (initialId) layer.set(initialId, 0);
	while (queue.length) {
		const id = queue.shift()!;
		for (const [a, b] of edges) {
			if (a !== id || layer.has(b)) continue;
			layer.set(b, layer.get(id)! + 1);
			queue.push(b);
		}
	}
	let maxLayer = Math.max(0, ...layer.values());
	const nodes: MapNode[] = [];
	const rows = new Map<number, number>();
	for (const s of states) {
		if (!layer.has(s.id)) layer.set(s.id, ++maxLayer);
		const l = layer.get(s.id)!;
		const row = rows.get(l) ?? 0;
		rows.set(l, row + 1);
		nodes.push({ id: s.id, label: label(s), final: s.type === 'final', layer: l, row });
	}
	const pos = new Map(nodes.map((n) => [n.id, { x: 10 + n.layer * (W + GAP_X), y: 10 + n.row * (H + GAP_Y) }]));
	const width = 20 + (maxLayer + 1) * (W + GAP_X) - GAP_X;
	const height = 20 + Math.max(...rows.values()) * (H + GAP_Y) - GAP_Y;
	const visited = new Set(opts.visited ?? []);
	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(opts.title)}">`,
		`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7b8a91"/></marker></defs>`
	);
	for (const [a, b] of edges) {
		const p = pos.get(a)!;
		const q = pos.get(b)!;
		const forward = q.x > p.x;
		const x1 = forward ? p.x + W : p.x + W / 2;
		const y1 = forward ? p.y + H / 2 : p.y + H;
		const x2 = forward ? q.x : q.x + W / 2;
		const y2 = forward ? q.y + H / 2 : q.y + H;
		const bend = forward ? '' : ` Q ${(x1 + x2) / 2} ${Math.max(y1, y2) + 40} `;
		const taken = visited.has(a) && (visited.has(b) || b === opts.current);
		parts.push(
			`<path d="M ${x1} ${y1}${bend ? bend : ' L '}${x2} ${y2}" fill="none" stroke="${taken ? '#0f4c5c' : '#b7c3c8'}" stroke-width="${taken ? 2.5 : 1.2}" marker-end="url(#arrow)"/>`
		);
	}
	for (const n of nodes) {
		const p = pos.get(n.id)!;
		const isCurrent = n.id === opts.current;
		const wasVisited = visited.has(n.id);
		const fill = isCurrent ? '#0f4c5c' : wasVisited ? '#e3f0f2' : '#ffffff';
		const stroke = isCurrent ? '#0a3641' : wasVisited ? '#0f4c5c' : '#9aa9b0';
		const text = isCurrent ? '#ffffff' : '#1c2529';
		const lines = wrap(n.label);
		parts.push(
			`<g data-state="${escapeXml(n.id)}"${isCurrent ? ' data-current="true"' : ''}><title>${escapeXml(n.label)}</title>`,
			`<rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="${n.final ? 22 : 6}" fill="${fill}" stroke="${stroke}" stroke-width="${isCurrent ? 2.5 : 1.2}"${n.final ? ' stroke-dasharray="4 3"' : ''}/>`,
			...lines.map(
				(line, i) =>
					`<text x="${p.x + W / 2}" y="${p.y + H / 2 + (i - (lines.length - 1) / 2) * 15 + 5}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12.5" fill="${text}">${escapeXml(line)}</text>`
			),
			`</g>`
		);
	}
	parts.push('</svg>');
	return parts.join('');
}

/** Leaf state ids of a machine (what the map draws). */
export function mapStateIds(machine: AnyStateMachine): string[] {
	return leafStates(machine).map((s) => s.id);
}

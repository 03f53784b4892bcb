/**
 * Every route of the app, read from src/routes: pages, their form actions (the keys of the exported
 * `actions` object, read with the TypeScript parser) and API methods (+server.ts exports). The
 * authorisation matrix and the fuzzer walk this list, so a new route is covered — or fails the
 * tests until someone says what is expected of it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface RouteInfo {
	/** SvelteKit route id, e.g. "/runs/[id]" (groups removed). */
	id: string;
	page: boolean;
	/** Form action names ("default" for a default action). */
	actions: string[];
	/** HTTP methods exported by +server.ts. */
	methods: string[];
	/** Dynamic segments, e.g. ["id"]. */
	params: string[];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

function exportedNames(file: string): Map<string, ts.Expression | undefined> {
	const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const out = new Map<string, ts.Expression | undefined>();
	for (const st of src.statements) {
		const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
		if (!exported) continue;
		if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, d.initializer);
		if (ts.isFunctionDeclaration(st) && st.name) out.set(st.name.text, undefined);
	}
	return out;
}

function unwrap(e: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
	return e;
}

function actionNames(file: string): string[] {
	const init = exportedNames(file).get('actions');
	if (init === undefined) return [];
	const obj = unwrap(init);
	if (!ts.isObjectLiteralExpression(obj)) throw new Error(`${file}: \`actions\` is not an object literal; the route walker cannot list its actions`);
	return obj.properties.map((p) => {
		if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) throw new Error(`${file}: an action name the route walker cannot read`);
		return p.name.text;
	});
}

/** Lists the routes under `dir` (default src/routes), sorted by id. */
export function listRoutes(dir = join(process.cwd(), 'src', 'routes')): RouteInfo[] {
	const out: RouteInfo[] = [];
	const walk = (d: string) => {
		const files = readdirSync(d);
		const has = (f: string) => files.includes(f);
		const page = has('+page.svelte') || has('+page.server.ts') || has('+page.ts');
		const endpoint = has('+server.ts') ? join(d, '+server.ts') : has('+server.js') ? join(d, '+server.js') : null;
		if (page || endpoint) {
			const segments = relative(join(process.cwd(), 'src', 'routes'), d)
				.split(sep)
				.filter((s) => s && !/^\(.*\)$/.test(s));
			const id = '/' + segments.join('/');
			const server = join(d, '+page.server.ts');
			out.push({
				id,
				page,
				actions: existsSync(server) ? actionNames(server) : [],
				methods: endpoint ? METHODS.filter((m) => exportedNames(endpoint).has(m)) : [],
				params: segments.flatMap((s) => [...s.matchAll(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]))
			});
		}
		for (const f of files) if (statSync(join(d, f)).isDirectory()) walk(join(d, f));
	};
	walk(dir);
	return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL of a route with its params filled in. */
export function fillRoute(id: string, params: Record<string, string>): string {
	return id.replace(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`no value for [${name}] in ${id}`);
		return encodeURIComponent(params[name]);
	});
}

/** The path that posts to a form action (`?/name`, or the bare path for a default action). */
export function actionPath(path: string, action: string): string {
	return action === 'default' ? path : `${path}?/${action}`;
}

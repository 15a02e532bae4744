/**
 * The project's import graph, read from the source text: every relative `import … from '…'`
 * (and `import('…')`) in .ts, .svelte and .svelte.ts files. Enough for the house rules
 * (tests/house/house-rules.test.ts); bare package imports are not followed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** File (relative to root, `/`-separated) to the files it imports. */
export function importGraph(root: string, folders: string[]): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(ts|svelte)$/.test(name)) {
				const text = readFileSync(path, 'utf8');
				const targets = [...text.matchAll(IMPORT)].map((m) => key(root, resolve(dirname(path), m[1]!)));
				graph.set(key(root, path), [...new Set(targets)]);
			}
		}
	};
	for (const folder of folders) walk(join(root, folder));
	return graph;
}

function key(root: string, path: string): string {
	return relative(root, path).split(sep).join('/');
}

/** The strongly connected components with more than one member (Tarjan): each is an import cycle. */
export function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string) => {
		order.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!graph.has(w)) continue;
			if (!order.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
		}
		if (low.get(v) === order.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1) found.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!order.has(v)) visit(v);
	return found;
}

/** The graph between folders: `src/lib/agenda` imports `src/lib/focus` when any file does. */
export function folderGraph(graph: Map<string, string[]>): Map<string, string[]> {
	const folders = new Map<string, Set<string>>();
	const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/'));
	for (const [file, targets] of graph) {
		const from = folderOf(file);
		if (!folders.has(from)) folders.set(from, new Set());
		for (const target of targets) if (folderOf(target) !== from) folders.get(from)!.add(folderOf(target));
	}
	return new Map([...folders].map(([k, v]) => [k, [...v]]));
}

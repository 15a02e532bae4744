/**
 * House rules that are about the shape of the code, not its behaviour (STYLE.md, issue 13): no
 * import cycles between files or between folders of src/lib, and the pipeline takes only the
 * shared core from src/lib (also an ESLint rule; checked here on the whole graph).
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph } from './imports.ts';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const graph = importGraph(ROOT, ['src', 'pipelines']);

describe('the import graph', () => {
	it('reads the project (a guard against a regex that finds nothing)', () => {
		expect(graph.size).toBeGreaterThan(200);
		expect(graph.get('pipelines/ingest.ts')).toContain('pipelines/read/read-input.ts');
	});

	it('has no cycle between files', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('has no cycle between folders', () => {
		expect(cycles(folderGraph(graph))).toEqual([]);
	});
});

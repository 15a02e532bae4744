/**
 * The audit on the demo (generated here with seed 1, so the test follows whatever figures the
 * generator makes): the ingest passes it, story H3 (a small department whose area holds one
 * other) still holds, and the manifest's cost agrees with the rows the files mark withheld.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../pipelines/generate/generate.ts';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { activeIndicators } from '../../src/lib/core/indicators.ts';
import type { AggregateRow, KeyFigureRow, Manifest } from '../../src/lib/core/output-contract.ts';

let dir: string;
let demo: GenerateResult;
let manifest: Manifest;
let db: DuckDBConnection;
let keyFigures: KeyFigureRow[];
let aggregates: AggregateRow[];
/** The person-based indicators of the demo's catalogue: the built-in one and its declared ones (indikatorer.csv). */
let PERSON_BASED: string[] = [];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-audit-demo-'));
	demo = await generate({ scale: 'demo', seed: 1, out: join(dir, 'in') });
	const result = await ingest({ input: join(dir, 'in'), out: join(dir, 'out'), reporter: silentReporter });
	expect(result.ok).toBe(true);
	PERSON_BASED = activeIndicators()
		.filter((i) => i.personBased)
		.map((i) => i.id as string);
	expect(PERSON_BASED).toEqual(['uden_for_arbejdsmarked', 'domme_pr_1000', 'kun_grundskole']);
	manifest = result.manifest!;
	db = await (await DuckDBInstance.create()).connect();
	const read = async (file: string) =>
		(await db.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'out', file)}')`)).getRowObjectsJS() as unknown[];
	keyFigures = (await read('noegletal.parquet')) as KeyFigureRow[];
	aggregates = (await read('aggregater.parquet')) as AggregateRow[];
}, 120_000);

afterAll(() => {
	db?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

describe('the audit on the demo', () => {
	it('keeps story H3: the small department hidden every year, and never given away by its area', () => {
		const story = demo.stories.find((s) => s.id === 'H3')!;
		const [small, neighbour] = story.departmentIds;
		// Story H3 is told with the built-in figure; the declared ones may publish "0 of 16" (DOMAIN.md).
		for (const ind of ['uden_for_arbejdsmarked']) {
			const rows = keyFigures.filter((k) => k.afdeling_id === small && k.indikator === ind);
			expect(rows.length).toBeGreaterThan(0);
			for (const r of rows) {
				expect(r.diskretioneret).toBe(true);
				expect(r.vaerdi).toBeNull();
				// The area is the two of them: if it is published, the neighbour must be hidden too.
				const area = aggregates.find(
					(a) => a.niveau === 'omraade' && a.enhed_id === story.areaId && a.indikator === ind && a.aar === r.aar
				);
				const other = keyFigures.find((k) => k.afdeling_id === neighbour && k.indikator === ind && k.aar === r.aar);
				if (area && !area.diskretioneret) expect(other?.diskretioneret).toBe(true);
			}
		}
	});

	it('records in the manifest exactly the withheld rows the files hold, by rule', () => {
		const { primary, secondary, audit } = manifest.suppression;
		const hiddenDepartments = keyFigures.filter((k) => PERSON_BASED.includes(k.indikator) && k.diskretioneret).length;
		const hiddenAggregates = aggregates.filter((a) => PERSON_BASED.includes(a.indikator) && a.diskretioneret).length;
		expect(primary.departments + secondary.departments + audit.departments).toBe(hiddenDepartments);
		expect(primary.aggregates + secondary.aggregates + audit.aggregates).toBe(hiddenAggregates);
		// H3 alone fails the primary test every year.
		expect(primary.departments).toBeGreaterThanOrEqual(16);
		// No person-based value is written for a withheld row.
		for (const k of keyFigures) if (k.diskretioneret) expect(k.vaerdi).toBeNull();
		for (const a of aggregates) if (a.diskretioneret) expect(a.vaerdi).toBeNull();
	});
});

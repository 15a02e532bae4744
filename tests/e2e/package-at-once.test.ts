/**
 * The documentation package pressed at once (issue 12): on an organisation's page, the button
 * pressed as soon as the first chart is drawn, while DuckDB-WASM's wasm is still held back, so the
 * package starts before the page's database has anything. It must wait for the database and give
 * the same package as one pressed later: every file, and the figures worked by hand. And the page's
 * database rows are decoded in the rows worker (src/lib/db/worker-rows.ts), not on the main thread.
 *
 * Worked by hand from data/sample (noegletal_lbf.csv, afdelinger.csv), 2024, as in
 * detail-early.test.ts: Boligforeningen Fjordlys (2102), all twelve departments in Aarhus and
 * Vejle, 5 vacant of 732 dwellings, 6,8 ‰; Aarhus (0751) 23 of 1,396, 16,5 ‰.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { e2eSite } from './support/suite.ts';
import { holdWasm } from '../support/hold-wasm.ts';

const e2e = e2eSite();
const YEAR = 2024;

function csvRows(bytes: Uint8Array): string[][] {
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	return Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

describe('the organisation package pressed as soon as the first chart is drawn', () => {
	it('waits for the database and gives every file, with the figures worked by hand', async () => {
		const { page, errors } = await e2e.page();
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		const gate = await holdWasm(page);
		await page.goto(`${e2e.site.url}/organisation/2102?kommune=0751&ind=ledighed&aar=${YEAR}`);
		// The first chart, drawn from the Parquet (the wasm is held: no database yet).
		await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
		expect(await page.locator('[data-database-drawn]').getAttribute('data-database-drawn')).toBe('false');
		const downloaded = page.waitForEvent('download', { timeout: 180_000 });
		await page.getByRole('button', { name: /Dokumentationspakke/ }).click();
		// Pressed before the database: it is busy, and waits.
		await page.waitForSelector('[data-package] [role="progressbar"]', { timeout: 30_000 });
		gate.release();
		const file = await downloaded;
		expect(gate.asked()).toBeGreaterThan(0);
		expect(file.suggestedFilename()).toBe(`Dokumentationspakke ${YEAR} - Boligforeningen Fjordlys.zip`);
		const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
		const names = Object.keys(files);
		// 10 key figures (the seven built-in and the demo's three), each a trend and a placing chart, as PNG and SVG.
		expect(names.filter((n) => n.startsWith('diagrammer/'))).toHaveLength(10 * 2 * 2);
		expect(names).toEqual(
			expect.arrayContaining([
				'LÆSMIG.txt',
				`Rapport ${YEAR} - Boligforeningen Fjordlys.docx`,
				`Rapport ${YEAR} - Boligforeningen Fjordlys.pdf`,
				`data/Nøgletal ${YEAR}.csv`,
				`data/Afdelinger ${YEAR}.csv`
			])
		);
		const rows = csvRows(files[`data/Nøgletal ${YEAR}.csv`]!);
		const vacancy = rows.find((r) => r[0] === 'Ledighed');
		expect(vacancy, JSON.stringify(rows)).toBeDefined();
		// Columns: key figure, unit, Fjordlys 2023, Fjordlys 2024, Aarhus Kommune 2024, (the country).
		expect(rows[0]!.slice(3, 5)).toEqual([`Boligforeningen Fjordlys ${YEAR}`, `Aarhus Kommune ${YEAR}`]);
		expect(vacancy!.slice(3, 5)).toEqual(['6,8', '16,5']);
		// The database's rows were decoded in the rows worker.
		expect(
			workers.some((url) => /rows-worker/.test(url)),
			JSON.stringify(workers)
		).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);
});

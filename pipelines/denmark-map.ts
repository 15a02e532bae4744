/**
 * Writes static/geo/danmark-kommuner.geojson, the national page's base layer (/land): every one of
 * the 98 municipalities' real boundaries, so municipalities without data show as "ingen data"
 * whatever the input's own kommuner.geojson holds (a municipality's input usually holds only its
 * own). Read and made light for the web by the pipeline's own code (read-geojson.ts, geo-files.ts).
 * Christiansø (0411) is left out: it is not one of the 98 municipalities.
 *
 *   npx tsx pipelines/denmark-map.ts [path/to/kommuner.geojson]
 *
 * Source: Geodatastyrelsen & Danske Kommuner (DAGI) via ../shared/geo/kommuner.geojson.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { municipalitiesForWeb } from './build/geo-files.ts';
import { IssueCollector, formatReport } from './read/issues.ts';
import { readMunicipalities } from './read/read-geojson.ts';

const source = process.argv[2] ?? fileURLToPath(new URL('../../shared/geo/kommuner.geojson', import.meta.url));
const target = fileURLToPath(new URL('../static/geo/danmark-kommuner.geojson', import.meta.url));
const NOT_A_MUNICIPALITY = new Set(['0411']);

const issues = new IssueCollector();
const file = readMunicipalities(source, new Uint8Array(readFileSync(source)), issues);
const errors = issues.list().filter((i) => i.severity === 'error');
if (!file.collection || errors.length) {
	console.error(formatReport(errors));
	process.exit(1);
}
const { collection, dropped } = municipalitiesForWeb(file.collection);
collection.features = collection.features.filter((f) => !NOT_A_MUNICIPALITY.has(String(f.properties?.kode)));
const codes = new Set(collection.features.map((f) => String(f.properties?.kode)));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(collection));
console.log(
	`${target}: ${codes.size} kommuner, ${collection.features.length} features${dropped.length ? `, uden: ${dropped.join(', ')}` : ''}`
);

/**
 * What an output folder holds, for `npm start`: nothing yet, the demo, the user's own ingest, or
 * something else (files this program did not write; the ingest will refuse to replace them).
 * The manifest says demo or not; web/index.json names the municipalities. When it was ingested
 * is the manifest's modification time: the manifest itself holds no clock, so the same input
 * gives the same bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count } from './read/terminal-count.ts';
import { OUTPUT_FILES, WEB_FILES, type Manifest, type WebIndex } from '../src/lib/core/output-contract.ts';

export type DataState = { kind: 'none' } | { kind: 'other' } | { kind: 'demo' | 'own'; manifest: Manifest };

export function dataState(dir: string): DataState {
	if (!existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0)) return { kind: 'none' };
	let manifest: Manifest;
	try {
		manifest = JSON.parse(readFileSync(join(dir, OUTPUT_FILES.manifest), 'utf8')) as Manifest;
	} catch {
		return { kind: 'other' };
	}
	if (typeof manifest.schema_version !== 'string' || typeof manifest.demo !== 'boolean') return { kind: 'other' };
	return { kind: manifest.demo ? 'demo' : 'own', manifest };
}

/**
 * A short Danish description of the user's own ingest at `dir` (`1 kommune (Horsens), 7 afdelinger,
 * år 2019-2024`), or null when it holds no such thing (nothing, the demo, or files of others).
 */
export function ownDataAt(dir: string): string | null {
	if (dataState(dir).kind !== 'own') return null;
	const first = describeData(dir).split('\n')[0]!;
	return first.slice(first.indexOf(': ') + 2, first.lastIndexOf(', indlæst'));
}

/** Two lines (Danish, then English) saying what is served: whose data, how much, which years, when. */
export function describeData(dir: string): string {
	const state = dataState(dir);
	if (state.kind !== 'demo' && state.kind !== 'own') return `Ingen data i ${dir}. / No data in ${dir}.`;
	const { manifest } = state;
	let municipalities: string[] = [];
	try {
		const index = JSON.parse(readFileSync(join(dir, WEB_FILES.index), 'utf8')) as WebIndex;
		municipalities = index.kommuner.map((k) => k.navn);
	} catch {
		// an index that cannot be read only costs the names here; the dashboard will say more
	}
	const years = yearRuns(manifest.years);
	const when = statSync(join(dir, OUTPUT_FILES.manifest)).mtime;
	const whenDa = when.toLocaleString('da-DK', { dateStyle: 'long', timeStyle: 'short' });
	const whenEn = when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
	const names = listed(municipalities);
	const m = municipalities.length;
	const d = manifest.rows.afdelinger;
	const da = state.kind === 'demo' ? 'Viser demodata (syntetiske)' : 'Viser dine egne data';
	const en = state.kind === 'demo' ? 'Showing the demo data (synthetic)' : 'Showing your own data';
	return (
		`${da}: ${count(m, 'kommune', 'kommuner')} (${names}), ${count(d, 'afdeling', 'afdelinger')}, år ${years}, indlæst ${whenDa}.\n` +
		`${en}: ${count(m, 'municipality', 'municipalities', 'en-GB')}, ${count(d, 'department', 'departments', 'en-GB')}, years ${years}, ingested ${whenEn}.` +
		(state.kind === 'own' ? '\nDemodata i stedet: npm start -- --demo / For the demo instead: npm start -- --demo' : '')
	);
}

function listed(names: string[]): string {
	if (names.length <= 5) return names.join(', ');
	return `${names.slice(0, 5).join(', ')} og ${names.length - 5} flere`;
}

/**
 * The years as runs, `2019-2020, 2022-2024`: a year no file holds is left out, so "2019-2024"
 * does not promise a year the dashboard cannot show.
 */
export function yearRuns(years: readonly number[]): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	if (!sorted.length) return '-';
	const runs: string[] = [];
	let start = sorted[0]!;
	for (let i = 1; i <= sorted.length; i++) {
		const prev = sorted[i - 1]!;
		if (sorted[i] === prev + 1) continue;
		runs.push(start === prev ? String(start) : `${start}-${prev}`);
		start = sorted[i]!;
	}
	return runs.join(', ');
}

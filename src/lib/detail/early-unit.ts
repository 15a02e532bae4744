/**
 * A detail page's first draw, started as early as the app can: from the root layout's load
 * (routes/+layout.ts), before the page's own component has run, and again (the same read, kept by
 * earlyTrend) when the page's UnitData asks which municipality holds the unit. When the link's
 * `?kommune=` names a municipality the index knows, the unit's trend rows of that municipality are
 * read straight from the Parquet files (db/queries/parquet-trend.ts) while the check that it holds
 * the unit reads the same department columns (parquet-units.ts): the page's first chart waits for
 * one round of column chunks after the footers, which app.html's inline script has asked for.
 * Nothing is read for a hint the index does not know, nor when the database already holds the rows.
 */
import type { WebIndex } from '../core/output-contract.ts';
import { hintedMunicipality, unitCodes } from '../data/find-municipality.ts';
import type { UnitKind } from '../data/unit-kind.ts';
import { loadIndex } from '../data/web-files.ts';
import { isMunicipalityReady } from '../db/municipality.ts';
import { parquetSources } from '../db/parquet-sources.ts';
import { earlyTrend } from '../db/queries/parquet-trend.ts';

/** Starts the unit's early trend for its hinted municipality, without waiting for it. */
export function startEarlyTrend(index: WebIndex, kind: UnitKind, id: string, hint: string | null): void {
	const kode = hintedMunicipality(index, kind, id, hint);
	if (!kode || !index.raekker[kode]) return;
	const codes = unitCodes(index, kind, id, kode);
	if (codes.every(isMunicipalityReady)) return;
	earlyTrend(parquetSources(), index, { kind, id, kode, codes }).catch(() => undefined);
}

/** The same, once the index is in (the root layout's call, before the page has one). */
export function startEarlyUnit(kind: UnitKind, id: string, hint: string | null): void {
	loadIndex()
		.then((index) => startEarlyTrend(index, kind, id, hint))
		.catch(() => undefined);
}

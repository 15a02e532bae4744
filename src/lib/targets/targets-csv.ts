/**
 * Targets drafted in the browser as aftaler.csv, in the input contract's columns, so the file goes
 * straight back into the pipeline: written by the export library's CSV writer (`;`, decimal
 * comma, UTF-8 with BOM), which Danish Excel opens too.
 */
import { TARGET_COLUMNS } from '../core/input-contract.ts';
import { toCsv } from '../formats/csv.ts';
import type { ExportCell, ExportTable } from '../formats/export-table.ts';
import type { Target } from '../core/target.ts';

export const TARGET_FILE_NAME = 'aftaler.csv';

/** As many decimals as the value has (at most 4), so a typed 4,75 is written 4,75 and 5 as 5. */
function decimalsOf(value: number): number {
	for (let d = 0; d < 4; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-9) return d;
	return 4;
}

export function targetsTable(targets: readonly Target[]): ExportTable {
	const year = (value: number): ExportCell => ({ value, decimals: 0, plain: true });
	const number = (value: number): ExportCell => ({ value, decimals: decimalsOf(value) });
	return {
		title: 'Aftaler',
		columns: TARGET_COLUMNS.map((header) => ({ header })),
		rows: targets.map((t) => {
			const cells: Record<(typeof TARGET_COLUMNS)[number], ExportCell> = {
				maal_id: t.maal_id,
				niveau: t.niveau,
				enhed_id: t.enhed_id,
				indikator: t.indikator,
				basisaar: year(t.basisaar),
				basisvaerdi: t.basisvaerdi === null ? '' : number(t.basisvaerdi),
				maalaar: year(t.maalaar),
				maalvaerdi: number(t.maalvaerdi),
				retning: t.retning,
				aftaledokument: t.aftaledokument,
				aftaleaar: year(t.aftaleaar),
				boligorganisation_id: t.boligorganisation_id ?? '',
				beskrivelse: t.beskrivelse
			};
			return TARGET_COLUMNS.map((c) => cells[c]);
		})
	};
}

export function targetsCsv(targets: readonly Target[]): string {
	return toCsv(targetsTable(targets), 'da');
}

/**
 * The overview's work after its first view: `afterFirstView` runs a callback once the page has
 * painted and the browser is idle (the map and DuckDB-WASM start then, so the first chart never
 * waits for them); `departmentFiguresOf` starts DuckDB-WASM and the municipality's rows (which the
 * detail pages, the likely next page, reuse) and queries the departments' figures. Dynamic imports,
 * so the first page's JavaScript stays without the database, the Parquet reader and Arrow.
 */
import type { DepartmentFigures } from '../db/queries/department-figures.ts';

export function afterFirstView(start: () => void): () => void {
	let idle: number | null = null;
	// The frame after this one: the first view has been laid out and painted.
	const frame = requestAnimationFrame(() => {
		if (typeof requestIdleCallback === 'function') {
			// The timeout: a page kept busy still starts within a second.
			idle = requestIdleCallback(start, { timeout: 1000 });
		} else {
			idle = window.setTimeout(start, 50);
		}
	});
	return () => {
		cancelAnimationFrame(frame);
		if (idle === null) return;
		if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
		else clearTimeout(idle);
	};
}

export async function departmentFiguresOf(kode: string): Promise<DepartmentFigures> {
	const [{ municipalityDatabase }, { queryDepartmentFigures }] = await Promise.all([
		import('../db/municipality.ts'),
		import('../db/queries/department-figures.ts')
	]);
	const db = await municipalityDatabase(kode);
	return queryDepartmentFigures(db.run, kode);
}

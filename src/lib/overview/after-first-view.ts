/**
 * Detail pages need DuckDB-WASM (about a second to start) and the municipality's rows: the
 * overview starts both in idle time once its first view is drawn, so a click on an area or a
 * department finds them ready. A dynamic import, so the first page's JavaScript stays without
 * the database, the Parquet reader and Arrow.
 */
export function prefetchWhenIdle(kode: string): () => void {
	const start = () => {
		import('./municipality.ts').then((m) => m.prefetchMunicipality(kode)).catch(() => undefined);
	};
	if (typeof requestIdleCallback === 'function') {
		// The timeout: a page kept busy (the map drawing) still starts within a few seconds.
		const id = requestIdleCallback(start, { timeout: 3000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(start, 500);
	return () => clearTimeout(id);
}

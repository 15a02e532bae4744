// A static, client-rendered dashboard: DuckDB-WASM and the map only run in the browser.
export const prerender = true;
export const ssr = false;

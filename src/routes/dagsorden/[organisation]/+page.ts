// Ids come from the data, unknown at build time: the page is served by the SPA fallback (200.html).
export const prerender = false;

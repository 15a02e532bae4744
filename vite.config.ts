import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { firstViewChunk } from './pipelines/first-view-chunk.ts';

export default defineConfig({
	plugins: [sveltekit()],
	// DuckDB-WASM 1.32 depends on apache-arrow 17; the app pins the same version. Pre-bundling both
	// together keeps one Arrow copy in dev, so `instanceof` checks hold (see README, "Why these libraries", apache-arrow).
	optimizeDeps: { include: ['apache-arrow'], exclude: ['@duckdb/duckdb-wasm'] },
	server: { fs: { allow: ['.'] } },
	// The rows' worker (src/lib/db/rows-worker.ts) as an ES module, like the app's own chunks.
	worker: { format: 'es' },
	build: { rollupOptions: { output: { manualChunks: firstViewChunk } } },
	test: {
		include: ['tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 180_000,
		// The e2e tests share one built site and one Chromium; run files one at a time on 2 cores.
		fileParallelism: false
	}
});

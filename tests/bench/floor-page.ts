/**
 * The benchmarks' floor: a bare page that loads Observable Plot (with d3, which its UMD build needs)
 * from the same server and draws one line chart from inline JSON (the municipality's first
 * series), marking it as our charts mark theirs. Written to a new temp folder, which is returned;
 * the caller serves it (serve()'s mounts) and removes it.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WebOverview } from '../../src/lib/core/output-contract.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export function floorPage(overview: WebOverview): string {
	const dir = mkdtempSync(join(tmpdir(), 'bb-floor-'));
	copyFileSync(join(ROOT, 'node_modules/d3/dist/d3.min.js'), join(dir, 'd3.min.js'));
	copyFileSync(join(ROOT, 'node_modules/@observablehq/plot/dist/plot.umd.min.js'), join(dir, 'plot.umd.min.js'));
	const series = Object.values(overview.series)[0]?.kommune ?? [];
	const data = JSON.stringify(series.filter((p) => p.vaerdi != null).map((p) => ({ aar: p.aar, vaerdi: p.vaerdi })));
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>floor</title></head><body><div id="chart"></div>
<script src="d3.min.js"></script><script src="plot.umd.min.js"></script>
<script>const data = ${data};
const chart = Plot.plot({ marks: [Plot.lineY(data, { x: 'aar', y: 'vaerdi' })] });
chart.setAttribute('data-chart-ready', 'true');
document.getElementById('chart').append(chart);</script></body></html>`
	);
	return dir;
}

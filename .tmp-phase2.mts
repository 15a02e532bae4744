import { readFileSync } from 'node:fs';
import { parseCsv } from './pipelines/read/parse-csv.ts';
import { parseNumber } from './pipelines/read/numbers.ts';
const texts = [0, 1, 2, 3].map((f) => new TextDecoder().decode(readFileSync(`/tmp/rdbench/n10/noegletal_${f}.csv`)));
const cpu = () => process.cpuUsage().user / 1000;
for (let run = 0; run < 3; run++) {
	let t = cpu(); let n = 0;
	for (const text of texts) parseCsv(text, ';', '\n', { row(r) { n += r.count; }, quoteError() {} });
	const tp = cpu() - t; t = cpu(); let sum = 0;
	for (const text of texts) parseCsv(text, ';', '\n', { row(r) { for (let i = 1; i < r.count; i++) { const v = parseNumber(r.source[i]!, r.starts[i]!, r.ends[i]!, 44); if (v !== null && v === v) sum += v; } }, quoteError() {} });
	const tn = cpu() - t;
	console.log(`scan ${tp.toFixed(0)} scan+numbers ${tn.toFixed(0)} ms`, n, sum);
}

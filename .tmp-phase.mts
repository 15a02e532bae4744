import { readFileSync } from 'node:fs';
import { IssueCollector } from './pipelines/read/issues.ts';
import { DepartmentIds, readKeyFigures } from './pipelines/read/read-key-figures.ts';
import { mergeKeyFigures } from './pipelines/read/merge-key-figures.ts';
import { readDepartments } from './pipelines/read/read-departments.ts';
import { decode } from './pipelines/read/decode.ts';
for (let run = 0; run < 3; run++) {
const issues = new IssueCollector();
const files = [0, 1, 2, 3].map((f) => readFileSync(`/tmp/rdbench/n10/noegletal_${f}.csv`));
let t = (process.cpuUsage().user / 1000);
for (const b of files) decode(b);
const td = (process.cpuUsage().user / 1000) - t; t = (process.cpuUsage().user / 1000);
const reg = readDepartments('afdelinger.csv', readFileSync('/tmp/rdbench/n10/afdelinger.csv'), issues);
const tr = (process.cpuUsage().user / 1000) - t; t = (process.cpuUsage().user / 1000);
const ids = new DepartmentIds();
const chunks = files.map((b, f) => readKeyFigures(`noegletal_${f}.csv`, b, ids, issues));
const tk = (process.cpuUsage().user / 1000) - t; t = (process.cpuUsage().user / 1000);
const m = mergeKeyFigures(chunks, ids, issues);
const tm = (process.cpuUsage().user / 1000) - t;
console.log(`decode ${td.toFixed(0)} register ${tr.toFixed(0)} keyfig(incl decode) ${tk.toFixed(0)} merge ${tm.toFixed(0)} ms`, m.table.length, issues.errorCount);
}

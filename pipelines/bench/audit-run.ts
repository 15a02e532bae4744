/**
 * The privacy audit's step alone, timed in one process (issue 9), for comparing the audit's
 * worker threads with the serial run on the same input:
 *   tsx pipelines/bench/audit-run.ts INPUT [WORKERS]
 * reads and checks INPUT, applies the primary and secondary rules as the ingest does, then runs
 * `auditedSuppression` with WORKERS worker threads (1: on the main thread; left out: as the
 * ingest chooses). Prints one line of JSON: the audit's wall and CPU seconds (the process's user
 * + system time, every thread's), its counters, and a SHA-256 of the suppression it leaves (every
 * indicator's cells, then the withheld aggregates in order), which must be the same whatever
 * WORKERS is.
 */
import { createHash } from 'node:crypto';
import { useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { auditedSuppression } from '../build/audited-suppression.ts';
import { loadDepartments } from '../build/departments.ts';
import { departmentOfRows } from '../build/key-figures.ts';
import { privacyInputs, suppression } from '../build/suppression.ts';
import { referenceKnowledge } from '../build/audit-reference-groups.ts';
import { openDatabase } from '../duckdb/database.ts';
import { silentReporter } from '../read/model.ts';
import { readInput } from '../read/read-input.ts';

const [input, workersArg] = process.argv.slice(2);
if (!input || (workersArg !== undefined && !/^[1-9]\d*$/.test(workersArg))) {
	console.error('usage: audit-run.ts INPUT [WORKERS]');
	process.exit(2);
}

const parsed = await readInput(input, silentReporter);
const errors = parsed.issues.filter((i) => i.severity === 'error');
if (errors.length > 0) {
	console.error(JSON.stringify(errors.slice(0, 5)));
	process.exit(1);
}
useDeclaredIndicators(parsed.indicators);
const db = await openDatabase();
const departments = await loadDepartments(db.connection, parsed);
db.close();
const rowDepartment = departmentOfRows(parsed);
const inputs = privacyInputs(parsed, rowDepartment, departments.rank);
const suppressed = suppression(inputs);
const ids = parsed.departments.map((d) => d.afdeling_id);

const start = performance.now();
const cpuStart = process.cpuUsage();
const known = referenceKnowledge(inputs, parsed.departments, parsed.reference?.rows ?? []);
const report = await auditedSuppression(known.inputs, suppressed, ids, workersArg ? { workers: Number(workersArg) } : {});
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);

const hash = createHash('sha256');
for (const [id, cells] of suppressed.cells) hash.update(id).update(cells);
hash.update(JSON.stringify(suppressed.aggregates));
console.log(
	JSON.stringify({
		workers: report.workers,
		seconds,
		cpu_seconds: (cpu.user + cpu.system) / 1e6,
		peak_rss_mb: process.resourceUsage().maxRSS / 1024,
		cost: report.cost,
		solves: report.solves,
		pieces: report.pieces,
		suppression_sha256: hash.digest('hex')
	})
);

/**
 * The whole process tree's memory (issue 8): `npx tsx pipelines/bench/tree-rss.ts CMD ARGS...`
 * runs CMD and, every 250 ms, adds up the resident set (VmRSS) of CMD and every process below it
 * (the esbuild service tsx starts, a child process of the ingest's own), keeping the highest
 * sum and each process's highest. Prints them as one line of JSON on stderr when CMD ends, with
 * CMD's exit code and its CPU seconds (user + system of CMD and the children it waited for, as
 * of the last sample, so up to 250 ms short).
 * Pages two processes share are counted twice, so the sum errs high, never low.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
	console.error('usage: tree-rss.ts CMD [ARGS...]');
	process.exit(2);
}

const child = spawn(command, args, { stdio: 'inherit' });
const root = child.pid!;
let peakSum = 0;
let peakAt = 0;
let rootCpu = 0; // CMD's CPU seconds, every thread's and its waited-for children's, at the last sample
const peakOf = new Map<number, { name: string; kb: number }>();
const origin = performance.now();

function read(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null; // the process ended meanwhile
	}
}

function sample(): void {
	const parentOf = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = read(`/proc/${entry}/stat`);
		if (!stat) continue;
		// pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		parentOf.set(Number(entry), ppid);
	}
	const inTree = (pid: number): boolean => {
		for (let p = pid, depth = 0; p > 1 && depth < 64; p = parentOf.get(p) ?? 0, depth++) if (p === root) return true;
		return false;
	};
	const rootStat = read(`/proc/${root}/stat`);
	if (rootStat) {
		// utime stime cutime cstime (fields 14-17), in clock ticks of 1/100 s.
		const fields = rootStat.slice(rootStat.lastIndexOf(')') + 2).split(' ');
		rootCpu = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
	}
	let sum = 0;
	for (const pid of parentOf.keys()) {
		if (!inTree(pid)) continue;
		const status = read(`/proc/${pid}/status`);
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status ?? '')?.[1] ?? 0);
		const name = /Name:\s+(.*)/.exec(status ?? '')?.[1] ?? '?';
		sum += kb;
		const seen = peakOf.get(pid);
		if (!seen || seen.kb < kb) peakOf.set(pid, { name, kb });
	}
	if (sum > peakSum) {
		peakSum = sum;
		peakAt = (performance.now() - origin) / 1000;
	}
}

const timer = setInterval(sample, 250);
child.on('exit', (code, signal) => {
	clearInterval(timer);
	const mb = (kb: number) => Math.round(kb / 1024);
	const processes = [...peakOf.entries()].filter(([, p]) => p.kb > 10 * 1024).map(([pid, p]) => `${pid} ${p.name} ${mb(p.kb)} MB`);
	console.error(
		JSON.stringify({
			tree_peak_rss_mb: mb(peakSum),
			peak_at_s: Math.round(peakAt),
			wall_s: Math.round((performance.now() - origin) / 100) / 10,
			cpu_s: Math.round(rootCpu * 10) / 10,
			processes,
			exit: code ?? signal
		})
	);
	process.exit(code ?? 1);
});

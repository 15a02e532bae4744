/**
 * CPU seconds of the Chromium this benchmark started (the processes descended from this Node
 * process), read from /proc (Linux only; elsewhere every figure is 0), split by thread: the page's
 * main thread, its thread pool (where V8 compiles DuckDB-WASM's wasm and Chromium encodes and
 * decodes images), its Web Workers (the rows' decoding and DuckDB-WASM itself) and the rest (the
 * browser, GPU and network processes). On a shared machine a wall time says mostly how busy the
 * others were; the CPU seconds say how much work the page did, and on a quiet 2-core machine
 * about half of them is the least wall time that work can take.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSplit {
	total: number;
	main: number;
	pool: number;
	workers: number;
	other: number;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

function read(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** A /proc stat line's fields after the name (which may hold spaces and parentheses). */
const fields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

function list(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

function descendsFromUs(pid: string): boolean {
	let at = pid;
	for (let depth = 0; depth < 8 && at !== '0' && at !== '1'; depth++) {
		if (at === String(process.pid)) return true;
		const stat = read(`/proc/${at}/stat`);
		if (!stat) return false;
		at = fields(stat)[1]!;
	}
	return false;
}

/** The CPU seconds used so far by our Chromium's processes, by thread kind. */
export function chromiumCpu(): CpuSplit {
	const split: CpuSplit = { total: 0, main: 0, pool: 0, workers: 0, other: 0 };
	for (const pid of list('/proc').filter((p) => /^\d+$/.test(p))) {
		const cmd = read(`/proc/${pid}/cmdline`);
		if (!cmd?.includes('chromium') || !descendsFromUs(pid)) continue;
		const renderer = cmd.includes('--type=renderer');
		for (const tid of list(`/proc/${pid}/task`)) {
			const stat = read(`/proc/${pid}/task/${tid}/stat`);
			if (!stat) continue;
			const f = fields(stat);
			const seconds = (Number(f[11]) + Number(f[12])) / TICKS;
			const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const kind: keyof CpuSplit = !renderer
				? 'other'
				: tid === pid
					? 'main'
					: name.startsWith('ThreadPool')
						? 'pool'
						: name.startsWith('DedicatedWorker')
							? 'workers'
							: 'other';
			split[kind] += seconds;
			split.total += seconds;
		}
	}
	return split;
}

/** What was used between two readings. */
export function cpuBetween(before: CpuSplit, after: CpuSplit): CpuSplit {
	return {
		total: after.total - before.total,
		main: after.main - before.main,
		pool: after.pool - before.pool,
		workers: after.workers - before.workers,
		other: after.other - before.other
	};
}

/** "8.4 s CPU (main 2.6, pool 2.9, workers 2.3, other 0.6)". */
export function cpuText(cpu: CpuSplit): string {
	const s = (x: number) => x.toFixed(1);
	return `${s(cpu.total)} s CPU (main ${s(cpu.main)}, pool ${s(cpu.pool)}, workers ${s(cpu.workers)}, other ${s(cpu.other)})`;
}

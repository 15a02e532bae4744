/**
 * A Reporter that times the ingest's steps (the names the steps give reporter.start), for the
 * benchmark's breakdown: where the seconds go is what decides which lever to pull next.
 * Time between steps (opening DuckDB, the final swap) is summed under BETWEEN_STEPS.
 *
 * Each step gets wall-clock seconds and CPU seconds (the process's user + system time, DuckDB's
 * threads included): on a machine shared with other work the wall clock of a step moves with the
 * load, its CPU time much less, so CPU time is what compares between runs made at different loads.
 */
import type { Reporter } from '../read/model.ts';

export const BETWEEN_STEPS = '(mellem trin)';

export interface StepTimes {
	/** Wall-clock seconds per step, in the order the steps first ran. */
	seconds: Record<string, number>;
	/** CPU seconds per step, same keys. */
	cpu: Record<string, number>;
	/**
	 * The process's peak RSS in MB (its high-water mark) when each step ended, same keys: the
	 * first step whose figure reaches the run's peak is the step that holds the most memory.
	 */
	peakRssMb: Record<string, number>;
}

export interface StepTimer {
	reporter: Reporter;
	/** Seconds per step; call once the run is over. */
	finish(): StepTimes;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

const cpuSeconds = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
};

export function stepTimer(): StepTimer {
	const seconds = new Map<string, number>();
	const cpu = new Map<string, number>();
	const peak = new Map<string, number>();
	const origin = performance.now();
	const cpuOrigin = cpuSeconds();
	let current: { step: string; since: number; cpuSince: number } | null = null;
	const add = (map: Map<string, number>, step: string, s: number) => map.set(step, (map.get(step) ?? 0) + s);
	const stop = () => {
		if (current) {
			add(seconds, current.step, (performance.now() - current.since) / 1000);
			add(cpu, current.step, cpuSeconds() - current.cpuSince);
			peak.set(current.step, Math.round(peakRssMb()));
		}
		current = null;
	};
	const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
	return {
		reporter: {
			start(step) {
				stop();
				current = { step, since: performance.now(), cpuSince: cpuSeconds() };
			},
			progress() {},
			done: stop,
			info() {}
		},
		finish() {
			stop();
			const inSteps = sum(seconds);
			const cpuInSteps = sum(cpu);
			add(seconds, BETWEEN_STEPS, (performance.now() - origin) / 1000 - inSteps);
			add(cpu, BETWEEN_STEPS, cpuSeconds() - cpuOrigin - cpuInSteps);
			peak.set(BETWEEN_STEPS, Math.round(peakRssMb()));
			return { seconds: Object.fromEntries(seconds), cpu: Object.fromEntries(cpu), peakRssMb: Object.fromEntries(peak) };
		}
	};
}

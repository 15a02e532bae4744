/**
 * A Reporter that times the ingest's steps (the names the steps give reporter.start), for the
 * benchmark's breakdown: where the seconds go is what decides which lever to pull next.
 * Time between steps (opening DuckDB, the final swap) is summed under BETWEEN_STEPS.
 */
import type { Reporter } from '../read/model.ts';

export const BETWEEN_STEPS = '(mellem trin)';

export interface StepTimer {
	reporter: Reporter;
	/** Seconds per step, in the order the steps first ran; call once the run is over. */
	finish(): Record<string, number>;
}

export function stepTimer(): StepTimer {
	const seconds = new Map<string, number>();
	const origin = performance.now();
	let current: { step: string; since: number } | null = null;
	const add = (step: string, s: number) => seconds.set(step, (seconds.get(step) ?? 0) + s);
	const stop = () => {
		if (current) add(current.step, (performance.now() - current.since) / 1000);
		current = null;
	};
	return {
		reporter: {
			start(step) {
				stop();
				current = { step, since: performance.now() };
			},
			progress() {},
			done: stop,
			info() {}
		},
		finish() {
			stop();
			const inSteps = [...seconds.values()].reduce((a, b) => a + b, 0);
			add(BETWEEN_STEPS, (performance.now() - origin) / 1000 - inSteps);
			return Object.fromEntries(seconds);
		}
	};
}

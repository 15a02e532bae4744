/**
 * A Reporter for the terminal: a progress bar per step on an interactive terminal (stderr is a
 * TTY), nothing but the info lines otherwise, so logs and CI output stay clean. Progress goes to
 * stderr; the report itself goes to stdout.
 */
import cliProgress from 'cli-progress';
import type { Reporter } from './read/model.ts';

export function terminalReporter(stream: NodeJS.WriteStream = process.stderr, quiet = false): Reporter {
	const interactive = stream.isTTY === true && !quiet;
	let bar: cliProgress.SingleBar | null = null;
	const stop = () => {
		bar?.stop();
		bar = null;
	};
	return {
		start(step, total) {
			stop();
			if (!interactive) return;
			if (total === undefined) {
				stream.write(`${step} …\n`);
				return;
			}
			bar = new cliProgress.SingleBar(
				{ stream, format: `${step.padEnd(30)} [{bar}] {percentage}%`, hideCursor: true, clearOnComplete: false },
				cliProgress.Presets.shades_classic
			);
			bar.start(Math.max(total, 1), 0);
		},
		progress(done) {
			bar?.update(done);
		},
		done() {
			if (bar) bar.update(bar.getTotal());
			stop();
		},
		info(message) {
			stop();
			if (!quiet) stream.write(`${message}\n`);
		}
	};
}

/**
 * Resolves once the browser has drawn the next frame: in a task after that frame's
 * requestAnimationFrame callbacks (MapLibre renders in one), so work queued here never delays what
 * the frame shows. A hidden tab draws no frames; the timeout lets the work run there all the same.
 */
export function afterPaint(timeoutMs = 100): Promise<void> {
	return new Promise((resolve) => {
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(fallback);
			resolve();
		};
		const fallback = setTimeout(finish, timeoutMs);
		requestAnimationFrame(() => setTimeout(finish, 0));
	});
}

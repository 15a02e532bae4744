/**
 * The linear-programming solver: HiGHS compiled to WebAssembly (npm `highs`, version pinned in
 * package.json; README says why). Loaded once per process (and once per worker thread of the
 * audit, audit-pool.ts); models are created per attack piece and disposed by the caller.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import loadHighs, { type Highs, type Model } from 'highs';

let compiling: Promise<WebAssembly.Module> | null = null;
let loading: Promise<Highs> | null = null;

/**
 * HiGHS's WebAssembly, compiled once per process. The audit's worker threads are handed this
 * module rather than compiling their own, so they share its machine code with the main thread.
 */
export function solverModule(): Promise<WebAssembly.Module> {
	compiling ??= readFile(fileURLToPath(import.meta.resolve('highs/runtime'))).then((bytes) => WebAssembly.compile(bytes));
	return compiling;
}

/** The solver, from `compiled` when given (a worker thread's module from the main thread). */
export function lpSolver(compiled?: WebAssembly.Module): Promise<Highs> {
	loading ??= compiled ? loadHighs({ wasmModule: compiled }) : solverModule().then((wasmModule) => loadHighs({ wasmModule }));
	return loading;
}

/** The solver could not answer: the audit cannot vouch for the figures, so nothing is published. */
export class SolverFailed extends Error {}

export interface Optimum {
	value: number;
	/** The optimal point, one value per column. */
	point: Float64Array;
}

/** Runs the model as it stands and returns its optimum, or throws SolverFailed. */
export function optimum(highs: Highs, model: Model): Optimum {
	model.run();
	const status = model.getModelStatus();
	if (status !== highs.constants.modelStatus.optimal) {
		throw new SolverFailed(`HiGHS sluttede med status ${status} i stedet for optimal / ended with status ${status}, not optimal`);
	}
	return { value: model.getObjectiveValue(), point: model.getSolution().colValue };
}

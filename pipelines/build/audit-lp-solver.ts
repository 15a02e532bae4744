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
	loading ??= (compiled ? Promise.resolve(compiled) : solverModule()).then(instantiate);
	return loading;
}

/** Emscripten's own hook for a module instantiated by the caller (highs passes its options to Emscripten). */
type Instantiate = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => object;

/**
 * HiGHS from an already compiled module. highs (1.15.3) declares a `wasmModule` option but its
 * loader never reads it: it compiled highs.wasm from the file again in every thread (measured:
 * a locateFile that fails makes `{ wasmModule }` fail). Emscripten's `instantiateWasm` hook,
 * which the loader does call, instantiates the given module instead, so the workers share the
 * main thread's compiled code rather than each compiling (and holding) their own.
 */
function instantiate(compiled: WebAssembly.Module): Promise<Highs> {
	return new Promise((resolve, reject) => {
		const instantiateWasm: Instantiate = (imports, receive) => {
			WebAssembly.instantiate(compiled, imports).then(receive, reject);
			return {}; // Emscripten's sign that the instance comes asynchronously
		};
		(loadHighs as (options: { instantiateWasm: Instantiate }) => Promise<Highs>)({ instantiateWasm }).then(resolve, reject);
	});
}

/** The solver could not answer: the audit cannot vouch for the figures, so nothing is published. */
export class SolverFailed extends Error {}

export interface Optimum {
	value: number;
	/** The optimal point, one value per column. */
	point: Float64Array;
	/** The rows' duals at it (audit-certificates.ts). */
	dual: Float64Array;
}

/** Runs the model as it stands and returns its optimum, or throws SolverFailed. */
export function optimum(highs: Highs, model: Model): Optimum {
	model.run();
	const status = model.getModelStatus();
	if (status !== highs.constants.modelStatus.optimal) {
		throw new SolverFailed(`HiGHS sluttede med status ${status} i stedet for optimal / ended with status ${status}, not optimal`);
	}
	const solution = model.getSolution();
	return { value: model.getObjectiveValue(), point: solution.colValue, dual: solution.rowDual };
}

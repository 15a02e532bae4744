/**
 * The linear-programming solver: HiGHS compiled to WebAssembly (npm `highs`, version pinned in
 * package.json; README says why). Loaded once per process; models are created per attack piece
 * and disposed by the caller.
 */
import loadHighs, { type Highs, type Model } from 'highs';

let loading: Promise<Highs> | null = null;

export function lpSolver(): Promise<Highs> {
	loading ??= loadHighs();
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

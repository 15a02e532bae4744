/**
 * What the supervisor's pages load for a municipality: its figures from the browser database, and
 * the targets and the project bank from the pipeline's JSON files. Create while a component
 * initialises (Resource uses $effect).
 */
import type { InterventionRow, TargetRow } from '../core/output-contract.ts';
import { municipalityDatabase } from '../db/municipality.ts';
import { municipalityFigures, type MunicipalityFigures } from '../db/queries/municipality-figures.ts';
import { loadInterventions, loadTargets } from '../data/supervision-files.ts';
import { Resource } from '../state/resource.svelte.ts';

export class Supervision {
	readonly #figures: Resource<MunicipalityFigures>;
	readonly #targets = new Resource<TargetRow[]>(() => loadTargets());
	readonly #interventions = new Resource<InterventionRow[]>(() => loadInterventions());

	constructor(kode: () => string | null) {
		this.#figures = new Resource(
			() => {
				const k = kode()!;
				return municipalityDatabase(k).then((db) => municipalityFigures(db.run, k));
			},
			{ key: kode }
		);
	}

	/** The figures of the municipality asked for now; null while they load. */
	get figures(): MunicipalityFigures | null {
		return this.#figures.current ?? null;
	}
	get targets(): TargetRow[] | null {
		return this.#targets.current ?? null;
	}
	get interventions(): InterventionRow[] | null {
		return this.#interventions.current ?? null;
	}
	get error(): unknown {
		return this.#figures.error ?? this.#targets.error ?? this.#interventions.error;
	}
}

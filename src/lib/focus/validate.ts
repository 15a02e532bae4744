/**
 * Checking a rule set that came from outside (a URL, a file a user edited) before it is used.
 * Builds a fresh object with the fields in a fixed order, so a checked rule set equals a preset
 * field for field when it is one (see presetOf), and unknown fields are dropped.
 *
 * Messages name the place as a path (`regler[1].graense`) and say what was expected and found.
 */
import { activeIndicators, type IndicatorId } from '../core/indicators.ts';
import {
	COMPARISONS,
	FOCUS_UNIT_KINDS,
	REFERENCES,
	RULE_TYPES,
	TREND_DIRECTIONS,
	type Comparison,
	type FocusUnitKind,
	type Reference,
	type Rule,
	type RuleSet,
	type RuleType,
	type TrendDirection
} from './rule.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Nesting deeper than this is surely a mistake (or a hostile file); the official lists use one level. */
const MAX_DEPTH = 4;
const MAX_RULES = 50;
const MAX_YEARS = 30;

function found(value: unknown): string {
	if (value === undefined) return 'ingenting';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	if (Array.isArray(value)) return 'en liste';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'et objekt';
	return String(value);
}

class Checker {
	readonly errors: string[] = [];

	fail(path: string, expected: string, value: unknown): void {
		this.errors.push(`${path}: forventede ${expected}, fandt ${found(value)}`);
	}

	object(value: unknown, path: string): Record<string, unknown> | null {
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
		this.fail(path, 'et objekt', value);
		return null;
	}

	text(value: unknown, path: string, optional = false): string {
		if (typeof value === 'string') return value;
		if (!(optional && value === undefined)) this.fail(path, 'en tekst', value);
		return '';
	}

	number(value: unknown, path: string, min: number, max: number, integer = false): number {
		if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) {
			return value;
		}
		const range = Number.isFinite(min) && Number.isFinite(max) ? ` fra ${min} til ${max}` : '';
		this.fail(path, `${integer ? 'et helt tal' : 'et tal'}${range}`, value);
		return 0;
	}

	oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
		if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
		this.fail(path, `en af ${options.map((o) => `"${o}"`).join(', ')}`, value);
		return options[0]!;
	}

	rule(value: unknown, path: string, depth: number): Rule | null {
		const o = this.object(value, path);
		if (!o) return null;
		if (!RULE_TYPES.includes(o.type as RuleType)) {
			this.fail(`${path}.type`, `en af ${RULE_TYPES.map((t) => `"${t}"`).join(', ')}`, o.type);
			return null;
		}
		const type = o.type as RuleType;
		const navn = o.navn === undefined ? undefined : this.text(o.navn, `${path}.navn`);
		const label = navn ? { navn } : {};
		const indikator = (): IndicatorId =>
			this.oneOf(
				o.indikator,
				`${path}.indikator`,
				activeIndicators().map((i) => i.id)
			);
		const comparison = (): Comparison => this.oneOf(o.sammenligning, `${path}.sammenligning`, COMPARISONS);
		const years = (): number => this.number(o.aar, `${path}.aar`, 1, MAX_YEARS, true);
		switch (type) {
			case 'niveau':
				return {
					type,
					...label,
					indikator: indikator(),
					sammenligning: comparison(),
					graense: this.number(o.graense, `${path}.graense`, -Infinity, Infinity)
				};
			case 'tendens':
				return {
					type,
					...label,
					indikator: indikator(),
					retning: this.oneOf<TrendDirection>(o.retning, `${path}.retning`, TREND_DIRECTIONS),
					aar: years()
				};
			case 'afstand':
				return {
					type,
					...label,
					indikator: indikator(),
					sammenligning: comparison(),
					faktor: this.number(o.faktor, `${path}.faktor`, 0, 1000),
					reference: this.oneOf<Reference>(o.reference, `${path}.reference`, REFERENCES)
				};
			case 'vedvarende':
				return {
					type,
					...label,
					indikator: indikator(),
					sammenligning: comparison(),
					graense: this.number(o.graense, `${path}.graense`, -Infinity, Infinity),
					aar: years()
				};
			case 'kombination': {
				if (depth >= MAX_DEPTH) {
					this.errors.push(`${path}: forventede højst ${MAX_DEPTH} niveauer af kombinationer, fandt flere`);
					return null;
				}
				const regler = this.rules(o.regler, `${path}.regler`, depth + 1);
				const mindst = this.number(o.mindst, `${path}.mindst`, 1, Math.max(1, regler.length), true);
				return { type, ...label, mindst, regler };
			}
		}
	}

	rules(value: unknown, path: string, depth: number): Rule[] {
		if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RULES) {
			this.fail(path, `en liste med 1 til ${MAX_RULES} regler`, value);
			return [];
		}
		return value.map((r, i) => this.rule(r, `${path}[${i}]`, depth)).filter((r): r is Rule => r !== null);
	}
}

/** A rule set from parsed JSON, checked. */
export function checkRuleSet(value: unknown): Checked<RuleSet> {
	const c = new Checker();
	const o = c.object(value, 'regelsæt');
	if (!o) return { ok: false, errors: c.errors };
	const enheder = Array.isArray(o.enheder)
		? o.enheder.map((e, i) => c.oneOf<FocusUnitKind>(e, `enheder[${i}]`, FOCUS_UNIT_KINDS))
		: (c.fail('enheder', 'en liste med "afdeling" og/eller "omraade"', o.enheder), []);
	if (Array.isArray(o.enheder) && enheder.length === 0) c.fail('enheder', 'mindst én af "afdeling", "omraade"', o.enheder);
	const noter =
		o.noter === undefined
			? []
			: Array.isArray(o.noter)
				? o.noter.map((n, i) => c.text(n, `noter[${i}]`))
				: (c.fail('noter', 'en liste med tekster', o.noter), []);
	const ruleSet: RuleSet = {
		navn: c.text(o.navn, 'navn'),
		kilde: c.text(o.kilde, 'kilde', true),
		enheder: FOCUS_UNIT_KINDS.filter((k) => enheder.includes(k)),
		noter,
		regler: c.rules(o.regler, 'regler', 0)
	};
	return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: ruleSet };
}

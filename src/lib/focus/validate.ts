/**
 * Checking a rule set that came from outside (a URL, a file a user edited) before it is used.
 * Builds a fresh object with the fields in a fixed order, so a checked rule set equals a preset
 * field for field when it is one (see presetOf), and unknown fields are dropped.
 *
 * Messages name the place as a path (`regler[1].graense`) and say what was expected and found.
 */
import { activeIndicators, type IndicatorId } from '../core/indicators.ts';
import { HOUSING_TYPES, type HousingType } from '../core/input-contract.ts';
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
	type TrendDirection,
	type TypeLimits
} from './rule.ts';
import type { Lang } from '../i18n/lang.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Nesting deeper than this is surely a mistake (or a hostile file); the official lists use one level. */
const MAX_DEPTH = 4;
const MAX_RULES = 50;
const MAX_YEARS = 30;

/** The check's words, Danish first; the pages and the work file show them in the reader's language. */
const WORDS = {
	da: {
		nothing: 'ingenting',
		aList: 'en liste',
		anObject: 'et objekt',
		aText: 'en tekst',
		aNumber: 'et tal',
		aWholeNumber: 'et helt tal',
		range: (min: number, max: number) => ` fra ${min} til ${max}`,
		oneOf: (options: string) => `en af ${options}`,
		housingTypes: (types: string) => `boligtyperne ${types}`,
		tooDeep: (path: string, max: number) => `${path}: forventede højst ${max} niveauer af kombinationer, fandt flere`,
		ruleList: (max: number) => `en liste med 1 til ${max} regler`,
		unitList: 'en liste med "afdeling" og/eller "omraade"',
		atLeastOneUnit: 'mindst én af "afdeling", "omraade"',
		textList: 'en liste med tekster',
		message: (path: string, expected: string, found: string) => `${path}: forventede ${expected}, fandt ${found}`,
		ruleSet: 'regelsæt'
	},
	en: {
		nothing: 'nothing',
		aList: 'a list',
		anObject: 'an object',
		aText: 'a text',
		aNumber: 'a number',
		aWholeNumber: 'a whole number',
		range: (min: number, max: number) => ` from ${min} to ${max}`,
		oneOf: (options: string) => `one of ${options}`,
		housingTypes: (types: string) => `the housing types ${types}`,
		tooDeep: (path: string, max: number) => `${path}: expected at most ${max} levels of combinations, found more`,
		ruleList: (max: number) => `a list of 1 to ${max} rules`,
		unitList: 'a list with "afdeling" and/or "omraade"',
		atLeastOneUnit: 'at least one of "afdeling", "omraade"',
		textList: 'a list of texts',
		message: (path: string, expected: string, found: string) => `${path}: expected ${expected}, found ${found}`,
		ruleSet: 'rule set'
	}
} satisfies Record<Lang, unknown>;

class Checker {
	readonly errors: string[] = [];
	readonly w: (typeof WORDS)[Lang];

	constructor(lang: Lang) {
		this.w = WORDS[lang];
	}

	found(value: unknown): string {
		if (value === undefined) return this.w.nothing;
		if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
		if (Array.isArray(value)) return this.w.aList;
		if (value === null) return 'null';
		if (typeof value === 'object') return this.w.anObject;
		return String(value);
	}

	fail(path: string, expected: string, value: unknown): void {
		this.errors.push(this.w.message(path, expected, this.found(value)));
	}

	object(value: unknown, path: string): Record<string, unknown> | null {
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
		this.fail(path, this.w.anObject, value);
		return null;
	}

	text(value: unknown, path: string, optional = false): string {
		if (typeof value === 'string') return value;
		if (!(optional && value === undefined)) this.fail(path, this.w.aText, value);
		return '';
	}

	number(value: unknown, path: string, min: number, max: number, integer = false): number {
		if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) {
			return value;
		}
		const range = Number.isFinite(min) && Number.isFinite(max) ? this.w.range(min, max) : '';
		this.fail(path, `${integer ? this.w.aWholeNumber : this.w.aNumber}${range}`, value);
		return 0;
	}

	oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
		if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
		this.fail(path, this.w.oneOf(options.map((o) => `"${o}"`).join(', ')), value);
		return options[0]!;
	}

	/** `graenser`: absent, or an object of housing type to number; kept only when it names a type. */
	typeLimits(value: unknown, path: string): { graenser?: TypeLimits } {
		if (value === undefined) return {};
		const o = this.object(value, path);
		if (!o) return {};
		const limits: TypeLimits = {};
		for (const key of Object.keys(o)) {
			if (!(HOUSING_TYPES as readonly string[]).includes(key)) {
				this.fail(`${path}`, this.w.housingTypes(HOUSING_TYPES.map((t) => `"${t}"`).join(', ')), key);
			}
		}
		// In the catalogue's order, so a checked rule equals a preset's field for field.
		for (const type of HOUSING_TYPES) {
			if (o[type] !== undefined) limits[type as HousingType] = this.number(o[type], `${path}.${type}`, -Infinity, Infinity);
		}
		return Object.keys(limits).length ? { graenser: limits } : {};
	}

	rule(value: unknown, path: string, depth: number): Rule | null {
		const o = this.object(value, path);
		if (!o) return null;
		if (!RULE_TYPES.includes(o.type as RuleType)) {
			this.fail(`${path}.type`, this.w.oneOf(RULE_TYPES.map((t) => `"${t}"`).join(', ')), o.type);
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
					graense: this.number(o.graense, `${path}.graense`, -Infinity, Infinity),
					...this.typeLimits(o.graenser, `${path}.graenser`)
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
					...this.typeLimits(o.graenser, `${path}.graenser`),
					aar: years()
				};
			case 'kombination': {
				if (depth >= MAX_DEPTH) {
					this.errors.push(this.w.tooDeep(path, MAX_DEPTH));
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
			this.fail(path, this.w.ruleList(MAX_RULES), value);
			return [];
		}
		return value.map((r, i) => this.rule(r, `${path}[${i}]`, depth)).filter((r): r is Rule => r !== null);
	}
}

/** A rule set from parsed JSON, checked. */
export function checkRuleSet(value: unknown, lang: Lang = 'da'): Checked<RuleSet> {
	const c = new Checker(lang);
	const o = c.object(value, c.w.ruleSet);
	if (!o) return { ok: false, errors: c.errors };
	const enheder = Array.isArray(o.enheder)
		? o.enheder.map((e, i) => c.oneOf<FocusUnitKind>(e, `enheder[${i}]`, FOCUS_UNIT_KINDS))
		: (c.fail('enheder', c.w.unitList, o.enheder), []);
	if (Array.isArray(o.enheder) && enheder.length === 0) c.fail('enheder', c.w.atLeastOneUnit, o.enheder);
	const noter =
		o.noter === undefined
			? []
			: Array.isArray(o.noter)
				? o.noter.map((n, i) => c.text(n, `noter[${i}]`))
				: (c.fail('noter', c.w.textList, o.noter), []);
	const ruleSet: RuleSet = {
		navn: c.text(o.navn, 'navn'),
		kilde: c.text(o.kilde, 'kilde', true),
		enheder: FOCUS_UNIT_KINDS.filter((k) => enheder.includes(k)),
		noter,
		regler: c.rules(o.regler, 'regler', 0)
	};
	return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: ruleSet };
}

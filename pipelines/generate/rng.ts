/**
 * The generator's seeded random numbers, drawn with d3-random so that the same seed gives the same
 * synthetic data on every machine and Node version (Math.random cannot be seeded). The source is
 * d3's seeded linear congruential generator; the distributions (normal, log-normal, binomial,
 * integers) are d3's, each fed from that one source so that one seed fixes the whole stream.
 *
 * A department's stream starts from its own seed (mixSeed below). An LCG started from nearby seeds
 * gives nearby first numbers, so seeds are always spread over 32 bits by a hash before use.
 */
import { randomBernoulli, randomBinomial, randomInt, randomLcg, randomLogNormal, randomNormal, randomUniform } from 'd3-random';

/** splitmix32's finaliser: spreads a number over 32 bits so that seeds 1 and 2 start far apart. */
function spread(state: number): number {
	let z = (state + 0x9e3779b9) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes any number of integers into one 32-bit seed (for per-department sub-streams). */
export function mixSeed(...parts: number[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) h = spread((h ^ part) >>> 0) ^ Math.imul(part >>> 0, 0x27d4eb2d);
	return h >>> 0;
}

export class Rng {
	/** Uniform in [0, 1): the one source every distribution below draws from. */
	readonly next: () => number;
	private readonly standardNormal: () => number;
	private readonly binomials: ReturnType<typeof randomBinomial.source>;
	/** One log-normal generator per sigma, so that each keeps d3's spare normal between calls. */
	private readonly factors = new Map<number, () => number>();

	constructor(seed: number) {
		this.next = randomLcg(spread(seed));
		this.standardNormal = randomNormal.source(this.next)(0, 1);
		this.binomials = randomBinomial.source(this.next);
	}

	/** Uniform in [min, max). */
	uniform(min: number, max: number): number {
		return randomUniform.source(this.next)(min, max)();
	}

	/** Integer in [min, max], both ends included (d3's randomInt excludes its max). */
	int(min: number, max: number): number {
		return randomInt.source(this.next)(min, max + 1)();
	}

	chance(p: number): boolean {
		return randomBernoulli.source(this.next)(p)() === 1;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[randomInt.source(this.next)(items.length)()] as T;
	}

	/** Standard normal. */
	normal(): number {
		return this.standardNormal();
	}

	/** A log-normal factor with mean 1: exp(sigma * Z - sigma^2 / 2). */
	factor(sigma: number): number {
		let draw = this.factors.get(sigma);
		if (!draw) {
			draw = randomLogNormal.source(this.next)(-(sigma * sigma) / 2, sigma);
			this.factors.set(sigma, draw);
		}
		return draw();
	}

	/** Binomial(n, p). */
	binomial(n: number, p: number): number {
		if (n <= 0) return 0;
		return this.binomials(n, p)();
	}
}

/** FNV-1a over a string's UTF-16 code units: a stable number for a department id. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

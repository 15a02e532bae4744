/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that the same seed
 * gives the same synthetic data on every machine and Node version. Math.random cannot be seeded.
 *
 * sfc32 passes PractRand and is fast in plain 32-bit integer JavaScript; see
 * https://pracrand.sourceforge.net/RNG_engines.txt for the algorithm.
 */

/** splitmix32: spreads a small seed over 32 bits so that seeds 1 and 2 start far apart. */
function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** Mixes any number of integers into one 32-bit seed (for per-department sub-streams). */
export function mixSeed(...parts: number[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		const next = splitmix32((h ^ part) >>> 0);
		h = next() ^ Math.imul(part >>> 0, 0x27d4eb2d);
	}
	return h >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		const init = splitmix32(seed);
		this.a = init();
		this.b = init();
		this.c = init();
		this.d = init();
		// The first outputs of sfc32 still echo the seed; discard them as the author recommends.
		for (let i = 0; i < 12; i++) this.uint32();
	}

	uint32(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** Uniform in [min, max). */
	uniform(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** Integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Standard normal (Box-Muller; one value per call keeps the stream easy to reason about). */
	normal(): number {
		const u = 1 - this.next(); // (0, 1], so log(u) is finite
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** A log-normal factor with mean 1: exp(sigma * Z - sigma^2 / 2). */
	factor(sigma: number): number {
		return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
	}

	/** Binomial(n, p): exact inversion for small means, a rounded normal for large ones. */
	binomial(n: number, p: number): number {
		if (n <= 0 || p <= 0) return 0;
		if (p >= 1) return n;
		const mean = n * p;
		if (mean > 30 && n * (1 - p) > 30) {
			const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
			return Math.min(n, Math.max(0, x));
		}
		// Walk the pmf with the recurrence P(x+1) = P(x) * (n-x)/(x+1) * p/q.
		const q = 1 - p;
		const s = p / q;
		let r = Math.pow(q, n);
		let u = this.next();
		let x = 0;
		while (u > r && x < n) {
			u -= r;
			r *= ((n - x) / (x + 1)) * s;
			x++;
		}
		return x;
	}
}

/** FNV-1a over a string's UTF-16 code units: a stable number for a department id. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

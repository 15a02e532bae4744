/**
 * Several features with one id in omraader.geojson or kommuner.geojson are one area (or
 * municipality) in parts, as the parts of a MultiPolygon are (an island, a detached block). The
 * rules for parts hold across them too: one name, and parts that neither overlap nor lie inside
 * one another (OGC's rule for a MultiPolygon, checked by jsts in validity.ts). Each feature has
 * passed its own checks already; only pairs whose extents meet are given to jsts, so DAGI's
 * hundreds of islands per municipality cost next to nothing.
 */
import { validityFault } from './validity.ts';

export interface FeaturePart {
	/** The feature's number in the file, from 0. */
	index: number;
	id: string;
	/** The name the feature gives, or null when it gives none (the id or the code list's is used). */
	name: string | null;
	/** In the file's own coordinates. */
	polygons: [number, number][][][];
}

export type PartsProblem =
	| { kind: 'names'; first: FeaturePart; other: FeaturePart }
	| { kind: 'overlap'; first: FeaturePart; other: FeaturePart; point: [number, number]; how: 'crossing' | 'nested' | 'duplicate' };

/** Problems between features of the same id, each reported at the later feature. */
export function checkFeatureParts(parts: readonly FeaturePart[]): PartsProblem[] {
	const byId = new Map<string, FeaturePart[]>();
	for (const part of parts) {
		const list = byId.get(part.id);
		if (list) list.push(part);
		else byId.set(part.id, [part]);
	}
	const problems: PartsProblem[] = [];
	for (const list of byId.values()) {
		if (list.length < 2) continue;
		// Canonically equal names are the same name (Å typed as A + ring, as macOS may write it).
		const named = list.filter((p) => p.name !== null);
		const other = named.find((p) => p.name!.normalize('NFC') !== named[0]!.name!.normalize('NFC'));
		if (other) problems.push({ kind: 'names', first: named[0]!, other });
		const boxes = list.map((p) => extent(p.polygons));
		for (let k = 1; k < list.length; k++) {
			for (let j = 0; j < k; j++) {
				if (!meet(boxes[j]!, boxes[k]!)) continue;
				const fault = validityFault([...list[j]!.polygons, ...list[k]!.polygons]);
				const how =
					fault?.kind === 'crossing-parts'
						? 'crossing'
						: fault?.kind === 'nested-parts'
							? 'nested'
							: fault?.kind === 'duplicate-parts'
								? 'duplicate'
								: null;
				if (how) {
					problems.push({ kind: 'overlap', first: list[j]!, other: list[k]!, point: fault!.point, how });
					break;
				}
			}
		}
	}
	return problems;
}

type Box = [number, number, number, number];

function extent(polygons: [number, number][][][]): Box {
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
	for (const rings of polygons) {
		for (const [x, y] of rings[0]!) {
			if (x < box[0]) box[0] = x;
			if (y < box[1]) box[1] = y;
			if (x > box[2]) box[2] = x;
			if (y > box[3]) box[3] = y;
		}
	}
	return box;
}

function meet(a: Box, b: Box): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

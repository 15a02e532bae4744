/** Storage keys for what the supervisor types into an agenda, one per municipality, unit, year and document. */
export function textsKey(kind: string, kode: string, unit: string, year: number): string {
	return `boligbarometer:dagsorden:${kind}:${kode}:${unit}:${year}`;
}

/** Department ids as LBF writes them: the organisation's number and a running number, '1234-005'. */
import type { Organisation } from './world.ts';

export class DepartmentIds {
	private readonly next = new Map<string, number>();
	take(org: Organisation): string {
		const n = (this.next.get(org.id) ?? 0) + 1;
		this.next.set(org.id, n);
		return `${org.id}-${String(n).padStart(3, '0')}`;
	}
}

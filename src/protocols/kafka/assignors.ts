// The two partition assignors a group leader may use, as Kafka defines them for one topic.
// Range: members sorted by name, each takes a contiguous run of partitions, the first ones one
// more when the partitions do not divide evenly. Round-robin: partitions dealt one at a time.

export type Assignor = 'range' | 'round-robin';

/** Each member with the partitions it owns, members sorted by name. */
export type Assignment = readonly (readonly [member: string, partitions: readonly number[]])[];

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function assign(assignor: Assignor, members: readonly string[], partitions: number): Assignment {
  const sorted = [...members].sort(byName);
  if (sorted.length === 0) return [];
  const owned: number[][] = sorted.map(() => []);
  if (assignor === 'round-robin') {
    for (let p = 0; p < partitions; p++) owned[p % sorted.length]!.push(p);
  } else {
    const each = Math.floor(partitions / sorted.length);
    const extra = partitions % sorted.length;
    let next = 0;
    sorted.forEach((_, i) => {
      const count = each + (i < extra ? 1 : 0);
      for (let k = 0; k < count; k++) owned[i]!.push(next++);
    });
  }
  return sorted.map((member, i) => [member, owned[i]!] as const);
}

/** "C1: p0 p1, C2: p2". */
export function assignmentText(assignment: Assignment): string {
  if (assignment.length === 0) return 'nobody';
  return assignment.map(([m, ps]) => `${m}: ${ps.length === 0 ? 'none' : ps.map((p) => `p${p}`).join(' ')}`).join(', ');
}

// The smallest contradiction of a register history in words: "C2's read returned nothing, but
// C1's write of a1 had completed before it started". The operations are the few that together
// admit no linearization (see explain.ts); each shape a person meets often has its sentence, and
// any other falls back to listing what finished before what.
import type { RegisterOperation } from './register';

type Op = RegisterOperation;

const precedes = (a: Op, b: Op) => a.return !== null && a.return < b.invoke;

export function valuesText(values: readonly string[]): string {
  if (values.length === 0) return 'nothing';
  if (values.length === 1) return values[0]!;
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** "C1's write of a1", "C2's read". */
export function opName(op: Op): string {
  return op.input.kind === 'write' ? `${op.client}'s write of ${op.input.value}` : `${op.client}'s read`;
}

const readValues = (op: Op): readonly string[] => (op.input.kind === 'read' ? op.input.values : []);
const writeValue = (op: Op): string | null => (op.input.kind === 'write' ? op.input.value : null);
const writerOf = (ops: readonly Op[], value: string) => ops.find((o) => writeValue(o) === value);

/** One read alone: two siblings at once, or a value nobody wrote. */
function alone(read: Op): string {
  const values = readValues(read);
  if (values.length > 1) return `${opName(read)} returned ${valuesText(values)} at once, but one register holds one value`;
  return `${opName(read)} returned ${valuesText(values)}, which no write wrote`;
}

/** A read that missed a write which had completed before it started. */
function staleRead(ops: readonly Op[]): string | null {
  for (const read of ops.filter((o) => o.input.kind === 'read')) {
    const [seen] = readValues(read);
    const older = seen === undefined ? undefined : writerOf(ops, seen);
    for (const newer of ops) {
      if (writeValue(newer) === null || writeValue(newer) === seen || !precedes(newer, read)) continue;
      if (seen !== undefined && (older === undefined || !precedes(older, newer))) continue;
      if (ops.length !== (older === undefined ? 2 : 3)) continue;
      const before = older === undefined ? '' : `, and ${opName(older)} had completed before that write began`;
      return `${opName(read)} returned ${valuesText(readValues(read))}, but ${opName(newer)} had completed before it started${before}`;
    }
  }
  return null;
}

/** A read that returned a value before anyone began to write it. */
function readFromFuture(ops: readonly Op[]): string | null {
  if (ops.length !== 2) return null;
  const read = ops.find((o) => o.input.kind === 'read');
  const write = ops.find((o) => o.input.kind === 'write');
  if (read === undefined || write === undefined || !precedes(read, write)) return null;
  return `${opName(read)} returned ${valuesText(readValues(read))} before ${opName(write)} had begun`;
}

/** Two reads, one after the other, the later returning the older value. */
function newThenOld(ops: readonly Op[]): string | null {
  const reads = ops.filter((o) => o.input.kind === 'read');
  for (const first of reads)
    for (const second of reads) {
      if (!precedes(first, second)) continue;
      const [fresh] = readValues(first);
      const [stale] = readValues(second);
      if (fresh === undefined || fresh === stale) continue;
      const newer = writerOf(ops, fresh);
      const older = stale === undefined ? undefined : writerOf(ops, stale);
      if (newer === undefined || (stale !== undefined && (older === undefined || !precedes(older, newer)))) continue;
      if (ops.length !== (older === undefined ? 3 : 4)) continue;
      const order = older === undefined ? '' : `, and ${opName(older)} had completed before ${opName(newer)} began`;
      return `${opName(second)} returned ${valuesText(readValues(second))} after ${opName(first)} had already returned ${fresh}${order}`;
    }
  return null;
}

/** Any other shape: what finished before what, and what each read returned. */
function fallback(ops: readonly Op[]): string {
  const edges: string[] = [];
  for (const a of ops) for (const b of ops) if (precedes(a, b) && !ops.some((c) => precedes(a, c) && precedes(c, b))) edges.push(`${opName(a)} finished before ${opName(b)} began`);
  const reads = ops.filter((o) => o.input.kind === 'read').map((o) => `${opName(o)} returned ${valuesText(readValues(o))}`);
  return `no single order of these operations fits one register: ${[...edges, ...reads].join('; ')}`;
}

/** The sentence for a smallest set of operations that has no linearization. */
export function contradictionText(ops: readonly Op[]): string {
  const siblings = ops.find((o) => readValues(o).length > 1);
  if (siblings !== undefined) return alone(siblings);
  if (ops.length === 1 && ops[0]!.input.kind === 'read') return alone(ops[0]!);
  return staleRead(ops) ?? readFromFuture(ops) ?? newThenOld(ops) ?? fallback(ops);
}

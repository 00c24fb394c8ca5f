// Hand-built register histories for the checker's tests and the bench: `w` and `r` write one
// operation each in a line, and `registerHistory` makes a long history from a real register.
import { drawInt } from '../random';
import type { RegisterOperation } from './register';

/** A write of `value` by `client` on `key` (default x), from `invoke` to `ret` (null: unknown). */
export function w(client: string, value: string, invoke: number, ret: number | null, key = 'x'): RegisterOperation {
  return { id: `${client}:${invoke}`, client, partition: key, input: { kind: 'write', value }, invoke, return: ret };
}

/** A read by `client` on `key` (default x) that returned `values` (empty: nothing). */
export function r(client: string, values: readonly string[], invoke: number, ret: number, key = 'x'): RegisterOperation {
  return { id: `${client}:${invoke}`, client, partition: key, input: { kind: 'read', values }, invoke, return: ret };
}

/** The `part`-th draw for operation `i`, from the schedule stream. */
const pick = (seed: number, i: number, part: number, min: number, max: number) => drawInt(seed, 'schedule', i * 8 + part, min, max);

/**
 * A linearizable history of `count` operations by `clients` clients on `keys` keys: each client
 * runs one operation at a time, and every operation takes effect at a point inside its interval
 * on a real register, so concurrent operations overlap as they would in a real run. Invokes fall
 * on multiples of 10, effects on 5 and returns on 8 past one, so no two events tie by accident.
 */
export function registerHistory(count: number, clients: number, keys: number, seed: number): RegisterOperation[] {
  const busyUntil = new Array<number>(clients).fill(-1);
  const drafts: { op: RegisterOperation; effect: number }[] = [];
  let slot = 0;
  for (let i = 0; i < count; i++) {
    const client = pick(seed, i, 0, 0, clients - 1);
    slot = Math.max(slot + 1, Math.floor(busyUntil[client]! / 10) + 1);
    const invoke = slot * 10;
    const effect = invoke + 5 + 10 * pick(seed, i, 1, 0, 2);
    const ret = effect + 3 + 10 * pick(seed, i, 2, 0, 2);
    busyUntil[client] = ret;
    const name = `C${client + 1}`;
    const partition = `k${pick(seed, i, 3, 0, keys - 1)}`;
    const input = pick(seed, i, 4, 0, 1) === 0 ? ({ kind: 'write', value: `${name}.${i}` } as const) : ({ kind: 'read', values: [] } as const);
    drafts.push({ op: { id: `op${i}`, client: name, partition, input, invoke, return: ret }, effect });
  }
  // Play the operations on a real register in effect order; each read gets what it held.
  const order = drafts.map((d, i) => ({ ...d, i })).sort((a, b) => a.effect - b.effect || a.i - b.i);
  const held = new Map<string, string>();
  const out = drafts.map((d) => d.op);
  for (const { op, i } of order) {
    if (op.input.kind === 'write') held.set(op.partition, op.input.value);
    else {
      const value = held.get(op.partition);
      out[i] = { ...op, input: { kind: 'read', values: value === undefined ? [] : [value] } };
    }
  }
  return out;
}

// Checking a register history for linearizability: split by key (each key is its own register),
// search each, and when one has no linearization, name its smallest contradiction in words.
import { contradiction } from './explain';
import { registerModel, type RegisterOperation } from './register';
import { searchCapDefault, searchLinearization } from './search';
import { contradictionText } from './words';

export type RegisterVerdict =
  | { readonly kind: 'linearizable'; readonly explored: number }
  | {
      readonly kind: 'not-linearizable';
      /** The key whose history has no linearization. */
      readonly partition: string;
      /** The ids of the fewest operations that together admit no linearization, in invoke order. */
      readonly operations: readonly string[];
      /** That contradiction in words. */
      readonly message: string;
      readonly explored: number;
    }
  | { readonly kind: 'unknown'; readonly partition: string; readonly message: string; readonly explored: number };

/** The operations grouped by partition, each group in the order given. */
export function byPartition<T extends { readonly partition: string }>(ops: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const op of ops) {
    const group = groups.get(op.partition);
    if (group === undefined) groups.set(op.partition, [op]);
    else group.push(op);
  }
  return groups;
}

function checkInput(ops: readonly RegisterOperation[]): void {
  const ids = new Set<string>();
  for (const op of ops) {
    if (ids.has(op.id)) throw new Error(`the history has two operations with the id ${op.id}`);
    ids.add(op.id);
    if (op.return !== null && op.return < op.invoke) throw new Error(`operation ${op.id} returns before it is invoked`);
  }
}

/** Whether the history of a key-value register has a linearization; if not, why not. */
export function checkRegisterHistory(ops: readonly RegisterOperation[], cap = searchCapDefault): RegisterVerdict {
  checkInput(ops);
  let explored = 0;
  for (const [partition, group] of byPartition(ops)) {
    const result = searchLinearization(registerModel, group, cap);
    explored += result.explored;
    if (result.kind === 'linearizable') continue;
    if (result.kind === 'unknown')
      return { kind: 'unknown', partition, explored, message: `the history of ${partition} is too tangled to decide within ${cap} search steps` };
    const found = contradiction(group);
    const operations = found?.operations ?? group;
    const message = found === null ? `the history of ${partition} has no linearization` : contradictionText(found.operations);
    return { kind: 'not-linearizable', partition, operations: operations.map((o) => o.id), message, explored };
  }
  return { kind: 'linearizable', explored };
}

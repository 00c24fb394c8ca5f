// A node's machine state as it is stored in the world: plain data, so that worlds can be
// compared, hashed, serialised and replayed. The adapter rebuilds an XState snapshot from it
// with `machine.resolveState` whenever it needs one.
import type { Json } from '../../engine';

/** XState's state value: a state name, or nested names for compound states. */
export type StateValue = string | { readonly [state: string]: StateValue };

/** A machine's context as the engine stores it: plain data. */
export type MachineContext = { readonly [key: string]: Json };

/** A node's machine state; `Context` is the role's own context type where the kit knows the role. */
export interface MachineState<Context = MachineContext> {
  readonly value: StateValue;
  readonly context: Context;
}

/** Every active state as a dotted id from the root, parents before children ("decided", "decided.commit"). */
export function activeStateIds(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    out.push(prefix + key);
    out.push(...activeStateIds(child, `${prefix}${key}.`));
  }
  return out;
}

/** The deepest active states as dotted ids ("decided.commit"); parallel regions joined by ", ". */
export function stateLabel(value: StateValue): string {
  if (typeof value === 'string') return value;
  const ids = activeStateIds(value);
  const leaves = ids.filter((id) => !ids.some((other) => other.startsWith(`${id}.`)));
  return leaves.join(', ');
}

/** Whether `id` (a dotted id such as "decided" or "decided.commit") is active. */
export function inState(state: { readonly value: StateValue }, id: string): boolean {
  let current = state.value;
  if (typeof current === 'string') return current === id;
  const parts = id.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (typeof current === 'string') return current === parts[i] && i === parts.length - 1;
    const child: StateValue | undefined = current[parts[i]!];
    if (child === undefined) return false;
    current = child;
  }
  return true;
}

/** JSON with object keys sorted, so that equal data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The canonical text of a machine state: the checker's key and the memo's key. */
export function machineStateKey(state: MachineState): string {
  return `${canonicalJson(state.value)}|${canonicalJson(state.context)}`;
}

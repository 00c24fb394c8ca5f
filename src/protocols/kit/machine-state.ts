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
  // Pieces joined once: every new machine state is keyed by this text (a long Paxos run makes a
  // new state with every ballot), and a text built with `+` stays a tree of small pieces that
  // costs five times the memory of the flat text `join` gives, for as long as the key is kept.
  const parts: string[] = [];
  writeJson(value, parts);
  return parts.join('');
}

function writeJson(value: unknown, parts: string[]): void {
  if (value === null || typeof value !== 'object') {
    parts.push(JSON.stringify(value) ?? 'null');
  } else if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      writeJson(value[i], parts);
    }
    parts.push(']');
  } else {
    parts.push('{');
    let first = true;
    // The default sort orders by UTF-16 code units, as `<` does.
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      parts.push(first ? quotedKey(key) : `,${quotedKey(key)}`);
      first = false;
      writeJson(field, parts);
    }
    parts.push('}');
  }
}

const quotedKeys = new Map<string, string>();

/** The key as JSON text with its colon. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    // Field names are few; a bound keeps hostile data from growing the table.
    if (quotedKeys.size < 4096) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** The canonical text of a machine state: the checker's key and the memo's key. */
export function machineStateKey(state: MachineState): string {
  const parts: string[] = [];
  writeJson(state.value, parts);
  parts.push('|');
  writeJson(state.context, parts);
  return parts.join('');
}

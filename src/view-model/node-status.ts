// How each node status is drawn besides its colour: a shape for the node's outline, an icon
// and a word, so that no status is told by colour alone; and which rules name the node, so the
// picture marks the node a violation (or a condition) is about, where the node is drawn.
import type { NodeId, World } from '../engine';
import type { NodeStatus } from '../protocols/kit/types';

export interface StatusLook {
  /** The outline of the node's mark. */
  readonly shape: 'circle' | 'rounded' | 'square' | 'diamond' | 'octagon';
  /** A short text icon shown inside or beside the mark. */
  readonly icon: string;
  /** The status said in a word, for labels and accessible names. */
  readonly word: string;
  /** Which theme colour to use: a CSS custom property name without `--fl-`. */
  readonly tone: 'muted' | 'accent' | 'warn' | 'bad' | 'ok';
  /** Whether the outline is dashed (waiting and blocked nodes are "not settled"). */
  readonly dashed: boolean;
}

// No icon reads as a media button (no ▶ or ‖), and "finished" is not a green tick: an outcome
// (COMMIT or ABORT, a learned value) is not a verdict; the rules say whether it is right.
const looks: { readonly [S in NodeStatus]: StatusLook } = {
  idle: { shape: 'circle', icon: '○', word: 'idle', tone: 'muted', dashed: false },
  working: { shape: 'circle', icon: '◐', word: 'working', tone: 'accent', dashed: false },
  waiting: { shape: 'rounded', icon: '…', word: 'waiting', tone: 'warn', dashed: true },
  blocked: { shape: 'octagon', icon: '⊘', word: 'blocked', tone: 'warn', dashed: true },
  done: { shape: 'circle', icon: '●', word: 'finished', tone: 'accent', dashed: false },
  failed: { shape: 'diamond', icon: '!', word: 'failed', tone: 'bad', dashed: false },
  down: { shape: 'square', icon: '✕', word: 'down', tone: 'bad', dashed: true },
};

export function statusLook(status: NodeStatus): StatusLook {
  return looks[status] ?? looks.idle;
}

/** A rule's id as words: "blocked-in-doubt" -> "blocked in doubt". */
export const ruleWords = (id: string): string => id.replace(/-/g, ' ');

/** The rules that name a node at this step: invariants it broke so far, conditions holding now. */
export interface NodeRules {
  readonly broken: readonly string[];
  readonly conditions: readonly string[];
}

export function rulesByNode(world: World): NodeRules[] {
  const rules = world.nodes.map(() => ({ broken: [] as string[], conditions: [] as string[] }));
  const add = (list: 'broken' | 'conditions', rule: string, nodes: readonly NodeId[]) => {
    for (const node of nodes) {
      const entry = rules[node];
      if (entry !== undefined && !entry[list].includes(rule)) entry[list].push(rule);
    }
  };
  for (const v of world.violations) add('broken', v.rule, v.nodes);
  for (const [rule, breach] of Object.entries(world.conditions)) add('conditions', rule, breach.nodes);
  return rules;
}

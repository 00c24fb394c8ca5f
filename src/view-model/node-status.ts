// How each node status is drawn besides its colour: a shape for the node's outline, an icon
// and a word, so that no status is told by colour alone.
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

const looks: { readonly [S in NodeStatus]: StatusLook } = {
  idle: { shape: 'circle', icon: '○', word: 'idle', tone: 'muted', dashed: false },
  working: { shape: 'circle', icon: '▶', word: 'working', tone: 'accent', dashed: false },
  waiting: { shape: 'rounded', icon: '…', word: 'waiting', tone: 'warn', dashed: true },
  blocked: { shape: 'octagon', icon: '‖', word: 'blocked', tone: 'warn', dashed: true },
  done: { shape: 'circle', icon: '✓', word: 'done', tone: 'ok', dashed: false },
  failed: { shape: 'diamond', icon: '!', word: 'failed', tone: 'bad', dashed: false },
  down: { shape: 'square', icon: '✕', word: 'down', tone: 'bad', dashed: true },
};

export function statusLook(status: NodeStatus): StatusLook {
  return looks[status] ?? looks.idle;
}

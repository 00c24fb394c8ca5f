// The simulator's keyboard shortcuts, as data: the help overlay lists this table and the root's
// keydown handler asks `commandFor`. Keys act only while focus is inside the simulator (the
// handler sits on its root element, never on window), so a page or slide deck keeps its keys.

export type Command =
  | 'toggle-play'
  | 'step'
  | 'step-back'
  | 'first'
  | 'last'
  | 'faster'
  | 'slower'
  | 'reset'
  | 'help'
  | 'close'
  | 'next-node'
  | 'previous-node'
  | 'crash-or-restart'
  | 'copy-link'
  | 'blank';

export interface Shortcut {
  readonly keys: readonly string[];
  readonly command: Command;
  readonly description: string;
  /** Only in presentation mode, where a presenter remote sends these keys. */
  readonly presenting?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' ', 'k'], command: 'toggle-play', description: 'Play or pause' },
  // A presenter remote's "blank screen" button sends B or "." (so "." blanks rather than steps there).
  { keys: ['b', 'B', '.'], command: 'blank', description: 'Blank the screen, or show it again (presenter remote)', presenting: true },
  { keys: ['ArrowRight', 'l', '.'], command: 'step', description: 'Step forward' },
  { keys: ['ArrowLeft', 'j', ','], command: 'step-back', description: 'Step back' },
  { keys: ['PageDown'], command: 'step', description: 'Step forward (presenter remote)', presenting: true },
  { keys: ['PageUp'], command: 'step-back', description: 'Step back (presenter remote)', presenting: true },
  { keys: ['Home'], command: 'first', description: 'Go to the first step' },
  { keys: ['End'], command: 'last', description: 'Go to the last step of this branch' },
  { keys: ['+', '='], command: 'faster', description: 'Play faster' },
  { keys: ['-', '_'], command: 'slower', description: 'Play slower' },
  { keys: ['n'], command: 'next-node', description: 'Select the next node' },
  { keys: ['p'], command: 'previous-node', description: 'Select the previous node' },
  { keys: ['x'], command: 'crash-or-restart', description: 'Crash or restart the selected node' },
  { keys: ['r'], command: 'reset', description: 'Reset the run to step 0' },
  { keys: ['c'], command: 'copy-link', description: 'Copy a link to this exact frame' },
  { keys: ['?'], command: 'help', description: 'Show or hide this list' },
  { keys: ['Escape'], command: 'close', description: 'Close this list or a message' },
];

/** What kind of element has focus: text fields and sliders keep their own keys. */
export type FocusKind = 'text' | 'slider' | 'select' | 'button' | 'other';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const keptBy: { readonly [kind in FocusKind]: (key: string) => boolean } = {
  text: (key) => key !== 'Escape',
  select: (key) => key !== 'Escape' && key !== '?',
  slider: (key) => ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key),
  button: (key) => key === ' ' || key === 'Enter',
  other: () => false,
};

/** The command for a key press, or null when the key belongs to the page or the focused control. */
export function commandFor(press: KeyPress, focus: FocusKind, presenting: boolean): Command | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (keptBy[focus](press.key)) return null;
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(press.key) && (s.presenting !== true || presenting));
  return shortcut?.command ?? null;
}

/** How the help overlay writes a key. */
export function keyLabel(key: string): string {
  const names: { readonly [key: string]: string } = {
    ' ': 'Space',
    ArrowRight: '→',
    ArrowLeft: '←',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
    Escape: 'Esc',
  };
  return names[key] ?? key;
}

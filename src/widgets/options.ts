// A widget's attributes, read into options. Attributes come from someone else's page, so every
// value is checked and anything wrong becomes one plain sentence shown inside the widget (never
// markup: the sentences are only ever set as text). A problem with how the widget looks falls back
// to the default; only a run that cannot be named at all (no protocol, an unknown one) is fatal.

export const ATTRIBUTES = [
  'protocol',
  'scenario',
  'variant',
  'link',
  'step',
  'autoplay',
  'speed',
  'controls',
  'view',
  'height',
  'theme',
  'caption',
] as const;

export type AttributeName = (typeof ATTRIBUTES)[number];
export type Controls = 'full' | 'minimal' | 'none';
export type WidgetView = 'timeline' | 'cluster' | 'both' | 'statechart';
export type WidgetTheme = 'auto' | 'light' | 'dark' | 'projector';

export const CONTROLS: readonly Controls[] = ['full', 'minimal', 'none'];
export const VIEWS: readonly WidgetView[] = ['both', 'cluster', 'timeline', 'statechart'];
export const THEMES: readonly WidgetTheme[] = ['auto', 'light', 'dark', 'projector'];
export const HEIGHT_PX = { min: 160, max: 4000 } as const;
export const SPEED = { min: 0.5, max: 32 } as const;

/** What the run is: changing any of these starts another run. */
export interface RunOptions {
  readonly protocol: string | null;
  readonly scenario: string | null;
  readonly variant: string | null;
  /** The frame text of a share link (after the `#`), as given; decoded where the protocol is known. */
  readonly link: string | null;
}

/** How the run is shown and played: changing these updates the widget in place. */
export interface LookOptions {
  readonly step: number | null;
  readonly autoplay: boolean;
  readonly speed: number | null;
  readonly controls: Controls;
  readonly view: WidgetView;
  readonly heightPx: number | null;
  readonly theme: WidgetTheme;
  readonly caption: boolean;
}

export interface WidgetOptions {
  readonly run: RunOptions;
  readonly look: LookOptions;
  /** Sentences about attributes that were not used, in attribute order. */
  readonly problems: readonly string[];
}

export type AttributeReader = (name: AttributeName) => string | null;

/** An attribute value as it may be quoted in a message: short, one line, no control characters. */
export function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`;
}

function oneOf<T extends string>(read: AttributeReader, name: AttributeName, allowed: readonly T[], fallback: T, problems: string[]): T {
  const value = read(name);
  if (value === null || value.trim() === '') return fallback;
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found !== undefined) return found;
  problems.push(`${name}=${quoted(value)} is not one of ${allowed.join(', ')}: using ${fallback}.`);
  return fallback;
}

function flag(read: AttributeReader, name: AttributeName, onWord: string, offWord: string, fallback: boolean, problems: string[]): boolean {
  const value = read(name);
  if (value === null) return fallback;
  const word = value.trim().toLowerCase();
  // A bare attribute (`autoplay`) means on, as HTML's boolean attributes do.
  if (word === '' || word === onWord || word === 'true' || word === name) return true;
  if (word === offWord || word === 'false') return false;
  problems.push(`${name}=${quoted(value)} should be ${onWord} or ${offWord}: using ${fallback ? onWord : offWord}.`);
  return fallback;
}

function number(read: AttributeReader, name: AttributeName, check: (n: number) => string | null, problems: string[], unit = ''): number | null {
  const value = read(name);
  if (value === null || value.trim() === '') return null;
  const text = unit === '' ? value.trim() : value.trim().replace(new RegExp(`${unit}$`), '');
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  const problem = Number.isFinite(n) ? check(n) : 'is not a number';
  if (problem === null) return n;
  problems.push(`${name}=${quoted(value)} ${problem}: it is not used.`);
  return null;
}

/** A short id (protocol, scenario, variant): letters, digits and dashes, or a message. */
function id(read: AttributeReader, name: AttributeName, problems: string[]): string | null {
  const value = read(name);
  if (value === null || value.trim() === '') return null;
  if (/^[a-z0-9][a-z0-9-]{0,63}$/i.test(value.trim())) return value.trim();
  problems.push(`${name}=${quoted(value)} is not a name Fault Lines knows (names are letters, digits and dashes).`);
  return null;
}

/** The frame of a share link: a whole link (its part after `#`) or the frame alone. */
export function frameText(value: string): string {
  const text = value.trim();
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(hash + 1) : text;
}

export function readOptions(read: AttributeReader): WidgetOptions {
  const problems: string[] = [];
  const linkValue = read('link');
  const run: RunOptions = {
    protocol: id(read, 'protocol', problems),
    scenario: id(read, 'scenario', problems),
    variant: id(read, 'variant', problems),
    link: linkValue === null || linkValue.trim() === '' ? null : frameText(linkValue),
  };
  const look: LookOptions = {
    step: number(read, 'step', (n) => (Number.isInteger(n) && n >= 0 ? null : 'must be a whole number of steps, 0 or more'), problems),
    autoplay: flag(read, 'autoplay', 'on', 'off', false, problems),
    speed: number(read, 'speed', (n) => (n >= SPEED.min && n <= SPEED.max ? null : `must be from ${SPEED.min} to ${SPEED.max} steps a second`), problems),
    controls: oneOf(read, 'controls', CONTROLS, 'minimal', problems),
    view: oneOf(read, 'view', VIEWS, 'both', problems),
    heightPx: number(
      read,
      'height',
      (n) => (Number.isInteger(n) && n >= HEIGHT_PX.min && n <= HEIGHT_PX.max ? null : `must be a whole number of pixels from ${HEIGHT_PX.min} to ${HEIGHT_PX.max}`),
      problems,
      'px',
    ),
    theme: oneOf(read, 'theme', THEMES, 'auto', problems),
    caption: flag(read, 'caption', 'on', 'off', true, problems),
  };
  return { run, look, problems };
}

/** Whether two readings name the same run (so the widget keeps its run and only updates). */
export function sameRun(a: RunOptions, b: RunOptions): boolean {
  return a.protocol === b.protocol && a.scenario === b.scenario && a.variant === b.variant && a.link === b.link;
}

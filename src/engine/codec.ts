import { quoted } from './quote';
import type { Choice } from './choice';
import { choiceProblem, decodeChoices, encodeChoices } from './codec-choices';
import { checkCode, escapeText, LinkProblem, parseWhole, unescapeText } from './codec-text';

/*
 * The share link: a run and a cursor as compact text that a URL hash keeps exactly.
 *
 *   1.<protocol>.<variant>.<seed>.<step>.<config>.<choices>.<check>
 *
 * - `1` is the format version. A link in another version is refused with a reason, so a future
 *   format can change anything after the first dot.
 * - protocol: `[a-z0-9-]+`; variant: escaped text (codec-text.ts); seed: decimal, 0 to 2³²−1;
 *   step: the cursor, 0 to the number of choices.
 * - config: `key=3` (a whole number), `key=t` or `key=f` (a boolean), `key:text` (text),
 *   keys escaped and sorted, entries joined by `,`.
 * - choices: the tokens of codec-choices.ts.
 * - check: a hash of everything before it (codec-text.ts). A link cut short or changed by hand
 *   is refused with a reason instead of opening as some other run.
 *
 * Only letters, digits and `-._~,:=` appear, all kept as they are in a URL fragment, and the
 * last character is always a letter or digit, so chat apps do not trim it off the end.
 * Whether the protocol, variant and config exist is checked above the engine, not here.
 */

export type ConfigValue = number | boolean | string;
export type Config = { readonly [key: string]: ConfigValue };

/** A run, exactly: what a share link carries. */
export interface RunSpec {
  readonly protocol: string;
  readonly variant: string;
  readonly config: Config;
  readonly seed: number;
  readonly choices: readonly Choice[];
}

/** A run plus the cursor: the step shown, 0 to `choices.length`. */
export interface SharedFrame extends RunSpec {
  readonly step: number;
}

export type DecodedFrame = { readonly ok: true; readonly frame: SharedFrame } | { readonly ok: false; readonly reason: string };

export const FRAME_VERSION = '1';
/** The longest link text read at all (1 MB), so a pasted novel is refused at once. */
export const MAX_FRAME_CHARS = 1_000_000;
/** The most choices a link may carry; the engine's default step cap. */
export const MAX_FRAME_CHOICES = 100_000;

const PROTOCOL_ID = /^[a-z0-9-]+$/;
const FIELDS = 8;

/** Says what is wrong with a frame that cannot be written as a link, or null when it can. */
export function frameProblem(frame: SharedFrame): string | null {
  const problem = headerProblem(frame);
  if (problem !== null) return problem;
  for (let i = 0; i < frame.choices.length; i++) {
    const problem = choiceProblem(frame.choices[i]!);
    if (problem !== null) return `choice ${i + 1}: ${problem}`;
  }
  return null;
}

/** `frameProblem` for everything but the choices themselves. */
export function headerProblem(frame: SharedFrame): string | null {
  if (!PROTOCOL_ID.test(frame.protocol)) return `the protocol id ${quoted(frame.protocol)} must be lowercase letters, digits and "-"`;
  if (typeof frame.variant !== 'string' || frame.variant === '') return 'the variant must be named';
  if (!Number.isInteger(frame.seed) || frame.seed < 0 || frame.seed > 0xffffffff) return 'the seed must be a whole number from 0 to 4294967295';
  if (frame.choices.length > MAX_FRAME_CHOICES) return `a link carries at most ${MAX_FRAME_CHOICES} choices`;
  if (!Number.isInteger(frame.step) || frame.step < 0 || frame.step > frame.choices.length)
    return `the step must be a whole number from 0 to ${frame.choices.length}`;
  for (const [key, value] of Object.entries(frame.config)) {
    if (key === '') return 'a config key must not be empty';
    if (typeof value === 'number' ? !Number.isSafeInteger(value) : typeof value !== 'boolean' && typeof value !== 'string')
      return `config ${quoted(key)} must be a whole number, true, false or text`;
  }
  return null;
}

function encodeConfig(config: Config): string {
  return Object.keys(config)
    .sort()
    .map((key) => {
      const value = config[key]!;
      if (typeof value === 'string') return `${escapeText(key)}:${escapeText(value)}`;
      return `${escapeText(key)}=${typeof value === 'boolean' ? (value ? 't' : 'f') : String(value)}`;
    })
    .join(',');
}

/** Writes a frame as link text. Throws an Error naming the problem if the frame is not valid. */
export function encodeFrame(frame: SharedFrame): string {
  const problem = frameProblem(frame);
  if (problem !== null) throw new Error(`this run cannot be written as a link: ${problem}`);
  return sealFrame(frame, encodeChoices(frame.choices));
}

/** The link text of a checked frame whose choices are already written as tokens. */
export function sealFrame(frame: SharedFrame, choicesText: string): string {
  const body = [FRAME_VERSION, frame.protocol, escapeText(frame.variant), String(frame.seed), String(frame.step), encodeConfig(frame.config), choicesText].join('.');
  return `${body}.${checkCode(body)}`;
}

function decodeConfigEntry(entry: string): [string, ConfigValue] {
  const at = entry.search(/[=:]/);
  if (at <= 0) throw new LinkProblem(`the config entry ${quoted(entry)} needs a name and "=" or ":" before its value`);
  const key = unescapeText(entry.slice(0, at), 'a config name');
  const text = entry.slice(at + 1);
  if (entry[at] === ':') return [key, unescapeText(text, `config ${quoted(key)}`)];
  if (text === 't' || text === 'f') return [key, text === 't'];
  if (!/^-?[0-9]+$/.test(text)) throw new LinkProblem(`config ${quoted(key)} must be a whole number, t or f, not ${quoted(text)}`);
  return [key, parseWhole(text, `config ${quoted(key)}`)];
}

function decodeConfig(text: string): Config {
  if (text === '') return {};
  const entries = text.split(',').map(decodeConfigEntry);
  const keys = new Set(entries.map(([key]) => key));
  if (keys.size !== entries.length) throw new LinkProblem('the config names one option twice');
  // fromEntries defines own properties, so even a key named "__proto__" stays plain data.
  return Object.fromEntries(entries);
}

/** Undoes the percent-escaping some apps add when they pass a link on; the codec itself never writes `%`. */
function unpercent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    throw new LinkProblem('the link contains a broken %-escape');
  }
}

function decodeText(input: string): SharedFrame {
  let text = unpercent(input.trim());
  if (text.startsWith('#')) text = text.slice(1);
  if (text === '') throw new LinkProblem('the link carries no run');
  const fields = text.split('.');
  if (/^[0-9]{1,6}$/.test(fields[0]!) && fields[0] !== FRAME_VERSION)
    throw new LinkProblem(`the link is in format version ${fields[0]}, and this version of Fault Lines reads version ${FRAME_VERSION}`);
  if (fields[0] !== FRAME_VERSION) throw new LinkProblem(`the link is not a Fault Lines run (one starts with "${FRAME_VERSION}.")`);
  if (fields.length < FIELDS) throw new LinkProblem('the link is cut short: some of its parts are missing');
  if (fields.length > FIELDS) throw new LinkProblem('the link has more parts than a run has');
  const check = fields.pop()!;
  if (check !== checkCode(fields.join('.'))) throw new LinkProblem('the link was cut short or changed: its check code does not match');
  const [, protocol, variant, seedText, stepText, configText, choicesText] = fields as [string, ...string[]];
  if (!PROTOCOL_ID.test(protocol!)) throw new LinkProblem(`the protocol id ${quoted(protocol!)} must be lowercase letters, digits and "-"`);
  const seed = parseWhole(seedText!, 'the seed');
  if (seed < 0 || seed > 0xffffffff) throw new LinkProblem('the seed must be from 0 to 4294967295');
  const step = parseWhole(stepText!, 'the step');
  const choices = decodeChoices(choicesText!, MAX_FRAME_CHOICES);
  if (step < 0 || step > choices.length)
    throw new LinkProblem(`the step ${step} is outside the run, which has ${choices.length} choices`);
  const frame = { protocol: protocol!, variant: unescapeText(variant!, 'the variant'), config: decodeConfig(configText!), seed, step, choices };
  const problem = frameProblem(frame);
  if (problem !== null) throw new LinkProblem(problem);
  return frame;
}

/** Reads link text back into a frame. Never throws: bad input gives a reason a person can read. */
export function decodeFrame(text: string): DecodedFrame {
  if (typeof text !== 'string') return { ok: false, reason: 'the link is not text' };
  if (text.length > MAX_FRAME_CHARS) return { ok: false, reason: `the link is longer than ${MAX_FRAME_CHARS} characters` };
  try {
    return { ok: true, frame: decodeText(text) };
  } catch (error) {
    if (error instanceof LinkProblem) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * A link that opens `frame` on the page at `pageAddress` (the page's own hash, if any, is
 * replaced). The site, the CLI and the widget each pass the page their links open.
 */
export function frameUrl(pageAddress: string, frame: SharedFrame, encode: (frame: SharedFrame) => string = encodeFrame): string {
  const cut = pageAddress.indexOf('#');
  return `${cut === -1 ? pageAddress : pageAddress.slice(0, cut)}#${encode(frame)}`;
}

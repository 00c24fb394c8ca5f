// Mutated share links, as a hostile or careless person makes them, and what must hold for each:
// decoding never throws; a link changed without its check code being redone never opens as
// another run; a link that opens replays or says which step cannot happen; every message is
// short and free of control characters. The unit tests run a few hundred per protocol; the big
// run is `npx tsx scripts/fuzz.ts`. Everything is seeded: the same seed, the same links.
import { decodeFrame, draw, encodeFrame, type SharedFrame } from '../../engine';
import { checkCode } from '../../engine/codec-text';
import type { Protocol } from '../kit/types';
import { openRun, replayOpened } from '../open-run';

/** Characters a mutation inserts: the link's own alphabet, and some that have no business in one. */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_~,:=%#';
const HOSTILE = ['\u001b]0;x\u0007', '\u001b[2J', '<img src=x onerror=alert(1)>', '\u202e', '\u0000', '%', '%zz', '~', '~u', '9'.repeat(30), '-', '..', '__proto__'];

/** A text-level change, with the name of what it did. */
type Mutation = (text: string, pick: (n: number) => number) => string;

const mutations: readonly [string, Mutation][] = [
  ['change a character', (t, pick) => { const at = pick(t.length); return t.slice(0, at) + ALPHABET[pick(ALPHABET.length)] + t.slice(at + 1); }],
  ['insert a character', (t, pick) => { const at = pick(t.length + 1); return t.slice(0, at) + ALPHABET[pick(ALPHABET.length)] + t.slice(at); }],
  ['insert something hostile', (t, pick) => { const at = pick(t.length + 1); return t.slice(0, at) + HOSTILE[pick(HOSTILE.length)] + t.slice(at); }],
  ['delete a stretch', (t, pick) => { const at = pick(t.length); return t.slice(0, at) + t.slice(at + 1 + pick(8)); }],
  ['repeat a stretch', (t, pick) => { const at = pick(t.length); const part = t.slice(at, at + 1 + pick(12)); return t.slice(0, at) + part.repeat(2 + pick(20)) + t.slice(at); }],
  ['cut it short', (t, pick) => t.slice(0, pick(t.length))],
  ['change a number', (t, pick) => {
    const numbers = [...t.matchAll(/\d+/g)];
    if (numbers.length === 0) return t;
    const found = numbers[pick(numbers.length)]!;
    const replacement = ['0', '-1', '4294967296', '9007199254740993', '99999999999999999999', String(Number(found[0]) + 1)][pick(6)]!;
    return t.slice(0, found.index) + replacement + t.slice(found.index! + found[0].length);
  }],
  ['swap two parts', (t) => { const parts = t.split('.'); if (parts.length < 4) return t; [parts[2], parts[3]] = [parts[3]!, parts[2]!]; return parts.join('.'); }],
];

/** The link text again with its check code made right, so the change reaches the parts behind it. */
function resealed(text: string): string {
  const at = text.lastIndexOf('.');
  return at < 0 ? text : `${text.slice(0, at)}.${checkCode(text.slice(0, at))}`;
}

export interface FuzzLink {
  readonly text: string;
  /** What was done to it, for the report of a failure. */
  readonly how: string;
  /** Whether the check code was made right after the change. */
  readonly resealed: boolean;
  /** The frame it came from. */
  readonly origin: SharedFrame;
}

/** `count` mutated links made from `frames`, the same for the same seed. */
export function fuzzLinks(frames: readonly SharedFrame[], count: number, seed: number): FuzzLink[] {
  const links: FuzzLink[] = [];
  let counter = 0;
  const pick = (n: number) => Math.floor(draw(seed, 'schedule', counter++) * Math.max(1, n));
  for (let i = 0; i < count; i++) {
    const origin = frames[pick(frames.length)]!;
    let text = encodeFrame(origin);
    const changes: string[] = [];
    for (let k = 1 + pick(3); k > 0; k--) {
      const [name, mutate] = mutations[pick(mutations.length)]!;
      text = mutate(text, pick);
      changes.push(name);
    }
    const seal = pick(3) > 0;
    links.push({ text: seal ? resealed(text) : text, how: changes.join(', '), resealed: seal, origin });
  }
  return links;
}

/** What a reason shown to a person must be: one short line with nothing hidden in it. */
export function reasonProblem(reason: string): string | null {
  if (reason.length > 600) return `a ${reason.length}-character message`;
  for (let i = 0; i < reason.length; i++) {
    const code = reason.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      return `a control character (U+${code.toString(16).padStart(4, '0')}) in the message`;
  }
  return null;
}

/** Opens one fuzzed link as the site and the CLI do; returns what went wrong, or null. */
export function fuzzProblem(link: FuzzLink): string | null {
  const decoded = decodeFrame(link.text);
  if (!decoded.ok) return reasonProblem(decoded.reason);
  const { step, ...run } = decoded.frame;
  const same = encodeFrame(decoded.frame) === encodeFrame(link.origin);
  if (!link.resealed && !same) return 'a link changed without its check code opened as another run';
  if (encodeFrame(decoded.frame) !== encodeFrame((decodeFrame(encodeFrame(decoded.frame)) as { frame: SharedFrame }).frame))
    return 'the decoded frame does not read back the same';
  const opened = openRun(run, step);
  if (!opened.ok) return reasonProblem(opened.reason);
  const played = replayOpened(opened);
  if (!played.ok) return reasonProblem(played.reason);
  return null;
}

/** Links to fuzz from: each scenario of the protocol, at its end and half way. */
export function scenarioFrames(protocol: Protocol): SharedFrame[] {
  return protocol.scenarios.flatMap((scenario) => {
    const { run } = protocol.compileScenario(scenario);
    return [{ ...run, step: run.choices.length }, { ...run, step: Math.floor(run.choices.length / 2) }];
  });
}

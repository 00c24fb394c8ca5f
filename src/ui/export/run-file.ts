// The run as a JSON file: the exact run (protocol, variant, config, seed, every choice and the
// step shown) with its share frame, the trace as data and the story in words, so a reader can
// study it elsewhere and the file opens again here ("Open a run file"). Reading a file never
// trusts it: it goes through the share-link codec, so a file that does not hold a real run is
// refused with a reason.
import { decodeFrame, encodeFrame, traceToArray, type SharedFrame, type TraceEvent, type World } from '../../engine';
import { narrateSteps, type Narrator } from '../../protocols/kit/narrate-steps';
import type { RunSpec } from '../../protocols/kit/types';

export const RUN_FILE_FORMAT = 'fault-lines-run';
export const RUN_FILE_VERSION = 1;
/** Bigger files are refused before they are parsed. */
export const RUN_FILE_MAX_CHARS = 20_000_000;

export interface RunFile {
  readonly format: typeof RUN_FILE_FORMAT;
  readonly version: typeof RUN_FILE_VERSION;
  readonly protocol: string;
  readonly variant: string;
  readonly config: RunSpec['config'];
  readonly seed: number;
  /** The step shown when the file was made. */
  readonly step: number;
  readonly choices: RunSpec['choices'];
  /** The same run as a share frame (what follows `#` in a link). */
  readonly frame: string;
  /** Every event of the run, oldest first. */
  readonly trace: readonly TraceEvent[];
  /** The run in words, one entry per step that has something to tell. */
  readonly story: readonly { readonly step: number; readonly tick: number | null; readonly lines: readonly string[] }[];
}

export function runFile(protocol: Narrator, spec: RunSpec, step: number, finalWorld: World): RunFile {
  const events = traceToArray(finalWorld.trace);
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    protocol: spec.protocol,
    variant: spec.variant,
    config: spec.config,
    seed: spec.seed,
    step,
    choices: spec.choices,
    frame: encodeFrame({ ...spec, step }),
    trace: events,
    story: narrateSteps(protocol, finalWorld, events, 0, finalWorld.step),
  };
}

export type RunFileReading = { readonly ok: true; readonly frame: SharedFrame } | { readonly ok: false; readonly reason: string };

/** Reads a run file's text back into a run, or says why it cannot be. Never throws. */
export function readRunFile(text: string): RunFileReading {
  if (text.length > RUN_FILE_MAX_CHARS) return { ok: false, reason: 'the file is too big to be a run' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'the file does not hold a run' };
  const file = data as { readonly [key: string]: unknown };
  if (file['format'] !== RUN_FILE_FORMAT) return { ok: false, reason: 'the file is not a Fault Lines run' };
  if (file['version'] !== RUN_FILE_VERSION) return { ok: false, reason: `the file is of version ${String(file['version'])}, and this page reads version ${RUN_FILE_VERSION}` };
  const { protocol, variant, config, seed, choices, step } = file;
  let frame: string;
  try {
    // The codec checks every field's shape; its own reading of the text is the run.
    frame = encodeFrame({ protocol, variant, config, seed, choices, step } as SharedFrame);
  } catch {
    return { ok: false, reason: 'its run is not complete (protocol, variant, config, seed, choices and step are needed)' };
  }
  const decoded = decodeFrame(frame);
  return decoded.ok ? { ok: true, frame: decoded.frame } : { ok: false, reason: decoded.reason };
}

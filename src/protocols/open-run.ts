// Opening a run that came from outside (a share link, a file, the command line): every part is
// checked against the registry before anything runs, and every problem is one plain sentence.
import { decodeFrame, replay, type RunSpec, type System, type World } from '../engine';
import type { Config, Protocol } from './kit/types';
import { protocolById, protocols } from './registry';

export type OpenedRun =
  | {
      readonly ok: true;
      readonly protocol: Protocol;
      readonly config: Config;
      readonly system: System;
      readonly run: RunSpec;
      readonly step: number;
    }
  | { readonly ok: false; readonly reason: string };

/** Checks a run's protocol, variant and config; builds its system. Never throws. */
export function openRun(run: RunSpec, step = run.choices.length): OpenedRun {
  const protocol = protocolById(run.protocol);
  if (protocol === undefined)
    return { ok: false, reason: `there is no protocol "${run.protocol}" (known: ${protocols.map((p) => p.id).join(', ')})` };
  if (!protocol.variants.some((v) => v.id === run.variant))
    return {
      ok: false,
      reason: `${protocol.title} has no variant "${run.variant}" (variants: ${protocol.variants.map((v) => v.id).join(', ')})`,
    };
  const checked = protocol.validate(run.config);
  if (!checked.ok) return { ok: false, reason: checked.problems.join('; ') };
  const system = protocol.build(checked.config, run.variant);
  return { ok: true, protocol, config: checked.config, system, run: { ...run, config: checked.config }, step };
}

/** The text after the last `#` of a link, or the whole text when it has none. */
export function frameText(link: string): string {
  const text = link.trim();
  const at = text.lastIndexOf('#');
  return at === -1 ? text : text.slice(at + 1);
}

/** Decodes a share link and opens its run. */
export function openLink(link: string): OpenedRun {
  const decoded = decodeFrame(frameText(link));
  if (!decoded.ok) return { ok: false, reason: `the link is damaged: ${decoded.reason}` };
  const { step, ...run } = decoded.frame;
  return openRun(run, step);
}

/** Replays an opened run to its end; an impossible choice becomes a reason naming its step. */
export function replayOpened(opened: Extract<OpenedRun, { ok: true }>): { ok: true; world: World } | { ok: false; reason: string } {
  const result = replay(opened.system, opened.run.seed, opened.run.choices);
  if (!result.ok) return { ok: false, reason: `step ${result.step} cannot happen: ${result.reason}` };
  return { ok: true, world: result.world };
}

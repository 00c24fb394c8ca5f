// Opening a run that came from outside (a share link, a file, the command line): every part is
// checked against the registry before anything runs, and every problem is one plain sentence.
import { decodeFrame, quoted, replay, type RunSpec, type World } from '../engine';
import { openRunOf, type OpenedRun } from './open-run-of';
import { protocolById, protocols } from './registry';

export type { OpenedRun };

/** Checks a run's protocol, variant and config; builds its system. Never throws. */
export function openRun(run: RunSpec, step = run.choices.length): OpenedRun {
  const protocol = protocolById(run.protocol);
  if (protocol === undefined)
    return { ok: false, reason: `there is no protocol ${quoted(run.protocol)} (known: ${protocols.map((p) => p.id).join(', ')})` };
  return openRunOf(protocol, run, step);
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

// Opening a run for a protocol already in hand: the variant and the config are checked, and every
// problem is one plain sentence. It imports no registry, so a page that loads one protocol does
// not pull in the others (see open-run.ts for opening by protocol id).
import { quoted, type RunSpec, type System } from '../engine';
import type { Config, Protocol } from './kit/types';

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

/** Checks a run against `protocol`: its id, variant and config; builds its system. Never throws. */
export function openRunOf(protocol: Protocol, run: RunSpec, step = run.choices.length): OpenedRun {
  if (run.protocol !== protocol.id) return { ok: false, reason: `it is for ${quoted(run.protocol)}, not ${protocol.title}` };
  if (!protocol.variants.some((v) => v.id === run.variant))
    return {
      ok: false,
      reason: `${protocol.title} has no variant ${quoted(run.variant)} (variants: ${protocol.variants.map((v) => v.id).join(', ')})`,
    };
  const checked = protocol.validate(run.config, run.variant);
  if (!checked.ok) return { ok: false, reason: checked.problems.join('; ') };
  const system = protocol.build(checked.config, run.variant);
  return { ok: true, protocol, config: checked.config, system, run: { ...run, config: checked.config }, step };
}

// Where a protocol's default model check starts (`Protocol.checking.prefix`, or the variant's own
// `checkingPrefix`), as exact choices for one variant and config. The CLI, the bench and the tests
// all start their searches here.
import type { Choice, FaultBudget, NodeId, System } from '../../engine';
import { ScenarioError } from './scenario';
import type { CheckingPrefix, Config, Protocol } from './types';

/** The steps the search for a variant starts after, if any: the variant's own, the config's, or the protocol's. */
export function checkingPrefix(protocol: Protocol, variant: string, config?: Config): CheckingPrefix | undefined {
  const own = protocol.variants.find((v) => v.id === variant)?.checkingPrefix;
  if (own !== undefined) return own;
  const derived = config === undefined ? undefined : protocol.checking.prefixFor?.(config);
  if (derived === null) return undefined;
  return derived ?? protocol.checking.prefix;
}

/** The depth and fault budget the search for a variant uses: the protocol's, with the variant's own laid over them. */
export function checkingBoundsOf(protocol: Protocol, variant: string): { readonly maxDepth: number; readonly budget: FaultBudget } {
  const own = protocol.variants.find((v) => v.id === variant)?.checkingBounds;
  return { maxDepth: own?.maxDepth ?? protocol.checking.maxDepth, budget: { ...protocol.checking.budget, ...own?.budget } };
}

export interface CheckingStart {
  /** The choices played before the search; empty to search from the beginning. */
  readonly choices: readonly Choice[];
  /** A few words for where the search starts, or null from the beginning. */
  readonly summary: string | null;
  /** Why the protocol's usual starting point was not used, as a sentence, or null. */
  readonly fallback: string | null;
}

/**
 * Where the search starts for this variant and config. A starting point that cannot be reached
 * with this config (its story names a node the config does not have) is never an error: the
 * search starts from the beginning, and `fallback` says why.
 */
export function checkingStartOf(protocol: Protocol, variant: string, config: Config): CheckingStart {
  const prefix = checkingPrefix(protocol, variant, config);
  if (prefix === undefined) return { choices: [], summary: null, fallback: null };
  const scenario = { id: 'checking-start', title: 'where the search starts', summary: prefix.summary, variant, config, steps: prefix.steps };
  try {
    return { choices: protocol.compileScenario(scenario).run.choices, summary: prefix.summary, fallback: null };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return {
      choices: [],
      summary: null,
      fallback: `the usual starting point (${prefix.summary}) cannot be reached with this config, so the search starts from the beginning`,
    };
  }
}

/** The choices of `checkingStartOf`. */
export function checkingStart(protocol: Protocol, variant: string, config: Config): readonly Choice[] {
  return checkingStartOf(protocol, variant, config).choices;
}

/** The nodes a default search may crash (`checking.crashRoles`), or undefined for every node. */
export function crashableNodes(protocol: Protocol, system: System): NodeId[] | undefined {
  const roles = protocol.checking.crashRoles;
  if (roles === undefined) return undefined;
  return system.nodes.flatMap((node, id) => (roles.includes(node.role) ? [id] : []));
}

// `defineProtocol`: the one place a protocol definition becomes the `Protocol` contract the UI,
// CLI and tests consume. Built systems are cached per (config, variant), so the adapters' memo
// tables survive between runs of the same configuration.
import { choiceLabel, faultBudget, quoted, type NodeId, type System, type World } from '../../engine';
import { buildSystem } from './build-system';
import { defaultConfig, networkOptions, validateConfig } from './config';
import type { DescribeNode, ProtocolDefinition, RoleDefinitions } from './definition';
import { activeStateIds, canonicalJson } from './machine-state';
import { narrate } from './narrate';
import { compileScenario } from './scenario';
import { describeStatechart } from './statechart';
import type { ConfigOption, ConfigResult, NodeDescription, Protocol } from './types';
import { machineState } from './world-query';

const systemCacheMax = 32;

/**
 * Bumped by `forgetBuiltSystems`: every protocol drops its cached systems, and with them the
 * adapters' memo tables, before its next build.
 */
let era = 0;

/**
 * Makes the next run of every protocol compute each transition afresh. The mutation runs call it
 * before each test: with the memo kept, only the first test to take a transition ran the
 * machine's code, so Stryker's per-test coverage credited that test alone with the code, and a
 * mutant it did not notice was scored "survived" though later tests would have failed.
 */
export function forgetBuiltSystems(): void {
  era += 1;
}

function checkDefinition(definition: ProtocolDefinition): void {
  if (definition.variants[0]?.id !== 'correct') throw new Error(`${definition.id}: the first variant must be "correct"`);
  const { describe } = definition;
  if (typeof describe !== 'function')
    for (const role of Object.keys(definition.roles))
      if (describe[role] === undefined) throw new Error(`${definition.id}: describe says nothing of role ${role}`);
  for (const variant of definition.variants)
    for (const role of Object.keys(variant.machines ?? {}))
      if (definition.roles[role] === undefined) throw new Error(`${definition.id}: variant ${variant.id} replaces unknown role ${role}`);
}

/**
 * Makes a protocol from its definition. Typed by the definition's options and roles: declare the
 * options `as const` and `topology` and the machines read them typed (`ConfigOf`); give
 * `describe` per role and each sees its machine's context.
 */
export function defineProtocol<const Options extends readonly ConfigOption[], Roles extends RoleDefinitions>(
  definition: ProtocolDefinition<Options, Roles>,
): Protocol;
export function defineProtocol(definition: ProtocolDefinition): Protocol {
  checkDefinition(definition);
  const options = [...definition.config, ...networkOptions];
  const systems = new Map<string, System>();
  let builtIn = era;
  const opPhrases = new Map(definition.clientOps.map((o) => [o.op, o.phrase]));
  const words = {
    describeMessage: definition.describeMessage,
    opPhrase: (op: string) => opPhrases.get(op) ?? quoted(op),
  };

  const protocol: Protocol = {
    id: definition.id,
    title: definition.title,
    summary: definition.summary,
    roles: Object.entries(definition.roles).map(([role, spec]) => ({
      role,
      title: spec.title,
      min: spec.min,
      max: spec.max,
      statechart: describeStatechart(spec.machine),
    })),
    config: options,
    variants: definition.variants.map(({ machines: _machines, clock: _clock, ...variant }) => variant),
    invariants: definition.invariants.map(({ id, description }) => ({ id, description })),
    conditions: definition.conditions.map(({ id, description }) => ({ id, description })),
    scenarios: definition.scenarios,
    explainer: definition.explainer,
    checking: {
      config: definition.checking?.config ?? {},
      ...(definition.checking?.prefix === undefined ? {} : { prefix: definition.checking.prefix }),
      ...(definition.checking?.prefixFor === undefined ? {} : { prefixFor: definition.checking.prefixFor }),
      maxDepth: definition.checking?.maxDepth ?? 12,
      budget: faultBudget(definition.checking?.budget ?? { crashes: 1, losses: 1 }),
      ...(definition.checking?.crashRoles === undefined ? {} : { crashRoles: definition.checking.crashRoles }),
    },
    costs: definition.costs ?? [],
    ...(definition.comparison === undefined ? {} : { comparison: definition.comparison }),
    defaults: () => defaultConfig(options),
    validate: (input, variant) => validate(definition, options, input, variant),
    build(config, variantId) {
      const checked = validate(definition, options, config, variantId);
      if (!checked.ok) throw new Error(`${definition.id}: bad config: ${checked.problems.join('; ')}`);
      const key = `${variantId}|${canonicalJson(checked.config)}`;
      if (builtIn !== era) {
        systems.clear();
        builtIn = era;
      }
      let system = systems.get(key);
      if (system === undefined) {
        system = buildSystem(definition, checked.config, variantId);
        if (systems.size >= systemCacheMax) systems.delete(systems.keys().next().value!);
        systems.set(key, system);
      }
      return system;
    },
    describe: (world, node) => describeNode(definition, world, node),
    describeMessage: definition.describeMessage,
    narrate: (world, event, detail = false) => narrate(world, event, words, detail),
    describeChoice: (world, choice) => choiceLabel(world, choice),
    activeStates: (world, node) => {
      const state = machineState(world, node);
      return state === null ? [] : activeStateIds(state.value);
    },
    compileScenario: (scenario) => compileScenario(protocol, scenario),
  };
  return protocol;
}

/** The options checked one by one, then the variant's pins applied, then the checks between options. */
function validate(
  definition: ProtocolDefinition,
  options: readonly ConfigOption[],
  input: { readonly [key: string]: unknown },
  variantId: string | undefined,
): ConfigResult {
  const pins = definition.variants.find((v) => v.id === variantId)?.config ?? {};
  const checked = validateConfig(options, { ...input, ...pins });
  if (!checked.ok) return checked;
  const problems = definition.crossCheck?.(checked.config) ?? [];
  return problems.length === 0 ? checked : { ok: false, problems };
}

function describeNode(definition: ProtocolDefinition, world: World, node: NodeId): NodeDescription {
  const spec = world.system.nodes[node];
  const record = world.nodes[node];
  if (spec === undefined || record === undefined) throw new Error(`there is no node ${node}`);
  const describe: DescribeNode = typeof definition.describe === 'function' ? definition.describe : definition.describe[spec.role]!;
  const described = describe({
    world,
    id: node,
    name: spec.name,
    role: spec.role,
    up: record.up,
    state: record.up ? machineState(world, node) : null,
    persisted: record.persisted,
  });
  return {
    name: spec.name,
    role: spec.role,
    label: record.up ? (described.label ?? record.label) : 'down',
    status: record.up ? described.status : 'down',
    fields: described.fields,
    facts: described.facts ?? [],
  };
}

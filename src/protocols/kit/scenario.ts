// The scenario compiler: plays a scenario's steps (written with node names and message picks)
// against the engine and records the exact choices, so a scenario becomes a `RunSpec` that
// replays identically anywhere. A step that cannot be resolved throws a `ScenarioError` naming
// the scenario and the step, so a broken tour fails its unit test, not a person's screen.
import { apply, ChoiceError, createWorld, next, type Choice, type Envelope, type NodeId, type World } from '../../engine';
import { afterDelay, timerTitle } from './events';
import type { CompiledScenario, MessagePick, Protocol, Scenario, ScenarioAction } from './types';

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** How many scheduler steps `settle` may take before the scenario is declared stuck. */
export const settleStepsMax = 5_000;

type Compiler = Pick<Protocol, 'id' | 'validate' | 'build'>;

/** The id of the node with this name; an unknown name is an error that lists the names there are. */
export function nodeId(world: World, name: string): NodeId {
  const id = world.system.nodes.findIndex((n) => n.name === name);
  if (id < 0) throw new Error(`there is no node named "${name}" (nodes: ${world.system.nodes.map((n) => n.name).join(', ')})`);
  return id;
}

function inDueOrder(messages: readonly Envelope[]): Envelope[] {
  return [...messages].sort((a, b) => a.deliverTick - b.deliverTick || a.id - b.id);
}

function pickMessage(world: World, pick: MessagePick): number {
  const from = pick.from === undefined ? undefined : nodeId(world, pick.from);
  const to = pick.to === undefined ? undefined : nodeId(world, pick.to);
  const found = inDueOrder(world.messages).find(
    (m) => (pick.type === undefined || m.body.type === pick.type) && (from === undefined || m.from === from) && (to === undefined || m.to === to),
  );
  if (found === undefined) {
    const inFlight = world.messages.map((m) => `${m.body.type} ${world.system.nodes[m.from]!.name}->${world.system.nodes[m.to]!.name}`);
    throw new Error(`no message in flight matches ${JSON.stringify(pick)} (in flight: ${inFlight.join(', ') || 'none'})`);
  }
  return found.id;
}

function pickTimer(world: World, node: string, timer: string | undefined): number {
  const id = nodeId(world, node);
  const found = [...world.timers]
    .sort((a, b) => a.dueTick - b.dueTick || a.id - b.id)
    .find((t) => t.node === id && (timer === undefined || t.name === timer || afterDelay(t.name) === timer || timerTitle(t.name) === timer));
  if (found === undefined) throw new Error(`${node} has no pending timer${timer === undefined ? '' : ` named "${timer}"`}`);
  return found.id;
}

function nextChoice(world: World): Choice {
  const choice = next(world);
  if (choice === null) throw new Error('nothing is pending, so the scheduler has no next step');
  return choice;
}

function matches(world: World, message: Envelope, pick: MessagePick): boolean {
  const name = (node: NodeId) => world.system.nodes[node]!.name;
  return (pick.type === undefined || message.body.type === pick.type) && (pick.from === undefined || name(message.from) === pick.from) && (pick.to === undefined || name(message.to) === pick.to);
}

/** Takes the default scheduler's choices until one delivers a message that matches the pick. */
function runUntil(start: World, pick: MessagePick, take: (choice: Choice) => World): void {
  let world = start;
  for (let steps = 0; steps < settleStepsMax; steps++) {
    const choice = nextChoice(world);
    const message = choice.type === 'deliver' ? world.messages.find((m) => m.id === choice.id) : undefined;
    world = take(choice);
    if (message !== undefined && matches(world, message, pick)) return;
  }
  throw new Error(`no message matching ${JSON.stringify(pick)} was delivered within ${settleStepsMax} steps`);
}

/** Plays one action, returning the world after it and the choices it took. */
function play(world: World, action: ScenarioAction): { world: World; choices: Choice[] } {
  const choices: Choice[] = [];
  const take = (choice: Choice) => {
    choices.push(choice);
    world = apply(world, choice);
    return world;
  };
  switch (action.do) {
    case 'client':
      take({ type: 'client', node: nodeId(world, action.node), op: action.op });
      break;
    case 'crash':
    case 'restart':
      take({ type: action.do, node: nodeId(world, action.node) });
      break;
    case 'deliver':
    case 'drop':
    case 'duplicate':
      take({ type: action.do, id: pickMessage(world, action.message) });
      break;
    case 'fire':
      take({ type: 'fire', id: pickTimer(world, action.node, action.timer) });
      break;
    case 'partition':
      take({ type: 'partition', groups: action.groups.map((g) => g.map((name) => nodeId(world, name))) });
      break;
    case 'heal':
      take({ type: 'heal' });
      break;
    case 'next':
      if (action.until !== undefined) runUntil(world, action.until, take);
      else for (let i = 0; i < (action.times ?? 1); i++) take(nextChoice(world));
      break;
    case 'settle':
      for (let choice = next(world); choice !== null; choice = next(world)) {
        if (choices.length >= settleStepsMax) throw new Error(`the run did not settle within ${settleStepsMax} steps`);
        take(choice);
      }
      break;
  }
  return { world, choices };
}

export interface PlayedScenario extends CompiledScenario {
  /** The world at the end of the scenario. */
  readonly world: World;
}

/** Compiles a scenario and keeps the final world (for tests and the CLI). */
export function playScenario(protocol: Compiler, scenario: Scenario): PlayedScenario {
  const where = `scenario "${scenario.id}" of ${protocol.id}`;
  const variant = scenario.variant ?? 'correct';
  const checked = protocol.validate(scenario.config ?? {}, variant);
  if (!checked.ok) throw new ScenarioError(`${where}: bad config: ${checked.problems.join('; ')}`);
  const seed = scenario.seed ?? 1;
  let world = createWorld(protocol.build(checked.config, variant), seed);
  const choices: Choice[] = [];
  const captions: { step: number; text: string }[] = [];
  scenario.steps.forEach((step, index) => {
    try {
      const played = play(world, step);
      world = played.world;
      choices.push(...played.choices);
    } catch (error) {
      const reason = error instanceof ChoiceError || error instanceof Error ? error.message : String(error);
      throw new ScenarioError(`${where}, step ${index + 1} (${JSON.stringify(stepAction(step))}): ${reason}`);
    }
    if (world.halted !== null) throw new ScenarioError(`${where}, step ${index + 1}: the run halted: ${world.halted}`);
    if (step.caption !== undefined) captions.push({ step: world.step, text: step.caption });
  });
  return { run: { protocol: protocol.id, variant, config: checked.config, seed, choices }, captions, world };
}

function stepAction(step: Scenario['steps'][number]): ScenarioAction {
  const { caption: _caption, ...action } = step;
  return action as ScenarioAction;
}

export function compileScenario(protocol: Compiler, scenario: Scenario): CompiledScenario {
  const { run, captions } = playScenario(protocol, scenario);
  return { run, captions };
}

// `fault-lines check`: the model checker on a protocol's small instance, or a wider one. A search
// is bounded by states and depth, and also by memory: it stops with a sentence before the heap
// runs out, and on a terminal it says every few seconds how far it has got.
import { checkWorld, ExploreError, faultBudgetText, faultKinds, frameUrl, quoted, timingWords, walkWorld, type Choice, type Config, type FaultBudget, type SearchProgress, type System, type Timing } from '../engine';
import { checkingBoundsOf, checkingStartOf, configFromText, crashableNodes } from '../protocols/kit';
import type { Protocol } from '../protocols/kit/types';
import { openRun, replayOpened } from '../protocols/open-run';
import { protocolById, protocols } from '../protocols/registry';
import { intOption, splitOnce, type Parsed } from './args';
import { choiceCount, narratedSteps } from './narration';
import type { Io } from './terminal';
import { UsageError } from './usage-error';

/** The most states `--max-states` accepts; memory stops most searches well before. */
export const MAX_STATES_MAX = 50_000_000;
/** The share of the heap a search may fill before it stops. */
const HEAP_SHARE_MAX = 0.8;
/** Random walks taken first when searching from the start, and the most steps in each. */
export const WALKS_FROM_START = 5_000;
export const WALK_STEPS = 40;
/** How often progress is printed on a terminal. */
const PROGRESS_EVERY_MS = 3_000;

/** The budget: one option per fault kind (`--crashes 1`), each defaulting to the protocol's. */
function readBudget(parsed: Parsed, defaults: FaultBudget): FaultBudget {
  const budget = { ...defaults };
  for (const { kind } of faultKinds) {
    const value = intOption(parsed, kind, defaults[kind], 0, 5);
    if (typeof value === 'string') throw new UsageError(value);
    budget[kind] = value;
  }
  return budget;
}

/** `--set` pairs, in an object with no prototype: "__proto__" is a key like any other (and unknown). */
function readSettings(parsed: Parsed): Record<string, string> {
  const settings = Object.create(null) as Record<string, string>;
  for (const pair of parsed.options.get('set') ?? []) {
    const [key, value] = splitOnce(pair, '=');
    if (value === undefined || key === '') throw new UsageError(`--set needs key=value, got ${quoted(pair)}`);
    settings[key] = value;
  }
  return settings;
}

function readConfig(protocol: Protocol, parsed: Parsed, variant: string): Config {
  const input = Object.assign(Object.create(null) as Record<string, unknown>, protocol.checking.config, configFromText(protocol.config, readSettings(parsed)));
  const checked = protocol.validate(input, variant);
  if (!checked.ok) throw new UsageError(checked.problems.join('; '));
  return checked.config;
}

/** The config as used: every option of the protocol itself, and network options that differ from their defaults. */
export function configWords(protocol: Protocol, config: Config): string {
  const defaults = protocol.defaults();
  const own = new Set(protocol.config.filter((o) => !/^(latencyTicks|lossPercent|duplicationPercent)/.test(o.key)).map((o) => o.key));
  const shown = Object.entries(config).filter(([key, value]) => own.has(key) || defaults[key] !== value);
  return shown.map(([key, value]) => `${key}=${String(value)}`).join(', ');
}

/** Stops the search when memory runs short; prints progress every few seconds on a terminal. */
function watcher(io: Io): (progress: SearchProgress) => string | null {
  const clock = io.clock ?? (() => 0);
  const started = clock();
  let printed = started;
  return ({ distinctStates, depth, frontier }) => {
    const now = clock();
    if (io.terminal === true && now - printed >= PROGRESS_EVERY_MS) {
      printed = now;
      const rate = Math.round(distinctStates / Math.max(0.001, (now - started) / 1000));
      io.err.write(`  … ${distinctStates.toLocaleString('en-US')} distinct states, depth ${depth} (${frontier.toLocaleString('en-US')} waiting), ${rate.toLocaleString('en-US')} states/s\n`);
    }
    const memory = io.memory?.();
    if (memory === undefined || memory.usedBytes < HEAP_SHARE_MAX * memory.limitBytes) return null;
    const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
    return `memory is nearly full (${gb(memory.usedBytes)} of ${gb(memory.limitBytes)} GB) at ${distinctStates.toLocaleString('en-US')} states; lower --depth or --max-states, or give Node more memory (NODE_OPTIONS=--max-old-space-size=8192)`;
  };
}

interface CheckSetup {
  readonly protocol: Protocol;
  readonly variant: string;
  readonly config: Config;
  readonly depth: number;
  readonly maxStates: number;
  readonly budget: FaultBudget;
  /** Random walks before the breadth-first search: by default only from the start, where it cannot reach deep. */
  readonly walks: number;
  /** Follow the clock (`--timed`, `--max-delay N`), or null to ignore due times. */
  readonly timing: Timing | null;
}

/** `--timed` follows the clock on an asynchronous network; `--max-delay N` also bounds how late a message may be. */
function readTiming(parsed: Parsed): Timing | null {
  const maxDelay = intOption(parsed, 'max-delay', -1, 0, 100_000);
  if (typeof maxDelay === 'string') throw new UsageError(maxDelay);
  if (maxDelay >= 0) return { maxDelay };
  return parsed.options.has('timed') ? { maxDelay: null } : null;
}

/** `--target ID`: one invariant or condition to look for, by its id; the protocol's rules are listed when it has none such. */
function readTarget(parsed: Parsed, system: System): { id: string; condition: boolean } | null {
  const id = parsed.options.get('target')?.at(-1);
  if (id === undefined) return null;
  if (system.invariants.some((r) => r.id === id)) return { id, condition: false };
  if (system.conditions.some((r) => r.id === id)) return { id, condition: true };
  const ids = (rules: readonly { id: string }[]) => rules.map((r) => r.id).join(', ');
  throw new UsageError(`there is no invariant or condition ${quoted(id)} (invariants: ${ids(system.invariants)}; conditions: ${ids(system.conditions)})`);
}

function setUp(parsed: Parsed): CheckSetup {
  const protocolId = parsed.positional[1];
  if (protocolId === undefined) throw new UsageError('check needs a protocol id (see `fault-lines list`)');
  const protocol = protocolById(protocolId);
  if (protocol === undefined) throw new UsageError(`there is no protocol ${quoted(protocolId)} (known: ${protocols.map((p) => p.id).join(', ')})`);
  const variant = parsed.options.get('variant')?.at(-1) ?? 'correct';
  if (!protocol.variants.some((v) => v.id === variant))
    throw new UsageError(`${protocol.title} has no variant ${quoted(variant)} (variants: ${protocol.variants.map((v) => v.id).join(', ')})`);
  const config = readConfig(protocol, parsed, variant);
  const bounds = checkingBoundsOf(protocol, variant);
  const depth = intOption(parsed, 'depth', bounds.maxDepth, 1, 200);
  const maxStates = intOption(parsed, 'max-states', 3_000_000, 1, MAX_STATES_MAX);
  if (typeof depth === 'string') throw new UsageError(depth);
  if (typeof maxStates === 'string') throw new UsageError(maxStates);
  const walks = intOption(parsed, 'walks', parsed.options.has('from-start') ? WALKS_FROM_START : 0, 0, 1_000_000);
  if (typeof walks === 'string') throw new UsageError(walks);
  return { protocol, variant, config, depth, maxStates, budget: readBudget(parsed, bounds.budget), walks, timing: readTiming(parsed) };
}

type Opened = Extract<ReturnType<typeof openRun>, { ok: true }>;

/** The broken rule, how the run was found, the run as narrated steps, and its share link. */
function report(io: Io, parsed: Parsed, opened: Opened, found: { rule: string; message: string; choices: readonly Choice[] }, how: string, reached: boolean): number {
  const print = (lines: readonly string[]) => io.out.write(`${lines.join('\n')}\n`);
  const reopened = openRun({ ...opened.run, choices: found.choices });
  const played = reopened.ok ? replayOpened(reopened) : null;
  print([`${reached ? 'reached' : 'violation of'} ${found.rule}: ${found.message}`, how, '']);
  if (played?.ok) print(narratedSteps(opened.protocol, played.world));
  const base = parsed.options.get('base')?.at(-1) ?? 'http://localhost:5173/';
  print(['', `share link: ${frameUrl(`${base}${opened.protocol.id}.html`, { ...opened.run, choices: found.choices, step: found.choices.length })}`]);
  return 1;
}

const thousands = (n: number) => n.toLocaleString('en-US');

export function check(io: Io, parsed: Parsed): number {
  const { protocol, variant, config, depth, maxStates, budget, walks, timing } = setUp(parsed);
  const seed = 1;
  const opened = openRun({ protocol: protocol.id, variant, config, seed, choices: [] });
  if (!opened.ok) throw new UsageError(opened.reason);
  const target = readTarget(parsed, opened.system);
  const reached = target?.condition === true;
  const crashable = crashableNodes(protocol, opened.system);
  const which = crashable === undefined ? '' : ` (crashing only ${crashable.map((id) => opened.system.nodes[id]!.name).join(' and ')})`;
  io.err.write(`checking ${protocol.id} (${variant}) with ${configWords(protocol, config)}, to depth ${depth}, at most ${faultBudgetText(budget)}${which} per run…\n`);
  io.err.write(`${timingWords(timing)}\n`);
  if (target !== null) io.err.write(`looking for ${target.condition ? 'a state where' : 'a breach of'} ${target.id}\n`);
  const start = parsed.options.has('from-start') ? { choices: [], summary: null, fallback: null } : checkingStartOf(protocol, variant, config);
  if (start.summary !== null) io.err.write(`starting from: ${start.summary} (${choiceCount(start.choices)}; --from-start to search from the beginning)\n`);
  if (start.fallback !== null) io.err.write(`starting from the beginning: ${start.fallback}\n`);
  const prefix = start.choices;
  const steps = (choices: readonly Choice[]) => `${choiceCount(choices)}${prefix.length === 0 ? '' : `: ${prefix.length} starting steps, then ${choices.length - prefix.length} found by the search`}`;
  const options = { budget, prefix, ...(crashable === undefined ? {} : { crashable }), ...(timing === null ? {} : { timed: timing }), ...(target === null ? {} : { target: target.id }) };
  let walked = '';
  try {
    if (walks > 0) {
      const result = walkWorld(opened.system, seed, { ...options, walks, steps: WALK_STEPS });
      if (result.kind === 'violation') {
        const how = `run found by random walk ${thousands(result.walk)} of ${thousands(walks)}: ${steps(result.choices)}, shrunk from ${result.walkedSteps + prefix.length} (not always the shortest; --walks 0 for the breadth-first search alone)`;
        return report(io, parsed, opened, result, how, reached);
      }
      walked = `random walks: ${thousands(walks)} walks of up to ${WALK_STEPS} steps, none broke a rule; then breadth-first:\n`;
    }
    const result = checkWorld(opened.system, seed, { ...options, maxDepth: depth, maxStates, onProgress: watcher(io) });
    if (result.kind === 'violation') return report(io, parsed, opened, result, `${walked === '' ? '' : 'breadth-first: '}shortest run: ${steps(result.choices)} (${result.distinctStates} distinct states searched)`, reached);
    const bounded = result.exhaustive ? '' : ` (not exhaustive: ${result.stoppedBy})`;
    const nothing = target === null ? 'no violation' : reached ? `no run reaches ${target.id}` : `no breach of ${target.id}`;
    io.out.write(`${walked}${nothing} within bounds: ${result.distinctStates} distinct states, depth ${result.depth}${bounded}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExploreError) throw new UsageError(error.message);
    throw error;
  }
}

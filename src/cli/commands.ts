// The three commands: list, run, check. Each returns its exit code: 0 fine, 1 a violation was
// found (check), 2 bad input.
import { existsSync, readFileSync } from 'node:fs';
import { checkWorld, ExploreError, faultBudgetText, faultKinds, frameUrl, type FaultBudget } from '../engine';
import { checkingPrefix, checkingStart, configFromText } from '../protocols/kit';
import { openLink, openRun, replayOpened, type OpenedRun } from '../protocols/open-run';
import { protocolById, protocols } from '../protocols/registry';
import { intOption, splitOnce, type Parsed } from './args';
import { choiceCount, narratedSteps, ruleSummary } from './narration';

export interface Io {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

export class UsageError extends Error {}

const print = (io: Io, lines: readonly string[]) => io.out.write(`${lines.join('\n')}\n`);

export function list(io: Io): number {
  for (const p of protocols) {
    print(io, [`${p.id} — ${p.title}`, `  ${p.summary}`, '  variants:']);
    print(io, p.variants.map((v) => `    ${v.id.padEnd(24)} ${v.explanation}`));
    print(io, ['  scenarios:', ...p.scenarios.map((s) => `    ${p.id}/${s.id.padEnd(36)} ${s.title}`), '']);
  }
  return 0;
}

function openTarget(target: string): { opened: OpenedRun; captions: Map<number, string> } {
  const [protocolId, scenarioId] = splitOnce(target, '/');
  const protocol = protocolById(protocolId);
  const scenario = protocol?.scenarios.find((s) => s.id === scenarioId);
  if (protocol !== undefined && scenario !== undefined) {
    const compiled = protocol.compileScenario(scenario);
    return { opened: openRun(compiled.run), captions: new Map(compiled.captions.map((c) => [c.step, c.text])) };
  }
  const text = existsSync(target) ? readFileSync(target, 'utf8') : target;
  return { opened: openLink(text), captions: new Map() };
}

export function run(io: Io, parsed: Parsed): number {
  const target = parsed.positional[1];
  if (target === undefined) throw new UsageError('run needs a share link, a file holding one, or <protocol>/<scenario>');
  const { opened, captions } = openTarget(target);
  if (!opened.ok) {
    io.err.write(`fault-lines: ${opened.reason}\n`);
    return 2;
  }
  const played = replayOpened(opened);
  if (!played.ok) {
    io.err.write(`fault-lines: ${played.reason}\n`);
    return 2;
  }
  const { protocol, run: spec } = opened;
  print(io, [`${protocol.title}, variant ${spec.variant}, seed ${spec.seed}, ${choiceCount(spec.choices)}`, '']);
  print(io, [...narratedSteps(protocol, played.world, captions), '', ...ruleSummary(played.world)]);
  return 0;
}

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

function readConfig(parsed: Parsed): Record<string, string> {
  const config: Record<string, string> = {};
  for (const pair of parsed.options.get('set') ?? []) {
    const [key, value] = splitOnce(pair, '=');
    if (value === undefined || key === '') throw new UsageError(`--set needs key=value, got "${pair}"`);
    config[key] = value;
  }
  return config;
}

export function check(io: Io, parsed: Parsed): number {
  const protocolId = parsed.positional[1];
  if (protocolId === undefined) throw new UsageError('check needs a protocol id (see `fault-lines list`)');
  const protocol = protocolById(protocolId);
  if (protocol === undefined) throw new UsageError(`there is no protocol "${protocolId}" (known: ${protocols.map((p) => p.id).join(', ')})`);
  const variant = parsed.options.get('variant')?.at(-1) ?? 'correct';
  const checked = protocol.validate({ ...protocol.checking.config, ...configFromText(protocol.config, readConfig(parsed)) }, variant);
  if (!checked.ok) throw new UsageError(checked.problems.join('; '));
  const config = checked.config;
  const depth = intOption(parsed, 'depth', protocol.checking.maxDepth, 1, 200);
  const maxStates = intOption(parsed, 'max-states', 3_000_000, 1, 50_000_000);
  if (typeof depth === 'string') throw new UsageError(depth);
  if (typeof maxStates === 'string') throw new UsageError(maxStates);
  const seed = 1;
  const opened = openRun({ protocol: protocol.id, variant, config, seed, choices: [] });
  if (!opened.ok) throw new UsageError(opened.reason);
  const budget = readBudget(parsed, protocol.checking.budget);
  const changed = Object.entries(config).filter(([key, value]) => protocol.defaults()[key] !== value);
  const setting = changed.length === 0 ? '' : ` with ${changed.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`;
  io.err.write(`checking ${protocol.id} (${variant})${setting}, to depth ${depth}, at most ${faultBudgetText(budget)} per run…\n`);
  const prefix = parsed.options.has('from-start') ? [] : checkingStart(protocol, variant, config);
  if (prefix.length > 0) io.err.write(`starting from: ${checkingPrefix(protocol, variant)!.summary} (${choiceCount(prefix)}; --from-start to search from the beginning)\n`);
  let result;
  try {
    result = checkWorld(opened.system, seed, { maxDepth: depth, maxStates, budget, prefix });
  } catch (error) {
    if (error instanceof ExploreError) throw new UsageError(error.message);
    throw error;
  }
  if (result.kind === 'none') {
    const bounded = result.exhaustive ? '' : ` (not exhaustive: ${result.stoppedBy})`;
    print(io, [`no violation within bounds: ${result.distinctStates} distinct states, depth ${result.depth}${bounded}`]);
    return 0;
  }
  const reopened = openRun({ ...opened.run, choices: result.choices });
  const played = reopened.ok ? replayOpened(reopened) : null;
  const found = prefix.length === 0 ? '' : `: ${prefix.length} starting steps, then ${result.choices.length - prefix.length} found by the search`;
  print(io, [`violation of ${result.rule}: ${result.message}`, `shortest run: ${choiceCount(result.choices)}${found} (${result.distinctStates} distinct states searched)`, '']);
  if (played?.ok) print(io, narratedSteps(protocol, played.world));
  const base = parsed.options.get('base')?.at(-1) ?? 'http://localhost:5173/';
  print(io, ['', `share link: ${frameUrl(`${base}${protocol.id}.html`, { ...opened.run, choices: result.choices, step: result.choices.length })}`]);
  return 1;
}

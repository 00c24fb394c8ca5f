// Typed configuration: defaults, validation with the option's own message, and the network
// options every protocol shares (defined once here, carried into `System.network`).
import { defaultNetwork, networkProblem, quoted, shortText, type NetworkOptions } from '../../engine';
import type { Config, ConfigOption, ConfigResult, ConfigValue } from './types';

export const networkOptions: readonly ConfigOption[] = [
  {
    key: 'latencyTicksMin',
    label: 'Fastest delivery (ticks)',
    help: 'The fewest ticks a message spends in flight.',
    kind: 'int',
    default: defaultNetwork.latencyTicksMin,
    min: 1,
    max: 1000,
    message: '1 to 1000 ticks',
  },
  {
    key: 'latencyTicksMax',
    label: 'Slowest delivery (ticks)',
    help: 'The most ticks a message spends in flight.',
    kind: 'int',
    default: defaultNetwork.latencyTicksMax,
    min: 1,
    max: 1000,
    message: '1 to 1000 ticks',
  },
  {
    key: 'lossPercent',
    label: 'Message loss (%)',
    help: 'The chance that the network loses a message on its own.',
    kind: 'int',
    default: defaultNetwork.lossPercent,
    min: 0,
    max: 100,
    message: '0 to 100 percent',
  },
  {
    key: 'duplicationPercent',
    label: 'Message duplication (%)',
    help: 'The chance that the network delivers a message twice.',
    kind: 'int',
    default: defaultNetwork.duplicationPercent,
    min: 0,
    max: 100,
    message: '0 to 100 percent',
  },
];

export function defaultConfig(options: readonly ConfigOption[]): Config {
  return Object.fromEntries(options.map((o) => [o.key, o.default]));
}

function problemWith(option: ConfigOption, value: unknown): string | null {
  const got = `got ${typeof value === 'string' ? quoted(value) : shortText(JSON.stringify(value) ?? String(value))}`;
  switch (option.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${option.key}: a whole number is needed (${option.message}), ${got}`;
      if (value < option.min || value > option.max) return `${option.key}: ${option.message}, ${got}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${option.key}: true or false, ${got}`;
    case 'enum':
      return typeof value === 'string' && option.values.includes(value) ? null : `${option.key}: ${option.message}, ${got}`;
  }
}

/**
 * Checks any input (a form, a link, the CLI) against the options. Missing keys take their
 * defaults; unknown keys and values of the wrong type or out of range are reported, every one.
 */
export function validateConfig(options: readonly ConfigOption[], input: { readonly [key: string]: unknown }): ConfigResult {
  const problems: string[] = [];
  const config: Record<string, ConfigValue> = {};
  const known = new Set(options.map((o) => o.key));
  // The known options are listed once, however many unknown keys a (damaged) link holds.
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length > 0)
    problems.push(
      `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 3).map((key) => quoted(key)).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''} (known options: ${[...known].join(', ')})`,
    );
  for (const option of options) {
    const value = Object.hasOwn(input, option.key) ? input[option.key] : option.default;
    const problem = problemWith(option, value);
    if (problem === null) config[option.key] = value as ConfigValue;
    else problems.push(problem);
  }
  if (problems.length === 0 && known.has('latencyTicksMin')) {
    const network = networkProblem(networkFromConfig(config));
    if (network !== null) problems.push(network);
  }
  return problems.length === 0 ? { ok: true, config } : { ok: false, problems };
}

/**
 * Reads option values typed as text (`--set participants=4`, a form field) into typed values.
 * The result has no prototype, so a key such as "__proto__" stays an ordinary (unknown) key that
 * validation refuses, instead of vanishing into the prototype.
 */
export function configFromText(options: readonly ConfigOption[], text: { readonly [key: string]: string }): { [key: string]: unknown } {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, raw] of Object.entries(text)) {
    const option = options.find((o) => o.key === key);
    const trimmed = raw.trim();
    if (option?.kind === 'int' && /^-?\d+$/.test(trimmed)) out[key] = Number(trimmed);
    else if (option?.kind === 'boolean' && (trimmed === 'true' || trimmed === 'false')) out[key] = trimmed === 'true';
    else out[key] = raw;
  }
  return out;
}

/** The network part of a validated config. */
export function networkFromConfig(config: Config): NetworkOptions {
  const int = (key: keyof NetworkOptions): number =>
    typeof config[key] === 'number' ? (config[key] as number) : defaultNetwork[key];
  return {
    latencyTicksMin: int('latencyTicksMin'),
    latencyTicksMax: int('latencyTicksMax'),
    lossPercent: int('lossPercent'),
    duplicationPercent: int('duplicationPercent'),
  };
}

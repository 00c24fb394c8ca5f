// The grid of small configs of a protocol, for tests that must hold for every config a person
// can choose: every value of a narrow option (how many nodes), the ends and the default of a
// wide one (a timeout), both booleans, every enum value; the shared network options one at a
// time at their ends, since they do not change which nodes there are. A protocol with so many
// options that their product would not fit in a test varies each one alone instead.
import { networkOptions } from '../kit/config';
import type { Config, ConfigOption, ConfigValue, Protocol } from '../kit/types';

const NARROW_VALUES_MAX = 8;
/**
 * Above this many combinations (a protocol with many options), each option varies alone from the
 * defaults. Each config costs a compiled starting point and a cold build per variant: multi-region
 * Kafka's 540 combinations took over a minute.
 */
const GRID_MAX = 300;

function valuesOf(option: ConfigOption): ConfigValue[] {
  switch (option.kind) {
    case 'int':
      if (option.max - option.min < NARROW_VALUES_MAX) return Array.from({ length: option.max - option.min + 1 }, (_, i) => option.min + i);
      return [...new Set([option.min, option.default, option.max])];
    case 'boolean':
      return [false, true];
    case 'enum':
      return [...option.values];
  }
}

/** Every valid config of the grid. */
export function configGrid(protocol: Protocol): Config[] {
  const network = new Set(networkOptions.map((o) => o.key));
  const own = protocol.config.filter((o) => !network.has(o.key));
  const size = own.reduce((product, option) => product * valuesOf(option).length, 1);
  let grid: Record<string, ConfigValue>[] = [{}];
  if (size <= GRID_MAX)
    for (const option of own) grid = grid.flatMap((partial) => valuesOf(option).map((value) => ({ ...partial, [option.key]: value })));
  else grid = [{}, ...own.flatMap((option) => valuesOf(option).map((value) => ({ [option.key]: value })))];
  const oneAtATime = protocol.config
    .filter((o) => network.has(o.key))
    .flatMap((option) => valuesOf(option).map((value) => ({ [option.key]: value })));
  const configs: Config[] = [];
  for (const input of [...grid, ...oneAtATime]) {
    const checked = protocol.validate(input);
    if (checked.ok) configs.push(checked.config);
  }
  return configs;
}

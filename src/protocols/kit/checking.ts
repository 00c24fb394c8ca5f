// Where a protocol's default model check starts (`Protocol.checking.prefix`, or the variant's own
// `checkingPrefix`), as exact choices for one variant and config. The CLI, the bench and the tests
// all start their searches here.
import type { Choice } from '../../engine';
import type { CheckingPrefix, Config, Protocol } from './types';

/** The steps the search for a variant starts after, if any. */
export function checkingPrefix(protocol: Protocol, variant: string): CheckingPrefix | undefined {
  return protocol.variants.find((v) => v.id === variant)?.checkingPrefix ?? protocol.checking.prefix;
}

export function checkingStart(protocol: Protocol, variant: string, config: Config): readonly Choice[] {
  const prefix = checkingPrefix(protocol, variant);
  if (prefix === undefined) return [];
  const scenario = { id: 'checking-start', title: 'where the search starts', summary: prefix.summary, variant, config, steps: prefix.steps };
  return protocol.compileScenario(scenario).run.choices;
}

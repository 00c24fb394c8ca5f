// Where a protocol's default model check starts (`Protocol.checking.prefix`), as exact choices for
// one variant and config. The CLI, the bench and the tests all start their searches here.
import type { Choice } from '../../engine';
import type { Config, Protocol } from './types';

export function checkingStart(protocol: Protocol, variant: string, config: Config): readonly Choice[] {
  const prefix = protocol.checking.prefix;
  if (prefix === undefined) return [];
  const scenario = { id: 'checking-start', title: 'where the search starts', summary: prefix.summary, variant, config, steps: prefix.steps };
  return protocol.compileScenario(scenario).run.choices;
}

// The timed search (src/engine/explore/timed.ts) beside the untimed one, on the protocol whose
// safety rests on time: Kafka's consumer group, looking for a live consumer the broker removes
// (the `zombie` condition) with no fault allowed. Untimed, the session timer fires early and the
// search finds one at once; timed, with messages at most 20 ticks late, there is none, and the
// figure is how fast the timed search covers the states to depth 16.
import { checkWorld, type Timing } from '../../src/engine';
import { checkingStart } from '../../src/protocols/kit';
import { protocolById } from '../../src/protocols/registry';
import type { Figure } from './figure';

const kafka = protocolById('kafka-consumer-offsets')!;

function search(timed: Timing | undefined, maxDepth: number): Figure {
  const checked = kafka.validate(kafka.checking.config, 'correct');
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const system = kafka.build(checked.config, 'correct');
  const prefix = checkingStart(kafka, 'correct', checked.config);
  const options = { maxDepth, budget: { crashes: 0, losses: 0 }, prefix, target: 'zombie', maxStates: 2_000_000, ...(timed === undefined ? {} : { timed }) };
  const started = performance.now();
  const result = checkWorld(system, 1, options);
  const seconds = (performance.now() - started) / 1000;
  const steps = result.kind === 'violation' ? result.choices.length - prefix.length : 0;
  const found = result.kind === 'violation' ? `a zombie in ${steps} step${steps === 1 ? '' : 's'}` : `no zombie to depth ${maxDepth}`;
  const how = timed === undefined ? 'untimed' : `timed, at most ${timed.maxDelay} ticks late`;
  const note = `${found}, ${result.distinctStates.toLocaleString('en-US')} states in ${seconds.toFixed(1)} s`;
  // A search that stops at once has no rate worth printing: its figure is how little it searched.
  if (seconds < 0.5) return { name: `Kafka consumer group, ${how}, no faults: states searched`, value: result.distinctStates, unit: 'states', note };
  return { name: `Kafka consumer group, ${how}, no faults: checker`, value: Math.round(result.distinctStates / seconds), unit: 'states/s', note };
}

export function timedFigures(): Figure[] {
  return [search(undefined, 16), search({ maxDelay: 20 }, 16)];
}

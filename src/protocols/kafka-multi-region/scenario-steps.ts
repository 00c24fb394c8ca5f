// Steps the multi-region scenarios share.
import type { ScenarioStep } from '../kit';

/** A client in the region produces its next record: the region's cluster appends it. */
export function produce(region: 'A' | 'B', caption?: string): ScenarioStep[] {
  const step: ScenarioStep = { do: 'client', node: region, op: 'produce' };
  return [caption === undefined ? step : { ...step, caption }];
}

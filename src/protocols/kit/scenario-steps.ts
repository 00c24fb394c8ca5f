// Shorthands for writing scenarios, so a story reads as the messages it moves.
import type { ScenarioStep } from './types';

/** Deliver the first message in flight of this type from one node to another. */
export function deliver(type: string, from: string, to: string, caption?: string): ScenarioStep {
  const step: ScenarioStep = { do: 'deliver', message: { type, from, to } };
  return caption === undefined ? step : { ...step, caption };
}

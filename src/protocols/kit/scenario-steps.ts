// Shorthands for writing scenarios, so a story reads as the messages it moves.
import type { ScenarioStep } from './types';

/** Deliver the first message in flight of this type from one node to another. */
export function deliver(type: string, from: string, to: string, caption?: string): ScenarioStep {
  const step: ScenarioStep = { do: 'deliver', message: { type, from, to } };
  return caption === undefined ? step : { ...step, caption };
}

/** Let the default scheduler run, every timer in its turn, until it delivers the first such message. */
export function runUntil(type: string, from: string, to: string, caption?: string): ScenarioStep {
  const step: ScenarioStep = { do: 'next', until: { type, from, to } };
  return caption === undefined ? step : { ...step, caption };
}

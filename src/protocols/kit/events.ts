// How engine events become machine events. The naming is a convention every machine follows:
//   a message       -> { ...body, from }   (message types are UPPER CASE: "PREPARE", "VOTE")
//   a timer         -> { type: name }      (timer names are lower case: "resend", "query")
//   a client op     -> { type: op }        (ops are lower case with dashes: "begin", "vote-no")
// XState's `after` delays become engine timers named by the raised event's type
// ("xstate.after.voteTimeout.coordinator.preparing"), so when the engine fires one the machine
// receives exactly the event it scheduled.
import type { NodeEvent, NodeId } from '../../engine';

export type MachineEvent = { readonly type: string; readonly from?: NodeId; readonly [field: string]: unknown };

export function toMachineEvent(event: NodeEvent): MachineEvent {
  switch (event.kind) {
    case 'message':
      return { ...event.body, from: event.from };
    case 'timer':
      return { type: event.name };
    case 'client':
      return { type: event.op };
  }
}

const AFTER = 'xstate.after.';

/** The delay part of an `after` timer's name ("voteTimeout", "40"), or null for other timers. */
export function afterDelay(name: string): string | null {
  if (!name.startsWith(AFTER)) return null;
  const rest = name.slice(AFTER.length);
  const dot = rest.indexOf('.');
  return dot < 0 ? rest : rest.slice(0, dot);
}

/**
 * A timer's name for people: "resend", "vote timeout" (from `voteTimeout`), "40-tick" (for
 * `after: { 40: ... }`). Only the camel-case joins become spaces and lower case, so names of
 * nodes and operations inside it keep their case ("wait.C1.3").
 */
export function timerTitle(name: string): string {
  const delay = afterDelay(name) ?? name;
  if (/^\d+$/.test(delay)) return `${delay}-tick`;
  return delay.replace(/([a-z0-9])([A-Z])(?=[a-z])/g, (_, before: string, capital: string) => `${before} ${capital.toLowerCase()}`);
}

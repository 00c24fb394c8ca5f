// What `fault-lines check kafka-multi-region` searches by default. Each region's replicator and
// consumer poll on timers for ever, so a search from the very start spends its depth copying
// records around; each search starts where the lesson is within reach instead, as a model
// checker's initial-state predicate would.
//
// The correct protocol starts at a failover under way: the regions were cut apart while each
// produced, CA has written a1 a2 a3, and region B has just claimed the writer role. The search
// then tries every order of the takeover, the copies and the writes, with a crash and a loss.
// Each operator mistake runs under the arrangement it belongs to (its config pins, variants.ts)
// and its search starts from where it bites.
import { runUntil, type CheckingPrefix } from '../kit';
import type { CheckingDefinition } from '../kit/definition';
import { cutApart, noFencing, thenFailover } from './scenarios';

const failingOver = [
  ...cutApart,
  runUntil('OUTPUT_OK', 'database', 'CA'),
  { do: 'client' as const, node: 'coordinator', op: 'fail-over' },
  runUntil('CLAIMED', 'database', 'CB'),
];

/** The mistakes need no fault: their starts have set the scene. */
export const noFaults = { crashes: 0, losses: 0 };

export const checking: CheckingDefinition = {
  config: { maxPollRecords: 1 },
  prefix: { summary: 'the regions were cut apart while each produced; CA wrote its records; region B has just claimed the writer role', steps: failingOver },
  maxDepth: 7,
  budget: { crashes: 1, losses: 1 },
};

// Where each operator mistake's search starts (variants.ts): where it bites.
export const reuseOffsetStart: CheckingPrefix = { summary: 'region A shipped a checkpoint to region B, then CA did one more record', steps: thenFailover.slice(0, -4) };
export const noWriterFencingStart: CheckingPrefix = {
  summary: 'after a failover to region B, CA (which never heard of it) has written a2 with epoch 1',
  steps: noFencing.steps.slice(0, -1),
};

import { describe, expect, it } from 'vitest';
import { apply, checkWorld, replay, type Choice, type System, type Timing } from '../../engine';
import { checkingStart, type Config } from '../kit';
import { kafkaConsumerOffsets as kafka } from './index';

// A consumer group's safety rests on time: the consumer heartbeats every 30 ticks, the broker
// removes it after 100 silent ticks. A search that ignores due times lets the broker's session
// timer fire while heartbeats are still on their way, and finds "zombies" no clock allows. The
// timed search follows the clock, so a live consumer is removed only when its heartbeats are
// lost, or later than the session allows.
const config = (() => {
  const result = kafka.validate(kafka.checking.config, 'correct');
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config as Config;
})();
const system: System = kafka.build(config, 'correct');
const prefix = checkingStart(kafka, 'correct', config);
const noFaults = { crashes: 0, losses: 0 };

const search = (budget: object, timed?: Timing, maxDepth = 8) => checkWorld(system, 1, { maxDepth, budget, prefix, target: 'zombie', ...(timed === undefined ? {} : { timed }) });

/** The timers in a run that fired while another timer, due sooner, still waited. */
function timersOutOfOrder(choices: readonly Choice[]): string[] {
  let world = replay(system, 1, prefix).world;
  const out: string[] = [];
  for (const choice of choices.slice(prefix.length)) {
    if (choice.type === 'fire') {
      const timer = world.timers.find((t) => t.id === choice.id)!;
      if (world.timers.some((t) => t.dueTick < timer.dueTick)) out.push(timer.name);
    }
    world = apply(world, choice);
  }
  return out;
}

describe('the timed search on a Kafka consumer group', () => {
  it('ignoring due times, finds the broker removing a consumer whose heartbeat timer is due sooner, with no fault at all', () => {
    const found = search(noFaults);
    expect(found.kind).toBe('violation');
    if (found.kind !== 'violation') return;
    expect(found.message).toMatch(/C1 still works on p0 .* but the group has removed it/);
    expect(timersOutOfOrder(found.choices)).toEqual(['session.C1']);
  });

  it('following the clock, with messages at most 20 ticks late, never removes a live consumer without a fault', () => {
    const result = search(noFaults, { maxDelay: 20 }, 12);
    expect(result.kind).toBe('none');
  });

  it('following the clock, finds the zombie once heartbeats can be lost, firing every timer in its order', () => {
    const found = search({ crashes: 0, losses: 3 }, { maxDelay: 20 }, 14);
    expect(found.kind).toBe('violation');
    if (found.kind !== 'violation') return;
    expect(found.choices.filter((c) => c.type === 'drop').length).toBeGreaterThan(0);
    expect(timersOutOfOrder(found.choices)).toEqual([]);
    expect(replay(system, 1, found.choices).world.conditions['zombie']).toBeDefined();
  });

  it('on an asynchronous network, lets a heartbeat arrive later than the session allows', () => {
    const found = search(noFaults, { maxDelay: null });
    expect(found.kind).toBe('violation');
    if (found.kind !== 'violation') return;
    expect(timersOutOfOrder(found.choices)).toEqual([]);
  });
});

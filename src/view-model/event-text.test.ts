import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline-model';
import { describeArrow, describeEvent, describeStep, messageButtonLabel } from './event-text';
import { firstInFlight, pingNames, runWith, start } from './testing/runs';

describe('plain-text details', () => {
  it('describes a delivery with the message in the protocol’s words, its nodes, step and tick', () => {
    const { events } = runWith([() => start, () => 'next']);
    const deliver = events.find((e) => e.type === 'deliver')!;
    expect(describeEvent(deliver, pingNames)).toMatch(/^Ponger receives ping from pinger \(step 2, tick \d+\)$/);
  });

  it('says why a message was lost', () => {
    const { events } = runWith([() => start, () => ({ type: 'crash', node: 1 }), (w) => ({ type: 'deliver', id: firstInFlight(w) })]);
    const drop = events.find((e) => e.type === 'drop')!;
    expect(describeEvent(drop, pingNames)).toContain('is lost: ponger is down');
  });

  it('tells an arrow’s whole story: sent, delivered, copies', () => {
    const { events } = runWith([() => start, (w) => ({ type: 'duplicate', id: firstInFlight(w) }), (w) => ({ type: 'deliver', id: w.messages[0]!.id })]);
    const [original, copy] = buildTimeline(events, pingNames).arrows.concat(buildTimeline(events, pingNames).longArrows);
    expect(describeArrow(original!, pingNames)).toMatch(/^ping from pinger to ponger: sent at step 1 \(tick 0\), delivered at step 3 \(tick \d+\), duplicated 1×$/);
    expect(describeArrow(copy!, pingNames)).toMatch(/\(a copy of message #\d+\): made at step 2 .*in flight, due at tick \d+$/);
  });

  it('names a message button by what, from whom, to whom and when it is due', () => {
    const { world } = runWith([() => start]);
    expect(messageButtonLabel(world.messages[0]!, pingNames)).toMatch(/^ping from pinger to ponger, due at tick \d+$/);
  });

  it('sums up a step in one line in the narration’s words, leaving out timer bookkeeping', () => {
    const { events } = runWith([() => start]);
    expect(describeStep(events, 1, pingNames)).toBe('Step 1, tick 0: A client asks pinger to start; Pinger is now waiting; Pinger sends ping to ponger.');
    expect(describeStep(events, 9, pingNames)).toBe('Step 9: nothing recorded.');
  });
});

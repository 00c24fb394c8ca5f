// A long synthetic trace for windowing tests: `messages` messages, each sent at one step and
// delivered `span` steps later, alternating between two nodes, plus one that is never delivered.
import type { Envelope, TraceEvent } from '../../engine';

export function longTrace(messages: number, span = 2): TraceEvent[] {
  const sends: TraceEvent[][] = [];
  const envelope = (id: number): Envelope => ({
    id,
    from: id % 2,
    to: (id + 1) % 2,
    body: { type: 'M', n: id },
    sentTick: id * 10,
    deliverTick: (id + span) * 10,
  });
  for (let step = 0; step < messages + span; step++) {
    const at: TraceEvent[] = [];
    if (step - span >= 0 && step - span < messages) at.push({ type: 'deliver', step, tick: step * 10, envelope: envelope(step - span) });
    if (step < messages) at.push({ type: 'send', step, tick: step * 10, envelope: envelope(step) });
    if (step < messages) at.push({ type: 'state', step, tick: step * 10, node: step % 2, from: 'a', to: `s${step}` });
    sends.push(at);
  }
  const last = messages + span;
  sends.push([{ type: 'send', step: last, tick: last * 10, envelope: { ...envelope(messages), sentTick: last * 10, deliverTick: last * 10 + 5 } }]);
  return sends.flat();
}

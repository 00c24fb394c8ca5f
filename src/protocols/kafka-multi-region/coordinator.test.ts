import { describe, expect, it } from 'vitest';
import { deliver, type ScenarioStep } from '../kit';
import { play, sent } from './test-runs';

// The coordinator's rules that no invariant sees at once: what it remembers across a restart, and
// which confirmations it counts before it stops telling a node of the new writer.

const failOver: ScenarioStep = { do: 'client', node: 'coordinator', op: 'fail-over' };
const writers = (bodies: readonly { readonly [key: string]: unknown }[]) => bodies.filter((b) => b.type === 'WRITER').map((b) => `${'ABC'[Number(b['region'])]} e${String(b['epoch'])}`);

describe('a multi-region coordinator', () => {
  it('restarted after a failover, still names the new writer and its epoch, and tells everyone again', () => {
    const world = play([failOver, { do: 'crash', node: 'coordinator' }, { do: 'restart', node: 'coordinator' }]);
    // Once at the failover, once more when it comes back (nobody had confirmed).
    expect(writers(sent(world, 'coordinator', 'CA'))).toEqual(['B e2', 'B e2']);
    expect(writers(sent(world, 'coordinator', 'database'))).toEqual(['B e2', 'B e2']);
  });

  it('restarted after a failover, fails over next to the region after the new writer, in a higher epoch', () => {
    const world = play([failOver, { do: 'crash', node: 'coordinator' }, { do: 'restart', node: 'coordinator' }, failOver]);
    expect(writers(sent(world, 'coordinator', 'CB')).at(-1)).toBe('A e3');
  });

  it('does not take a confirmation of an older epoch for one of the current epoch: it tells that node again', () => {
    const world = play([
      failOver,
      deliver('WRITER', 'coordinator', 'CA'),
      failOver,
      // CA confirms epoch 2 only after the coordinator has moved on to epoch 3.
      deliver('WRITER_OK', 'CA', 'coordinator'),
      { do: 'drop', message: { type: 'WRITER', from: 'coordinator', to: 'CA' } },
      { do: 'fire', node: 'coordinator', timer: 'announce' },
    ]);
    expect(writers(sent(world, 'coordinator', 'CA'))).toEqual(['B e2', 'A e3', 'A e3']);
  });
});

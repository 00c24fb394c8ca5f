import { describe, expect, it } from 'vitest';
import { apply, traceToArray, type World } from '../../engine';
import { deliver } from '../kit';
import { stored } from './rules';
import { machineRuns } from '../kit/testing/machine-runs';
import { cacheWriteStrategies as protocol } from './index';

// The database's rules that the happy paths do not reach: a resent write is applied once (even
// across a crash), and a late or repeated flush never rolls a key back.

const { play, told } = machineRuns(protocol, 'database');
/** The bodies the database sent, in order, as "TYPE key vN op". */
const answers = (world: World) =>
  traceToArray(world.trace).flatMap((e) =>
    e.type === 'send' && world.system.nodes[e.envelope.from]!.name === 'DB'
      ? [`${e.envelope.body.type} ${String(e.envelope.body['key'])} v${String(e.envelope.body['version'])}${e.envelope.body['op'] === undefined ? '' : ` ${String(e.envelope.body['op'])}`}`]
      : [],
  );

describe('the cache’s database', () => {
  it('applies a write it receives twice only once, and answers both copies with the version it got', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'duplicate', message: { type: 'WRITE', from: 'App1', to: 'DB' } }, deliver('WRITE', 'App1', 'DB'), deliver('WRITE', 'App1', 'DB')], { sequential: true });
    expect(stored(world, 'x')).toEqual({ value: 'a1', version: 1 });
    expect(answers(world)).toEqual(['WRITTEN x v1 App1.1', 'WRITTEN x v1 App1.1']);
    expect(told(world)).toContain('DB has already applied App1.1 (as v1): it answers again without writing twice');
  });

  it('gives each new write the next version and answers a read with the newest value', () => {
    const world = play([{ do: 'client', node: 'App1', op: 'write x' }, { do: 'settle' }, { do: 'client', node: 'App1', op: 'write x' }, { do: 'settle' }, { do: 'client', node: 'App2', op: 'read x' }, { do: 'settle' }], {
      sequential: true,
    });
    expect(stored(world, 'x')).toEqual({ value: 'a2', version: 2 });
    expect(answers(world)).toEqual(['WRITTEN x v1 App1.1', 'WRITTEN x v2 App1.2', 'VALUE x v2 App2.1']);
  });

  it('still recognises a server’s last write after it crashed and read its records back', () => {
    const world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'DB'),
        { do: 'drop', message: { type: 'WRITTEN', from: 'DB', to: 'App1' } },
        { do: 'crash', node: 'DB' },
        { do: 'restart', node: 'DB' },
        { do: 'fire', node: 'App1', timer: 'retry' },
        deliver('WRITE', 'App1', 'DB'),
      ],
      { sequential: true },
    );
    expect(stored(world, 'x')).toEqual({ value: 'a1', version: 1 });
    expect(answers(world)).toEqual(['WRITTEN x v1 App1.1', 'WRITTEN x v1 App1.1']);
    const text = told(world);
    expect(text).toContain('DB restarts and reads its records from disk: nothing written is lost');
    expect(text).toContain('DB has already applied App1.1 (as v1)');
  });

  it('keeps a newer flushed version when an older flush arrives late, and acknowledges both', () => {
    let world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        { do: 'next', times: 4 },
        { do: 'client', node: 'Cache', op: 'flush-now' },
        { do: 'client', node: 'App1', op: 'write x' },
        deliver('WRITE', 'App1', 'Cache'),
        { do: 'client', node: 'Cache', op: 'flush-now' },
      ],
      { strategy: 'write-back' },
    );
    // The flush of v2 overtakes the flush of v1.
    for (const version of [2, 1]) world = apply(world, { type: 'deliver', id: world.messages.find((m) => m.body.type === 'FLUSH' && m.body['version'] === version)!.id });
    expect(stored(world, 'x')).toEqual({ value: 'a2', version: 2 });
    expect(answers(world)).toEqual(['VALUE x v0 L1', 'FLUSHED x v2', 'FLUSHED x v1']);
    expect(told(world)).toContain('DB keeps x=a2 v2: the flushed v1 is not newer');
  });

  it('keeps what it holds when the same flush arrives twice, and says so', () => {
    const world = play(
      [
        { do: 'client', node: 'App1', op: 'write x' },
        { do: 'next', times: 4 },
        { do: 'client', node: 'Cache', op: 'flush-now' },
        { do: 'duplicate', message: { type: 'FLUSH', from: 'Cache', to: 'DB' } },
        deliver('FLUSH', 'Cache', 'DB'),
        deliver('FLUSH', 'Cache', 'DB'),
      ],
      { strategy: 'write-back' },
    );
    expect(stored(world, 'x')).toEqual({ value: 'a1', version: 1 });
    const text = told(world);
    expect(text).toContain('DB stores the flushed x=a1 v1');
    expect(text).toContain('DB keeps x=a1 v1: the flushed v1 is not newer');
  });
});

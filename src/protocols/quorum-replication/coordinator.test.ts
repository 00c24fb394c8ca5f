import { describe, expect, it } from 'vitest';
import { nodeName, traceToArray, type World } from '../../engine';
import { deliver, observationsOf, playScenario, type ScenarioStep } from '../kit';
import { quorumReplication as quorum } from './index';

// A coordinator's rules that the stories do not reach: a request or a reply that comes twice, a
// read that times out, a write that times out with several replicas keeping it, and a put's tag
// when a replica already holds one.

const play = (steps: readonly ScenarioStep[], config: object = {}) =>
  playScenario(quorum, { id: 'coordinator', title: 'coordinator', summary: 'coordinator', config: { antiEntropy: false, ...config }, steps }).world;
const notes = (world: World, name: string) => traceToArray(world.trace).flatMap((e) => (e.type === 'note' && nodeName(world, e.node) === name ? [e.text] : []));
/** The messages of a type a node sent, as "READ to S2". */
const sent = (world: World, from: string, type: string) =>
  traceToArray(world.trace).flatMap((e) =>
    e.type === 'send' && nodeName(world, e.envelope.from) === from && e.envelope.body.type === type ? [`${type} to ${nodeName(world, e.envelope.to)}`] : [],
  );
const returns = (world: World, client: string) =>
  observationsOf(world, world.system.nodes.findIndex((n) => n.name === client)).filter((o) => typeof o === 'object' && o !== null && 'ok' in o);

describe('a quorum coordinator', () => {
  it('runs a duplicated PUT once: the late copy asks no replica again', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'duplicate', message: { type: 'PUT' } }, deliver('PUT', 'C1', 'S1'), deliver('PUT', 'C1', 'S1')]);
    expect(sent(world, 'S1', 'READ')).toEqual(['READ to S2', 'READ to S3']);
    expect(notes(world, 'S1').filter((n) => n.startsWith('coordinates'))).toHaveLength(1);
  });

  it('remembers across a restart which request it last took: a late copy of the PUT is not run again', () => {
    const world = play([
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'duplicate', message: { type: 'PUT' } },
      deliver('PUT', 'C1', 'S1'),
      { do: 'crash', node: 'S1' },
      { do: 'restart', node: 'S1' },
      deliver('PUT', 'C1', 'S1'),
    ]);
    expect(notes(world, 'S1').filter((n) => n.startsWith('coordinates'))).toHaveLength(1);
    expect(sent(world, 'S1', 'READ')).toEqual(['READ to S2', 'READ to S3']);
  });

  it('counts a duplicated VALUE once: one replica’s two copies do not make a read quorum', () => {
    const world = play(
      [
        { do: 'crash', node: 'S1' },
        { do: 'client', node: 'C2', op: 'get-x' },
        deliver('GET', 'C2', 'S2'),
        { do: 'duplicate', message: { type: 'READ', to: 'S3' } },
        deliver('READ', 'S2', 'S3'),
        deliver('READ', 'S2', 'S3'),
        deliver('VALUE', 'S3', 'S2'),
        deliver('VALUE', 'S3', 'S2'),
      ],
      { r: 3, w: 1 },
    );
    expect(sent(world, 'S2', 'GET_OK')).toEqual([]);
    expect(notes(world, 'S2').some((n) => n.startsWith('read x'))).toBe(false);
  });

  it('fails a get that hears too few replicas in time, saying how many of how many', () => {
    const world = play([{ do: 'crash', node: 'S2' }, { do: 'crash', node: 'S3' }, { do: 'client', node: 'C1', op: 'get-x' }, { do: 'settle' }]);
    expect(returns(world, 'C1')).toEqual([{ operation: 'return', id: 'C1.1', ok: false, error: 'timed out: 1 of 2 replies' }]);
    expect(notes(world, 'S1')).toContain("gives up on C1's get of x: timed out: 1 of 2 replies");
  });

  it('fails a put that two of three needed replicas took, and says that both keep it', () => {
    const world = play([{ do: 'crash', node: 'S3' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { r: 1, w: 3 });
    expect(returns(world, 'C1')).toEqual([{ operation: 'return', id: 'C1.1', ok: false, error: 'timed out: 2 of 3 acknowledgements' }]);
    expect(notes(world, 'S1')).toContain("gives up on C1's put of x: timed out: 2 of 3 acknowledgements; nothing is rolled back: S1 and S2 keep a1");
  });

  it('names the replicas that answered in ring order, whoever answered first', () => {
    const world = play([
      { do: 'client', node: 'C2', op: 'put-x' },
      deliver('PUT', 'C2', 'S2'),
      deliver('READ', 'S2', 'S1'),
      deliver('VALUE', 'S1', 'S2'),
      deliver('WRITE', 'S2', 'S1'),
      deliver('ACK', 'S1', 'S2'),
    ]);
    expect(notes(world, 'S2')).toContain("has the tags from S1 and itself: none has a tag yet, so C2's put gets b1 (1,C2.1) and goes to the home replicas");
    expect(notes(world, 'S2')).toContain("has 2 acknowledgements (S1 and itself): C2's put of x = b1 is done");
  });

  it('returns the newest version it hears, even when an older one arrives from a replica later in the ring', () => {
    // a1 reaches every replica; a2 only S1 (its put fails). S2's get hears a2 from S1 and a1 from itself.
    const world = play([
      { do: 'client', node: 'C1', op: 'put-x' },
      { do: 'settle' },
      { do: 'client', node: 'C1', op: 'put-x' },
      deliver('PUT', 'C1', 'S1'),
      deliver('READ', 'S1', 'S2'),
      deliver('VALUE', 'S2', 'S1'),
      { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
      { do: 'drop', message: { type: 'WRITE', to: 'S3' } },
      { do: 'settle' },
      { do: 'client', node: 'C2', op: 'get-x' },
      deliver('GET', 'C2', 'S2'),
      deliver('READ', 'S2', 'S1'),
      deliver('VALUE', 'S1', 'S2'),
      { do: 'settle' },
    ]);
    expect(returns(world, 'C2')).toEqual([{ operation: 'return', id: 'C2.1', ok: true, values: ['a2'] }]);
  });

  it('answers a get of a key nobody wrote with nothing, and has nothing to write back, even when R is below W', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'get-x' }, { do: 'settle' }], { r: 1, w: 3 });
    expect(returns(world, 'C1')).toEqual([{ operation: 'return', id: 'C1.1', ok: true, values: [] }]);
    expect(sent(world, 'S1', 'WRITE')).toEqual([]);
  });

  it('gives a put a tag one above the highest a read quorum reports', () => {
    const world = play([{ do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }]);
    expect(notes(world, 'S1')).toContain("has the tags from itself and S3: the highest is 1, so C1's put gets a2 (2,C1.2) and goes to the home replicas");
    expect(returns(world, 'C1')).toMatchObject([{ ok: true }, { ok: true, version: { value: 'a2', tag: 2, by: 'C1.2' } }]);
  });
});

describe('a quorum coordinator under dynamo', () => {
  it('that finds its own replica stale repairs it as it answers, without a message to itself', () => {
    const world = play(
      [
        { do: 'client', node: 'C1', op: 'put-x' },
        deliver('PUT', 'C1', 'S1'),
        { do: 'drop', message: { type: 'WRITE', to: 'S2' } },
        { do: 'settle' },
        { do: 'client', node: 'C2', op: 'get-x' },
        { do: 'settle' },
      ],
      { consistency: 'dynamo' },
    );
    expect(notes(world, 'S2')).toContain('read repair: S2 held nothing, so it sends it a1 [C1:1]');
    expect(sent(world, 'S2', 'REPAIR')).toEqual([]);
    expect(quorum.describe(world, 3).fields.find((f) => f.name === 'replicas')?.value).toBe('x = a1 [C1:1]');
    expect(returns(world, 'C2')).toEqual([{ operation: 'return', id: 'C2.1', ok: true, values: ['a1'] }]);
  });

  it('with every home replica down, keeps a sloppy put as hints on the stand-ins, itself among them, and reads it back from them', () => {
    const world = play(
      [
        { do: 'crash', node: 'S1' },
        { do: 'crash', node: 'S2' },
        { do: 'client', node: 'C3', op: 'put-x' },
        { do: 'next', until: { type: 'PUT_OK', from: 'S3', to: 'C3' } },
        { do: 'client', node: 'C3', op: 'get-x' },
        { do: 'next', until: { type: 'GET_OK', from: 'S3', to: 'C3' } },
      ],
      // Homes of x are S1 and S2; C3 asks S3, which is also x's first stand-in.
      { consistency: 'dynamo', sloppyQuorum: true, clients: 3, n: 2, r: 1, w: 2 },
    );
    expect(notes(world, 'S3')).toContain('has heard from only no one in time: S3 stands in for S1, S4 stands in for S2');
    expect(notes(world, 'S3')).toContain("has 2 acknowledgements (itself and S4): C3's put of x = c1 is done");
    expect(sent(world, 'S3', 'WRITE')).toEqual(['WRITE to S1', 'WRITE to S2', 'WRITE to S4']);
    expect(returns(world, 'C3')).toMatchObject([{ ok: true }, { ok: true, values: ['c1'] }]);
  });

  it('fails a put that too few replicas acknowledged, naming the put and who keeps it', () => {
    const world = play([{ do: 'crash', node: 'S2' }, { do: 'crash', node: 'S3' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { consistency: 'dynamo' });
    expect(notes(world, 'S1')).toContain("gives up on C1's put of x: timed out: 1 of 2 acknowledgements; nothing is rolled back: S1 keeps a1");
  });

  it('with no stand-in to ask, fails a sloppy put at the first timeout', () => {
    // Three nodes, N = 3: the ring has no node beyond the home replicas.
    const world = play([{ do: 'crash', node: 'S2' }, { do: 'crash', node: 'S3' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'settle' }], { consistency: 'dynamo', sloppyQuorum: true, nodes: 3 });
    expect(notes(world, 'S1').some((n) => n.startsWith('has heard from only'))).toBe(false);
    expect(returns(world, 'C1')).toMatchObject([{ ok: false, error: 'timed out: 1 of 2 acknowledgements' }]);
  });

  it('asks stand-ins once: when the stand-in is down too, the put fails at the second timeout', () => {
    const world = play([{ do: 'crash', node: 'S2' }, { do: 'crash', node: 'S3' }, { do: 'crash', node: 'S4' }, { do: 'client', node: 'C1', op: 'put-x' }, { do: 'next', until: { type: 'FAILED', from: 'S1', to: 'C1' } }], { consistency: 'dynamo', sloppyQuorum: true });
    expect(notes(world, 'S1').filter((n) => n.startsWith('has heard from only'))).toEqual(['has heard from only itself in time: S4 stands in for S2']);
    expect(returns(world, 'C1')).toMatchObject([{ ok: false, error: 'timed out: 1 of 2 acknowledgements' }]);
  });

  it('that is no home replica of the key and hears from none, fails the put without claiming anyone keeps it', () => {
    // Homes of x are S1 and S2; C3 asks S3.
    const world = play([{ do: 'crash', node: 'S1' }, { do: 'crash', node: 'S2' }, { do: 'client', node: 'C3', op: 'put-x' }, { do: 'next', until: { type: 'FAILED', from: 'S3', to: 'C3' } }], { consistency: 'dynamo', clients: 3, n: 2, r: 1, w: 2 });
    expect(notes(world, 'S3')).toContain("gives up on C3's put of x: timed out: 0 of 2 acknowledgements");
  });
});

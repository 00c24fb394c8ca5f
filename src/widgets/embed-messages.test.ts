import { describe, expect, it } from 'vitest';
import { readCommand, readEmbedHash, reportMessage } from './embed-messages';

describe('the iframe page messages', () => {
  it('reads play, pause, step and seek in our own shape', () => {
    expect(readCommand({ source: 'fault-lines', type: 'play' })).toEqual({ type: 'play' });
    expect(readCommand({ source: 'fault-lines', type: 'pause' })).toEqual({ type: 'pause' });
    expect(readCommand({ source: 'fault-lines', type: 'step' })).toEqual({ type: 'step' });
    expect(readCommand({ source: 'fault-lines', type: 'seek', step: 7 })).toEqual({ type: 'seek', step: 7 });
  });

  it('ignores every message that is not ours', () => {
    for (const data of [
      'play',
      null,
      42,
      ['fault-lines', 'play'],
      { type: 'play' },
      { source: 'someone-else', type: 'play' },
      { source: 'fault-lines', type: 'eval', code: 'alert(1)' },
      { source: 'fault-lines', type: 'seek', step: -1 },
      { source: 'fault-lines', type: 'seek', step: 1.5 },
      { source: 'fault-lines', type: 'seek', step: '3' },
      '{"event":"command","func":"playVideo","args":""}',
    ])
      expect(readCommand(data)).toBeNull();
  });

  it('understands the two strings reveal.js sends to an iframe on a slide', () => {
    expect(readCommand('slide:start')).toEqual({ type: 'slide-start' });
    expect(readCommand('slide:stop')).toEqual({ type: 'slide-stop' });
  });

  it('reports carry the source so a parent can tell them from other messages', () => {
    expect(reportMessage({ type: 'height', height: 512 })).toEqual({ source: 'fault-lines', type: 'height', height: 512 });
  });

  it('the address holds the frame before "?" and the attributes after it', () => {
    const { link, attributes } = readEmbedHash('#1.paxos.correct.1.0..x.abc?view=cluster&controls=none');
    expect(link).toBe('1.paxos.correct.1.0..x.abc');
    expect(Object.fromEntries(attributes)).toEqual({ view: 'cluster', controls: 'none' });
    expect(readEmbedHash('#?protocol=paxos&scenario=dueling-proposers')).toEqual({
      link: null,
      attributes: new Map([
        ['protocol', 'paxos'],
        ['scenario', 'dueling-proposers'],
      ]),
    });
  });
});

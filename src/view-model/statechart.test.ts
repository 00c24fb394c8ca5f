import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import type { StatechartDescription } from '../protocols/kit/types';
import { layoutStatechart } from './statechart-layout';
import { rankStates } from './statechart-rank';
import { lastTransition } from './statechart-taken';
import { pingNames, runWith, start } from './testing/runs';
import { buildTimeline } from './timeline-model';

const state = (id: string, extra: Partial<StatechartDescription['states'][number]> = {}) => ({
  id,
  label: id.split('.').pop()!,
  parent: null,
  initial: false,
  final: false,
  ...extra,
});

/** A participant-like chart: working -> prepared -> committed | aborted, with an abort from working. */
const participant: StatechartDescription = {
  id: 'participant',
  states: [state('working', { initial: true }), state('prepared'), state('committed', { final: true }), state('aborted', { final: true })],
  transitions: [
    { source: 'working', target: 'prepared', event: 'PREPARE', guard: 'canCommit' },
    { source: 'working', target: 'aborted', event: 'PREPARE', guard: null },
    { source: 'prepared', target: 'committed', event: 'COMMIT', guard: null },
    { source: 'prepared', target: 'aborted', event: 'ABORT', guard: null },
    { source: 'prepared', target: 'prepared', event: 'after retry', guard: null },
    { source: 'committed', target: 'working', event: 'reset', guard: null },
    { source: 'prepared', target: 'aborted', event: 'after decisionTimeout', guard: null },
  ],
};

/** The ping system's pinger, as a chart with a compound state. */
const pinger: StatechartDescription = {
  id: 'pinger',
  states: [state('idle', { initial: true }), state('busy'), state('busy.waiting', { parent: 'busy', initial: true }), state('done', { final: true })],
  transitions: [
    { source: 'idle', target: 'busy', event: 'start', guard: null },
    { source: 'busy.waiting', target: 'busy.waiting', event: 'after retry', guard: null },
    { source: 'busy', target: 'done', event: 'PONG', guard: null },
  ],
};

describe('rankStates', () => {
  it('puts the initial state on top and each state below the states that lead to it', () => {
    const { rows, rankOf } = rankStates(participant);
    expect(rows[0]).toEqual(['working']);
    expect(rankOf.get('prepared')).toBe(1);
    expect(rankOf.get('committed')).toBe(2);
    expect(rankOf.get('aborted')).toBe(2);
  });

  it('ranks a chart with a cycle without looping forever', () => {
    expect(rankStates(participant).rows.flat().sort()).toEqual(['aborted', 'committed', 'prepared', 'working']);
  });
});

describe('layoutStatechart', () => {
  it('draws every state as a box and every transition on a labelled path, one path per pair of states', () => {
    const layout = layoutStatechart(participant);
    expect(layout.boxes.map((b) => b.id).sort()).toEqual(['aborted', 'committed', 'prepared', 'working']);
    expect(layout.edges.flatMap((e) => e.indices).sort()).toEqual(participant.transitions.map((_, i) => i));
    for (const edge of layout.edges) expect(edge.path).toMatch(/^M[\d.-]/);
    expect(layout.edges.flatMap((e) => e.lines)).toContain('PREPARE [can commit]');
    const twoWays = layout.edges.find((e) => e.indices.includes(3))!;
    expect(twoWays.lines).toEqual(['ABORT', 'after decisionTimeout']);
    expect(layout.start).not.toBeNull();
  });

  it('keeps boxes of one row from overlapping and inside the drawing', () => {
    const layout = layoutStatechart(participant);
    const row = layout.boxes.filter((b) => b.id === 'committed' || b.id === 'aborted').sort((a, b) => a.x - b.x);
    expect(row[0]!.x + row[0]!.width).toBeLessThan(row[1]!.x);
    for (const b of layout.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('lights the active states and marks the transition taken', () => {
    const layout = layoutStatechart(participant, { active: ['prepared'], taken: 0 });
    expect(layout.boxes.filter((b) => b.active).map((b) => b.id)).toEqual(['prepared']);
    expect(layout.edges.filter((e) => e.taken).map((e) => e.key)).toEqual(['t0']);
  });

  it('marks which line of a shared edge is the transition taken', () => {
    const layout = layoutStatechart(participant, { taken: 6 });
    const edge = layout.edges.find((e) => e.taken)!;
    expect(edge.lines[edge.takenLine!]).toBe('after decisionTimeout');
  });

  it('keeps edge labels from covering one another', () => {
    const layout = layoutStatechart(participant);
    const rects = layout.edges.map((e) => ({ x: e.labelX, y: e.labelY - 6.5, w: Math.max(...e.lines.map((l) => l.length)) * 7.5 * 0.85, h: e.lines.length * 13 }));
    rects.forEach((p, i) =>
      rects.slice(i + 1).forEach((q) => expect(p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h).toBe(false)),
    );
  });

  it('frames a compound state around its children and draws it first', () => {
    const layout = layoutStatechart(pinger);
    const busy = layout.boxes.find((b) => b.id === 'busy')!;
    const waiting = layout.boxes.find((b) => b.id === 'busy.waiting')!;
    expect(busy.compound).toBe(true);
    expect(layout.boxes[0]!.id).toBe('busy');
    expect(busy.x).toBeLessThan(waiting.x);
    expect(busy.y).toBeLessThan(waiting.y);
    expect(busy.x + busy.width).toBeGreaterThan(waiting.x + waiting.width);
  });
});

describe('lastTransition', () => {
  it('names the transition a node took last, at or before the cursor, with what caused it', () => {
    const { events } = runWith([() => start, () => 'next', () => 'next']);
    const taken = lastTransition(pinger, events, 0, 3)!;
    expect(taken).toMatchObject({ from: 'waiting', to: 'done', trigger: 'PONG', step: 3 });
    expect(pinger.transitions[taken.index!]!.event).toBe('PONG');
    const earlier = lastTransition(pinger, events, 0, 2)!;
    expect(earlier).toMatchObject({ from: 'idle', to: 'waiting', trigger: 'start' });
    expect(pinger.transitions[earlier.index!]).toMatchObject({ source: 'idle', target: 'busy' });
  });

  it('prefers the transition whose event matches the trigger', () => {
    const byTimer: TraceEvent[] = [
      { type: 'timer-fire', step: 1, tick: 5, early: false, late: false, overtakes: false, timer: { id: 0, node: 1, name: 'decisionTimeout', setTick: 0, dueTick: 5 } },
      { type: 'state', step: 1, tick: 5, node: 1, from: 'prepared', to: 'aborted' },
    ];
    expect(lastTransition(participant, byTimer, 1, 1)?.index).toBe(6);
    const byMessage: TraceEvent[] = [
      { type: 'deliver', step: 1, tick: 5, envelope: { id: 0, from: 0, to: 1, body: { type: 'ABORT' }, sentTick: 0, deliverTick: 5 } },
      { type: 'state', step: 1, tick: 5, node: 1, from: 'prepared', to: 'aborted' },
    ];
    expect(lastTransition(participant, byMessage, 1, 1)?.index).toBe(3);
  });

  it('marks the eventless transition a restart takes out of the initial state, unless two could have', () => {
    const chart: StatechartDescription = {
      id: 'p',
      states: [state('start', { initial: true }), state('working'), state('prepared'), state('aborted')],
      transitions: [
        { source: 'start', target: 'working', event: 'always', guard: 'fresh' },
        { source: 'start', target: 'aborted', event: 'always', guard: 'logShowsAbort' },
        { source: 'start', target: 'aborted', event: 'always', guard: 'logShowsStart' },
        { source: 'working', target: 'prepared', event: 'PREPARE', guard: null },
      ],
    };
    const restartTo = (to: string): TraceEvent[] => [
      { type: 'restart', step: 4, tick: 9, node: 0 },
      { type: 'state', step: 4, tick: 9, node: 0, from: 'crashed', to },
    ];
    expect(lastTransition(chart, restartTo('working'), 0, 4)?.index).toBe(0);
    expect(lastTransition(chart, restartTo('aborted'), 0, 4)?.index).toBeNull();
  });

  it('matches no transition for the start of a run or a restart into the initial state', () => {
    const { events } = runWith([() => ({ type: 'crash', node: 0 }), () => ({ type: 'restart', node: 0 })]);
    expect(lastTransition(pinger, events, 0, 0)).toMatchObject({ index: null, to: 'idle' });
    expect(lastTransition(pinger, events, 0, 2)).toMatchObject({ index: null, from: 'crashed', trigger: 'restart' });
    expect(buildTimeline(events, pingNames).crashes).toHaveLength(1);
  });
});

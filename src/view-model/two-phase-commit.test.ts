// The view-model against the real two-phase commit protocol: its statecharts, its scenarios.
import { describe, expect, it } from 'vitest';
import { createWorld, replay, traceToArray } from '../engine';
import { twoPhaseCommit as protocol } from '../protocols/two-phase-commit';
import { clusterLayout } from './cluster-layout';
import { layoutStatechart } from './statechart-layout';
import { lastTransition } from './statechart-taken';
import { buildTimeline } from './timeline-model';

function scenario(id: string) {
  const compiled = protocol.compileScenario(protocol.scenarios.find((s) => s.id === id)!);
  const system = protocol.build(compiled.run.config, compiled.run.variant);
  const result = replay(system, compiled.run.seed, compiled.run.choices);
  if (!result.ok) throw new Error(result.reason);
  const names = { nodes: system.nodes.map((n) => ({ name: n.name, role: n.role })), describeMessage: (b: { type: string }) => protocol.describeMessage(b as never) };
  return { world: result.world, events: traceToArray(result.world.trace), names, system };
}

describe('two-phase commit in the view-model', () => {
  it('lays out every role statechart with every state and every transition', () => {
    for (const role of protocol.roles) {
      const layout = layoutStatechart(role.statechart);
      const leaves = role.statechart.states.filter((s) => !role.statechart.states.some((c) => c.parent === s.id));
      expect(layout.boxes.map((b) => b.id).sort()).toEqual(role.statechart.states.map((s) => s.id).sort());
      expect(leaves.length).toBeGreaterThan(2);
      expect(layout.edges.flatMap((e) => e.indices).sort((a, b) => a - b)).toEqual(role.statechart.transitions.map((_, i) => i));
    }
  });

  it('lights the states the protocol says are active', () => {
    const { world } = scenario('happy-commit');
    const role = protocol.roles.find((r) => r.role === 'participant')!;
    const active = protocol.activeStates(world, 1);
    expect(active.length).toBeGreaterThan(0);
    const layout = layoutStatechart(role.statechart, { active });
    expect(layout.boxes.filter((b) => b.active).map((b) => b.id)).toEqual(active.filter((id) => layout.boxes.some((b) => b.id === id)));
  });

  it('finds the transition each participant took last in the happy run, with its message as the trigger', () => {
    const { events } = scenario('happy-commit');
    const chart = protocol.roles.find((r) => r.role === 'participant')!.statechart;
    const taken = lastTransition(chart, events, 1, events[events.length - 1]!.step)!;
    expect(taken.to).toBe('committed');
    expect(taken.index).not.toBeNull();
    expect(chart.transitions[taken.index!]).toMatchObject({ source: 'prepared', target: 'committed', event: 'COMMIT' });
  });

  it('finds the coordinator starting a transaction on "begin"', () => {
    const system = protocol.build(protocol.defaults(), protocol.variants[0]!.id);
    const { world } = replay(system, 1, [{ type: 'client', node: 0, op: 'begin' }], createWorld(system, 1));
    const chart = protocol.roles.find((r) => r.role === 'coordinator')!.statechart;
    const taken = lastTransition(chart, traceToArray(world.trace), 0, 1)!;
    expect(chart.transitions[taken.index!]).toMatchObject({ source: 'idle', target: 'preparing', event: 'begin' });
  });

  it('shows participants blocked in doubt after the coordinator crashes, as a condition on their lanes', () => {
    const { events, names } = scenario('coordinator-crash-after-prepare');
    const model = buildTimeline(events, names);
    expect(model.lanes.map((l) => l.name)).toEqual(['coordinator', 'P1', 'P2', 'P3']);
    expect(model.crashes.some((c) => c.node === 0)).toBe(true);
    const blocked = model.alerts.find((a) => a.kind === 'condition' && a.rule === 'blocked-in-doubt')!;
    expect(blocked.nodes).toEqual([1, 2, 3]);
    expect(blocked.fromStep).toBeGreaterThanOrEqual(model.crashes[0]!.fromStep);
  });

  it('puts the coordinator in a row above its participants', () => {
    const { system } = scenario('happy-commit');
    const { positions } = clusterLayout({ nodes: system.nodes, roleOrder: protocol.roles.map((r) => r.role), partition: null, width: 600, height: 300 });
    expect(positions[0]!.y).toBeLessThan(positions[1]!.y);
  });
});

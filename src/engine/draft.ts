import { drawInt } from './random';
import { appendTrace, traceLength, type TraceEvent, type TraceList } from './trace';
import type { Effect, Envelope, NodeId, NodeRecord, NodeStep, Observation, Timer } from './types';
import type { Violation, World } from './world';

type EventBody = TraceEvent extends infer E ? (E extends unknown ? Omit<E, 'step' | 'tick'> : never) : never;

/**
 * Thrown by a search step (`searchStep`) whose run might reach the trace cap: a search step keeps
 * no trace and checks no conditions, so it cannot tell exactly where a full step would halt. The
 * checker then searches again with full steps.
 */
export class SearchStepLimit extends Error {
  override readonly name = 'SearchStepLimit';
}

/** Whether two records of a condition say the same of the same nodes. */
function sameBreach(a: World['conditions'][string], b: World['conditions'][string]): boolean {
  if (a.message !== b.message || a.nodes.length !== b.nodes.length || a.nodes.some((n, i) => n !== b.nodes[i])) return false;
  const [x, y] = [a.operations ?? [], b.operations ?? []];
  return x.length === y.length && x.every((o, i) => o === y[i]);
}

/**
 * A working copy of a world while one choice is applied. Only `apply` and `createWorld` use it;
 * everything outside the engine sees finished, immutable worlds.
 */
export class Draft {
  readonly base: World;
  tick: number;
  seq: number;
  readonly step: number;
  nodes: NodeRecord[];
  messages: Envelope[];
  timers: Timer[];
  partition: World['partition'];
  network: World['network'];
  observations: World['observations'];
  trace: TraceList | null;
  halted: string | null;
  /**
   * A search step: no trace events, no conditions, no invariants (the checker checks the rules it
   * looks for itself, on new states only). Its world's trace is one link whose length bounds the
   * length a full step would have reached (see `searchLength`).
   */
  private readonly quiet: boolean;
  /** In a search step: the events it would have recorded so far, plus the past ones. */
  private searchLength = 0;

  constructor(world: World, step: number, quiet = false) {
    this.base = world;
    this.quiet = quiet;
    this.step = step;
    this.tick = world.tick;
    this.seq = world.seq;
    this.nodes = world.nodes.slice();
    // Messages and timers are copied only when first changed in place (`send`): most steps replace
    // them with a filtered copy anyway, and the model checker takes millions of steps.
    this.messages = world.messages as Envelope[];
    this.timers = world.timers as Timer[];
    this.partition = world.partition;
    this.network = world.network;
    this.observations = world.observations;
    this.trace = world.trace;
    this.halted = world.halted;
    if (quiet) {
      // Conditions may add an event each, and invariants one each, on a full step: counted here as
      // if they all did, so this length never falls short of the real one.
      const { invariants, conditions } = world.system;
      this.searchLength = traceLength(world.trace) + conditions.length + invariants.length;
    }
  }

  get bounds() {
    return this.base.system.bounds;
  }

  /**
   * In a search step, counts an event instead of recording it, and says so: the hot paths write
   * `this.counted() || this.emit({...})`, so a search step does not even build the event.
   */
  counted(): boolean {
    if (!this.quiet) return false;
    if (this.halted === null && ++this.searchLength >= this.bounds.maxTraceEvents) throw new SearchStepLimit('a searched run may reach the trace cap');
    return true;
  }

  emit(event: EventBody): void {
    if (this.counted()) return;
    if (this.halted !== null && event.type !== 'halt') return;
    if (traceLength(this.trace) >= this.bounds.maxTraceEvents && event.type !== 'halt') {
      this.halt(`the trace reached its cap of ${this.bounds.maxTraceEvents} events`);
      return;
    }
    // Every caller passes a fresh literal, so stamping it in place is safe and much cheaper than
    // copying it with a spread: this is the hottest line of a simulation step.
    const stamped = event as { step?: number; tick?: number };
    stamped.step = this.step;
    stamped.tick = this.tick;
    this.trace = appendTrace(this.trace, stamped as TraceEvent);
  }

  halt(message: string): void {
    if (this.halted !== null) return;
    this.halted = message;
    this.emit({ type: 'halt', message });
  }

  /** Runs one node step: records the state change, then carries out the effects in order. */
  runNode(node: NodeId, step: NodeStep<unknown>): void {
    const [state, effects] = step;
    const behaviour = this.base.system.nodes[node]!.behaviour;
    const before = this.nodes[node]!;
    const label = behaviour.label(state);
    // Records are built field by field, never spread: every record then has one shape, and this
    // runs on every step. A node left as it was keeps its record (a memoised machine hands back
    // the very state object), so the world allocates nothing for it and the checker knows it.
    if (!before.up || before.state !== state || before.label !== label) this.nodes[node] = { up: true, state, label, persisted: before.persisted };
    if (label !== before.label && !this.counted()) this.emit({ type: 'state', node, from: before.label, to: label });
    for (const effect of effects) this.effect(node, effect);
  }

  private effect(node: NodeId, effect: Effect): void {
    switch (effect.type) {
      case 'send':
        this.send(node, effect.to, effect.body);
        return;
      case 'setTimer':
        return this.setTimer(node, effect.name, effect.ticksMin, effect.ticksMax);
      case 'cancelTimer':
        return this.cancelTimer(node, effect.name);
      case 'persist': {
        const record = this.nodes[node]!;
        const persisted = { ...record.persisted, ...effect.data };
        this.nodes[node] = { up: record.up, state: record.state, label: record.label, persisted };
        if (!this.counted()) this.emit({ type: 'persist', node, data: effect.data });
        return;
      }
      case 'observe':
        return this.observe(node, effect.value);
      case 'note':
        if (!this.counted()) this.emit({ type: 'note', node, text: effect.text });
        return;
    }
  }

  send(from: NodeId, to: NodeId, body: Envelope['body'], copyOf?: number): Envelope | null {
    if (to < 0 || to >= this.nodes.length) throw new Error(`node ${from} sent ${body.type} to unknown node ${to}`);
    if (this.messages.length >= this.bounds.maxInFlight) {
      this.halt(`more than ${this.bounds.maxInFlight} messages are in flight: the run stops here`);
      return null;
    }
    const id = this.seq++;
    const latency = drawInt(this.base.seed, 'latency', id, this.network.latencyTicksMin, this.network.latencyTicksMax);
    const envelope: Envelope = { id, from, to, body, sentTick: this.tick, deliverTick: this.tick + latency };
    const stored = copyOf === undefined ? envelope : { ...envelope, copyOf };
    if (this.messages === this.base.messages) this.messages = this.messages.slice();
    this.messages.push(stored);
    if (copyOf === undefined && !this.counted()) this.emit({ type: 'send', envelope: stored });
    return stored;
  }

  private setTimer(node: NodeId, name: string, ticksMin: number, ticksMax: number): void {
    // A fresh array, so the push below never touches the base world's timers.
    this.timers = this.timers.filter((t) => !(t.node === node && t.name === name));
    if (this.timers.length >= this.bounds.maxTimers) {
      this.halt(`more than ${this.bounds.maxTimers} timers are pending: the run stops here`);
      return;
    }
    const id = this.seq++;
    const duration = drawInt(this.base.seed, 'timer', id, Math.max(0, ticksMin), Math.max(ticksMin, ticksMax));
    const timer: Timer = { id, node, name, setTick: this.tick, dueTick: this.tick + Math.max(1, duration) };
    this.timers.push(timer);
    if (!this.counted()) this.emit({ type: 'timer-set', timer });
  }

  private cancelTimer(node: NodeId, name: string): void {
    const timer = this.timers.find((t) => t.node === node && t.name === name);
    if (timer === undefined) return;
    this.timers = this.timers.filter((t) => t !== timer);
    if (!this.counted()) this.emit({ type: 'timer-cancel', timer });
  }

  private observe(node: NodeId, value: Observation['value']): void {
    if (this.observations.length >= this.bounds.maxObservations) {
      this.halt(`more than ${this.bounds.maxObservations} observations were recorded: the run stops here`);
      return;
    }
    this.observations = this.observations.append({ step: this.step, tick: this.tick, node, value });
    if (!this.counted()) this.emit({ type: 'observe', node, value });
  }

  /** Checks every invariant and condition against the finished world and records changes. */
  finish(): World {
    if (this.quiet) {
      // The one link keeps the count; a run with no event yet has no link to keep it in.
      const trace = this.base.trace;
      if (trace === null) throw new SearchStepLimit('a search step needs a run that has begun');
      return this.freeze(this.base.violations, this.base.conditions, { event: trace.event, previous: null, length: this.searchLength });
    }
    const unchecked = this.freeze(this.base.violations, this.base.conditions);
    const violations = this.checkInvariants(unchecked);
    // When no invariant broke, the world the conditions see is the unchecked one as it stands.
    const conditions = this.checkConditions(violations === unchecked.violations ? unchecked : { ...unchecked, violations });
    // Most steps change neither: the world checked is then the world.
    if (violations === unchecked.violations && conditions === unchecked.conditions) return unchecked;
    return this.freeze(violations, conditions);
  }

  private checkInvariants(world: World): readonly Violation[] {
    let violations = world.violations;
    for (const rule of world.system.invariants) {
      if (violations.some((v) => v.rule === rule.id)) continue;
      const breach = rule.check(world);
      if (breach === null) continue;
      violations = [...violations, { rule: rule.id, ...breach, step: this.step, tick: this.tick }];
      const named = breach.operations === undefined ? {} : { operations: breach.operations };
      this.emit({ type: 'violation', rule: rule.id, message: breach.message, nodes: breach.nodes, ...named });
    }
    return violations;
  }

  /** The conditions holding now: the base world's own object when none changed (most steps). */
  private checkConditions(world: World): World['conditions'] {
    const next: Record<string, World['conditions'][string]> = {};
    const before = this.base.conditions;
    let same = true;
    for (const rule of world.system.conditions) {
      const breach = rule.check(world);
      const was = before[rule.id];
      if (breach !== null) {
        next[rule.id] = breach;
        if (was === undefined || was.message !== breach.message) {
          same = false;
          this.emit({ type: 'condition', rule: rule.id, active: true, message: breach.message, nodes: breach.nodes });
        } else if (was !== breach && !sameBreach(was, breach)) same = false;
      } else if (was !== undefined) {
        same = false;
        this.emit({ type: 'condition', rule: rule.id, active: false, message: was.message, nodes: was.nodes });
      }
    }
    // Every rule held before and after, each saying the same: the same conditions.
    return same ? before : next;
  }

  private freeze(violations: World['violations'], conditions: World['conditions'], trace = this.trace): World {
    return {
      system: this.base.system,
      seed: this.base.seed,
      step: this.step,
      tick: this.tick,
      seq: this.seq,
      nodes: this.nodes,
      messages: this.messages,
      timers: this.timers,
      partition: this.partition,
      network: this.network,
      observations: this.observations,
      violations,
      conditions,
      trace,
      halted: this.halted,
    };
  }
}

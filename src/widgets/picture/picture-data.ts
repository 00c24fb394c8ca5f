// A scenario's first frame recorded at build time, so a widget can paint its picture before the
// engine, XState and the protocol are loaded (they follow when the page is idle or the person acts).
// It holds exactly what the cluster and the timeline read: the world at step 0 (without machine
// states), every event of the run, each node's description, and the protocol's words for each
// message and event. `pictureView` turns it back into the views' props.
import type { Envelope, MessageBody, NodeId, Timer, TraceEvent, Violation, World } from '../../engine';
import type { NodeDescription, Protocol, RuleInfo } from '../../protocols/kit/types';

/** What a press on the picture asks of the live simulator once it has loaded. */
export type Wake = 'play' | 'step' | 'focus';

export interface PictureData {
  readonly protocol: {
    readonly id: string;
    readonly title: string;
    readonly roles: readonly { readonly role: string; readonly title: string }[];
    readonly invariants: readonly RuleInfo[];
    readonly conditions: readonly RuleInfo[];
  };
  readonly scenario: { readonly id: string; readonly title: string; readonly summary: string };
  /** The caption at step 0, if the scenario has one there. */
  readonly caption: string | null;
  /** The run's last step. */
  readonly end: number;
  readonly world: {
    readonly tick: number;
    readonly nodes: readonly { readonly up: boolean; readonly label: string }[];
    readonly messages: readonly Envelope[];
    readonly timers: readonly Timer[];
    readonly partition: World['partition'];
    readonly violations: readonly Violation[];
    readonly conditions: World['conditions'];
    readonly names: readonly { readonly name: string; readonly role: string }[];
  };
  readonly events: readonly TraceEvent[];
  readonly described: readonly NodeDescription[];
  /** Each message body (as canonical JSON) with the protocol's words for it. */
  readonly words: readonly (readonly [string, string])[];
  /**
   * The protocol's detailed narration of the events at step 0 (the first of `events`): the only
   * ones a picture puts in words (the timeline's line about the cursor's step). The rest are told
   * on hover, which waits for the live simulator, so their words are not carried.
   */
  readonly narration: readonly (string | null)[];
}

/** JSON with keys in order, so the same body always gives the same key. */
export function bodyKey(body: MessageBody): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(body));
}

/** The views' props from a recorded picture: a world and a protocol that answer only what the views ask. */
export function pictureView(data: PictureData): { protocol: Protocol; world: World; events: readonly TraceEvent[] } {
  const words = new Map(data.words);
  const told = new Map(data.events.map((e, i) => [e, data.narration[i] ?? null]));
  const world = {
    ...data.world,
    step: 0,
    nodes: data.world.nodes.map((n) => ({ ...n, state: null, persisted: {} })),
    system: { nodes: data.world.names },
    trace: null,
    halted: null,
  } as unknown as World;
  const protocol = {
    ...data.protocol,
    scenarios: [{ ...data.scenario, steps: [] }],
    describe: (_: World, node: NodeId) => data.described[node]!,
    describeMessage: (body: MessageBody) => words.get(bodyKey(body)) ?? body.type,
    narrate: (_: World, event: TraceEvent) => told.get(event) ?? null,
  } as unknown as Protocol;
  return { protocol, world, events: data.events };
}

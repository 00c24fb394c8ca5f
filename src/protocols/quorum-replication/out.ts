// What one transition of a storage node or client does, built up as plain data by the pure
// functions of this protocol (coordinator.ts, replica.ts, sync.ts) and handed to XState in one
// place (`emit`): the new context, then the kit's named actions in order. The logic stays
// testable without XState, and the machines stay short.
import type { Json, MessageBody, NodeId } from '../../engine';

export type KitAction =
  | { readonly type: 'send'; readonly params: { readonly to: NodeId; readonly body: MessageBody } }
  | { readonly type: 'note'; readonly params: { readonly text: string } }
  | { readonly type: 'setTimer'; readonly params: { readonly name: string; readonly ticksMin: number; readonly ticksMax: number } }
  | { readonly type: 'cancelTimer'; readonly params: { readonly name: string } }
  | { readonly type: 'persist'; readonly params: { readonly data: { readonly [key: string]: Json } } }
  | { readonly type: 'observe'; readonly params: { readonly value: Json } };

export class Out<C extends object> {
  readonly actions: KitAction[] = [];
  constructor(public context: C) {}

  set(patch: Partial<C>): this {
    this.context = { ...this.context, ...patch };
    return this;
  }
  send(to: NodeId, body: object): this {
    this.actions.push({ type: 'send', params: { to, body: body as MessageBody } });
    return this;
  }
  note(text: string): this {
    this.actions.push({ type: 'note', params: { text } });
    return this;
  }
  timer(name: string, ticks: number): this {
    this.actions.push({ type: 'setTimer', params: { name, ticksMin: ticks, ticksMax: ticks } });
    return this;
  }
  cancel(name: string): this {
    this.actions.push({ type: 'cancelTimer', params: { name } });
    return this;
  }
  persist(data: { readonly [key: string]: unknown }): this {
    this.actions.push({ type: 'persist', params: { data: data as { readonly [key: string]: Json } } });
    return this;
  }
  observe(value: object): this {
    this.actions.push({ type: 'observe', params: { value: value as Json } });
    return this;
  }
}

/** Hands an outcome to XState's enqueue: the context first, then the actions in order. */
export function emit<C extends object>(
  enqueue: { assign(patch: Partial<C>): void; (action: KitAction): void },
  out: Out<C>,
): void {
  enqueue.assign(out.context);
  for (const action of out.actions) enqueue(action);
}

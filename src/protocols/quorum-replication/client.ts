// A client of the store. It runs one operation at a time: a put writes its next value (C1 writes
// a1, a2, ...; C2 writes b1, ...), a get reads. It sends the request to a coordinator (always the
// same node, or the next on the ring each time) and waits for the answer or gives up after a
// while. What it sees, invoke and return, is observed in the kit's operation shape: that history
// is what the linearizability checker and the timeline's intervals read.
//
// Under dynamo the client keeps, per key, the version vector of what it last read or wrote (its
// causal context). A put sends that context with its own counter raised: the new version
// supersedes everything the client had seen, so reading two siblings and then writing merges
// them. A put without a read first may create a sibling: that is the concurrency Dynamo exposes.
import { setup } from 'xstate';
import type { NodeId, Persisted } from '../../engine';
import { kitActions, type MachineInput } from '../kit';
import { clientLetter, keyNames } from './config';
import type { Received } from './messages';
import { emit, Out } from './out';
import { stampText, valuesText, vvMerge, type Version, type VersionVector } from './versions';

export interface Pending {
  readonly op: string;
  readonly action: 'put' | 'get';
  readonly key: string;
  readonly value: string | null;
  readonly coordinator: NodeId;
}

export interface ClientContext {
  readonly number: number;
  readonly name: string;
  readonly storage: readonly NodeId[];
  readonly keys: number;
  /** How many operations the client issues at most. */
  readonly opsMax: number;
  readonly roundRobin: boolean;
  readonly dynamo: boolean;
  readonly giveUpTicks: number;
  /** Operations and puts so far: the next operation's id and the next value. */
  readonly ops: number;
  readonly writes: number;
  /** Dynamo: the causal context per key. */
  readonly seen: { readonly [key: string]: VersionVector };
  readonly pending: Pending | null;
  /** The last result, for the picture: "put x = a1: ok". */
  readonly last: string | null;
}

type OpEvent = { readonly type: `put-${string}` | `get-${string}` };
export type ClientEvent = OpEvent | Received<'PUT_OK'> | Received<'GET_OK'> | Received<'FAILED'> | { readonly type: 'giveUp' };

function fromLog(log: Persisted | null): Pick<ClientContext, 'ops' | 'writes'> {
  const count = (key: string) => (typeof log?.[key] === 'number' ? (log[key] as number) : 0);
  return { ops: count('ops'), writes: count('writes') };
}

const nodeName = (ctx: ClientContext, id: NodeId) => `S${ctx.storage.indexOf(id) + 1}`;

/** The coordinator of the next request: the client's own node, or the next on the ring. */
const coordinatorFor = (ctx: ClientContext) => ctx.storage[((ctx.number - 1) + (ctx.roundRobin ? ctx.ops : 0)) % ctx.storage.length]!;

function invoke(out: Out<ClientContext>, event: OpEvent): void {
  const ctx = out.context;
  const [action, key] = event.type.split('-') as ['put' | 'get', string];
  const op = `${ctx.name}.${ctx.ops + 1}`;
  const coordinator = coordinatorFor(ctx);
  const writes = action === 'put' ? ctx.writes + 1 : ctx.writes;
  const value = action === 'put' ? `${clientLetter(ctx.number)}${writes}` : null;
  out.set({ ops: ctx.ops + 1, writes, pending: { op, action, key, value, coordinator } });
  out.persist({ ops: ctx.ops + 1, writes });
  out.observe(value === null ? { operation: 'invoke', id: op, action, key } : { operation: 'invoke', id: op, action, key, value });
  if (action === 'get') {
    out.note(`asks ${nodeName(ctx, coordinator)} to get ${key}`);
    out.send(coordinator, { type: 'GET', op, key });
  } else if (ctx.dynamo) {
    const vv = vvMerge([ctx.seen[key] ?? {}, { [ctx.name]: writes }]);
    out.note(`asks ${nodeName(ctx, coordinator)} to put ${key} = ${value} with version ${stampText({ vv })}`);
    out.send(coordinator, { type: 'PUT', op, key, value, vv });
  } else {
    out.note(`asks ${nodeName(ctx, coordinator)} to put ${key} = ${value}`);
    out.send(coordinator, { type: 'PUT', op, key, value });
  }
  out.timer('giveUp', ctx.giveUpTicks);
}

/** The operation returns: what the client saw is observed, told, and kept for the picture. */
function settle(out: Out<ClientContext>, ok: boolean, last: string, note: string, observed: object): void {
  const pending = out.context.pending!;
  out.set({ pending: null, last });
  out.cancel('giveUp');
  out.observe({ operation: 'return', id: pending.op, ok, ...observed });
  out.note(note);
}

function answered(out: Out<ClientContext>, event: Received<'PUT_OK'> | Received<'GET_OK'> | Received<'FAILED'>): void {
  const pending = out.context.pending;
  if (pending === null || pending.op !== event.op) return;
  if (event.type === 'FAILED') return failed(out, event.reason);
  if (event.type === 'PUT_OK') {
    if (out.context.dynamo) out.set({ seen: { ...out.context.seen, [pending.key]: vvMerge([event.version.vv ?? {}]) } });
    return settle(out, true, `put ${pending.key} = ${pending.value}: ok`, `sees its put of ${pending.key} = ${pending.value} succeed`, { version: event.version as unknown as object });
  }
  const versions: readonly Version[] = event.versions;
  if (out.context.dynamo) out.set({ seen: { ...out.context.seen, [pending.key]: vvMerge(versions.map((v) => v.vv ?? {})) } });
  const siblings = versions.length > 1 ? ` (${versions.length} siblings: its next put of ${pending.key} merges them)` : '';
  const got = `${pending.key} = ${valuesText(versions)}`;
  settle(out, true, `get ${got}`, `gets ${got}${siblings}`, { values: versions.map((v) => v.value) });
}

function failed(out: Out<ClientContext>, reason: string): void {
  const { action, key } = out.context.pending!;
  settle(out, false, `${action} ${key} failed: ${reason}`, `sees its ${action} of ${key} fail: ${reason}`, { error: reason });
}

function giveUp(out: Out<ClientContext>): void {
  const pending = out.context.pending;
  if (pending === null) return;
  failed(out, `no answer from ${nodeName(out.context, pending.coordinator)} in time`);
}

const base = setup({
  types: { context: {} as ClientContext, events: {} as ClientEvent, input: {} as MachineInput },
  actions: kitActions,
  guards: {
    /** An answer to the operation it is waiting for (a late answer to an earlier one is ignored). */
    answersPending: ({ context, event }) => 'op' in event && context.pending?.op === event.op,
  },
});

const act = (step: (out: Out<ClientContext>, event: never) => void) =>
  base.enqueueActions(({ context, event, enqueue }) => {
    const out = new Out(context);
    step(out, event as never);
    emit(enqueue as never, out);
  });

const opEvents = Object.fromEntries(
  keyNames.flatMap((key) => [`put-${key}`, `get-${key}`]).map((type) => [type, { target: 'waiting', actions: act(invoke as never) }]),
);

const unusedClient: ClientContext = {
  number: 0,
  name: '',
  storage: [],
  keys: 0,
  opsMax: 0,
  roundRobin: false,
  dynamo: false,
  giveUpTicks: 1,
  ops: 0,
  writes: 0,
  seen: {},
  pending: null,
  last: null,
};

export const client = base.createMachine({
  id: 'client',
  // Without input (XState's throwaway actor in every pure `transition`), a cheap stand-in context.
  context: ({ input }) => {
    if (input === undefined) return unusedClient;
    const storage = input.self.peers['storage'] ?? [];
    const number = (input.self.peers['client'] ?? []).indexOf(input.self.id) + 1;
    const config = input.self.config;
    return {
      number,
      name: `C${number}`,
      storage,
      keys: Number(config['keys']),
      opsMax: Number(config['opsPerClient']),
      roundRobin: config['coordinator'] === 'round-robin',
      dynamo: config['consistency'] === 'dynamo',
      giveUpTicks: 4 * Number(config['timeoutTicks']),
      ...fromLog(input.log),
      seen: {},
      pending: null,
      last: null,
    };
  },
  initial: 'idle',
  states: {
    /** Ready for the next operation. */
    idle: { on: opEvents },
    /** One operation is out; it ends with the coordinator's answer or the client giving up. */
    waiting: {
      on: {
        PUT_OK: { guard: 'answersPending', target: 'idle', actions: act(answered as never) },
        GET_OK: { guard: 'answersPending', target: 'idle', actions: act(answered as never) },
        FAILED: { guard: 'answersPending', target: 'idle', actions: act(answered as never) },
        giveUp: { target: 'idle', actions: act(giveUp as never) },
      },
    },
  },
});

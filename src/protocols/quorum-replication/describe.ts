// What the pictures and the inspector show for each node, in the store's words. On the node
// itself: a replica's keys with their versions (siblings marked, a replica behind marked) and the
// hints it keeps; a client's operation in flight or its last result.
import { inState, type DescribedNode, type NodeFact, type NodeView } from '../kit';
import type { ClientContext } from './client';
import { promiseText } from './promises';
import { configOf, keysWithHomes, replicaOf } from './replicas';
import { homeKeys, type Request, type StorageContext } from './storage-context';
import { holdsAll, merge, stampOf, stampText, versionsText, type Version } from './versions';

const field = (name: string, value: string) => ({ name, value });

/** The node's replicas as a list, one line per version: narrow enough for a phone's cluster. */
function dataFact(view: NodeView<StorageContext>, data: StorageContext['data'], keys: readonly string[]): NodeFact {
  const items = keys.flatMap((key) => {
    const held = data[key] ?? [];
    const homes = keysWithHomes(view.world).find((k) => k.key === key)?.homes ?? [];
    const newest = merge([], homes.flatMap((h) => replicaOf(view.world, h).data[key] ?? []));
    const behind = !holdsAll(held, newest.map(stampOf));
    if (held.length === 0) return [behind ? { text: `${key} = nothing`, mark: 'behind', tone: 'bad' as const } : { text: `${key} = nothing` }];
    return held.map((v) => {
      const text = `${key} = ${v.value} ${stampText(v)}`;
      if (behind) return { text, mark: 'behind', tone: 'bad' as const };
      return held.length > 1 ? { text, mark: 'sibling', tone: 'warn' as const } : { text };
    });
  });
  return { kind: 'list', name: 'replica', items };
}

function requestText(ctx: StorageContext, request: Request): string {
  const client = `C${ctx.clients.indexOf(request.client) + 1}`;
  const what = request.action === 'put' ? `${client}'s put of ${request.key} = ${request.value}` : `${client}'s get of ${request.key}`;
  const progress =
    request.phase === 'read'
      ? `${request.replies.length} of ${ctx.settings.r} replies${request.action === 'put' ? ' (asking for the highest tag)' : ''}`
      : `${request.acks.length} of ${ctx.settings.w} acknowledgements${request.action === 'get' ? ' (writing back)' : ''}`;
  return `${what}: ${progress}${request.sloppy ? ', with stand-ins' : ''}`;
}

function describeStorage(view: NodeView<StorageContext>): DescribedNode {
  if (view.state === null) {
    const replica = replicaOf(view.world, view.id);
    return { status: 'down', fields: [field('state', 'down: its data and hints are on disk'), field('data on disk', dataText(replica.data))] };
  }
  const ctx = view.state.context;
  const keys = homeKeys(ctx);
  const requests = Object.values(ctx.requests);
  const hints = ctx.hints.map((h) => `${h.key} = ${versionsText(h.versions)} for ${h.for}`);
  const sync = !ctx.settings.antiEntropy ? 'off' : ctx.sync.running ? `comparing with its peers: ${ctx.sync.clean} in a row in step` : 'resting: nothing changed since its last round';
  const facts: NodeFact[] = keys.length === 0 ? [] : [dataFact(view, ctx.data, keys)];
  if (hints.length > 0) facts.push({ kind: 'list', name: 'hints', items: hints.map((text) => ({ text, mark: 'hint', tone: 'warn' as const })) });
  const status: DescribedNode['status'] = inState(view.state, 'coordinating') ? 'working' : hints.length > 0 ? 'waiting' : 'idle';
  return {
    status,
    fields: [
      field('home of', keys.length === 0 ? 'no key' : keys.join(', ')),
      field('replicas', dataText(ctx.data, keys)),
      field('hints', hints.length === 0 ? 'none' : hints.join('; ')),
      field('coordinating', requests.length === 0 ? 'nothing' : requests.map((r) => requestText(ctx, r)).join('; ')),
      field('anti-entropy', sync),
      ...(ctx.settings.skew === 0 ? [] : [field('clock', `${ctx.settings.skew > 0 ? 'ahead of' : 'behind'} true time by ${Math.abs(ctx.settings.skew)} ticks`)]),
    ],
    facts,
  };
}

function dataText(data: StorageContext['data'], keys: readonly string[] = Object.keys(data)): string {
  if (keys.length === 0) return 'nothing';
  return keys.map((key) => `${key} = ${versionsText((data[key] ?? []) as readonly Version[])}`).join('; ');
}

function describeClient(view: NodeView<ClientContext>): DescribedNode {
  const promise = field('the store promises', promiseText(configOf(view.world)));
  if (view.state === null) return { status: 'down', fields: [field('state', 'down'), promise] };
  const ctx = view.state.context;
  const pending = ctx.pending;
  const node = (id: number) => `S${ctx.storage.indexOf(id) + 1}`;
  const now = pending === null ? null : `${pending.action} ${pending.key}${pending.value === null ? '' : ` = ${pending.value}`} via ${node(pending.coordinator)}`;
  const last = ctx.last ?? 'nothing yet';
  // On the node, the short form; the reason a request failed is in the inspector.
  const lastShort = last.replace(/ failed: .*$/, ' failed').replace(/ \(\d+ siblings.*$/, '');
  const tone = last.includes('failed') ? 'bad' : last.includes('siblings') ? 'warn' : 'plain';
  const seen = Object.entries(ctx.seen).map(([key, vv]) => `${key} ${stampText({ vv })}`);
  return {
    status: pending === null ? 'idle' : 'waiting',
    fields: [
      field('state', pending === null ? 'ready for a get or a put' : `waiting: ${now}`),
      field('last result', last),
      ...(ctx.dynamo ? [field('causal context', seen.length === 0 ? 'nothing read yet' : seen.join('; '))] : []),
      promise,
    ],
    facts: [pending === null ? { kind: 'value', name: 'last', value: lastShort, tone } : { kind: 'value', name: 'now', value: now! }],
  };
}

export const describe = { client: describeClient, storage: describeStorage };

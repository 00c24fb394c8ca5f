// A storage node as the coordinator of a client's get or put. It asks the key's N home replicas
// (itself directly, when it is one), waits for R replies or W acknowledgements, and answers the
// client; if too few answer before its timer fires it fails the request, or first, with a sloppy
// quorum, asks the next nodes on the ring to stand in. A write that reached fewer than W replicas
// is not rolled back: the replicas that took it keep it.
//
// Under consistency = linearizable this is the multi-writer ABD register: a put first reads the
// highest tag from a read quorum and writes with a higher (counter, operation) tag; a get writes the
// newest value it saw back to a write quorum before returning it. Under dynamo a put writes the
// client's version vector and a get returns every concurrent sibling, repairing stale replicas.
import type { NodeId } from '../../engine';
import type { Rules } from './guards';
import type { Received } from './messages';
import type { Out } from './out';
import { takenLogKey } from './log-text';
import { hintFor, keepHint, store } from './replica';
import { homeOf, nameOf, standInsOf, type Request, type StorageContext } from './storage-context';
import { covered, merge, newer, stampOf, versionsText, versionText, type Version } from './versions';

type Node = Out<StorageContext>;
type Target = { readonly to: NodeId; readonly hint?: string };

const waitTimer = (op: string) => `wait.${op}`;

function update(out: Node, request: Request): void {
  out.set({ requests: { ...out.context.requests, [request.op]: request } });
}

function finish(out: Node, request: Request, reply: object): void {
  const { [request.op]: _done, ...rest } = out.context.requests;
  out.set({ requests: rest });
  out.cancel(waitTimer(request.op));
  out.send(request.client, reply);
}

/** Sends the phase's message to each target; the coordinator answers its own part at once. */
function ask(out: Node, op: string, targets: readonly Target[], rules: Rules): void {
  for (const target of targets) {
    const request = out.context.requests[op]!;
    const hint = target.hint === undefined ? {} : { hint: target.hint };
    if (target.to !== out.context.self) {
      const body = request.phase === 'read' ? { type: 'READ', op, key: request.key, ...hint } : { type: 'WRITE', op, key: request.key, version: request.version, ...hint };
      out.send(target.to, body);
    } else if (request.phase === 'read') {
      const versions = target.hint === undefined ? (out.context.data[request.key] ?? []) : hintFor(out.context, request.key, target.hint);
      update(out, { ...request, replies: [...request.replies, { from: target.to, versions }].sort((a, b) => a.from - b.from) });
    } else {
      if (target.hint !== undefined) keepHint(out, request.key, target.hint, [request.version!]);
      else store(out, request.key, [request.version!], rules);
      update(out, { ...out.context.requests[op]!, acks: [...request.acks, target.to].sort((a, b) => a - b) });
    }
  }
  progress(out, op, rules);
}

const homeTargets = (ctx: StorageContext, key: string): Target[] => homeOf(ctx, key).map((to) => ({ to }));

/** Whether the request is new: not one this node has taken already (a duplicate, or a late copy). */
function isNew(out: Node, event: { op: string; from: NodeId }): boolean {
  const client = nameOf(out.context, event.from);
  const number = Number(event.op.split('.')[1]);
  if (number <= (out.context.taken[client] ?? 0)) return false;
  out.set({ taken: { ...out.context.taken, [client]: number } });
  out.persist({ [takenLogKey(client)]: event.op });
  return true;
}

function open(out: Node, request: Request, rules: Rules): void {
  update(out, request);
  out.timer(waitTimer(request.op), out.context.settings.timeoutTicks);
  ask(out, request.op, homeTargets(out.context, request.key), rules);
}

const fresh = (event: { op: string; key: string; from: NodeId }, action: Request['action']): Request => ({
  op: event.op,
  client: event.from,
  action,
  key: event.key,
  phase: 'read',
  value: null,
  version: null,
  replies: [],
  acks: [],
  sloppy: false,
});

/** The highest tag among versions (0 when none has one). */
const highestTag = (versions: readonly Version[]) => versions.reduce((top, v) => Math.max(top, v.tag ?? 0), 0);

/** The version a put writes when it does not first ask a quorum for the highest tag. */
function stampPut(out: Node, event: Received<'PUT'> & { readonly now?: number }, rules: Rules): Version {
  const { settings, data } = out.context;
  if (settings.consistency === 'linearizable') return { value: event.value, tag: highestTag(data[event.key] ?? []) + 1, by: event.op };
  const vv = event.vv ?? {};
  if (!rules.stampsWithClock()) return { value: event.value, vv };
  return { value: event.value, vv, ts: (event.now ?? 0) + settings.skew, by: out.context.name };
}

export function startPut(out: Node, event: Received<'PUT'> & { readonly now?: number }, rules: Rules): void {
  if (!isNew(out, event)) return;
  const client = nameOf(out.context, event.from);
  if (rules.asksForTag()) {
    out.note(`coordinates ${client}'s put of ${event.key} = ${event.value}: first it asks the home replicas for the highest tag`);
    open(out, { ...fresh(event, 'put'), value: event.value }, rules);
    return;
  }
  const version = stampPut(out, event, rules);
  out.note(`coordinates ${client}'s put of ${event.key} = ${versionText(version)} and sends it to the home replicas`);
  open(out, { ...fresh(event, 'put'), phase: 'write', value: event.value, version }, rules);
}

export function startGet(out: Node, event: Received<'GET'>, rules: Rules): void {
  if (!isNew(out, event)) return;
  out.note(`coordinates ${nameOf(out.context, event.from)}'s get of ${event.key} and asks the home replicas`);
  open(out, fresh(event, 'get'), rules);
}

export function takeValue(out: Node, event: Received<'VALUE'>, rules: Rules): void {
  const request = out.context.requests[event.op];
  if (request === undefined || request.phase !== 'read' || request.replies.some((r) => r.from === event.from)) return;
  update(out, { ...request, replies: [...request.replies, { from: event.from, versions: event.versions }].sort((a, b) => a.from - b.from) });
  progress(out, event.op, rules);
}

export function takeAck(out: Node, event: Received<'ACK'>, rules: Rules): void {
  const request = out.context.requests[event.op];
  if (request === undefined || request.phase !== 'write' || request.acks.includes(event.from)) return;
  update(out, { ...request, acks: [...request.acks, event.from].sort((a, b) => a - b) });
  progress(out, event.op, rules);
}

function progress(out: Node, op: string, rules: Rules): void {
  const request = out.context.requests[op];
  if (request === undefined) return;
  if (request.phase === 'read' && rules.readQuorum(request.replies.length)) endRead(out, request, rules);
  else if (request.phase === 'write' && request.acks.length >= out.context.settings.w) endWrite(out, request);
}

/** "itself and S2": the nodes in a note about the coordinator. */
const who = (out: Node, ids: readonly NodeId[]) => ids.map((id) => (id === out.context.self ? 'itself' : nameOf(out.context, id))).join(' and ');

/** A read quorum answered: a put now knows its tag; a get answers, or first writes back. */
function endRead(out: Node, request: Request, rules: Rules): void {
  const seen = request.replies.flatMap((r) => r.versions);
  const from = who(out, request.replies.map((r) => r.from));
  if (request.action === 'put') {
    const client = nameOf(out.context, request.client);
    const version: Version = { value: request.value!, tag: highestTag(seen) + 1, by: request.op };
    out.note(`has the tags from ${from}: ${highestTag(seen) === 0 ? 'none has a tag yet' : `the highest is ${highestTag(seen)}`}, so ${client}'s put gets ${versionText(version)} and goes to the home replicas`);
    return writePhase(out, { ...request, version }, rules);
  }
  if (out.context.settings.consistency === 'dynamo') return answerDynamoRead(out, request, seen, rules);
  const best = seen.reduce<Version | null>((top, v) => (top === null || newer(v, top) ? v : top), null);
  const agree = request.replies.every((r) => r.versions.length === (best === null ? 0 : 1) && (best === null || !newer(best, r.versions[0]!)));
  if (best !== null && rules.writesBackFirst(agree)) {
    out.note(`read ${request.key} = ${versionText(best)} from ${from}; before answering it writes it back to a write quorum`);
    return writePhase(out, { ...request, version: best }, rules);
  }
  out.note(`read ${request.key} = ${best === null ? 'nothing' : versionText(best)} from ${from} and answers`);
  finish(out, request, { type: 'GET_OK', op: request.op, key: request.key, versions: best === null ? [] : [best] });
}

function writePhase(out: Node, request: Request, rules: Rules): void {
  update(out, { ...request, phase: 'write', acks: [], sloppy: false });
  out.timer(waitTimer(request.op), out.context.settings.timeoutTicks);
  ask(out, request.op, homeTargets(out.context, request.key), rules);
}

/** Dynamo: every concurrent sibling goes to the client; stale home replicas it heard from are repaired. */
function answerDynamoRead(out: Node, request: Request, seen: readonly Version[], rules: Rules): void {
  const merged = merge([], seen);
  const text = versionsText(merged);
  out.note(`read ${request.key} from ${who(out, request.replies.map((r) => r.from))}: ${merged.length > 1 ? `${merged.length} concurrent siblings, ${text}` : text}`);
  finish(out, request, { type: 'GET_OK', op: request.op, key: request.key, versions: merged });
  if (!rules.repairsOnRead()) return;
  const home = homeOf(out.context, request.key);
  for (const reply of request.replies) {
    if (!home.includes(reply.from) || merged.every((v) => covered(stampOf(v), reply.versions.map(stampOf)))) continue;
    out.note(`read repair: ${nameOf(out.context, reply.from)} held ${versionsText(reply.versions)}, so it sends it ${text}`);
    if (reply.from === out.context.self) store(out, request.key, merged, rules);
    else out.send(reply.from, { type: 'REPAIR', key: request.key, versions: merged });
  }
}

function endWrite(out: Node, request: Request): void {
  const acks = who(out, request.acks);
  const version = request.version!;
  if (request.action === 'get') {
    out.note(`has written ${request.key} = ${versionText(version)} back to ${acks}: it answers the get`);
    return finish(out, request, { type: 'GET_OK', op: request.op, key: request.key, versions: [version] });
  }
  out.note(`has ${request.acks.length} acknowledgements (${acks}): ${nameOf(out.context, request.client)}'s put of ${request.key} = ${version.value} is done`);
  finish(out, request, { type: 'PUT_OK', op: request.op, key: request.key, version });
}

/** The request's timer fired: ask stand-ins once (sloppy quorum), else fail it. Nothing is rolled back. */
export function timeout(out: Node, op: string, rules: Rules): void {
  const request = out.context.requests[op];
  if (request === undefined) return;
  const answered = request.phase === 'read' ? request.replies.map((r) => r.from) : request.acks;
  const missing = homeOf(out.context, request.key).filter((id) => !answered.includes(id));
  const standIns = standInsOf(out.context, request.key).filter((id) => !answered.includes(id));
  const pairs = missing.slice(0, standIns.length).map((home, i) => ({ to: standIns[i]!, hint: nameOf(out.context, home) }));
  if (!request.sloppy && pairs.length > 0 && rules.usesStandIns()) {
    out.note(`has heard from only ${who(out, answered) || 'no one'} in time: ${pairs.map((p) => `${nameOf(out.context, p.to)} stands in for ${p.hint}`).join(', ')}`);
    update(out, { ...request, sloppy: true });
    out.timer(waitTimer(op), out.context.settings.timeoutTicks);
    return ask(out, op, pairs, rules);
  }
  const [count, need, what] = request.phase === 'read' ? [answered.length, out.context.settings.r, 'replies'] : [answered.length, out.context.settings.w, 'acknowledgements'];
  const reason = `timed out: ${count} of ${need} ${what}`;
  const keepers = answered.map((id) => nameOf(out.context, id));
  const kept = request.phase === 'write' && count > 0 ? `; nothing is rolled back: ${keepers.join(' and ')} ${keepers.length > 1 ? 'keep' : 'keeps'} ${request.version!.value}` : '';
  out.note(`gives up on ${nameOf(out.context, request.client)}'s ${request.action} of ${request.key}: ${reason}${kept}`);
  finish(out, request, { type: 'FAILED', op, key: request.key, reason });
}

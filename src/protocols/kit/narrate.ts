// Narration: one plain sentence per interesting trace event, using node names and the
// protocol's own words for messages. It is generic; a protocol adds its story through `note`
// effects, which read as a sentence about the node ("P2" + "votes YES and is now in doubt").
import { nodeName, type Envelope, type Json, type MessageBody, type TraceEvent, type World } from '../../engine';
import { timerTitle } from './events';

export interface NarrationWords {
  describeMessage(body: MessageBody): string;
  /** What a client operation asks for, completing "a client asks P2 to ...". */
  opPhrase(op: string): string;
}

function message(world: World, words: NarrationWords, e: Envelope): string {
  return `${words.describeMessage(e.body)} from ${nodeName(world, e.from)} to ${nodeName(world, e.to)}`;
}

function value(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "vote = yes, outcome = commit". */
export function formatRecord(data: { readonly [key: string]: Json }): string {
  const entries = Object.entries(data);
  return entries.length === 0 ? 'nothing' : entries.map(([k, v]) => `${k} = ${value(v)}`).join(', ');
}

/** Why a message never arrived, in words; the narration and the timeline's tooltips both use it. */
export const dropReasonWords = {
  chosen: 'is dropped',
  loss: 'is lost',
  'node-down': 'is lost: its receiver is down',
  partition: 'is lost: the network is cut between them',
} as const;

function drop(world: World, words: NarrationWords, event: Extract<TraceEvent, { type: 'drop' }>): string {
  const what = `the message ${message(world, words, event.envelope)}`;
  if (event.reason === 'node-down') return `${what} is lost: ${nodeName(world, event.envelope.to)} is down`;
  return `${what} ${dropReasonWords[event.reason]}`;
}

function reported(v: Json): string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return value(v);
  const record = v as { readonly [key: string]: Json };
  return formatRecord(record);
}

/** A machine state's label as words: "decided.abort" -> "decided: abort", "voteTimeout" -> "vote timeout". */
export function stateWords(label: string): string {
  return label
    .split(', ')
    .map((leaf) => leaf.split('.').map(camelWords).join(': '))
    .join(', ');
}

const camelWords = (word: string) => word.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** The events a step's narration leaves out; a tooltip (`detail`) still tells them. */
function detailOnly(world: World, event: TraceEvent): string | null {
  const name = (node: number) => nodeName(world, node);
  switch (event.type) {
    case 'state':
      return `${name(event.node)} is now ${stateWords(event.to)}`;
    case 'timer-cancel':
      return `${name(event.timer.node)} cancels timer ${timerTitle(event.timer.name)}`;
    case 'observe':
      return `${name(event.node)} reports ${reported(event.value)}`;
    default:
      return null;
  }
}

function groups(world: World, list: readonly (readonly number[])[]): string {
  return list.map((g) => `[${g.map((n) => nodeName(world, n)).join(', ')}]`).join(' and ');
}

/**
 * One sentence for the event, or null when it is not worth a line in the story (state changes,
 * cancelled timers, reports): with `detail` (a tooltip on one mark) those are told too.
 */
export function narrate(world: World, event: TraceEvent, words: NarrationWords, detail = false): string | null {
  const name = (node: number) => nodeName(world, node);
  switch (event.type) {
    case 'send':
      return `${name(event.envelope.from)} sends ${words.describeMessage(event.envelope.body)} to ${name(event.envelope.to)}`;
    case 'deliver':
      return `${name(event.envelope.to)} receives ${words.describeMessage(event.envelope.body)} from ${name(event.envelope.from)}`;
    case 'drop':
      return drop(world, words, event);
    case 'duplicate':
      return event.network
        ? `the network duplicates the message ${message(world, words, event.envelope)}`
        : `the message ${message(world, words, event.envelope)} is duplicated`;
    case 'timer-set':
      return `${name(event.timer.node)} sets timer ${timerTitle(event.timer.name)} for ${event.timer.dueTick - event.timer.setTick} ticks`;
    case 'timer-fire':
      // Early: the clock jumps to the timer's due tick ahead of a timer due sooner; late: the
      // clock had passed its due tick. No real clock would do either; a search that ignores due
      // times may. Messages due sooner still in flight are late instead, which a network may be.
      if (event.early)
        return `timer ${timerTitle(event.timer.name)} fires early on ${name(event.timer.node)} (due at tick ${event.timer.dueTick}, it goes ahead of a timer due sooner)`;
      if (event.late) return `timer ${timerTitle(event.timer.name)} fires late on ${name(event.timer.node)} (it was due at tick ${event.timer.dueTick})`;
      return event.overtakes
        ? `timer ${timerTitle(event.timer.name)} fires on ${name(event.timer.node)} while messages due sooner are still on their way (they arrive late)`
        : `timer ${timerTitle(event.timer.name)} fires on ${name(event.timer.node)}`;
    case 'crash':
      return `${name(event.node)} crashes`;
    case 'restart':
      return `${name(event.node)} restarts`;
    case 'partition':
      return `the network is cut into ${groups(world, event.groups)}`;
    case 'heal':
      return 'the network heals: every node can reach every other again';
    case 'network':
      return `the network now loses ${event.lossPercent}% of messages and duplicates ${event.duplicationPercent}%`;
    case 'client':
      return `a client asks ${name(event.node)} to ${words.opPhrase(event.op)}`;
    case 'persist':
      return `${name(event.node)} writes to its log: ${formatRecord(event.data)}`;
    case 'note':
      return `${name(event.node)} ${event.text}`;
    case 'violation':
      return `VIOLATION of ${event.rule}: ${event.message}`;
    case 'condition':
      return event.active ? `condition ${event.rule}: ${event.message}` : `condition ${event.rule} no longer holds`;
    case 'halt':
      return `the run stops: ${event.message}`;
    case 'state':
    case 'timer-cancel':
    case 'observe':
      return detail ? detailOnly(world, event) : null;
  }
}

// Plain-text details for a hovered or focused mark. The protocol's `narrate` writes the event
// log; these are the shorter, uniform lines of a tooltip, and never contain markup.
import type { Envelope, TraceEvent } from '../engine';
import { timerTitle } from '../protocols/kit/events';
import { eventsAtStep } from './timeline-hit';
import type { Arrow } from './timeline-types';

export interface TextNames {
  readonly nodes: readonly { readonly name: string }[];
  readonly describeMessage?: (body: { readonly type: string }) => string;
}

const name = (names: TextNames, node: number) => names.nodes[node]?.name ?? `node ${node}`;

const when = (e: { step: number; tick: number }) => `step ${e.step}, tick ${e.tick}`;

function message(names: TextNames, envelope: Envelope): string {
  const words = names.describeMessage?.(envelope.body) ?? envelope.body.type;
  return `${words} from ${name(names, envelope.from)} to ${name(names, envelope.to)}`;
}

const dropWords = {
  chosen: 'dropped by hand',
  loss: 'lost by the network',
  'node-down': 'lost: the receiver was down',
  partition: 'lost: the partition cut it off',
} as const;

/** One plain sentence about an event, with its step and tick. */
export function describeEvent(event: TraceEvent, names: TextNames): string {
  const at = when(event);
  switch (event.type) {
    case 'send':
      return `${message(names, event.envelope)} sent (${at}), due at tick ${event.envelope.deliverTick}`;
    case 'deliver':
      return `${message(names, event.envelope)} delivered (${at})`;
    case 'drop':
      return `${message(names, event.envelope)} ${dropWords[event.reason]} (${at})`;
    case 'duplicate':
      return `${message(names, event.envelope)} duplicated${event.network ? ' by the network' : ''} (${at})`;
    case 'timer-set':
      return `${name(names, event.timer.node)} set timer ${timerTitle(event.timer.name)} for tick ${event.timer.dueTick} (${at})`;
    case 'timer-fire':
      return `${name(names, event.timer.node)}: timer ${timerTitle(event.timer.name)} fired${event.early ? ' early' : ''} (${at})`;
    case 'timer-cancel':
      return `${name(names, event.timer.node)} cancelled timer ${timerTitle(event.timer.name)} (${at})`;
    case 'crash':
      return `${name(names, event.node)} crashed (${at})`;
    case 'restart':
      return `${name(names, event.node)} restarted (${at})`;
    case 'partition':
      return `network cut into ${event.groups.map((g) => `{${g.map((n) => name(names, n)).join(', ')}}`).join(' | ')} (${at})`;
    case 'heal':
      return `network healed (${at})`;
    case 'network':
      return `network: loss ${event.lossPercent}%, duplication ${event.duplicationPercent}% (${at})`;
    case 'client':
      return `${name(names, event.node)} got client operation "${event.op}" (${at})`;
    case 'state':
      return `${name(names, event.node)}: ${event.from || 'start'} → ${event.to} (${at})`;
    case 'persist':
      return `${name(names, event.node)} saved ${Object.keys(event.data).join(', ')} to disk (${at})`;
    case 'observe':
      return `${name(names, event.node)} reported ${JSON.stringify(event.value)} (${at})`;
    case 'note':
      return `${name(names, event.node)}: ${event.text} (${at})`;
    case 'violation':
      return `violation of ${event.rule}: ${event.message} (${at})`;
    case 'condition':
      return `${event.active ? '' : 'no longer: '}${event.rule}: ${event.message} (${at})`;
    case 'halt':
      return `run stopped: ${event.message} (${at})`;
  }
}

/** A message's whole story in one line, for its arrow's tooltip. */
export function describeArrow(arrow: Arrow, names: TextNames): string {
  const head = `${arrow.label} from ${name(names, arrow.from)} to ${name(names, arrow.to)}`;
  const copy = arrow.copyOf !== null ? ` (a copy of message #${arrow.copyOf})` : '';
  const copies = arrow.copies > 0 ? `, duplicated ${arrow.copies}×` : '';
  const sent = `${arrow.copyOf !== null ? 'made' : 'sent'} at step ${arrow.sendStep} (tick ${arrow.sendTick})`;
  const end =
    arrow.outcome === 'delivered'
      ? `delivered at step ${arrow.endStep} (tick ${arrow.endTick})`
      : arrow.outcome === 'dropped'
        ? `${dropWords[arrow.dropReason!]} at step ${arrow.endStep}`
        : `in flight, due at tick ${arrow.deliverTick}`;
  return `${head}${copy}: ${sent}, ${end}${copies}`;
}

/** How an in-flight message is named on its button: "VOTE yes from P2 to coordinator, due at tick 40". */
export function messageButtonLabel(envelope: Envelope, names: TextNames): string {
  const copy = envelope.copyOf !== undefined ? ' (copy)' : '';
  return `${message(names, envelope)}${copy}, due at tick ${envelope.deliverTick}`;
}

/** What one step did, in a line: its first few events, for the timeline's status line and its slider value. */
export function describeStep(events: readonly TraceEvent[], step: number, names: TextNames, most = 3): string {
  const at = eventsAtStep(events, step).filter((e) => e.type !== 'timer-set' && e.type !== 'persist');
  if (at.length === 0) return `Step ${step}: nothing recorded.`;
  const words = at.slice(0, most).map((e) => describeEvent(e, names).replace(/ \(step \d+, tick \d+\)/, ''));
  const more = at.length > most ? `; and ${at.length - most} more` : '';
  return `Step ${step}, tick ${at[0]!.tick}: ${words.join('; ')}${more}.`;
}

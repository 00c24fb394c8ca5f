// Plain-text details for a hovered or focused mark, the timeline's status line and message
// buttons. The sentences are the protocol's one narration (told in detail, so even state changes
// and reports have one), with the step and tick added; none of it is ever markup.
import type { Envelope, MessageBody, TraceEvent } from '../engine';
import { dropReasonWords } from '../protocols/kit/narrate';
import { sentence } from '../protocols/kit/narrate-steps';
import { eventsAtStep } from './timeline-hit';
import type { Arrow } from './timeline-types';

export interface TextNames {
  readonly nodes: readonly { readonly name: string; readonly role?: string }[];
  readonly describeMessage?: (body: MessageBody) => string;
  /** The protocol's sentence for any event, told in detail (a tooltip tells every kind). */
  readonly narrate: (event: TraceEvent) => string | null;
}

const name = (names: TextNames, node: number) => names.nodes[node]?.name ?? `node ${node}`;

const when = (e: { step: number; tick: number }) => `step ${e.step}, tick ${e.tick}`;

function message(names: TextNames, envelope: Envelope): string {
  const words = names.describeMessage?.(envelope.body) ?? envelope.body.type;
  return `${words} from ${name(names, envelope.from)} to ${name(names, envelope.to)}`;
}

/** One plain sentence about an event, without its step: what the narration says of it. */
function told(event: TraceEvent, names: TextNames): string {
  return sentence(names.narrate(event) ?? `${event.type} event`).replace(/\.$/, '');
}

/** One plain sentence about an event, with its step and tick. */
export function describeEvent(event: TraceEvent, names: TextNames): string {
  return `${told(event, names)} (${when(event)})`;
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
        ? `${dropReasonWords[arrow.dropReason!].replace(/^is /, '')} at step ${arrow.endStep}`
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
  const words = at.slice(0, most).map((e) => told(e, names));
  const more = at.length > most ? `; and ${at.length - most} more` : '';
  return `Step ${step}, tick ${at[0]!.tick}: ${words.join('; ')}${more}.`;
}

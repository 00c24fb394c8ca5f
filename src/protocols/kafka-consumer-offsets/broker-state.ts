// What the broker holds, and how it reads it back from its log after a crash. The broker is the
// topic's partitions (append-only logs), the group coordinator (membership and the committed
// offsets, Kafka's __consumer_offsets) and, for exactly-once, the transaction coordinator (the
// transactions it committed and the output it still has to write to the sink).
import type { NodeId, Persisted } from '../../engine';
import type { MachineInput } from '../kit';
import { emptyGroup, type Group } from '../kafka/group';
import type { Logs } from '../kafka/log';
import type { Committed } from '../kafka/offsets';
import type { KafkaRecord } from '../kafka/records';
import { consumerName, settingsOf, type Settings } from './config';
import { readCommitted, readIds, readLogs, readOutbox } from './persisted';

/** A committed transaction whose output the sink has not yet confirmed. */
export type PendingWrite = {
  readonly id: string;
  readonly by: string;
  readonly records: readonly KafkaRecord[];
};

export interface BrokerContext {
  readonly settings: Settings;
  /** Member name -> node, for answering and for the session timers. */
  readonly consumers: readonly NodeId[];
  readonly sink: NodeId;
  readonly logs: Logs;
  readonly committed: Committed;
  readonly group: Group;
  /** Transactions committed (exactly-once), so a retried one is confirmed, not applied twice. */
  readonly applied: readonly string[];
  readonly outbox: readonly PendingWrite[];
  readonly boot: 'fresh' | 'recovered' | null;
}

export function brokerContext(input: MachineInput): BrokerContext {
  const settings = settingsOf(input.self.config);
  const log: Persisted = input.log ?? {};
  const generation = typeof log['generation'] === 'number' ? log['generation'] : 0;
  const logs = readLogs(log, settings.partitions);
  return {
    settings,
    consumers: [...(input.self.peers['consumer'] ?? [])],
    sink: input.self.peers['sink']?.[0] ?? -1,
    logs,
    committed: readCommitted(log, settings.partitions),
    group: emptyGroup(generation),
    applied: readIds(log['transactions']),
    outbox: readOutbox(log['to write'], logs),
    boot: input.log === null ? 'fresh' : 'recovered',
  };
}

/** The node of a member ("C2"), or -1 for a name that is no consumer. */
export function memberNode(context: BrokerContext, name: string): NodeId {
  const index = Number(name.slice(1)) - 1;
  return /^C\d+$/.test(name) ? (context.consumers[index] ?? -1) : -1;
}

/** The member name of a consumer node. */
export const memberName = (context: BrokerContext, node: NodeId): string => consumerName(context.consumers.indexOf(node));

/** The member a session timer belongs to: "session.C1" -> "C1". */
export const sessionMember = (timer: string): string => timer.slice('session.'.length);
export const sessionTimer = (member: string): string => `session.${member}`;

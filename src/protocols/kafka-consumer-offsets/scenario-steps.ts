// Steps the scenarios share: forming the group, producing a record. Written with node names and
// message picks, and mostly as "let it run until this message arrives", so every heartbeat and
// session timer fires in its turn and a scenario reads as the story it tells.
import { deliver, runUntil, type ScenarioStep } from '../kit';

/** C1 and C2 join, generation 1 starts, C1 leads and assigns, both hear their partitions. */
export const formGroup: readonly ScenarioStep[] = [
  runUntil('JOIN', 'C1', 'broker'),
  runUntil('JOIN', 'C2', 'broker', 'C1 and C2 ask to join. The group was empty, so the coordinator waits a moment for more members.'),
  runUntil('JOINED', 'broker', 'C1', 'Generation 1 starts with C1 and C2. The first member, C1, leads: it splits the partitions and sends the split in SYNC.'),
  runUntil('SYNC', 'C1', 'broker', 'The coordinator installs the assignment and tells each member its partitions, with the committed offsets: none yet.'),
  runUntil('ASSIGNED', 'broker', 'C2', 'Nothing is committed yet, so each consumer starts at the first record of what it owns (auto.offset.reset=earliest), and polls.'),
];

/** C1 alone forms generation 1 (C2 is down), owning every partition. */
export const formGroupAlone: readonly ScenarioStep[] = [
  { do: 'crash', node: 'C2' },
  { do: 'drop', message: { type: 'JOIN', from: 'C2' }, caption: 'C2 is not running yet.' },
  runUntil('JOIN', 'C1', 'broker'),
  runUntil('ASSIGNED', 'broker', 'C1', 'C1 forms generation 1 alone, leads it and owns every partition.'),
];

/** The producer appends its next record and hears it is in. */
export function produce(caption?: string): ScenarioStep[] {
  return [{ do: 'client', node: 'producer', op: 'produce' }, runUntil('PRODUCED', 'broker', 'producer', caption)];
}

/** C1 and C2 form generation 1, but `member`'s JOINED is lost: its retry timer asks again, and the coordinator hears it. */
export const joinedLost = (member: 'C1' | 'C2'): ScenarioStep[] => [
  runUntil('JOIN', 'C1', 'broker'),
  runUntil('JOIN', 'C2', 'broker'),
  { do: 'fire', node: 'broker', timer: 'rebalance' },
  { do: 'drop', message: { type: 'JOINED', to: member } },
  { do: 'fire', node: member, timer: 'retry' },
  deliver('JOIN', member, 'broker'),
];

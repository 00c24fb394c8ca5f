// The options of Paxos (the kit adds the shared network options) and its topology: proposers
// P1..Pn, then acceptors A1..Am. Proposers also act as the learners.
import type { ConfigOf, ConfigOption, Placement } from '../kit';

export const options = [
  {
    key: 'proposers',
    label: 'Proposers',
    help: 'How many proposers may try to get a value chosen. They also learn the chosen value.',
    kind: 'int',
    default: 2,
    min: 1,
    max: 3,
    message: '1 to 3 proposers',
  },
  {
    key: 'acceptors',
    label: 'Acceptors',
    help: 'How many acceptors vote on ballots. A majority of them chooses a value.',
    kind: 'int',
    default: 3,
    min: 3,
    max: 7,
    message: '3 to 7 acceptors',
  },
  {
    key: 'retryTicks',
    label: 'Retry timeout (ticks)',
    help: 'How long a proposer waits for a ballot to succeed before it tries again with a higher one.',
    kind: 'int',
    default: 80,
    min: 10,
    max: 1000,
    message: '10 to 1000 ticks',
  },
  {
    key: 'randomizedBackoff',
    label: 'Randomized backoff',
    help: 'Each retry waits a random time between one and two retry timeouts, so dueling proposers drift apart.',
    kind: 'boolean',
    default: false,
  },
] as const satisfies readonly ConfigOption[];

/** The config as the machines read it: `proposers`, `acceptors`, `retryTicks`, `randomizedBackoff`. */
export type PaxosConfig = ConfigOf<typeof options>;

/** Each proposer's own value: "A" for P1, "B" for P2, "C" for P3. */
export const ownValue = (proposer: number): string => String.fromCharCode(64 + proposer);

/** The smallest majority of `count` acceptors. */
export const majorityOf = (count: number): number => Math.floor(count / 2) + 1;

export function topology(config: PaxosConfig): Placement[] {
  return [
    ...Array.from({ length: config.proposers }, (_, i) => ({ role: 'proposer', name: `P${i + 1}` })),
    ...Array.from({ length: config.acceptors }, (_, i) => ({ role: 'acceptor', name: `A${i + 1}` })),
  ];
}

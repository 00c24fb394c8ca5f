// The options of two-phase commit (the kit adds the shared network options) and its topology:
// one coordinator, then participants P1..Pn.
import type { ConfigOf, ConfigOption, Placement } from '../kit';

export const options = [
  {
    key: 'participants',
    label: 'Participants',
    help: 'How many participants (resource managers) take part in the transaction.',
    kind: 'int',
    default: 3,
    min: 2,
    max: 7,
    message: '2 to 7 participants',
  },
  {
    key: 'voteTimeoutTicks',
    label: 'Vote timeout (ticks)',
    help: 'How long the coordinator waits for every vote before it decides ABORT.',
    kind: 'int',
    default: 60,
    min: 10,
    max: 1000,
    message: '10 to 1000 ticks',
  },
  {
    key: 'retryTicks',
    label: 'Retry interval (ticks)',
    help: 'How often the coordinator resends its decision, and a participant in doubt asks for it.',
    kind: 'int',
    default: 50,
    min: 10,
    max: 1000,
    message: '10 to 1000 ticks',
  },
] as const satisfies readonly ConfigOption[];

/** The config as the machines read it: `participants`, `voteTimeoutTicks`, `retryTicks`. */
export type TwoPhaseConfig = ConfigOf<typeof options>;

export function topology(config: TwoPhaseConfig): Placement[] {
  return [
    { role: 'coordinator', name: 'coordinator' },
    ...Array.from({ length: config.participants }, (_, i) => ({ role: 'participant', name: `P${i + 1}` })),
  ];
}

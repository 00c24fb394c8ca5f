// Runs with a zombie: a consumer cut off from the coordinator long enough to be removed from the
// group, while it goes on working. The generation fences it: its commit, or its transaction, is
// refused. The broken variants (scenarios-broken.ts) replay the same stories without the fence.
import { runUntil, type Scenario, type ScenarioStep } from '../kit';
import { formGroup, produce } from './scenario-steps';

/**
 * C1 polls r1 and is cut off from everyone; the group removes it and C2 takes p0 over and handles
 * r1 (`takeover`: the message that shows it); then the network heals and C1 goes on where it was.
 */
export function zombieSteps(takeover: ScenarioStep): ScenarioStep[] {
  return [
    ...formGroup,
    ...produce('The producer appends r1 to p0, which C1 owns.'),
    runUntil('RECORDS', 'broker', 'C1', 'C1 polls r1.'),
    { do: 'partition', groups: [['C1']], caption: 'The network cuts C1 off. It still runs and holds r1, but its heartbeats no longer arrive.' },
    runUntil('JOIN', 'C2', 'broker', 'No heartbeat from C1 for the session timeout: the coordinator removes C1 and rebalances. C2 hears of it and rejoins. C1 does not know: it is a zombie.'),
    runUntil('ASSIGNED', 'broker', 'C2', 'Generation 2 has only C2, which now owns p0 too. Nothing was committed on p0, so C2 starts at r1.'),
    takeover,
    { do: 'heal', caption: 'The network heals, and C1 goes on where it was.' },
  ];
}

const zombieAtLeastOnce: Scenario = {
  id: 'session-timeout-zombie',
  title: 'A session timeout makes a zombie, and its commit is fenced',
  summary: 'C1 is cut off while it processes r1; the group removes it and C2 takes p0 over. When C1\'s commit finally arrives it carries generation 1 and is refused: ILLEGAL_GENERATION.',
  steps: [
    ...zombieSteps(runUntil('OUTPUT', 'C2', 'sink', 'C2 polls r1 and processes it.')),
    runUntil('COMMIT_FAILED', 'broker', 'C1', 'C1 writes r1 to the sink again (at-least-once allows the duplicate), but its commit, still for generation 1, is refused: ILLEGAL_GENERATION. Now C1 knows it was a zombie, and rejoins.'),
  ],
};

const zombieExactlyOnce: Scenario = {
  id: 'exactly-once-zombie-fenced',
  title: 'Exactly-once fences a zombie\'s transaction',
  summary: 'C1 is cut off with its transaction for r1 on the way. C2 takes p0 over and commits r1 in its own transaction. C1\'s transaction, from generation 1, is fenced: the sink has r1 once.',
  config: { semantics: 'exactly-once' },
  steps: [
    ...zombieSteps(runUntil('TXN', 'C2', 'broker', 'C2 polls r1 and commits its output with the offset in one transaction, for generation 2.')),
    runUntil('TXN_FENCED', 'broker', 'C1', 'C1 sends its own transaction for r1, from generation 1: it is fenced and its output thrown away. The sink has r1 once, from C2.'),
  ],
};

export const zombieScenarios: readonly Scenario[] = [zombieAtLeastOnce, zombieExactlyOnce];

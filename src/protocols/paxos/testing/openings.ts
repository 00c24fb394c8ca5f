// Openings the Paxos tests share: the steps that bring a run to where each test's story starts.
import { deliver, type ScenarioStep } from '../../kit';

/** P1 proposes and holds promises for (1,P1) from A1 and A2, a majority: its ACCEPTs are on their way. */
export const p1Promised: readonly ScenarioStep[] = [
  { do: 'client', node: 'P1', op: 'propose' },
  deliver('PREPARE', 'P1', 'A1'),
  deliver('PREPARE', 'P1', 'A2'),
  deliver('PROMISE', 'A1', 'P1'),
  deliver('PROMISE', 'A2', 'P1'),
];

// Where `fault-lines check paxos` starts, for any number of proposers and acceptors: P1 gets its
// value A chosen by the smallest majority of acceptors, A1 onwards; the others hear nothing of
// it; P1 learns it, and the news to every other proposer is lost. The checker must then find, on
// its own, whether a later ballot can choose anything else.
import { deliver, type CheckingPrefix, type Config, type ScenarioStep } from '../kit';
import { majorityOf } from './config';
import { nameListOf } from './names';

const names = (prefix: string, from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => `${prefix}${from + i}`);

export function checkingStartFor(config: Config): CheckingPrefix {
  const acceptors = Number(config['acceptors']);
  const majority = majorityOf(acceptors);
  const quorum = names('A', 1, majority);
  const others = names('A', majority + 1, acceptors);
  const learners = names('P', 2, Number(config['proposers']));
  const toQuorum = (type: string, from: string) => quorum.map((a) => deliver(type, from, a));
  const toOthers = (type: string): ScenarioStep[] => others.map((a) => ({ do: 'drop', message: { type, to: a } }));
  const steps: ScenarioStep[] = [
    { do: 'client', node: 'P1', op: 'propose' },
    ...toQuorum('PREPARE', 'P1'),
    ...toOthers('PREPARE'),
    ...quorum.map((a) => deliver('PROMISE', a, 'P1')),
    ...toQuorum('ACCEPT', 'P1'),
    ...toOthers('ACCEPT'),
    ...quorum.map((a) => deliver('ACCEPTED', a, 'P1')),
    ...learners.flatMap((p) => quorum.map((): ScenarioStep => ({ do: 'drop', message: { type: 'ACCEPTED', to: p } }))),
  ];
  const heard = learners.length === 0 ? 'P1 has learned it' : `${nameListOf(learners)} ${learners.length === 1 ? 'has' : 'have'} not heard`;
  return { summary: `A chosen by ${nameListOf(quorum)} in ballot (1,P1); ${heard}`, steps };
}

// Every protocol Fault Lines knows, in the order the gallery shows them.
import type { Protocol } from './kit/types';
import { paxos } from './paxos';
import { twoPhaseCommit } from './two-phase-commit';

export const protocols: readonly Protocol[] = [twoPhaseCommit, paxos];

export function protocolById(id: string): Protocol | undefined {
  return protocols.find((p) => p.id === id);
}

// Two acceptor bugs a reviewer planted in Paxos, kept for the tests and the bench only (not in
// the catalogue: they teach nothing the forgetful acceptor does not). Each passed every check of
// the correct variant that searched from the usual start; the regression runs in
// regressions.test.ts and the random walks from the very start catch both.
import { createMachine } from 'xstate';
import type { Persisted } from '../../../engine';
import type { MachineInput } from '../../kit';
import type { Protocol } from '../../kit/types';
import { acceptor, acceptorSetup } from '../acceptor';
import { parseBallot } from '../ballot';
import { definePaxos } from '../index';

/** Writes its acceptances to its log, but not its promises. */
const unloggedPromise = acceptor.provide({
  actions: { logPromise: acceptorSetup.enqueueActions(() => undefined) },
});

/** On restart, reads its promise from the `accepted` field of its log. */
const misreadLog = createMachine({
  ...acceptor.config,
  context: ({ input }: { input: MachineInput }) => {
    const log: Persisted | null = input.log;
    const value = log?.['value'];
    return {
      promised: parseBallot(log?.['accepted']),
      accepted: parseBallot(log?.['accepted']),
      value: typeof value === 'string' ? value : null,
      boot: log === null ? 'fresh' : 'recovered',
    };
  },
} as typeof acceptor.config).provide(acceptor.implementations as never) as unknown as typeof acceptor;

/** Paxos with the two planted bugs as variants beside its own. */
export const paxosWithPlantedBugs: Protocol = definePaxos([
  { id: 'unlogged-promise', title: 'Unlogged promise', explanation: 'An acceptor writes its acceptances to its log but not its promises.', machines: { acceptor: unloggedPromise } },
  { id: 'misread-log', title: 'Misread log', explanation: 'A restarted acceptor reads its promise from the accepted field of its log.', machines: { acceptor: misreadLog } },
]);

export const plantedBugs = ['unlogged-promise', 'misread-log', 'adopts-lowest-ballot'] as const;

// `npx fault-lines`: run a shared run and print its narrated trace, check a protocol variant with
// the model checker, or list what there is.
import { faultKinds, quoted } from '../engine';
import { parseArgs } from './args';
import { check } from './check';
import { list, run } from './commands';
import { safeIo, type Io } from './terminal';
import { UsageError } from './usage-error';

export type { Io };

export const usage = `usage:
  fault-lines list
      protocols, their variants and scenarios
  fault-lines run <share-link | file | protocol/scenario>
      replay a run and print its narrated trace
  fault-lines check <protocol> [--variant ID] [--set key=value]... [--depth N]
                    ${faultKinds.map(({ kind }) => `[--${kind} N]`).join(' ')}
                    [--max-states N] [--base URL] [--from-start] [--walks N]
                    [--target RULE] [--timed] [--max-delay N]
      search every order of events and faults within the bounds (defaults: the
      protocol's small instance, e.g. 2 participants for two-phase commit, depth 12,
      1 crash, 1 loss; Paxos and quorum replication start where it gets interesting,
      as the first line says, unless --from-start); it stops before memory runs
      out, and shows progress on a terminal; timers may fire before they fall due
      unless --timed: timers then fire at their due tick, in order, and messages
      arrive at or after theirs (at most N ticks after with --max-delay N);
      --target RULE looks for one invariant's breach or a state where a
      condition holds (e.g. --target zombie); --walks N takes N seeded random walks of up to 40 steps first, shrinking any
      run that breaks a rule (5,000 by default with --from-start, else none);
      exit 0 when nothing breaks, 1 with the shortest violating run (or the
      shrunk run a walk found)
`;

const known = ['variant', 'set', 'depth', ...faultKinds.map(({ kind }) => kind), 'max-states', 'base', 'walks', 'target', 'max-delay'];

export async function main(argv: readonly string[], given: Io): Promise<number> {
  const io = safeIo(given);
  const parsed = parseArgs(argv, known, ['from-start', 'timed']);
  const fail = (reason: string) => {
    io.err.write(`fault-lines: ${reason}\n\n${usage}`);
    return 2;
  };
  if (!parsed.ok) return fail(parsed.reason);
  const command = parsed.parsed.positional[0];
  try {
    switch (command) {
      case 'list':
        return list(io);
      case 'run':
        return run(io, parsed.parsed);
      case 'check':
        return check(io, parsed.parsed);
      case undefined:
      case 'help':
        io.out.write(usage);
        return command === undefined ? 2 : 0;
      default:
        return fail(`unknown command ${quoted(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
}

// The time `fault-lines check paxos --from-start` takes to catch each Paxos bug, the planted ones
// included (src/protocols/paxos/testing/planted.ts): random walks first, then, when they find
// nothing, the breadth-first search to the default depth. The issue that asked for it: a minute.
import { checkWorld, walkWorld } from '../../src/engine';
import { WALK_STEPS, WALKS_FROM_START } from '../../src/cli/check';
import { paxosWithPlantedBugs } from '../../src/protocols/paxos/testing/planted';
import type { Figure } from './figure';

const paxos = paxosWithPlantedBugs;

function fromStart(variant: string): Figure {
  const config = paxos.defaults();
  const system = paxos.build(config, variant);
  const { budget, maxDepth } = paxos.checking;
  const started = performance.now();
  const walked = walkWorld(system, 1, { walks: WALKS_FROM_START, steps: WALK_STEPS, budget });
  let note: string;
  if (walked.kind === 'violation') note = `${walked.rule} in ${walked.choices.length} steps by random walk ${walked.walk} (shrunk from ${walked.walkedSteps})`;
  else {
    const searched = checkWorld(system, 1, { maxDepth, maxStates: 3_000_000, budget });
    const found = searched.kind === 'violation' ? `${searched.rule} in ${searched.choices.length} steps` : 'nothing';
    note = `walks found nothing; breadth-first to depth ${maxDepth}: ${found}, ${searched.distinctStates.toLocaleString('en-US')} states`;
  }
  return {
    name: `check paxos --from-start, ${variant}`,
    value: Math.round(performance.now() - started),
    unit: 'ms',
    budget: { limit: 60_000, atLeast: false },
    note,
  };
}

export function fromStartFigures(): Figure[] {
  return paxos.variants.map((v) => fromStart(v.id));
}

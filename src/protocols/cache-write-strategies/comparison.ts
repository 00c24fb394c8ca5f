// One workload under each strategy, for the page's side-by-side costs: the same reads and
// writes, one at a time, each settled before the next, with the same seed.
import type { CostComparison, ScenarioStep } from '../kit';

const op = (node: string, what: string): ScenarioStep[] => [{ do: 'client', node, op: what }, { do: 'settle' }];

export const comparison: CostComparison = {
  title: 'The same reads and writes under each strategy',
  summary:
    'App2 reads x, App1 writes it, App2 reads it twice, App1 reads it, App2 writes it and App1 reads it: one operation at a time, each finished before the next, with the same seed.',
  steps: [...op('App2', 'read x'), ...op('App1', 'write x'), ...op('App2', 'read x'), ...op('App2', 'read x'), ...op('App1', 'read x'), ...op('App2', 'write x'), ...op('App1', 'read x')],
  settings: [
    { label: 'write-through', config: { strategy: 'write-through' } },
    { label: 'write-through in sequence', config: { strategy: 'write-through', sequential: true } },
    { label: 'write-around', config: { strategy: 'write-around' } },
    { label: 'write-back', config: { strategy: 'write-back' } },
  ],
};

// Quorum replication's figures: engine steps and checker states per second, the time the checker
// takes to catch each broken variant with its defaults, and the linearizability checker on a
// 1,000-operation register history (DESIGN.md §7: at most 100 ms).
import { checkRegisterHistory } from '../../src/engine';
import { registerHistory } from '../../src/engine/linearizability/testing';
import { protocolById } from '../../src/protocols/registry';
import { checkerRates, stepsPerSecond, timeToCatch } from './engine';
import { percentiles, type Figure } from './figure';

const quorum = protocolById('quorum-replication')!;

function linearizabilityTime(): Figure[] {
  const histories = [1, 2, 3].map((seed) => registerHistory(1_000, 4, 1, seed));
  const times: number[] = [];
  let explored = 0;
  for (let i = 0; i < 30; i++) {
    const history = histories[i % histories.length]!;
    const started = performance.now();
    const verdict = checkRegisterHistory(history);
    times.push(performance.now() - started);
    if (verdict.kind !== 'linearizable') throw new Error('a history played on a real register was judged not linearizable');
    explored = verdict.explored;
  }
  const { median, p95 } = percentiles(times);
  const name = 'linearizability check of a 1,000-operation register history (4 clients, overlapping)';
  return [
    { name: `${name}, median`, value: median, unit: 'ms', note: `${explored.toLocaleString('en-US')} search steps` },
    { name: `${name}, p95`, value: p95, unit: 'ms', budget: { limit: 100, atLeast: false } },
  ];
}

export function quorumFigures(): Figure[] {
  const { config, maxDepth } = quorum.checking;
  return [
    stepsPerSecond(quorum, {}, 'quorum replication, 2 clients, 4 nodes, N = 3'),
    ...checkerRates('quorum replication, linearizable', { protocol: quorum, input: config, variant: 'correct', maxDepth, maxStates: 400_000 }),
    ...checkerRates('quorum replication, dynamo', { protocol: quorum, input: { ...config, consistency: 'dynamo' }, variant: 'correct', maxDepth, maxStates: 400_000 }),
    ...quorum.variants.filter((v) => v.id !== 'correct').map((v) => timeToCatch(quorum, v.id)),
    ...linearizabilityTime(),
  ];
}

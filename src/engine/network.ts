import type { NodeId } from './types';

/**
 * The network's behaviour, as typed data. Probabilities are whole percentages so that a run
 * tuple stays exact in a URL. Faults drawn from these are scheduler decisions (see `next`),
 * recorded as explicit choices, so replaying the choices never consults them again.
 */
export interface NetworkOptions {
  /** Fewest ticks a message spends in flight. */
  readonly latencyTicksMin: number;
  /** Most ticks a message spends in flight. */
  readonly latencyTicksMax: number;
  /** Chance, in percent, that the default scheduler loses a message instead of delivering it. */
  readonly lossPercent: number;
  /** Chance, in percent, that the default scheduler duplicates a message before delivering it. */
  readonly duplicationPercent: number;
}

export const defaultNetwork: NetworkOptions = {
  latencyTicksMin: 8,
  latencyTicksMax: 16,
  lossPercent: 0,
  duplicationPercent: 0,
};

/** Groups of nodes that can talk among themselves; `null` means the network is whole. */
export type Partition = readonly (readonly NodeId[])[] | null;

/** Whether a message from `a` can reach `b` under the partition. */
export function reachable(partition: Partition, a: NodeId, b: NodeId): boolean {
  if (partition === null || a === b) return true;
  for (const group of partition) {
    const hasA = group.includes(a);
    if (hasA || group.includes(b)) return hasA && group.includes(b);
  }
  return true;
}

/** Validates network options; returns a message for the first bad field, or null. */
export function networkProblem(options: NetworkOptions): string | null {
  const { latencyTicksMin: min, latencyTicksMax: max, lossPercent, duplicationPercent } = options;
  if (!Number.isInteger(min) || min < 1) return 'latencyTicksMin must be a whole number of ticks, at least 1';
  if (!Number.isInteger(max) || max < min) return 'latencyTicksMax must be a whole number, at least latencyTicksMin';
  if (!Number.isInteger(lossPercent) || lossPercent < 0 || lossPercent > 100) return 'lossPercent must be 0 to 100';
  if (!Number.isInteger(duplicationPercent) || duplicationPercent < 0 || duplicationPercent > 100)
    return 'duplicationPercent must be 0 to 100';
  return null;
}

// An application server's context: who it is, how the cache is configured, and the one client
// operation it is carrying out (servers take one operation at a time, like Jepsen's processes).
import type { NodeId, Persisted } from '../../engine';
import type { MachineInput } from '../kit';
import type { WriteStep } from './app-plan';
import { keysOf, letterOf, type CacheConfig, type Strategy } from './config';

export interface Operation {
  readonly id: string;
  readonly action: 'read' | 'write';
  readonly key: string;
  /** The value being written (writes only). */
  readonly value: string | null;
  /** The operation's number at this server, so the cache can tell a late unversioned SET. */
  readonly seq: number;
  readonly plan: readonly WriteStep[];
  /** Which step of the plan is under way. */
  readonly step: number;
  /** The version the write got, or the read returned. */
  readonly version: number | null;
  /** The lease of a cache-aside miss, for the FILL. */
  readonly lease: string | null;
}

export interface AppContext {
  readonly name: string;
  /** The name its operations carry: "App1", or "App1.2" after its first restart (so ids stay unique). */
  readonly self: string;
  readonly letter: string;
  readonly boot: number;
  readonly ops: number;
  readonly writes: number;
  readonly keys: readonly string[];
  readonly cache: NodeId;
  readonly db: NodeId;
  /** Which start of the cache it last heard from; its unversioned SETs carry it. */
  readonly cacheBoot: number;
  readonly strategy: Strategy;
  readonly sequential: boolean;
  readonly timeoutTicks: number;
  readonly op: Operation | null;
}

export function initialApp(input: MachineInput<CacheConfig>): AppContext {
  const { self, log } = input;
  const config = self.config;
  const number = (self.peers['app'] ?? []).indexOf(self.id) + 1;
  const boot = bootOf(log);
  return {
    name: self.name,
    self: boot === 1 ? self.name : `${self.name}.${boot}`,
    letter: letterOf(number),
    boot,
    ops: 0,
    writes: 0,
    keys: keysOf(config),
    cache: self.peers['cache']![0]!,
    db: self.peers['database']![0]!,
    cacheBoot: 1,
    strategy: config.strategy,
    sequential: config.sequential,
    timeoutTicks: config.timeoutTicks,
    op: null,
  };
}

function bootOf(log: Persisted | null): number {
  if (log === null) return 1;
  return (typeof log['starts'] === 'number' ? log['starts'] : 1) + 1;
}

/** The value of the server's next write: "a1", "a2" for App1 ("a2.1" once it has restarted). */
export const nextValue = (context: AppContext): string =>
  context.boot === 1 ? `${context.letter}${context.writes + 1}` : `${context.letter}${context.boot}.${context.writes + 1}`;

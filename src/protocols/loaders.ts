// Every protocol as a chunk of its own, for a page that needs only one: a protocol page loads its
// protocol and nothing else. The registry (registry.ts) lists the same protocols for the gallery
// and the CLI; a test keeps the two lists the same.
import type { Protocol } from './kit/types';

const loaders: { readonly [id: string]: () => Promise<Protocol> } = {
  'two-phase-commit': async () => (await import('./two-phase-commit')).twoPhaseCommit,
  paxos: async () => (await import('./paxos')).paxos,
};

export const loadableProtocolIds: readonly string[] = Object.keys(loaders);

/** The protocol with this id, loaded on demand; undefined for an id nobody knows. */
export async function loadProtocol(id: string): Promise<Protocol | undefined> {
  return Object.hasOwn(loaders, id) ? loaders[id]!() : undefined;
}

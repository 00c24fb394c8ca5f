// Every live protocol of the catalogue, loaded: for the CLI, the tests and the home page, which
// need them all. A protocol page loads only its own (catalogue.ts `loadProtocol`).
import { catalogue } from './catalogue';
import type { Protocol } from './kit/types';

export const protocols: readonly Protocol[] = await Promise.all(catalogue.flatMap((entry) => (entry.load === undefined ? [] : [entry.load()])));

export function protocolById(id: string): Protocol | undefined {
  return protocols.find((p) => p.id === id);
}

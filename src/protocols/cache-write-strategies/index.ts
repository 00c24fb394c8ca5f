// Cache write strategies, assembled from their parts.
import { listed } from '../catalogue';
import { asOperation, defineProtocol, inState, type ClientOpDefinition, type CostCounter } from '../kit';
import { app } from './app-server';
import type { AppContext } from './app-context';
import { cache } from './cache';
import { hasDirty, type CacheContext } from './cache-context';
import { comparison } from './comparison';
import { keyNames, options, topology } from './config';
import { database } from './database';
import { describe } from './describe';
import { explainer } from './explainer';
import { describeMessage } from './messages';
import { conditions, invariants } from './rules';
import { scenarios } from './scenarios';
import { variants } from './variants';

/** Idle servers offer a read and a write of each key the config uses. */
const keyOps: ClientOpDefinition<'app', AppContext>[] = keyNames.flatMap((key) =>
  (['read', 'write'] as const).map((action) => ({
    op: `${action} ${key}`,
    role: 'app' as const,
    label: action === 'read' ? `Read ${key}` : `Write ${key}`,
    phrase: action === 'read' ? `read ${key}` : `write a new value to ${key}`,
    offered: (state) => inState(state, 'idle') && state.context.keys.includes(key),
  })),
);

const flushNow: ClientOpDefinition<'cache', CacheContext> = {
  op: 'flush-now',
  role: 'cache',
  label: 'Flush dirty entries now',
  phrase: 'flush its dirty entries to the database now',
  offered: (state) => hasDirty(state.context),
};

const costs: readonly CostCounter[] = [
  { id: 'hits', label: 'cache hits', count: { kind: 'observed', field: 'lookup', equals: 'hit' } },
  { id: 'misses', label: 'cache misses', count: { kind: 'observed', field: 'lookup', equals: 'miss' } },
  { id: 'database-reads', label: 'database reads', count: { kind: 'delivered', types: ['READ'], toRole: 'database' } },
  { id: 'database-writes', label: 'database writes', count: { kind: 'delivered', types: ['WRITE', 'FLUSH'], toRole: 'database' } },
  { id: 'messages', label: 'messages sent', count: { kind: 'sent' } },
];

export const cacheWriteStrategies = defineProtocol({
  ...listed('cache-write-strategies'),
  roles: {
    app: { machine: app, title: 'Application server', min: 1, max: 3 },
    cache: { machine: cache, title: 'Cache', min: 1, max: 1 },
    database: { machine: database, title: 'Database', min: 1, max: 1 },
  },
  config: options,
  topology,
  // Its rules read the history of operations in order (the last acknowledged write of a key, a
  // read that returned after a write): keyed as a set, two histories in another order would merge.
  // The cache's hits and misses, which only the cost panel counts, stay a set.
  orderedObservations: (value) => asOperation(value) !== null,
  variants,
  invariants,
  conditions,
  clientOps: [...keyOps, flushNow],
  describe,
  describeMessage,
  scenarios,
  explainer,
  costs,
  comparison,
  // Two servers and one key are enough for every bug here: one server writes while the other
  // reads. The search starts with both operations begun, so its depth goes to the race.
  checking: {
    config: { apps: 2, keys: 1 },
    prefixFor: (config) => ({
      summary: config['apps'] === 1 ? 'App1 has begun a write of x' : 'App1 has begun a write of x, and App2 a read of x',
      steps: [
        { do: 'client', node: 'App1', op: 'write x' },
        ...(config['apps'] === 1 ? [] : [{ do: 'client', node: 'App2', op: 'read x' } as const]),
      ],
    }),
    maxDepth: 10,
    budget: { crashes: 1, losses: 1, duplicates: 0, partitions: 0 },
    // The guarantees are about the cache and the database failing. A server that crashes leaves
    // its own operation unfinished for good, which no strategy can repair (see rules.ts).
    crashRoles: ['cache', 'database'],
  },
});

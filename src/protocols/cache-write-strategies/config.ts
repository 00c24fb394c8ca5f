// The options of the cache protocol (the kit adds the shared network options) and its topology:
// application servers App1..App3, then one cache, then one database.
import type { ConfigOf, ConfigOption, Placement } from '../kit';

export const options = [
  {
    key: 'strategy',
    label: 'Write strategy',
    help: 'Write-through writes the database and the cache; write-around writes the database and invalidates the cached copy; write-back writes only the cache, which flushes to the database later.',
    kind: 'enum',
    default: 'write-through',
    values: ['write-through', 'write-around', 'write-back'],
    message: 'write-through, write-around or write-back',
  },
  {
    key: 'sequential',
    label: 'Write-through in sequence',
    help: 'Write-through writes the database first and then the cache, instead of both at once.',
    kind: 'boolean',
    default: false,
  },
  {
    key: 'readThrough',
    label: 'Read-through',
    help: 'On a miss the cache reads the database itself; otherwise the application server reads it and fills the cache (cache-aside).',
    kind: 'boolean',
    default: false,
  },
  {
    key: 'apps',
    label: 'Application servers',
    help: 'How many application servers read and write through the cache.',
    kind: 'int',
    default: 2,
    min: 1,
    max: 3,
    message: '1 to 3 application servers',
  },
  {
    key: 'keys',
    label: 'Keys',
    help: 'How many keys (x, y, z) the application uses.',
    kind: 'int',
    default: 1,
    min: 1,
    max: 3,
    message: '1 to 3 keys',
  },
  {
    key: 'ttlTicks',
    label: 'Entry lifetime, TTL (ticks)',
    help: 'How long a cached entry lives before it expires; 0 keeps entries until they are evicted or invalidated.',
    kind: 'int',
    default: 0,
    min: 0,
    max: 5000,
    message: '0 (no expiry) to 5000 ticks',
  },
  {
    key: 'capacity',
    label: 'Cache capacity (entries)',
    help: 'How many entries the cache holds before it evicts the least recently used; 0 means no limit.',
    kind: 'int',
    default: 0,
    min: 0,
    max: 3,
    message: '0 (no limit) to 3 entries',
  },
  {
    key: 'flushTicks',
    label: 'Write-back flush interval (ticks)',
    help: 'How long a write-back cache waits before it flushes its dirty entries to the database.',
    kind: 'int',
    default: 120,
    min: 10,
    max: 5000,
    message: '10 to 5000 ticks',
  },
  {
    key: 'timeoutTicks',
    label: 'Request timeout (ticks)',
    help: 'How long an application server waits for an answer before it resends (writes) or gives up (reads).',
    kind: 'int',
    default: 80,
    min: 10,
    max: 5000,
    message: '10 to 5000 ticks',
  },
  {
    key: 'warm',
    label: 'Start warm',
    help: 'The cache starts holding every key, as after a warm-up; otherwise it starts empty.',
    kind: 'boolean',
    default: false,
  },
] as const satisfies readonly ConfigOption[];

/** The config as the machines read it: `strategy`, `sequential`, `readThrough`, `apps`, `keys`... */
export type CacheConfig = ConfigOf<typeof options>;

export type Strategy = CacheConfig['strategy'];

export const keyNames = ['x', 'y', 'z'] as const;

/** The keys a config uses: ["x"], ["x", "y"] or ["x", "y", "z"]. */
export const keysOf = (config: Pick<CacheConfig, 'keys'>): string[] => keyNames.slice(0, config.keys);

/** Every key starts in the database with this value, at version 0. */
export const initialValue = (key: string): string => `${key}0`;

/** The letter App1 writes its values with ("a1", "a2"), App2 with "b", App3 with "c". */
export const letterOf = (app: number): string => String.fromCharCode(96 + app);

export function topology(config: CacheConfig): Placement[] {
  return [
    ...Array.from({ length: config.apps }, (_, i) => ({ role: 'app', name: `App${i + 1}` })),
    { role: 'cache', name: 'Cache' },
    { role: 'database', name: 'DB' },
  ];
}
